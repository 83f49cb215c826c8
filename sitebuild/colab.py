"""Open in Colab: a link for each notebook that is a file of the site's GitHub repository.

Colab opens a notebook from GitHub by its path in the repository, so a link is honest only for a
notebook committed there: the labs (docs/<lang>/labs/*.ipynb) and the page notebooks, which the
build makes from the pages and `make notebooks` keeps in notebooks/<lang>/ (a test fails when they
differ from what the build makes). No link when `repo_url` is not a GitHub repository.

    python -m sitebuild.colab   # make notebooks: write notebooks/<lang>/*.ipynb from a fresh build
"""
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from . import ROOT
from .site import languages

BRANCH = "main"   # .github/workflows/deploy.yml publishes the site from main
FOLDER = "notebooks"
_GITHUB = re.compile(r"https://github\.com/(?P<repo>[\w.-]+/[\w.-]+?)(?:\.git)?/?")


def page_notebook(lang, filename):
    """Where a page notebook is kept in the repository."""
    return f"{FOLDER}/{lang}/{filename}"


def url(repo_url, path):
    """Colab's address of the repository file `path`, or None (not GitHub, or not a file here)."""
    github = _GITHUB.fullmatch(repo_url or "")
    if github is None or not (ROOT / path).is_file():
        return None
    return f"https://colab.research.google.com/github/{github['repo']}/blob/{BRANCH}/{path}"


def built_page_notebooks(site):
    """{repository path: built file} of every page notebook in a built site (labs excluded)."""
    found = {}
    for language in languages():
        for built in sorted((site / language.path).glob("*/*.ipynb")):
            if built.parent.name == built.stem:   # <page>/<page>.ipynb; labs are labs/<name>/<name>.ipynb
                found[page_notebook(language.code, built.name)] = built
    return found


def main():
    with tempfile.TemporaryDirectory() as site:
        subprocess.run([sys.executable, "-m", "sitebuild.build", site], cwd=ROOT, check=True)
        shutil.rmtree(ROOT / FOLDER, ignore_errors=True)
        for path, built in built_page_notebooks(Path(site)).items():
            (ROOT / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(built, ROOT / path)
            print(f"wrote {path}")


if __name__ == "__main__":
    main()
