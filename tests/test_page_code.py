"""Every Python block a reader sees runs, top to bottom, and prints what the page says it prints.

The blocks run as a reader who has only the site runs them: in an empty folder outside the
repository, without PYTHONPATH, after doing what the page's get-code note says (download
snippets.zip, run the command shown). A framework block whose framework is missing is skipped alone
(its page's other blocks still run and are checked) with a warning; in CI (CI=true) it must run.
They run with the numerical kernels of another CPU than this one (pagerun.other_cpu); on this CPU
they run as the page's notebook (tests/test_notebooks.py), which checks their printed output up to the
page's first exercise solution (the notebook has the stubs, not the solutions).

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


def _run_each_once(site, name, tmp_path, cpu):
    """[PageRun] of each language's page: run with the CPU variables `cpu`, or seen from the run of
    the other language's page when both have the same inputs."""
    runs, found = {}, []
    for lang, page_html, download in _pages(site, name):
        key = pagerun.inputs(page_html, download)
        if key in runs:
            found.append(pagerun.seen_from(runs[key], page_html, markdown_of(lang, name)))
            continue
        folder = tmp_path / lang
        folder.mkdir()
        runs[key] = pagerun.run_page(page_html, markdown_of(lang, name), folder, download,
                                     skip_missing_frameworks=not IN_CI, cpu=cpu)
        found.append(runs[key])
    if not found:
        pytest.skip("no Python blocks on this page")
    return found


@pytest.mark.parametrize("name", NAMES)
def test_page_blocks_run_and_print_what_is_shown(site, name, tmp_path):
    """The page's blocks run as a reader copies them, and print what the page shows, on another CPU:
    with NumPy's SIMD loops and OpenBLAS's kernels of an older CPU (pagerun.other_cpu). What a page
    prints must not hang on a CPU's last bits: a chaotic run (a long training at a large learning
    rate, say) fails here and would print other numbers on a reader's machine.
    The same code also runs on this CPU, in Jupyter, as the page's notebook (tests/test_notebooks.py):
    that run checks what it prints against the page up to the first solution, and draws the site's
    figures byte for byte. Here figures are not compared: their last digits may differ on another
    CPU, what they show does not."""
    cpu = pagerun.other_cpu()
    problems, skipped = [], []
    for ran in _run_each_once(site, name, tmp_path, cpu):
        problems += pagerun.compare(ran, how=f"with {cpu} the code prints")
        skipped += ran.skipped
    assert not problems, "\n\n".join(problems)
    for reason in skipped:
        warnings.warn(f"not run: {reason}", stacklevel=1)
