"""Every Python block a reader sees runs, top to bottom, and prints what the page says it prints; so
does the page's notebook. One Jupyter kernel per page runs both: their code is the same.

Two readers have only the site. One copies the page's blocks into one Python, after doing what the
page's get-code note says (download snippets.zip, run the command shown). The other downloads the
page's notebook: the page's blocks without the exercises' solutions, after cells that write the
snippets/ modules they import (sitebuild/codeblocks.py). Running both in full would run every page
twice for nothing, so the test

1. checks that the notebook's code cells are the page's blocks minus the solutions, in page order,
   and that every block compiles as plain Python (a kernel would also accept IPython's `%` syntax);
2. does what the get-code note says, in a folder of its own, and checks that it gives every module
   the notebook writes, byte for byte (the page reader has those; the zip's other modules are never
   imported: the kernel below has only the notebook's);
3. runs the notebook's cells in a fresh kernel (nbclient, as Jupyter would) in an empty folder outside
   the repository, PYTHONPATH unset, and compares what each cell prints with the output block the page
   shows after it. A cell may print nothing else: a value the kernel shows for a last expression,
   which plain Python would not print, fails too;
4. where the page has solutions: the blocks before the first one are the same for both readers and
   run once. There the kernel's names are remembered; after the notebook's last cell they are put
   back and the rest of the page runs, solutions included, and is compared again. (Objects the
   notebook's last cells changed in place stay changed; the exercises build their own data, and a
   left-over change would print other numbers than the page shows: the test fails, it does not pass.)
5. checks that every figure drawn is the site's figure, byte for byte.

A framework block whose framework is not installed is left out alone, from both runs, with a warning
(its page's other blocks still run and are checked); in CI (CI=true) it must run. The labs' notebooks
run in tests/test_notebooks.py.
"""
import warnings
from pathlib import Path

import nbclient
import nbformat
import pytest

from conftest import IN_CI, ROOT, markdown_of, page_sources, page_url
import pagerun
from sitebuild import codeblocks

REMEMBER = "__page_names = dict(globals())"
RESTORE = """def __page_restore(names, saved):
    for name in set(names) - set(saved):
        del names[name]
    names.update(saved)
__page_restore(globals(), __page_names)"""


def labels(steps, source):
    """'docs/<lang>/<page>.md:<line> (<title>)' of each step, as tests/pagerun.py names them."""
    lines = pagerun.python_fence_lines(source.read_text(encoding="utf-8"))
    where = source.relative_to(ROOT).as_posix()
    return [f"{where}:{lines[i] if i < len(lines) else '?'} ({step.title or 'inline block'})"
            for i, step in enumerate(steps)]


def notebook_problems(book, steps):
    """How the notebook's code cells differ from the page's blocks without their solutions."""
    cells = [cell for cell in book.cells if cell.cell_type == "code" and cell.metadata.get("kind") != "module"]
    expected = codeblocks.without_solutions(steps)
    found = [(cell.source, cell.metadata.get("kind"), tuple(cell.metadata.get("needs", []))) for cell in cells]
    wanted = [(step.code.rstrip("\n"), step.kind, tuple(step.needs)) for step in expected]
    if found == wanted:
        return []
    first = next((i for i, pair in enumerate(zip(found, wanted)) if pair[0] != pair[1]), min(len(found), len(wanted)))
    return [f"the notebook's code cells are not the page's blocks without solutions: {len(found)} cells for "
            f"{len(wanted)} blocks, first difference at block {first + 1} of the notebook"]


def run_plan(book, steps, first_solution, run):
    """(code, step index or None, run name) in the order the kernel runs them: the notebook's code
    cells, then, if the page has solutions, the page from its first solution on."""
    notebook_steps = iter([i for i, step in enumerate(steps) if not step.solution])
    plan, remembered = [], first_solution is None
    for cell in book.cells:
        if cell.cell_type != "code":
            continue
        if cell.metadata.get("kind") == "module":
            plan.append((cell.source, None, "notebook"))
            continue
        index = next(notebook_steps)
        if not remembered and index > first_solution:
            plan.append((REMEMBER, None, "notebook"))
            remembered = True
        if run[index]:
            plan.append((cell.source, index, "notebook" if first_solution is not None and index > first_solution
                         else "page and notebook"))
    if first_solution is not None:
        if not remembered:
            plan.append((REMEMBER, None, "notebook"))
        plan.append((RESTORE, None, "page"))
        plan += [(steps[i].code.rstrip("\n"), i, "page") for i in range(first_solution, len(steps)) if run[i]]
    return plan


def printed(cell):
    """What a cell printed, and what else it shows (the kernel's display of a value, an image)."""
    out = "".join(o.text for o in cell.outputs if o.output_type == "stream" and o.name == "stdout")
    shown = [o.output_type for o in cell.outputs if o.output_type in ("execute_result", "display_data")]
    return out, shown


def run_in_kernel(plan, steps, names, folder):
    """Run the plan in one kernel in `folder`; problems found, each naming its block and run."""
    problems = []
    book = nbformat.v4.new_notebook()
    client = nbclient.NotebookClient(book, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(folder)}})
    with client.setup_kernel(env=pagerun.reader_env(), cwd=str(folder)):
        for number, (code, index, who) in enumerate(plan):
            cell = nbformat.v4.new_code_cell(code)
            book.cells.append(cell)
            label = f"{names[index]} [{who}]" if index is not None else f"{who}, set-up cell {number + 1}"
            try:
                client.execute_cell(cell, number)
            except nbclient.exceptions.CellExecutionError as error:
                return problems + [f"{label} raised:\n{error}"]
            if index is None:
                continue
            out, shown = printed(cell)
            expected = steps[index].expected_output
            if shown:
                problems.append(f"{label}: the notebook shows {', '.join(shown)} that plain Python does not "
                                "print (end the block with a statement, not a value)")
            if expected is not None and not pagerun.same_output(expected, out):
                problems.append(f"{label}: the page shows\n{expected}\nbut the code prints\n{out}")
            elif expected is None and out.strip():
                problems.append(f"{label} prints output the page does not show "
                                f"(add a ```text block right after it):\n{out}")
    return problems


def given_by_the_note(written, given):
    """Modules the notebook wrote (in `written`) that the get-code note (in `given`) does not give as they are."""
    problems = []
    for module in sorted((written / "snippets").rglob("*.py")) if (written / "snippets").is_dir() else []:
        path = module.relative_to(written)
        other = given / path
        if not other.is_file() or other.read_text(encoding="utf-8").rstrip("\n") != \
                module.read_text(encoding="utf-8").rstrip("\n"):
            problems.append(f"{path.as_posix()}: the notebook writes it, but the get-code note does not give it as it is")
    return problems


@pytest.mark.parametrize("lang,name", page_sources(), ids=lambda v: v)
def test_page_and_its_notebook_run_and_print_what_is_shown(site, lang, name, tmp_path):
    page_file = site / page_url(lang, name)
    page_html = page_file.read_text(encoding="utf-8")
    steps = codeblocks.python_steps(page_html)
    if not steps:
        pytest.skip("no Python blocks on this page")
    names = labels(steps, markdown_of(lang, name))
    notebook = page_file.parent / f"{Path(name).stem}.ipynb"
    assert notebook.is_file(), f"{lang}: {name} has Python blocks but no notebook {notebook.name}"
    book = nbformat.read(notebook, as_version=4)
    problems = notebook_problems(book, steps)
    for label, step in zip(names, steps):
        try:
            compile(step.code, label, "exec")
        except SyntaxError as error:
            problems.append(f"{label}: not plain Python: {error}")

    given, folder = tmp_path / "reader", tmp_path / "notebook"
    given.mkdir(), folder.mkdir()
    problems += pagerun.get_code(page_html, lambda href: (page_file.parent / href).resolve(), given)
    assert not problems, "\n\n".join(problems)

    missing = [[] if IN_CI else pagerun.missing_modules(step) for step in steps]
    for label, names_missing in zip(names, missing):
        if names_missing:
            warnings.warn(f"not run: {label}: needs {', '.join(names_missing)}, which is not installed", stacklevel=1)
    first_solution = next((i for i, step in enumerate(steps) if step.solution), None)
    plan = run_plan(book, steps, first_solution, [not m for m in missing])
    problems = run_in_kernel(plan, steps, names, folder)
    problems += given_by_the_note(folder, given)
    for drawn in sorted(folder.glob("*.*.*.svg")):
        figure, fig_lang, theme, _ = drawn.name.split(".")
        shown = site / ("" if fig_lang == "ko" else "en") / "figures" / f"{figure}.{theme}.svg"
        if drawn.read_bytes() != shown.read_bytes():
            problems.append(f"{names[0].split(':')[0]}: running snippets/figures/{figure}.py draws {drawn.name}, "
                            "which differs from the figure the site shows")
    assert not problems, "\n\n".join(problems)
