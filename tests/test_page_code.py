"""Every Python block a reader sees runs, top to bottom, and prints what the page says it prints.

The blocks run as a reader who has only the site runs them: in an empty folder outside the
repository, without PYTHONPATH, after doing what the page's get-code note says (download
snippets.zip, run the command shown). A framework block whose framework is missing is skipped alone
(its page's other blocks still run and are checked) with a warning; in CI (CI=true) it must run.

Both languages show the same code (one source, sitebuild/parity.py): a page whose code, downloads
and commands are the same in both (pagerun.inputs) runs once, and what it printed is compared with
the output each language shows. A page whose code differs runs once per language.
"""
import warnings

import pytest

from conftest import IN_CI, LANGS, markdown_of, page_sources, page_url
import pagerun
from sitebuild import codeblocks

NAMES = list(dict.fromkeys(name for _, name in page_sources()))


def _pages(site, name):
    """(lang, page HTML, download) of each language's page `name` that has Python blocks."""
    found = []
    for lang in LANGS:
        if (lang, name) not in page_sources():
            continue
        page_file = site / page_url(lang, name)
        page_html = page_file.read_text(encoding="utf-8")
        if codeblocks.python_steps(page_html):
            found.append((lang, page_html, lambda href, folder=page_file.parent: (folder / href).resolve()))
    return found


def _run_each_once(site, name, tmp_path, cpu=None):
    """[(lang, PageRun, folder it ran in or None)] for each language's page: run, or seen from the run
    of the other language's page when both have the same inputs (then no folder: its figures are the
    first run's)."""
    runs, found = {}, []
    for lang, page_html, download in _pages(site, name):
        key = pagerun.inputs(page_html, download)
        if key in runs:
            found.append((lang, pagerun.seen_from(runs[key], page_html, markdown_of(lang, name)), None))
            continue
        folder = tmp_path / lang
        folder.mkdir()
        runs[key] = pagerun.run_page(page_html, markdown_of(lang, name), folder, download,
                                     skip_missing_frameworks=not IN_CI, cpu=cpu)
        found.append((lang, runs[key], folder))
    if not found:
        pytest.skip("no Python blocks on this page")
    return found


@pytest.mark.parametrize("name", NAMES)
def test_page_blocks_run_and_print_what_is_shown(site, name, tmp_path):
    def shown_figure(figure, fig_lang, theme):
        return site / ("" if fig_lang == LANGS[0] else fig_lang) / "figures" / f"{figure}.{theme}.svg"

    problems, skipped = [], []
    for lang, ran, folder in _run_each_once(site, name, tmp_path):
        problems += pagerun.compare(ran, folder, shown_figure)
        skipped += ran.skipped
    assert not problems, "\n\n".join(problems)
    for reason in skipped:
        warnings.warn(f"not run: {reason}", stacklevel=1)


@pytest.mark.parametrize("name", NAMES)
def test_page_prints_the_same_on_another_cpu(site, name, tmp_path):
    """What a page prints does not hang on this CPU's last bits: with NumPy's SIMD loops and
    OpenBLAS's kernels of an older CPU (pagerun.other_cpu) its blocks print exactly what it shows.
    A chaotic run (a long training at a large learning rate, say) fails here and would print other
    numbers on a reader's machine. Figures are not compared: their last digits may differ, what
    they show does not."""
    cpu = pagerun.other_cpu()
    problems = [problem for _, ran, _ in _run_each_once(site, name, tmp_path, cpu)
                for problem in pagerun.compare(ran, how=f"with {cpu} the code prints")]
    assert not problems, "\n\n".join(problems)
