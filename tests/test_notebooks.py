"""Every notebook the site offers for download runs top to bottom for a reader who has only that file.

Each one is executed by nbclient, as Jupyter would, in an empty temporary folder outside the
repository with PYTHONPATH unset: the page notebooks write the snippets/ modules they import
themselves (sitebuild/codeblocks.py), the labs need nothing. Figures drawn by a page notebook
must be the site's figures, byte for byte. A framework cell whose framework is missing is left out,
with a warning (never in CI, where it must run).
"""
import importlib.util
import os
import shutil
import warnings

import nbclient
import nbformat
import pytest

from conftest import IN_CI, ROOT, build, write
import pagerun
from sitebuild import colab


def downloadable_notebooks():
    """(lang, path below the language's site root) of every notebook the site links for download."""
    found = []
    for lang in ("ko", "en"):
        for source in sorted((ROOT / "docs" / lang).glob("**/*.md")) + sorted((ROOT / "docs" / lang).glob("labs/*.ipynb")):
            stem = source.relative_to(ROOT / "docs" / lang).with_suffix("").as_posix()
            if stem != "index":
                found.append((lang, f"{stem}/{stem.rsplit('/', 1)[-1]}.ipynb"))
    return found


@pytest.mark.parametrize("lang,path", downloadable_notebooks(), ids=lambda v: v)
def test_notebook_runs_in_an_empty_folder(site, lang, path, tmp_path):
    built = site / ("" if lang == "ko" else "en") / path
    if not built.exists():
        pytest.skip("this page offers no notebook (no Python blocks)")
    shutil.copy(built, tmp_path / built.name)
    book = nbformat.read(tmp_path / built.name, as_version=4)
    missing = [] if IN_CI else sorted({name for cell in book.cells for name in cell.metadata.get("needs", [])
                                       if importlib.util.find_spec(name) is None})
    if missing:
        warnings.warn(f"{path}: framework cells not run, {', '.join(missing)} not installed", stacklevel=1)
        book.cells = [cell for cell in book.cells if not set(cell.metadata.get("needs", [])) & set(missing)]

    client = nbclient.NotebookClient(book, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(tmp_path)}})
    try:
        client.execute(env=pagerun.reader_env(), cwd=str(tmp_path))
    except nbclient.exceptions.CellExecutionError as error:
        pytest.fail(f"{lang}: {path} fails in an empty folder:\n{error}", pytrace=False)
    for drawn in sorted(tmp_path.glob("*.*.*.svg")):
        name, fig_lang, theme, _ = drawn.name.split(".")
        shown = site / ("" if fig_lang == "ko" else "en") / "figures" / f"{name}.{theme}.svg"
        assert drawn.read_bytes() == shown.read_bytes(), f"{path} draws {drawn.name} unlike the site's figure"


def test_page_notebooks_are_committed_where_colab_opens_them(site):
    built = colab.built_page_notebooks(site)
    committed = {path.relative_to(ROOT).as_posix() for path in (ROOT / colab.FOLDER).glob("*/*.ipynb")}
    stale = sorted(path for path, file in built.items()
                   if not (ROOT / path).is_file() or (ROOT / path).read_bytes() != file.read_bytes())
    assert not stale, f"{', '.join(stale)}: not what the build makes; run `make notebooks`"
    assert committed <= set(built), f"{sorted(committed - set(built))}: no page makes these; run `make notebooks`"


def test_colab_link_only_for_a_github_repository_and_a_committed_notebook(project):
    path = project / "mkdocs.yml"
    path.write_text(path.read_text(encoding="utf-8") + "repo_url: https://github.com/example/site\n", encoding="utf-8")
    for lang in ("ko", "en"):
        write(project / "docs" / lang / "index.md", "# Home { #home }\n\n```python\nx = 1\n```\n")
    write(project / "notebooks/ko/index.ipynb", "{}")   # committed for Korean only
    assert build(project).returncode == 0
    korean = (project / "site/index.html").read_text(encoding="utf-8")
    english = (project / "site/en/index.html").read_text(encoding="utf-8")
    assert 'href="https://colab.research.google.com/github/example/site/blob/main/notebooks/ko/index.ipynb"' in korean
    assert "colab.research.google.com" not in english, "a link to a notebook the repository does not have"


def test_no_colab_link_without_a_repository(site):
    if os.environ.get("REPO_URL"):
        pytest.skip("REPO_URL is set: this build has a repository")
    for page in site.glob("**/index.html"):
        assert "colab.research.google.com" not in page.read_text(encoding="utf-8"), page
