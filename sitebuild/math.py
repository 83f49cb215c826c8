"""Math rendered at build time: the `arithmatex` spans in a page's HTML become KaTeX HTML.

One Node.js process (sitebuild/katex_server.mjs) serves the whole build. A LaTeX error raises
MathError naming the Markdown file and line. Rendered math is excluded from the search index, so
result snippets never show raw TeX.
"""
import html
import json
import re
import subprocess
from functools import cache

from . import ROOT

ARITHMATEX = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">\s*(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<display>.*?)\\\])\s*</(?P=tag)>',
    re.DOTALL)


class MathError(Exception):
    pass


@cache
def _server():
    if not (ROOT / "node_modules" / "katex").exists():
        raise MathError("KaTeX is not installed: run `make setup` (npm ci)")
    return subprocess.Popen(["node", str(ROOT / "sitebuild" / "katex_server.mjs")], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")


@cache
def render(tex, display):
    """KaTeX HTML for `tex`; raises MathError with KaTeX's message."""
    server = _server()
    server.stdin.write(json.dumps({"tex": tex, "display": display}) + "\n")
    server.stdin.flush()
    answer = json.loads(server.stdout.readline())
    if "error" in answer:
        raise MathError(answer["error"])
    return answer["html"]


def line_of(tex, source):
    """1-based line of `tex` in the Markdown source, or 0 when it cannot be found."""
    at = source.find(tex.strip().splitlines()[0]) if tex.strip() else -1
    return source.count("\n", 0, at) + 1 if at >= 0 else 0


def render_page(content, source, where):
    """Replace every arithmatex element in `content` (page HTML). `where` names the page's file."""
    def replace(match):
        display = match["display"] is not None
        tex = html.unescape(match["display"] if display else match["inline"])
        try:
            rendered = render(tex, display)
        except MathError as error:
            raise MathError(f"{where}:{line_of(tex, source)}: {error}") from None
        tag = "div" if display else "span"
        return f'<{tag} class="arithmatex" data-search-exclude>{rendered}</{tag}>'
    return ARITHMATEX.sub(replace, content)
