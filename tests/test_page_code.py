"""Every Python block a reader sees runs, top to bottom, and prints what the page says it prints."""
import filecmp

import pytest

from conftest import IN_CI, markdown_of, page_sources, page_url
from sitebuild import codeblocks, pagerun

FRAMEWORKS = ("torch", "keras")


@pytest.mark.parametrize("lang,name", page_sources(), ids=lambda v: v)
def test_page_blocks_run_and_print_what_is_shown(site, lang, name, tmp_path):
    source = markdown_of(lang, name)
    steps = codeblocks.python_steps((site / page_url(lang, name)).read_text(encoding="utf-8"))
    if not steps:
        pytest.skip("no Python blocks on this page")
    lines = pagerun.python_fence_lines(source.read_text(encoding="utf-8"))
    where = [f"{source.relative_to(source.parents[2]).as_posix()}:{lines[i] if i < len(lines) else '?'}"
             for i in range(len(steps))]
    labels = [f"{w} ({s.title or 'inline block'})" for w, s in zip(where, steps)]

    result = pagerun.run_blocks([s.code for s in steps], labels, tmp_path)

    if result.failed_block is not None:
        missing = result.error_type == "ModuleNotFoundError" and any(
            f"No module named '{f}" in result.stderr for f in FRAMEWORKS)
        if missing and not IN_CI:
            pytest.skip(f"{labels[result.failed_block]} needs a framework that is not installed here")
        pytest.fail(f"{labels[result.failed_block]} raised:\n{result.stderr}", pytrace=False)
    for i, (step, printed) in enumerate(zip(steps, result.outputs)):
        if step.expected_output is not None:
            assert pagerun.same_output(step.expected_output, printed), (
                f"{labels[i]}: the page shows\n{step.expected_output}\nbut the code prints\n{printed}")
        else:
            assert not printed.strip(), (
                f"{labels[i]} prints output that the page does not show (add a ```text block after it):\n{printed}")

    # Figure code run by the reader draws exactly the files the site shows.
    for drawn in sorted(tmp_path.glob("*.*.*.svg")):
        figure, fig_lang, theme, _ = drawn.name.split(".")
        shown = site / ("" if fig_lang == "ko" else "en") / "figures" / f"{figure}.{theme}.svg"
        assert filecmp.cmp(drawn, shown, shallow=False), f"{drawn.name} differs from the site's {shown}"
