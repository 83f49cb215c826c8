"""Build both languages: `python -m sitebuild.build [SITE_DIR]` (Korean at SITE_DIR, English at SITE_DIR/en).

The languages and their folders are the MkDocs configs (sitebuild/site.py)."""
import logging
import os
import subprocess
import sys
from pathlib import Path

import mkdocs


def unsupported_mkdocs(version):
    """Why this MkDocs cannot build the site, or None. MkDocs 2 drops plugins and hooks, and the site needs
    both (hooks/site.py, mkdocs-jupyter, Material's search): requirements.txt pins 1.x."""
    if version.split(".")[0] != "1":
        return (f"MkDocs {version} is installed, but this site builds with MkDocs 1.x only (MkDocs 2 has no "
                f"plugins or hooks): pip install -r requirements.txt -c constraints.txt")
    return None


if problem := unsupported_mkdocs(mkdocs.__version__):
    sys.exit(problem)

from mkdocs.commands.build import build  # noqa: E402  (after the version check: MkDocs 2 may not have it)
from mkdocs.config import load_config  # noqa: E402
from mkdocs.exceptions import MkDocsException  # noqa: E402

from . import ROOT  # noqa: E402
from .site import languages  # noqa: E402


def build_site(site_dir, serve_url=None):
    """The original language first (its clean step empties SITE_DIR), then each other into its folder (en/)."""
    site_dir = Path(site_dir).resolve()
    for language in languages():
        config_file, target = language.config, site_dir / language.path
        # serve_url replaces SITE_URL; the hook makes the English site's address from it (sitebuild/hosting.py).
        config = load_config(str(config_file), site_dir=str(target), site_url=serve_url)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config, serve_url=config.site_url if serve_url else None)
        finally:
            config.plugins.on_shutdown()


def last_commit_time():
    """The last commit's time (seconds since the epoch) as text, or None outside a git checkout."""
    try:
        done = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True)
    except OSError:
        return None
    return done.stdout.strip() or None


def main():
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    # MkDocs dates the pages and the sitemap (and sitemap.xml.gz's header) with the build's day unless
    # SOURCE_DATE_EPOCH says otherwise: two builds on either side of midnight differed.
    if "SOURCE_DATE_EPOCH" not in os.environ and (epoch := last_commit_time()):
        os.environ["SOURCE_DATE_EPOCH"] = epoch
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    logging.getLogger("mkdocs").propagate = True
    try:
        build_site(sys.argv[1] if len(sys.argv) > 1 else ROOT / "site")
    except MkDocsException as error:
        sys.exit(f"Build failed: {error}")


if __name__ == "__main__":
    main()
