"""Math rendered at build time: the `arithmatex` spans in a page's HTML become MathML.

Temml writes MathML Core, which browsers lay out themselves with an OpenType math font (Noto Sans
Math, self-hosted: sitebuild/mathfont.py): no HTML drawing of each formula beside a hidden MathML
copy, as KaTeX made, and no script. The Korean backprop page went from 17,382 elements and 638 KB of
HTML with KaTeX to 10,935 and 356 KB. Temml rather than KaTeX's MathML-only output: KaTeX's MathML is
meant for screen readers, and in Chromium its display math was not centred, \hat was drawn
stretched and `aligned` lost its alignment; Temml's was as good as KaTeX's HTML.
One Node.js process (sitebuild/temml_server.mjs) serves the whole build. `source_lines` records,
as the page's Markdown is read, the line of each formula; a LaTeX error raises BuildError naming the
Markdown file and that line (the right one when a formula appears twice). Rendered math is excluded from the search index, so
result snippets never show raw TeX.
"""
import bisect
import html
import itertools
import json
import re
import subprocess
from functools import cache

from . import ROOT
from .errors import BuildError
from .parity import DISPLAY_MATH, INLINE_CODE, INLINE_MATH, body_lines, split_fences

ARITHMATEX = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">\s*(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<display>.*?)\\\])\s*</(?P=tag)>',
    re.DOTALL)

# Served under assets/math/: Temml's stylesheet (its class names: display math, primes, array
# alignment) with its 10 KB script-letter font. The OpenType math font the formulas are set in is
# written there after the build, cut down to the site's formulas (sitebuild/mathfont.py); its
# @font-face is in overrides/assets/site.css.
ASSETS = (ROOT / "node_modules" / "temml" / "dist" / "Temml-Local.css",
          ROOT / "node_modules" / "temml" / "dist" / "Temml.woff2")


@cache
def _server():
    if not (ROOT / "node_modules" / "temml").exists():
        raise BuildError("", "Temml is not installed: run `make setup` (npm ci)")
    return subprocess.Popen(["node", str(ROOT / "sitebuild" / "temml_server.mjs")], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")


@cache
def render(tex, display):
    """MathML for `tex`; raises BuildError with Temml's message."""
    server = _server()
    server.stdin.write(json.dumps({"tex": tex, "display": display}) + "\n")
    server.stdin.flush()
    answer = json.loads(server.stdout.readline())
    if "error" in answer:
        raise BuildError("", answer["error"])
    return answer["html"]


def _key(tex, display):
    return display, " ".join(tex.split())   # Markdown may re-indent a formula (in a list, a note)


def source_lines(markdown):
    """{formula: [line, ...]}: the 1-based line in the Markdown file (front matter included) where each
    `$..$` and `$$..$$` formula starts, in page order; code blocks and code spans hold no math."""
    prose, _ = split_fences(body_lines(markdown))
    text = dict(prose)
    lines = [INLINE_CODE.sub(lambda code: " " * len(code[0]), text.get(number, ""))
             for number in range(1, markdown.count("\n") + 2)]
    source = "\n".join(lines)
    starts = list(itertools.accumulate((len(line) + 1 for line in lines[:-1]), initial=0))   # of each line
    found = [(m.start() + 2, m[0][2:-2], True) for m in DISPLAY_MATH.finditer(source)]
    blanked = DISPLAY_MATH.sub(lambda m: " " * len(m[0]), source)
    found += [(m.start() + 1, m[0][1:-1], False) for m in INLINE_MATH.finditer(blanked)]
    positions = {}
    for at, tex, display in sorted(found):
        first = at + len(tex) - len(tex.lstrip())
        positions.setdefault(_key(tex, display), []).append(bisect.bisect_right(starts, first))
    return positions


def render_page(content, lines, where):
    """Replace every arithmatex element in `content` (page HTML). `lines` is `source_lines` of the
    page's Markdown, `where` names its file."""
    seen = {}

    def replace(match):
        display = match["display"] is not None
        tex = html.unescape(match["display"] if display else match["inline"])
        key = _key(tex, display)
        seen[key] = seen.get(key, -1) + 1
        try:
            rendered = render(tex, display)
        except BuildError as error:
            found = lines.get(key, [])
            line = found[min(seen[key], len(found) - 1)] if found else "?"
            raise BuildError(f"{where}:{line}", error.message) from None
        tag = "div" if display else "span"
        return f'<{tag} class="arithmatex" data-search-exclude>{rendered}</{tag}>'
    return ARITHMATEX.sub(replace, content)
