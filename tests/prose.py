"""Read a number a chapter states in a sentence, in both languages, so that a test compares the
sentence itself with what the code computes (instead of asserting a copy of the number)."""
import math
import re

from conftest import ROOT

# a decimal, optionally written as "m \times 10^{e}" in the page's LaTeX
NUMBER = r"-?\d+(?:\.\d+)?(?: \\times 10\^\{-?\d+\})?"
FENCE = re.compile(r"^( *)```.*?^\1```", re.DOTALL | re.MULTILINE)


def prose(lang, page):
    """The page's Markdown without its front matter and fenced blocks (code and printed output are
    checked by test_page_code.py; this module is about the sentences)."""
    text = (ROOT / "docs" / lang / page).read_text(encoding="utf-8")
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)
    return FENCE.sub("", text)


def stated(page, patterns):
    """{lang: (number, …)} for each language's regex, whose groups capture numbers. Each pattern must
    match exactly once on its page, so a rewritten sentence fails loudly instead of being skipped."""
    found = {}
    for lang, pattern in patterns.items():
        matches = list(re.finditer(pattern, prose(lang, page)))
        assert len(matches) == 1, (f"docs/{lang}/{page}: {len(matches)} sentences match {pattern!r}; "
                                   "update the pattern together with the sentence")
        found[lang] = matches[0].groups()
    return found


def value(text):
    """The float a stated number means: '0.953' → 0.953, '3.2 \\times 10^{-3}' → 0.0032."""
    mantissa, _, exponent = text.partition(r" \times 10^{")
    return float(mantissa) * 10.0 ** int(exponent.rstrip("}") or 0)


def agrees(text, computed):
    """True when `computed`, rounded to the digits the page shows, is the stated number: the page
    writes '0.953' for 0.95333… and '3.2 \\times 10^{-3}' for 0.0031623."""
    mantissa, _, exponent = text.partition(r" \times 10^{")
    scale = 10.0 ** int(exponent.rstrip("}") or 0)
    decimals = len(mantissa.partition(".")[2])
    return math.isclose(round(computed / scale, decimals), float(mantissa), rel_tol=0, abs_tol=1e-12)
