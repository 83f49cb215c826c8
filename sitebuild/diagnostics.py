"""Give MkDocs's own messages about a page the Markdown file and line they are about.

MkDocs validates links and anchors and pymdownx.snippets checks includes, but their messages name
only the page ('index.md'). This logging filter finds the offending text in the page's source and
puts `docs/<lang>/<page>.md:<line>:` in front, so a contributor can jump straight to it.
"""
import logging
import re

from . import ROOT, site

PATTERNS = [
    re.compile(r"Doc file '(?P<page>[^']+)' contains a link (?:to )?'(?P<needle>[^']+)'"),
    re.compile(r"Error reading page '(?P<page>[^']+)':.*Snippet at path '(?P<needle>[^':]+)"),
    re.compile(r"Error reading page '(?P<page>[^']+)'"),
]
LOGGERS = ("mkdocs.structure.pages", "mkdocs.commands.build")


class AddSourceLine(logging.Filter):
    def __init__(self, lang):
        super().__init__()
        self.lang = lang

    def filter(self, record):
        message = record.getMessage()
        for pattern in PATTERNS:
            match = pattern.search(message)
            if match and not message.startswith("docs/"):
                record.msg, record.args = f"{self.locate(match)}: {message}", ()
                break
        return True

    def locate(self, match):
        """'docs/<lang>/<page>:<line>' of the first line that holds the needle (line omitted if none)."""
        page, needle = match["page"], match.groupdict().get("needle")
        for lang in (self.lang, site.other_language(self.lang)):
            path = ROOT / site.language(lang).docs / page
            if path.exists():
                for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                    if needle and needle in line:
                        return f"docs/{lang}/{page}:{number}"
                return f"docs/{lang}/{page}"
        return page


def install(lang):
    """Attach the filter (once) to the loggers that report page problems."""
    for name in LOGGERS:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if isinstance(f, AddSourceLine)]:
            logger.removeFilter(old)
        logger.addFilter(AddSourceLine(lang))
