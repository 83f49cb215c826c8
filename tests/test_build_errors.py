"""Bad input gets a clear answer: each mistake a contributor can make fails with the file and line."""
import re
import textwrap

import pytest

from conftest import build, write
import pagerun


def add_to_index(project, text, lang="ko"):
    path = project / "docs" / lang / "index.md"
    path.write_text(path.read_text(encoding="utf-8") + textwrap.dedent(text), encoding="utf-8")


FIGURE = '''\
from matplotlib.figure import Figure

from snippets import plotstyle


def figure(lang, theme):
    plotstyle.use(theme)
    fig = Figure(figsize=(2, 2))
    fig.subplots().plot([0, 1], [0, {value}])
    return fig
'''


def test_figure_that_raises_names_the_snippet_file_and_line(project):
    write(project / "snippets/figures/broken.py", FIGURE.format(value="1 / 0"))
    add_to_index(project, "\n![a figure](fig:broken)\n")
    done = build(project)
    assert done.returncode != 0
    assert "snippets/figures/broken.py:9" in done.stderr and "ZeroDivisionError" in done.stderr, done.stderr
    assert not list((project / ".cache" / "figures").glob("broken-*")), "a failed figure was cached"


def test_figure_that_runs_too_long_times_out(project):
    write(project / "snippets/figures/slow.py", "import time\n" + FIGURE.format(value="time.sleep(30)"))
    add_to_index(project, "\n![a figure](fig:slow)\n")
    done = build(project, FIGURE_TIMEOUT="3")
    assert done.returncode != 0
    assert "snippets/figures/slow.py: timed out after 3 s" in done.stderr, done.stderr


def test_unknown_figure_names_the_page_and_line(project):
    add_to_index(project, "\n![a figure](fig:no_such_figure)\n")
    done = build(project)
    assert done.returncode != 0
    assert "docs/ko/index.md:5: unknown figure 'no_such_figure'" in done.stderr, done.stderr


def test_latex_error_names_the_page_and_line(project):
    add_to_index(project, "\nMath: $\\frac{1}{2} + \\nosuchcommand{x}$\n")
    done = build(project)
    assert done.returncode != 0
    assert "docs/ko/index.md:5:" in done.stderr and "nosuchcommand" in done.stderr, done.stderr


@pytest.mark.parametrize("text,line", [
    # the broken formula's text is shown first as code: the error is where it is math
    ("\nWrite `$\\nosuchcommand{x}$` for it.\n\nMath: $\\nosuchcommand{x}$\n", 7),
    # two display formulas start with the same line: the error is in the second
    ("\n$$\n\\begin{aligned}\na &= 1\n\\end{aligned}\n$$\n\n"
     "$$\n\\begin{aligned}\nb &= \\nosuchcommand{x}\n\\end{aligned}\n$$\n", 12),
])
def test_latex_error_names_the_line_of_that_formula(project, text, line):
    add_to_index(project, text)
    done = build(project)
    assert done.returncode != 0
    assert f"docs/ko/index.md:{line}: " in done.stderr and "nosuchcommand" in done.stderr, done.stderr


@pytest.mark.parametrize("link,expected", [("no-such-page.md", "no-such-page.md"),
                                           ("#no-such-anchor", "no such anchor")])
def test_broken_link_or_anchor_names_the_page_and_line(project, link, expected):
    add_to_index(project, f"\nSee [this]({link}).\n")
    done = build(project)
    assert done.returncode != 0
    assert re.search(rf"docs/ko/index\.md:5: .*{re.escape(expected)}", done.stderr), done.stderr


def test_missing_snippet_names_the_page_and_line(project):
    add_to_index(project, '\n```python title="x"\n--8<-- "snippets/no_such_file.py:intro"\n```\n')
    done = build(project)
    assert done.returncode != 0
    assert "docs/ko/index.md:6" in done.stderr and "no_such_file.py" in done.stderr, done.stderr


def test_page_in_one_language_is_served_in_both_with_a_notice(project):
    for config in ("mkdocs.yml",):
        path = project / config
        path.write_text(path.read_text().replace("nav:\n  - index.md\n", "nav:\n  - index.md\n  - only.md\n"))
    write(project / "docs/ko/only.md", "# 한국어만 { #only }\n\n이 페이지는 한국어로만 있습니다.\n")
    done = build(project)
    assert done.returncode == 0, done.stderr
    english = (project / "site/en/only/index.html").read_text(encoding="utf-8")
    assert "Not yet translated" in english and "이 페이지는 한국어로만 있습니다." in english
    assert 'href="../../only/"' in english, "the notice links to the original"
    assert "Not yet translated" not in (project / "site/only/index.html").read_text(encoding="utf-8")


def test_failing_code_block_names_the_page_and_line(project, tmp_path_factory):
    add_to_index(project, '\n```python\nx = 1\n```\n\n```python\nprint(x / 0)\n```\n')
    assert build(project).returncode == 0
    html = (project / "site/index.html").read_text(encoding="utf-8")
    workdir = tmp_path_factory.mktemp("run")
    check = pagerun.check_page(html, project / "docs/ko/index.md", workdir, None, project.joinpath("site").joinpath)
    assert check.problems and check.problems[0].startswith("docs/ko/index.md:9 (inline block) raised:")
    assert "ZeroDivisionError" in check.problems[0]


def test_wrong_printed_output_is_reported(project, tmp_path_factory):
    add_to_index(project, '\n```python\nprint(1 + 1)\n```\n```text\n3\n```\n\n```python\nprint("hi")\n```\n')
    assert build(project).returncode == 0
    html = (project / "site/index.html").read_text(encoding="utf-8")
    check = pagerun.check_page(html, project / "docs/ko/index.md", tmp_path_factory.mktemp("run"), None,
                               project.joinpath("site").joinpath)
    assert len(check.problems) == 2, check.problems
    assert check.problems[0].startswith("docs/ko/index.md:5 (inline block): the page shows\n3")
    assert check.problems[1].startswith("docs/ko/index.md:12 (inline block) prints output the page does not show")


def test_editing_a_snippet_redraws_exactly_the_figures_that_import_it(project):
    write(project / "snippets/helper.py", "VALUE = 1\n")
    write(project / "snippets/figures/uses_helper.py",
          FIGURE.replace("from snippets import plotstyle", "from snippets import helper, plotstyle")
          .format(value="helper.VALUE"))
    write(project / "snippets/figures/alone.py", FIGURE.format(value="2"))
    add_to_index(project, "\n![one](fig:uses_helper)\n\n![two](fig:alone)\n")
    assert build(project).returncode == 0
    cache = project / ".cache" / "figures"
    before = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    assert build(project).returncode == 0
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == before, "an unchanged build redrew"

    write(project / "snippets/helper.py", "VALUE = 3\n")
    assert build(project).returncode == 0
    after = {p.name for p in cache.iterdir()}
    new = after - set(before)
    assert len(new) == 1 and next(iter(new)).startswith("uses_helper-"), new
    assert any(n.startswith("alone-") for n in set(before) & after)


def test_the_build_refuses_mkdocs_2_and_says_why():
    """MkDocs 2 drops plugins and hooks: the build stops with a message instead of a page without its parts."""
    from sitebuild.build import unsupported_mkdocs
    assert unsupported_mkdocs("1.6.1") is None
    assert "MkDocs 1.x only" in unsupported_mkdocs("2.0.0") and "requirements.txt" in unsupported_mkdocs("2.0.0")
