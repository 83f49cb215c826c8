"""The cut-down math font (sitebuild/mathfont.py) draws every character the built formulas need."""
from fontTools.ttLib import TTFont

from sitebuild import mathfont


def test_math_font_has_every_character_of_the_formulas(site):
    source = TTFont(mathfont.SOURCE).getBestCmap()
    for root, other in ((site, site / "en"), (site / "en", None)):   # Korean at the root, English in en/
        cut = TTFont(root / mathfont.TARGET).getBestCmap()
        pages = [p.read_text(encoding="utf-8") for p in root.rglob("*.html") if other not in p.parents]
        chars = set().union(*map(mathfont.characters, pages))
        assert chars, f"{root}: no math found"
        needed = {ord(c) for c in chars} | {mathfont.italic(c) for c in chars if mathfont.italic(c)}
        if any("<msqrt" in p for p in pages):
            needed.add(0x221A)
        # Characters Noto Sans Math itself lacks (Hangul in \text{}) come from the page's fonts.
        missing = sorted(c for c in needed if c in source and c not in cut)
        assert not missing, f"{root / mathfont.TARGET} lacks " + ", ".join(f"U+{c:04X} {chr(c)}" for c in missing)
