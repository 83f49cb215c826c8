"""Every Python block a reader sees runs, top to bottom, and prints what the page says it prints.

The blocks run as a reader who has only the site runs them: in an empty folder outside the
repository, without PYTHONPATH, after doing what the page's get-code note says (download
snippets.zip, run the command shown). A framework block whose framework is missing is skipped alone
(its page's other blocks still run and are checked) with a warning; in CI (CI=true) it must run.
"""
import warnings

import pytest

from conftest import IN_CI, markdown_of, page_sources, page_url
import pagerun
from sitebuild import codeblocks
from sitebuild import site as site_model


@pytest.mark.parametrize("lang,name", page_sources(), ids=lambda v: v)
def test_page_blocks_run_and_print_what_is_shown(site, lang, name, tmp_path):
    page_file = site / page_url(lang, name)
    page_html = page_file.read_text(encoding="utf-8")
    if not codeblocks.python_steps(page_html):
        pytest.skip("no Python blocks on this page")

    def shown_figure(figure, fig_lang, theme):
        return site / ("" if fig_lang == "ko" else "en") / "figures" / f"{figure}.{theme}.svg"

    def download(href):
        return (page_file.parent / href).resolve()

    check = pagerun.check_page(page_html, markdown_of(lang, name), tmp_path, shown_figure, download,
                               skip_missing_frameworks=not IN_CI)
    assert not check.problems, "\n\n".join(check.problems)
    for reason in check.skipped:
        warnings.warn(f"not run: {reason}", stacklevel=1)


@pytest.mark.parametrize("name", [name for lang, name in page_sources() if lang == site_model.codes()[0]])
def test_page_prints_the_same_on_another_cpu(site, name, tmp_path):
    """What a page prints does not hang on this CPU's last bits: with NumPy's SIMD loops and
    OpenBLAS's kernels of an older CPU (pagerun.other_cpu) its blocks print exactly what it shows.
    A chaotic run (a long training at a large learning rate, say) fails here and would print other
    numbers on a reader's machine. Both languages run the same code, so the original's pages run.
    Figures are not compared: their last digits may differ, what they show does not."""
    lang = site_model.codes()[0]
    page_file = site / page_url(lang, name)
    page_html = page_file.read_text(encoding="utf-8")
    if not codeblocks.python_steps(page_html):
        pytest.skip("no Python blocks on this page")
    ran = pagerun.run_page(page_html, markdown_of(lang, name), tmp_path,
                           lambda href: (page_file.parent / href).resolve(),
                           skip_missing_frameworks=not IN_CI, cpu=pagerun.other_cpu())
    problems = ran.problems + [
        f"{label}: the page shows\n{step.expected_output}\nbut with {pagerun.other_cpu()} the code prints\n{printed}"
        for label, step, printed in zip(ran.labels, ran.steps, ran.printed)
        if printed is not None and step.expected_output is not None
        and not pagerun.same_output(step.expected_output, printed)]
    assert not problems, "\n\n".join(problems)
