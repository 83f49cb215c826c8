"""snippets/ is clean under pyflakes: no unused imports, no redefinitions, no undefined names.

Each module imports only what it uses; what a page's blocks need comes from the page's set-up
module, `snippets/pages/<page>.py`. pyflakes is pinned in requirements-test.txt: a missing pyflakes
skips this test locally and fails it in CI (CI=true).
"""
import io

import pytest

from conftest import ROOT, need


def test_pyflakes_finds_nothing_in_snippets():
    try:
        from pyflakes import api, reporter
    except ImportError:
        need(False, "pyflakes is not installed (pip install -r requirements-test.txt)")
    out, err = io.StringIO(), io.StringIO()
    count = api.checkRecursive([str(ROOT / "snippets")], reporter.Reporter(out, err))
    found = (out.getvalue() + err.getvalue()).replace(str(ROOT) + "/", "")
    if count:
        pytest.fail(f"pyflakes: {count} warning(s) in snippets/ (file:line:col):\n{found}", pytrace=False)
