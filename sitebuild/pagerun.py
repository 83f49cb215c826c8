"""Run a built page's Python blocks the way a reader who copies them top to bottom would.

All blocks run in order in ONE fresh interpreter (`python -c`), in an empty working directory, as
`__main__`. Each block's printed output is captured separately and compared with the output block
shown after it on the page.
"""
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from . import ROOT

SEPARATOR = "\x1e-- block {} --\x1e"

_DRIVER = r'''
import json, sys, traceback
blocks = json.loads(sys.stdin.read())
namespace = {"__name__": "__main__"}
for i, (code, label) in enumerate(blocks):
    print(SEPARATOR.format(i), flush=True)
    try:
        exec(compile(code, label, "exec"), namespace)
    except BaseException as error:
        sys.stdout.flush()
        traceback.print_exc()
        sys.stderr.write("\x1efailed-block %d %s\x1e\n" % (i, type(error).__name__))
        sys.exit(1)
    sys.stdout.flush()
'''.replace("SEPARATOR", repr(SEPARATOR))


@dataclass
class Result:
    outputs: list          # printed output of each block that ran
    failed_block: int | None
    error_type: str | None
    stderr: str


def run_blocks(codes, labels, workdir, timeout=300):
    env = dict(os.environ, MPLBACKEND="Agg", KERAS_BACKEND="torch", PYTHONPATH=str(ROOT),
               PYTHONHASHSEED="0", SOURCE_DATE_EPOCH="0", OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    done = subprocess.run([sys.executable, "-c", _DRIVER], input=json.dumps(list(zip(codes, labels))),
                          cwd=workdir, env=env, capture_output=True, text=True, timeout=timeout)
    pieces = re.split("\x1e-- block \\d+ --\x1e\n", done.stdout)[1:]
    failed = re.search("\x1efailed-block (\\d+) (\\w+)\x1e", done.stderr)
    return Result(pieces, int(failed[1]) if failed else None, failed[2] if failed else None, done.stderr)


def same_output(shown, printed):
    """Printed output equals the shown block, ignoring trailing spaces and trailing blank lines."""
    def norm(text):
        return "\n".join(line.rstrip() for line in text.rstrip().splitlines())
    return norm(shown) == norm(printed)


def python_fence_lines(markdown):
    """1-based source line of each Python block a page shows, in order (figure lines show one)."""
    lines = []
    for number, line in enumerate(markdown.splitlines(), 1):
        if re.match(r"^\s*(```|~~~)\s*python\b", line) or re.match(r"^\s*!\[[^\]]*\]\(fig:[\w-]+\)\s*$", line):
            lines.append(number)
    return lines


FRAMEWORKS = ("torch", "keras")


@dataclass
class PageCheck:
    problems: list          # messages, each starting with 'docs/<lang>/<page>.md:<line>'
    needs_framework: str | None = None   # the block that could not run for want of torch/keras


def check_page(page_html, source, workdir, shown_figures):
    """Run the page's blocks; compare printed with shown output and drawn with shown figures.

    `source` is the page's Markdown file; `shown_figures(name, lang, theme)` gives the path of the
    figure file the site serves.
    """
    from .codeblocks import python_steps
    steps = python_steps(page_html)
    lines = python_fence_lines(source.read_text(encoding="utf-8"))
    relative = Path(*source.parts[len(source.parts) - 1 - source.parts[::-1].index("docs"):]).as_posix()
    labels = [f"{relative}:{lines[i] if i < len(lines) else '?'} ({step.title or 'inline block'})"
              for i, step in enumerate(steps)]
    result = run_blocks([s.code for s in steps], labels, workdir)

    if result.failed_block is not None:
        label = labels[result.failed_block]
        if result.error_type == "ModuleNotFoundError":
            missing = next((f for f in FRAMEWORKS if f"No module named '{f}" in result.stderr), None)
            if missing:
                return PageCheck([f"{label}: needs {missing}, which is not installed"], missing)
        return PageCheck([f"{label} raised:\n{result.stderr}"])
    problems = []
    for label, step, printed in zip(labels, steps, result.outputs):
        if step.expected_output is not None and not same_output(step.expected_output, printed):
            problems.append(f"{label}: the page shows\n{step.expected_output}\nbut the code prints\n{printed}")
        elif step.expected_output is None and printed.strip():
            problems.append(f"{label} prints output the page does not show "
                            f"(add a ```text block right after it):\n{printed}")
    for drawn in sorted(Path(workdir).glob("*.*.*.svg")):
        name, lang, theme, _ = drawn.name.split(".")
        if drawn.read_bytes() != shown_figures(name, lang, theme).read_bytes():
            problems.append(f"{relative}: running snippets/figures/{name}.py draws {drawn.name}, "
                            "which differs from the figure the site shows")
    return PageCheck(problems)
