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
