"""The math font, cut down to what the site's formulas use: `write(site_dir)` after the pages are built.

Noto Sans Math (npm: @fontsource/noto-sans-math) is 270 KB as WOFF2; on a phone's slow connection that
was the heaviest file of a chapter (Lighthouse: 399 KB loaded on the backprop page instead of 218 KB with
KaTeX). The characters inside the built pages' <math> elements, each letter
(Latin, Greek, ∂, ∇) also in its mathematical italic form (a one-letter <mi> is drawn as U+1D44E… 𝑎…), and
printable ASCII are kept; fontTools keeps with them the MATH table's glyph variants and parts (big
operators, stretchy brackets, radicals) and the script-size alternates. About 400 glyphs, 23 KB as WOFF.
A character the font lacks (Hangul in \\text{}) falls back to the page's fonts, as before.
WOFF, not WOFF2: fontTools writes WOFF2 only with the Brotli module, which the build does not need otherwise.
"""
import hashlib
import html
import re
import shutil
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

from . import ROOT

SOURCE = ROOT / "node_modules" / "@fontsource" / "noto-sans-math" / "files" / "noto-sans-math-latin-400-normal.woff"
TARGET = Path("assets") / "math" / "noto-sans-math.woff"   # named in overrides/assets/site.css
CACHE = ROOT / ".cache" / "mathfont"
MATH = re.compile(r"<math\b.*?</math>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def characters(page_html):
    """The characters drawn by the page's MathML."""
    found = set()
    for math in MATH.findall(page_html):
        found |= set(html.unescape(TAG.sub("", math)))
    return found


# The italic forms that are not at a fixed offset from the letter (MathML Core's italic mapping).
ITALIC = {"∂": 0x1D715, "∇": 0x1D6FB, "ϵ": 0x1D716, "ϑ": 0x1D717, "ϰ": 0x1D718, "ϕ": 0x1D719, "ϱ": 0x1D71A,
          "ϖ": 0x1D71B, "ϴ": 0x1D6F3, "ı": 0x1D6A4, "ȷ": 0x1D6A5}


def italic(char):
    """The Mathematical Italic code point of a letter, or None."""
    code = ord(char)
    if char in ITALIC:
        return ITALIC[char]
    if "A" <= char <= "Z":
        return 0x1D434 + code - ord("A")
    if "a" <= char <= "z":
        return 0x210E if char == "h" else 0x1D44E + code - ord("a")   # italic h is Planck's constant
    if 0x391 <= code <= 0x3A9:
        return 0x1D6E2 + code - 0x391
    if 0x3B1 <= code <= 0x3C9:
        return 0x1D6FC + code - 0x3B1
    return None


def code_points(chars):
    # <msqrt> draws U+221A, which is in no text; dotless i and j carry hats
    points = {ord(c) for c in chars} | set(range(0x20, 0x7F)) | {0x221A, 0x1D6A4, 0x1D6A5}
    return sorted(points | {italic(c) for c in chars if italic(c)})


def subset_font(points, out):
    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = ["*"]      # ssty (script sizes), and whatever else the math layout asks for
    font = TTFont(SOURCE)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=points)
    subsetter.subset(font)
    font.save(out)


def write(site_dir):
    """Write the cut-down font for the pages under `site_dir` (cached by the set of code points)."""
    site_dir = Path(site_dir)
    chars = set().union(*(characters(p.read_text(encoding="utf-8")) for p in site_dir.rglob("*.html")))
    points = code_points(chars)
    cached = CACHE / (hashlib.sha256(repr(points).encode()).hexdigest()[:16] + ".woff")
    if not cached.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        subset_font(points, cached.with_suffix(".tmp"))
        cached.with_suffix(".tmp").replace(cached)
    (site_dir / TARGET).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, site_dir / TARGET)
