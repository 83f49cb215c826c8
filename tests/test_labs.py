"""Lab notebooks: one per language at the same path, with identical code cells and no math."""
import json
import re

import pytest

from conftest import LANGS, ROOT, markdown_of
from sitebuild import labs, site as site_model

# A cell's printed text in nbconvert's HTML: an output area whose <pre> holds something.
EXECUTED_OUTPUT = re.compile(r'jp-OutputArea-output"[^>]*data-mime-type="text/plain"[^>]*>\s*<pre>\s*\S')
LABS = [name for name in site_model.pages() if name.endswith(".ipynb")]


def cells(lang, name, kind):
    notebook = json.loads(markdown_of(lang, name).read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == kind]


@pytest.mark.parametrize("name", LABS)
def test_lab_exists_in_both_languages_with_the_same_code(name):
    for lang in LANGS:
        assert (ROOT / site_model.language(lang).docs / name).exists(), f"docs/{lang}/{name} is missing"
    first, *others = LANGS
    for other in others:
        assert cells(first, name, "code") == cells(other, name, "code"), (
            f"docs/{first}/{name} and docs/{other}/{name}: code cells differ (translate the prose, not the code)")


@pytest.mark.parametrize("name", LABS)
@pytest.mark.parametrize("lang", LANGS)
def test_lab_is_stored_without_outputs_and_without_math(lang, name):
    notebook = json.loads(markdown_of(lang, name).read_text(encoding="utf-8"))
    for i, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] == "code":
            assert not cell.get("outputs"), f"docs/{lang}/{name} cell {i}: outputs are stored (the build runs it)"
        else:
            assert not re.search(r"\$[^$\s][^$]*\$", "".join(cell["source"])), (
                f"docs/{lang}/{name} cell {i}: math in a lab notebook (keep formulas on the chapter page)")


def test_lab_pages_are_built_executed_and_downloadable(site):
    for name in LABS:
        for lang in LANGS:
            where = site_model.url(name, lang)
            page = (site / where / "index.html").read_text(encoding="utf-8")
            assert EXECUTED_OUTPUT.search(page), f"{where}: no cell printed anything (not executed?)"
            assert '<script src="">' not in page, f"{where}: nbconvert's empty MathJax script"
            assert (site / where / name.split("/")[-1]).exists(), f"{where}: no .ipynb download"


def test_lab_pages_carry_only_the_css_they_use(site):
    """JupyterLab's 570 KB stylesheet is cut to what can match the page (sitebuild/labs.py): the rules for
    cells, outputs and the dark theme stay; those for JupyterLab's own widgets go."""
    for name in LABS:
        for lang in LANGS:
            where = site_model.url(name, lang)
            page = (site / where / "index.html").read_text(encoding="utf-8")
            css = "".join(match["css"] for match in labs.JUPYTER_CSS.finditer(page))
            assert 0 < len(css) < 200_000, f"{where}: {len(css)} characters of JupyterLab CSS"
            for needed in (".jp-OutputArea-output", ".jp-InputArea", "[data-md-color-scheme=slate] .jupyter-wrapper"):
                assert needed in css, f"{where}: the page lost the CSS for {needed}"
            assert ".jp-FileBrowser" not in css, f"{where}: JupyterLab's file browser CSS is still there"


def lab_definitions(name="labs/mlp-from-scratch.ipynb"):
    """The namespace after running the lab's cells that import or define classes (its layers and MLP)."""
    namespace = {}
    for code in cells("en", name, "code"):
        if code.startswith(("import", "class")):
            exec(compile(code, name, "exec"), namespace)
    return namespace


def test_lab_layers_match_the_snippets_layers_on_the_same_seed():
    """The lab builds its layers itself, on the params/grads convention of snippets/layers.py: they give
    the same outputs and gradients. Exact, except from the loss gradient on: the lab divides by N,
    snippets/ multiplies by dout / N, which may round the last bit differently (4 ulp); the network's
    parameter gradients carry that difference through two matrix products, whose sums of terms of
    both signs can enlarge it relative to a small entry, so they are compared to 1e-12 (or 1e-15
    absolute, for entries near 0), still a million times tighter than any wrong gradient."""
    import numpy as np
    from numpy.testing import assert_allclose, assert_array_equal

    from snippets import layers, mlp

    lab = lab_definitions()
    rng = np.random.default_rng(0)
    x, dout, W, b = (rng.standard_normal(shape) for shape in ((5, 4), (5, 3), (4, 3), (3,)))
    for ours, theirs in [(lab["Dense"](W.copy(), b.copy()), layers.Dense(W.copy(), b.copy())),
                         (lab["ReLU"](), layers.ReLU()), (lab["Tanh"](), layers.Tanh())]:
        inputs, grad_out = (x, dout) if ours.__class__.__name__ == "Dense" else (dout, dout)
        assert_array_equal(ours.forward(inputs), theirs.forward(inputs))
        assert_array_equal(ours.backward(grad_out), theirs.backward(grad_out))
        for key in getattr(theirs, "grads", {}):
            assert_array_equal(ours.grads[key], theirs.grads[key])

    labels = np.array([0, 2, 1, 1, 0])
    ours, theirs = lab["SoftmaxCrossEntropy"](), layers.SoftmaxCrossEntropy()
    assert ours.forward(dout, labels) == theirs.forward(dout, labels)
    assert_allclose(ours.backward(), theirs.backward(), rtol=4 * np.finfo(float).eps, atol=0)

    for activation in ("tanh", "relu"):
        ours, theirs = lab["MLP"](4, 6, 3, activation, seed=0), mlp.MLP([4, 6, 3], activation)
        for key, value in ours.params.items():   # the lab scales its output layer's init differently
            theirs.params[key][...] = value
        assert ours.loss(x, labels) == theirs.loss(x, labels)
        ours_grads, theirs_grads = ours.backward(), theirs.backward()
        assert ours_grads.keys() == theirs_grads.keys()
        for key in ours_grads:
            assert_allclose(ours_grads[key], theirs_grads[key], rtol=1e-12, atol=1e-15)
