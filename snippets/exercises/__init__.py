"""Exercises at the end of each chapter: stubs for the reader, checks that say PASS or FAIL, solutions.

One module per chapter. Its function `exercises()` holds what the page shows, in page order: each
implement-it exercise has a stub (raises NotImplementedError), a check, and a solution;
`python -m snippets.exercises.<chapter>` runs them all (each check prints TODO, then PASS).
"""


def report(name, find_problem, checked):
    """Print one line, PASS, FAIL or TODO, for the check `find_problem()`.

    `find_problem()` returns None when the reader's code is right, otherwise a sentence saying what
    is wrong; a stub that still raises NotImplementedError is reported as TODO. `checked` says what
    a PASS means.
    """
    try:
        problem = find_problem()
    except NotImplementedError:
        print(f"TODO {name}: not written yet (it raises NotImplementedError)")
        return
    print(f"FAIL {name}: {problem}" if problem else f"PASS {name}: {checked}")
