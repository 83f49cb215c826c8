"""Lab notebooks: one per language at the same path, with identical code cells and no math."""
import json
import re

import pytest

from conftest import ROOT
from sitebuild import labs

# A cell's printed text in nbconvert's HTML: an output area whose <pre> holds something.
EXECUTED_OUTPUT = re.compile(r'jp-OutputArea-output"[^>]*data-mime-type="text/plain"[^>]*>\s*<pre>\s*\S')
LABS = sorted({p.relative_to(ROOT / "docs" / lang).as_posix()
               for lang in ("ko", "en") for p in (ROOT / "docs" / lang / "labs").glob("*.ipynb")})


def cells(lang, name, kind):
    notebook = json.loads((ROOT / "docs" / lang / name).read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == kind]


@pytest.mark.parametrize("name", LABS)
def test_lab_exists_in_both_languages_with_the_same_code(name):
    for lang in ("ko", "en"):
        assert (ROOT / "docs" / lang / name).exists(), f"docs/{lang}/{name} is missing"
    assert cells("ko", name, "code") == cells("en", name, "code"), (
        f"docs/ko/{name} and docs/en/{name}: code cells differ (translate the prose, not the code)")


@pytest.mark.parametrize("name", LABS)
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_lab_is_stored_without_outputs_and_without_math(lang, name):
    notebook = json.loads((ROOT / "docs" / lang / name).read_text(encoding="utf-8"))
    for i, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] == "code":
            assert not cell.get("outputs"), f"docs/{lang}/{name} cell {i}: outputs are stored (the build runs it)"
        else:
            assert not re.search(r"\$[^$\s][^$]*\$", "".join(cell["source"])), (
                f"docs/{lang}/{name} cell {i}: math in a lab notebook (keep formulas on the chapter page)")


def test_lab_pages_are_built_executed_and_downloadable(site):
    for name in LABS:
        stem = name[:-len(".ipynb")]
        for prefix in ("", "en/"):
            page = (site / prefix / stem / "index.html").read_text(encoding="utf-8")
            assert EXECUTED_OUTPUT.search(page), f"{prefix}{stem}: no cell printed anything (not executed?)"
            assert '<script src="">' not in page, f"{prefix}{stem}: nbconvert's empty MathJax script"
            assert (site / prefix / stem / name.split("/")[-1]).exists(), f"{prefix}{stem}: no .ipynb download"


def test_lab_pages_carry_only_the_css_they_use(site):
    """JupyterLab's 570 KB stylesheet is cut to what can match the page (sitebuild/labs.py): the rules for
    cells, outputs and the dark theme stay; those for JupyterLab's own widgets go."""
    for name in LABS:
        stem = name[:-len(".ipynb")]
        for prefix in ("", "en/"):
            page = (site / prefix / stem / "index.html").read_text(encoding="utf-8")
            css = "".join(match["css"] for match in labs.JUPYTER_CSS.finditer(page))
            assert 0 < len(css) < 200_000, f"{prefix}{stem}: {len(css)} characters of JupyterLab CSS"
            for needed in (".jp-OutputArea-output", ".jp-InputArea", "[data-md-color-scheme=slate] .jupyter-wrapper"):
                assert needed in css, f"{prefix}{stem}: the page lost the CSS for {needed}"
            assert ".jp-FileBrowser" not in css, f"{prefix}{stem}: JupyterLab's file browser CSS is still there"
