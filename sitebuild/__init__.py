"""Build logic for the site. The MkDocs hooks in hooks/ only call into these modules."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
