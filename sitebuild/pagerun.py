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
               PYTHONHASHSEED="0", SOURCE_DATE_EPOCH="0")
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
