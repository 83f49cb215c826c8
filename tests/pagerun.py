"""Run a built page's Python blocks the way a reader who copies them top to bottom would.

The reader has only the site: the working directory starts empty, outside the repository, with no
PYTHONPATH. First it gets what the page's "get the code" note says (the linked download, then the
command shown under it, run as written); then all blocks run in order in ONE fresh interpreter
(`python -c`) as `__main__`. Each block's printed output is captured separately and compared with
the output block shown after it on the page. A framework block whose framework is not installed
can be skipped, alone (the tests do so except in CI).
"""
import importlib.util
import json
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

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


def reader_env(cpu=None):
    """The environment of a reader's Python: no PYTHONPATH (so no repository), no display.
    `cpu` adds variables, such as those of `other_cpu()`."""
    env = dict(os.environ, MPLBACKEND="Agg", KERAS_BACKEND="torch", PYTHONHASHSEED="0", SOURCE_DATE_EPOCH="0",
               OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", **(cpu or {}))
    env.pop("PYTHONPATH", None)
    return env


def other_cpu():
    """Variables that make NumPy and OpenBLAS compute as on an older CPU of this machine's family:
    NumPy's loops without the SIMD extensions chosen at run time (AVX2, AVX-512 …), and OpenBLAS's
    oldest kernels. Sums and elementary functions then round differently in the last bits, as they
    do on many readers' machines; a number that changes under these variables is not the same on
    every CPU."""
    from numpy._core._multiarray_umath import __cpu_dispatch__  # what np.show_runtime() lists
    oldest = {"x86_64": "Prescott", "aarch64": "ARMV8"}.get(platform.machine())
    return {"NPY_DISABLE_CPU_FEATURES": " ".join(__cpu_dispatch__),
            **({"OPENBLAS_CORETYPE": oldest} if oldest else {})}


def run_blocks(codes, labels, workdir, timeout=300, cpu=None):
    env = reader_env(cpu)
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


class _GetCodeParser(HTMLParser):
    """The downloads (`<a download href>`) and console commands inside the page's get-code note."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.downloads, self.commands, self.in_code = 0, [], [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth == 0:
            self.depth = int(tag == "div" and "dl-get-code" in (attrs.get("class") or "").split())
            return
        self.depth += tag == "div"
        if tag == "a" and "download" in attrs:
            self.downloads.append(attrs["href"])
        if tag == "div" and "language-console" in (attrs.get("class") or "").split():
            self.in_code, self.commands = True, self.commands + [""]

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= tag == "div"
            self.in_code &= tag != "pre"

    def handle_data(self, data):
        if self.depth and self.in_code:
            self.commands[-1] += data


def get_code(page_html, download, workdir):
    """Do what the page's get-code note says, in `workdir`: fetch each linked download with
    `download(href)` (the path of that file in the built site), then run each `$ ` command as
    written ("python" is this interpreter). Problems as messages; none when the page has no note."""
    parser = _GetCodeParser()
    parser.feed(page_html)
    for href in parser.downloads:
        shutil.copy(download(href), Path(workdir) / href.rsplit("/", 1)[-1])
    problems = []
    for line in "\n".join(parser.commands).splitlines():
        if not line.startswith("$ "):
            continue
        argv = shlex.split(line[2:])
        argv[0] = sys.executable if argv[0] == "python" else argv[0]
        done = subprocess.run(argv, cwd=workdir, env=reader_env(), capture_output=True, text=True)
        if done.returncode != 0:
            problems.append(f"the command the page shows, `{line[2:]}`, fails:\n{done.stdout}{done.stderr}")
    return problems


def missing_modules(step):
    """What a framework step needs that this Python cannot import."""
    return [name for name in step.needs if importlib.util.find_spec(name) is None]


@dataclass
class PageRun:
    steps: list             # codeblocks.Step, in page order
    labels: list            # 'docs/<lang>/<page>.md:<line> (<title>)' of each step
    printed: list           # what each step printed; None for a step that did not run
    problems: list          # getting the code failed, or a block raised (then later blocks did not run)
    skipped: list           # framework blocks not run, with the reason
    source: Path | None = None   # the page's Markdown file


def _relative(source):
    """'docs/<lang>/<page>.md' of the page's Markdown file `source`."""
    return Path(*source.parts[len(source.parts) - 1 - source.parts[::-1].index("docs"):]).as_posix()


def _labels(steps, source):
    """'docs/<lang>/<page>.md:<line> (<title>)' of each step."""
    lines = python_fence_lines(source.read_text(encoding="utf-8"))
    return [f"{_relative(source)}:{lines[i] if i < len(lines) else '?'} ({step.title or 'inline block'})"
            for i, step in enumerate(steps)]


def run_page(page_html, source, workdir, download, skip_missing_frameworks=True, cpu=None):
    """Get the code as the page says, then run its blocks in `workdir`.

    `source` is the page's Markdown file, `download(href)` the path of a file the page links to.
    With `skip_missing_frameworks`, a framework block whose framework is not installed is not run.
    `cpu`: environment variables for the blocks' interpreter (`other_cpu()`).
    """
    from sitebuild.codeblocks import python_steps
    steps = python_steps(page_html)
    labels = _labels(steps, source)
    printed = [None] * len(steps)
    problems = [f"{_relative(source)}: {problem}" for problem in get_code(page_html, download, workdir)]
    if problems:
        return PageRun(steps, labels, printed, problems, [], source)
    missing = [missing_modules(step) if skip_missing_frameworks else [] for step in steps]
    skipped = [f"{label}: needs {', '.join(names)}, which is not installed"
               for label, names in zip(labels, missing) if names]
    run = [i for i, names in enumerate(missing) if not names]
    result = run_blocks([steps[i].code for i in run], [labels[i] for i in run], workdir, cpu=cpu)
    for i, output in zip(run, result.outputs):
        printed[i] = output
    if result.failed_block is not None:
        failed = run[result.failed_block]
        printed[failed:] = [None] * (len(steps) - failed)
        problems.append(f"{labels[failed]} raised:\n{result.stderr}")
    return PageRun(steps, labels, printed, problems, skipped, source)


def from_notebook(page_html, source, book):
    """The run of a page as its executed notebook `book` (codeblocks.notebook) shows it, up to the
    page's first solution: the notebook leaves solutions out, so from there on its cells run on other
    state than the page's blocks (a stub instead of its solution) and print other things (FAIL, not PASS).
    A step before that whose cell was left out (a missing framework) counts as not run."""
    from sitebuild.codeblocks import python_steps
    steps = python_steps(page_html)
    first_solution = next((i for i, step in enumerate(steps) if step.solution), len(steps))
    cells = [cell for cell in book.cells if cell.cell_type == "code" and cell.metadata.get("kind") != "module"]
    printed = [None] * len(steps)
    for i, step in enumerate(steps[:first_solution]):   # cells are the steps in page order, some left out
        if cells and cells[0].source == step.code.rstrip("\n"):
            printed[i] = "".join(out.text for out in cells.pop(0).outputs
                                 if out.output_type == "stream" and out.name == "stdout")
    return PageRun(steps, _labels(steps, source), printed, [], [], source)


def inputs(page_html, download):
    """What a run of the page depends on: its blocks' code, and the files and commands of its get-code
    note. Two pages with the same inputs print the same (the run's environment is fixed: reader_env)."""
    from sitebuild.codeblocks import python_steps
    parser = _GetCodeParser()
    parser.feed(page_html)
    files = tuple(download(href).read_bytes() for href in parser.downloads)
    return tuple((step.code, step.needs) for step in python_steps(page_html)), tuple(parser.commands), files


def seen_from(ran, page_html, source):
    """The run `ran` of a page, as the page `page_html` (built from `source`) with the same `inputs`
    would have printed it: that page's blocks, labels and shown output, the same printed output."""
    from sitebuild.codeblocks import python_steps
    steps = python_steps(page_html)
    labels = _labels(steps, source)
    renamed = list(zip(ran.labels, labels)) + [(_relative(ran.source), _relative(source))]

    def relabel(message):   # each message starts with a label, or with the page's file
        old, new = next((old, new) for old, new in renamed if message.startswith(old))
        return new + message[len(old):]
    return PageRun(steps, labels, ran.printed, [relabel(m) for m in ran.problems],
                   [relabel(m) for m in ran.skipped], source)


@dataclass
class PageCheck:
    problems: list          # messages, each starting with 'docs/<lang>/<page>.md:<line>'
    skipped: list = field(default_factory=list)   # framework blocks not run, with the reason


def compare(ran, workdir=None, shown_figures=None, how="the code prints"):
    """Problems of a PageRun: its own (a block raised), printed output unlike the shown output, output
    the page does not show, and, with `workdir`, figures drawn there unlike the site's.
    `shown_figures(name, lang, theme)` gives the path of the figure file the site serves."""
    if ran.problems:
        return list(ran.problems)
    problems = []
    for label, step, printed in zip(ran.labels, ran.steps, ran.printed):
        if printed is None:
            continue
        if step.expected_output is not None and not same_output(step.expected_output, printed):
            problems.append(f"{label}: the page shows\n{step.expected_output}\nbut {how}\n{printed}")
        elif step.expected_output is None and printed.strip():
            problems.append(f"{label} prints output the page does not show "
                            f"(add a ```text block right after it):\n{printed}")
    for drawn in sorted(Path(workdir).glob("*.*.*.svg")) if workdir else []:
        name, lang, theme, _ = drawn.name.split(".")
        if drawn.read_bytes() != shown_figures(name, lang, theme).read_bytes():
            problems.append(f"{_relative(ran.source)}: running snippets/figures/{name}.py draws {drawn.name}, "
                            "which differs from the figure the site shows")
    return problems


def check_page(page_html, source, workdir, shown_figures, download, skip_missing_frameworks=True):
    """Run the page (`run_page`) and `compare`, figures included."""
    ran = run_page(page_html, source, workdir, download, skip_missing_frameworks)
    return PageCheck(compare(ran, workdir, shown_figures), ran.skipped)
