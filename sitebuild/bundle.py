"""The project's code for readers outside the repository.

Page code imports modules of `snippets/` (`from snippets.layers import Dense`). A reader who has only
the site gets them in one of two ways: a page's notebook carries the modules its cells import
(`modules_needed`), and every page links to `snippets.zip`, all of `snippets/` (`zip_bytes`).
"""
import ast
import io
import re
import zipfile

from . import ROOT

PACKAGE = "snippets"
ZIP_NAME = "snippets.zip"
# The command the pages show to unpack the download where the reader runs Python. `python -m
# zipfile` is in every Python, on every system; `unzip` is not.
UNPACK = f"python -m zipfile -e {ZIP_NAME} ."


def _module_file(dotted):
    """`snippets.layers` -> Path of snippets/layers.py (or of a package's __init__.py), or None."""
    path = ROOT.joinpath(*dotted.split("."))
    for candidate in (path.with_suffix(".py"), path / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imported(code):
    """Dotted names of the snippets modules `code` imports (`from snippets import x` names x too)."""
    names = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in names if name.split(".")[0] == PACKAGE and _module_file(name)}


def modules_needed(codes):
    """Every file of snippets/ that running `codes` imports, directly or not, with the packages'
    __init__.py files: paths relative to the repository, sorted."""
    todo, found = set().union(*map(_imported, codes)), set()
    while todo:
        name = todo.pop()
        if name in found:
            continue
        found.add(name)
        parts = name.split(".")
        found |= {".".join(parts[:i]) for i in range(1, len(parts))}   # the packages it is in
        todo |= _imported(_module_file(name).read_text(encoding="utf-8"))
    return sorted(_module_file(name).relative_to(ROOT).as_posix() for name in found)


def zip_bytes():
    """snippets/ as a zip (Python files only), byte-identical from build to build."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted((ROOT / PACKAGE).rglob("*.py")):
            info = zipfile.ZipInfo(path.relative_to(ROOT).as_posix(), date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


_FIRST_PYTHON_FENCE = re.compile(r"^```python\b", re.MULTILINE)


def with_get_code_note(markdown, texts):
    """The page with a note on how to get snippets/, right before its first top-level Python block.

    `texts` (config.extra.get_code) has the note's `title` and `text`; the text names the download,
    and the command under it is UNPACK. A page without such a block is returned unchanged.
    """
    first = _FIRST_PYTHON_FENCE.search(markdown)
    if first is None:
        return markdown
    body = texts["text"].format(zip=f"[{ZIP_NAME}]({ZIP_NAME}){{ download }}")
    note = (f'!!! tip dl-get-code "{texts["title"]}"\n\n    {body}\n\n'
            f"    ```console\n    $ {UNPACK}\n    ```\n\n")
    return markdown[:first.start()] + note + markdown[first.start():]
