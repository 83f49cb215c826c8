"""Every notebook the site offers for download runs top to bottom for a reader who has only that file.

Each one is executed by nbclient, as Jupyter would, in an empty temporary folder outside the
repository with PYTHONPATH unset: the page notebooks write the snippets/ modules they import
themselves (sitebuild/codeblocks.py), the labs need nothing. Figures drawn by a page notebook
must be the site's figures, byte for byte, and each cell must print what the page shows under its
block, up to the page's first exercise solution (pagerun.from_notebook). That is the run of each
page's code on this CPU: tests/test_page_code.py runs the page's blocks on another CPU's kernels.
A framework cell whose framework is missing is left out, with a warning (never in CI, where it must run).
"""
import importlib.util
import os
import shutil
import warnings

import nbclient
import nbformat
import pytest

from conftest import IN_CI, LANGS, ROOT, build, markdown_of, page_sources, write
import pagerun
from sitebuild import colab


def downloadable_notebooks():
    """Path below a language's site root of every notebook the site links for download, each once."""
    found = []
    for lang in LANGS:
        for source in sorted((ROOT / "docs" / lang).glob("**/*.md")) + sorted((ROOT / "docs" / lang).glob("labs/*.ipynb")):
            stem = source.relative_to(ROOT / "docs" / lang).with_suffix("").as_posix()
            if stem != "index":
                found.append(f"{stem}/{stem.rsplit('/', 1)[-1]}.ipynb")
    return list(dict.fromkeys(found))


def _code_cells(book):
    """What running the notebook depends on: its code cells, in order (markdown cells do nothing)."""
    return [(cell.source, cell.metadata.get("needs", [])) for cell in book.cells if cell.cell_type == "code"]


@pytest.mark.parametrize("path", downloadable_notebooks())
def test_notebook_runs_in_an_empty_folder(site, path, tmp_path):
    """Each language's notebook; one whose code cells are those of the other language's runs once
    (the two differ in their prose only: one source of code), and what it printed is compared with
    the output each language's page shows."""
    ran, problems = [], []   # ran: (code cells, the notebook run with them)
    for lang in LANGS:
        built = site / ("" if lang == LANGS[0] else lang) / path
        if not built.exists():
            continue
        book = nbformat.read(built, as_version=4)
        cells = _code_cells(book)   # before the run, which may leave out framework cells
        executed = next((run for done, run in ran if done == cells), None)
        if executed is None:
            executed = _run_in_empty_folder(site, lang, path, built, book, tmp_path / lang)
            ran.append((cells, executed))
        page = path.rsplit("/", 1)[0] + ".md"
        if (lang, page) in page_sources():   # a chapter's notebook, not a lab
            page_html = (built.parent / "index.html").read_text(encoding="utf-8")
            problems += pagerun.compare(pagerun.from_notebook(page_html, markdown_of(lang, page), executed),
                                        how="in Jupyter its notebook cell prints")
    if not ran:
        pytest.skip("this page offers no notebook (no Python blocks)")
    assert not problems, "\n\n".join(problems)


def _run_in_empty_folder(site, lang, path, built, book, folder):
    folder.mkdir()
    shutil.copy(built, folder / built.name)
    missing = [] if IN_CI else sorted({name for cell in book.cells for name in cell.metadata.get("needs", [])
                                       if importlib.util.find_spec(name) is None})
    if missing:
        warnings.warn(f"{path}: framework cells not run, {', '.join(missing)} not installed", stacklevel=1)
        book.cells = [cell for cell in book.cells if not set(cell.metadata.get("needs", [])) & set(missing)]

    client = nbclient.NotebookClient(book, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(folder)}})
    try:
        client.execute(env=pagerun.reader_env(), cwd=str(folder))
    except nbclient.exceptions.CellExecutionError as error:
        pytest.fail(f"{lang}: {path} fails in an empty folder:\n{error}", pytrace=False)
    for drawn in sorted(folder.glob("*.*.*.svg")):
        name, fig_lang, theme, _ = drawn.name.split(".")
        shown = site / ("" if fig_lang == LANGS[0] else fig_lang) / "figures" / f"{name}.{theme}.svg"
        assert drawn.read_bytes() == shown.read_bytes(), f"{lang}: {path} draws {drawn.name} unlike the site's figure"
    return book


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
