"""`make outputs`: rewrite every ```text output block of the pages from a real run of their code.

Builds the site into a temporary folder, runs each page's blocks as the page tests do
(tests/pagerun.py, frameworks included), and replaces the content of each output block in
docs/<lang>/<page>.md by what the block above it printed, as pytest-examples' --update-examples
does. Only existing output blocks are rewritten; the tests still fail on any mismatch.

    python tests/outputs.py [docs/en/activations.md ...]
"""
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))   # run as a script, from anywhere: sitebuild/ next to this folder

import pagerun  # noqa: E402  (tests/, this file's folder)
from sitebuild import site  # noqa: E402

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>```|~~~)")


def _fence_end(lines, start):
    """Index of the line closing the fence opened at lines[start]."""
    opening = _FENCE.match(lines[start])
    for i in range(start + 1, len(lines)):
        if lines[i].strip() == opening["fence"]:
            return i
    raise ValueError(f"line {start + 1}: fence never closed")


def _output_block(lines, python_line):
    """(first, end) line indices of the contents of the ```text block right after the Python block
    opened at 1-based `python_line`, or None."""
    after = _fence_end(lines, python_line - 1) + 1
    while after < len(lines) and not lines[after].strip():
        after += 1
    if after < len(lines) and re.fullmatch(r"[ \t]*```text[ \t]*", lines[after]):
        return after + 1, _fence_end(lines, after)
    return None


def rewrite(markdown, run):
    """`markdown` with each output block replaced by what its block printed (a pagerun.PageRun)."""
    lines = markdown.split("\n")
    fences = pagerun.python_fence_lines(markdown)
    edits = []
    for line, step, printed in zip(fences, run.steps, run.printed):
        block = _FENCE.match(lines[line - 1]) and _output_block(lines, line)   # not a figure line
        if step.expected_output is None or printed is None or not block:
            continue
        first, end = block
        indent = _FENCE.match(lines[first - 1])["indent"]
        new = [indent + text.rstrip() if text.strip() else "" for text in printed.rstrip().split("\n")]
        edits.append((first, end, new))
    for first, end, new in reversed(edits):
        lines[first:end] = new
    return "\n".join(lines)


def _page_of(source):
    """(lang, page) of a file docs/<lang>/<page>."""
    for language in site.languages():
        folder = ROOT / language.docs
        if source.is_relative_to(folder):
            return language.code, source.relative_to(folder).as_posix()
    raise SystemExit(f"{source}: not a page below docs/<lang>/")


def main(sources):
    built = Path(tempfile.mkdtemp(prefix="outputs-site-"))
    subprocess.run([sys.executable, "-m", "sitebuild.build", str(built)], cwd=ROOT, check=True)
    failed = False
    for source in sources:
        lang, name = _page_of(source)
        page = built / site.html_file(name, lang)
        with tempfile.TemporaryDirectory() as workdir:
            run = pagerun.run_page(page.read_text(encoding="utf-8"), source, Path(workdir),
                                   lambda href: (page.parent / href).resolve(), skip_missing_frameworks=False)
        for problem in run.problems:
            print(problem, file=sys.stderr)
            failed = True
        text = source.read_text(encoding="utf-8")
        new = rewrite(text, run)
        if new != text:
            source.write_text(new, encoding="utf-8")
            print(f"rewrote output blocks in {source.relative_to(ROOT)}")
    return 1 if failed else 0


if __name__ == "__main__":
    chosen = [Path(arg).resolve() for arg in sys.argv[1:]]
    every_page = sorted({site.source(name, lang) for lang, name in site.sources() if name.endswith(".md")})
    sys.exit(main(chosen or every_page))
