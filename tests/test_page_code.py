"""Every Python block a reader sees runs, top to bottom, and prints what the page says it prints."""
import pytest

from conftest import IN_CI, markdown_of, page_sources, page_url
from sitebuild import codeblocks, pagerun


@pytest.mark.parametrize("lang,name", page_sources(), ids=lambda v: v)
def test_page_blocks_run_and_print_what_is_shown(site, lang, name, tmp_path):
    page_html = (site / page_url(lang, name)).read_text(encoding="utf-8")
    if not codeblocks.python_steps(page_html):
        pytest.skip("no Python blocks on this page")

    def shown_figure(figure, fig_lang, theme):
        return site / ("" if fig_lang == "ko" else "en") / "figures" / f"{figure}.{theme}.svg"

    check = pagerun.check_page(page_html, markdown_of(lang, name), tmp_path, shown_figure)
    if check.needs_framework and not IN_CI:
        pytest.skip(check.problems[0])
    assert not check.problems, "\n\n".join(check.problems)
