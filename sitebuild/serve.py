"""`python -m sitebuild.serve`: both languages with live reload (Korean at /, English at /en/).

`mkdocs serve` serves one config; this rebuilds both on every change, using MkDocs's own
live-reload server. Figures are cached, so an edit to prose rebuilds in about a second.
"""
import logging
import os
import shutil
import sys
import tempfile

from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer

from . import ROOT
from .build import build_site
from .site import config_files, languages

WATCHED = [ROOT / path for path in ("docs", "snippets", "overrides", "hooks", "sitebuild")] + config_files()


def main(host="127.0.0.1", port=8000):
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    site_dir = tempfile.mkdtemp(prefix="site-")
    url = f"http://{host}:{port}/"

    def builder():
        try:
            build_site(site_dir, serve_url=url)
        except MkDocsException as error:   # keep serving; the message says what to fix
            logging.error("Build failed: %s", error)

    server = LiveReloadServer(builder=builder, host=host, port=port, root=site_dir)
    try:
        builder()
        for path in WATCHED:
            server.watch(str(path))
        print("   ".join(f"{language.code}: {url}{language.path}" for language in languages()), file=sys.stderr)
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)


if __name__ == "__main__":
    main(*sys.argv[1:2])
