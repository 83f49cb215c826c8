"""The code a reader sees on a built page: its Python blocks and the printed output shown after them.

Read from the built HTML, so that what is tested and what goes into the page's notebook is exactly
what is displayed (snippet includes expanded, figure code included).
"""
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import nbformat


@dataclass
class Block:
    language: str   # "python", "text", ...
    code: str
    title: str = ""
    adjacent: bool = False   # nothing stands between this block and the one before it
    solution: bool = False   # inside an exercise's solution, a `??? success` block


# A framework block needs its framework; Keras runs on PyTorch here (KERAS_BACKEND=torch).
FRAMEWORK_NEEDS = {"torch": ("torch",), "keras": ("keras", "torch")}
_FRAMEWORK_TITLE = re.compile(r"snippets/frameworks/\w+_(?P<framework>torch|keras)\.py")


@dataclass
class Step:
    code: str
    title: str
    expected_output: str | None   # the text block shown right after it, if any
    kind: str = "code"            # "code", "figure" (a figure's drawing code) or "framework"
    needs: tuple = ()             # for a framework block: the modules it imports that NumPy pages do not
    solution: bool = False        # inside an exercise's solution, a `??? success` block


def _kind(title):
    framework = _FRAMEWORK_TITLE.fullmatch(title)
    if framework:
        return "framework", FRAMEWORK_NEEDS[framework["framework"]]
    return ("figure" if title.startswith("snippets/figures/") else "code"), ()


class _CodeParser(HTMLParser):
    """Collects `<div class="language-X highlight">` blocks in page order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.depth, self.current, self.in_code, self.in_title = [], 0, None, False, False
        self.between = 1   # elements and text seen since the last block ended
        self.details = []   # for each open <details>: is it a solution (class "success")?

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if self.current is None:
            if tag == "details":
                self.details.append("success" in classes)
            if tag == "div" and "highlight" in classes:
                language = next((c[len("language-"):] for c in classes if c.startswith("language-")), "")
                self.current, self.depth = Block(language, "", adjacent=self.between == 0,
                                                 solution=any(self.details)), 1
            else:
                self.between += 1
            return
        if tag == "div":
            self.depth += 1
        self.in_code |= tag == "code"
        self.in_title |= tag == "span" and "filename" in classes

    def handle_endtag(self, tag):
        if self.current is None:
            if tag == "details" and self.details:
                self.details.pop()
            return
        if tag == "code":
            self.in_code = False
        elif tag == "span" and self.in_title:
            self.in_title = False
        elif tag == "div":
            self.depth -= 1
            if self.depth == 0:
                self.blocks.append(self.current)
                self.current, self.between = None, 0

    def handle_data(self, data):
        if self.current is None:
            self.between += bool(data.strip())
            return
        if self.in_code:
            self.current.code += data
        elif self.in_title:
            self.current.title += data


def blocks(page_html):
    parser = _CodeParser()
    parser.feed(page_html)
    return parser.blocks


def python_steps(page_html):
    """The page's Python blocks in order, each with the output block that directly follows it."""
    found = blocks(page_html)
    steps = []
    for i, block in enumerate(found):
        if block.language in ("python", "py"):
            after = found[i + 1] if i + 1 < len(found) else None
            output = after.code if after is not None and after.language == "text" and after.adjacent else None
            title = block.title.strip()
            kind, needs = _kind(title)
            steps.append(Step(block.code, title, output, kind, needs, block.solution))
    return steps


def without_solutions(steps):
    """The steps a reader works with: exercises' stubs and checks, not their solutions."""
    return [step for step in steps if not step.solution]


def notebook(steps, title, note, modules, modules_note):
    """A Jupyter notebook with the page's Python blocks as code cells, in page order.

    `modules` ({path: source} of the snippets/ files the blocks import) come first, each written
    into snippets/ next to the notebook by a `%%writefile` cell, so that the notebook runs in an
    empty folder. A step that must not be in the notebook is left out of `steps` by the caller;
    each cell records its step's kind (and what a framework cell needs) in its metadata.
    """
    book = nbformat.v4.new_notebook()
    book.cells = [nbformat.v4.new_markdown_cell(f"# {title}\n\n{note}")]
    if modules:
        folders = sorted({path.rsplit("/", 1)[0] for path in modules})
        empty = [path for path, source in modules.items() if not source.strip()]   # %%writefile needs a body
        setup = ["import os", ""] + [f'os.makedirs("{folder}", exist_ok=True)' for folder in folders]
        setup += [f'open("{path}", "w").close()' for path in empty]
        book.cells += [nbformat.v4.new_markdown_cell(modules_note),
                       nbformat.v4.new_code_cell("\n".join(setup), metadata={"kind": "module"})]
        book.cells += [nbformat.v4.new_code_cell(f"%%writefile {path}\n{source}".rstrip("\n"),
                                                 metadata={"kind": "module"})
                       for path, source in modules.items() if path not in empty]
    for step in steps:
        metadata = {"kind": step.kind, **({"needs": list(step.needs)} if step.needs else {})}
        book.cells.append(nbformat.v4.new_code_cell(step.code.rstrip("\n"), metadata=metadata))
    book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    for i, cell in enumerate(book.cells):
        cell["id"] = f"cell-{i}"   # stable ids: the same page gives the same file
    return nbformat.writes(book)
