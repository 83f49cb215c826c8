"""Math rendered at build time: the `arithmatex` spans in a page's HTML become MathML.

Temml writes MathML Core, which browsers lay out themselves with an OpenType math font (Noto Sans
Math, self-hosted: sitebuild/mathfont.py): no HTML drawing of each formula beside a hidden MathML
copy, as KaTeX made, and no script. The Korean backprop page went from 17,382 elements and 638 KB of
HTML with KaTeX to 10,935 and 356 KB. Temml rather than KaTeX's MathML-only output: KaTeX's MathML is
meant for screen readers, and in Chromium its display math was not centred, \hat was drawn
stretched and `aligned` lost its alignment; Temml's was as good as KaTeX's HTML.
One Node.js process (sitebuild/temml_server.mjs) serves the whole build. A LaTeX error raises
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

# Served under assets/math/: Temml's stylesheet (its class names: display math, primes, array
# alignment) with its 10 KB script-letter font. The OpenType math font the formulas are set in is
# written there after the build, cut down to the site's formulas (sitebuild/mathfont.py); its
# @font-face is in overrides/assets/site.css.
ASSETS = (ROOT / "node_modules" / "temml" / "dist" / "Temml-Local.css",
          ROOT / "node_modules" / "temml" / "dist" / "Temml.woff2")


class MathError(Exception):
    pass


@cache
def _server():
    if not (ROOT / "node_modules" / "temml").exists():
        raise MathError("Temml is not installed: run `make setup` (npm ci)")
    return subprocess.Popen(["node", str(ROOT / "sitebuild" / "temml_server.mjs")], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")


@cache
def render(tex, display):
    """MathML for `tex`; raises MathError with Temml's message."""
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
