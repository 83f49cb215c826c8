"""Accessibility and mobile layout of every page of both languages, in headless Chromium.

- axe-core (npm, node_modules/axe-core) in the light and the dark palette (switched with Material's
  toggle, as a reader does): no violation of impact serious or critical.
- Every content image has alt text in the language of its page; `<html lang>` is the page's language.
- At 375×812 (a phone) the document never scrolls sideways: whatever is wider than the screen (wide
  tables, code, display math) scrolls inside its own box.

Speed: code blocks produce thousands of one-colour spans per page, and the MathML formulas thousands of
elements; axe's colour-contrast rule looks at each one (≈10 s a page). Their colours are checked here first, once per distinct
(text colour, background) pair, with the WCAG formula; then each block is flattened to its text
(same colours, same box) before axe runs, which keeps a page at 1–3 s.
"""
import re
from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest

from conftest import ROOT, markdown_of, need, page_script, page_url, site_pages
from sitebuild import site as site_model

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = site_pages()   # the generated pages (glossary, translation status) too
SCHEMES = {"light": "default", "dark": "slate"}   # prefers-color-scheme -> Material's palette
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
PHONE = {"width": 375, "height": 812}


@pytest.fixture
def chromium(browser):
    """The session's headless Chromium (tests/conftest.py)."""
    return browser


@pytest.fixture
def base_url(server):
    return server


def _open(chromium, base_url, lang, name, **context_options):
    context = chromium.new_context(**context_options)
    tab = context.new_page()
    url = urljoin(base_url, page_url(lang, name).removesuffix("index.html"))
    response = tab.goto(url, wait_until="load")
    assert response.status == 200, url
    tab.evaluate("document.fonts.ready.then(() => true)")     # layout with the real fonts (the math font's)
    # accessibility.js marks the boxes that scroll sideways as tab stops in idle time; wait for its pass
    tab.wait_for_selector("html[data-scroll-boxes=checked]", state="attached", timeout=15000)
    return context, tab, url


# Distinct (colour, background) pairs of the text-bearing elements inside code blocks and math, with
# WCAG contrast (alpha composited over the first opaque background). FLATTEN then makes each block plain text.
CODE_AND_MATH = ("article pre > code, article .highlight-ipynb pre, article .jp-OutputArea-output pre, "
                 "article math")
TOKEN_CONTRAST = page_script("token_contrast.js")
FLATTEN = page_script("flatten_blocks.js")
AXE_RUN = page_script("axe_run.js")


def _palette(tab, url, theme):
    """Switch Material's palette with its toggle, as a reader does."""
    if tab.get_attribute("body", "data-md-color-scheme") != SCHEMES[theme]:
        tab.locator("label.md-header__button[for^='__palette_']:visible").click()
    assert tab.get_attribute("body", "data-md-color-scheme") == SCHEMES[theme], f"{url}: no {theme} palette"


@pytest.mark.parametrize("lang,name", PAGES, ids=lambda v: v)
def test_axe_finds_no_serious_violation(chromium, base_url, lang, name):
    """Light palette: every axe rule; dark palette: the colour rules again (the rest does not change)."""
    need(AXE.exists(), f"no {AXE.relative_to(ROOT)} (run `npm ci`, or `make setup`)")
    context, tab, url = _open(chromium, base_url, lang, name, viewport={"width": 1280, "height": 900},
                              color_scheme="light")
    lines = []
    try:
        tab.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important; }")
        for theme in ("light", "dark"):
            _palette(tab, url, theme)
            lines += [f"[{theme}] color-contrast (serious), code/math tokens: {failure}"
                      for failure in tab.evaluate(TOKEN_CONTRAST, CODE_AND_MATH)]
        tab.evaluate(FLATTEN, CODE_AND_MATH)
        tab.add_script_tag(path=str(AXE))
        for theme, options in (("dark", {"runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}}), ("light", {})):
            _palette(tab, url, theme)
            for violation in tab.evaluate(AXE_RUN, options):
                for node in violation["nodes"]:
                    if node["impact"] in ("serious", "critical"):
                        summary = " ".join((node["summary"] or "").split())
                        lines.append(f"[{theme}] {violation['id']} ({node['impact']}): {violation['help']}: "
                                     f"{node['target']}  [{summary[:200]}]")
    finally:
        context.close()
    assert not lines, f"{url}: {len(lines)} serious or critical accessibility problems:\n" + \
        "\n".join(lines[:40]) + ("\n…" if len(lines) > 40 else "")


class _Images(HTMLParser):
    """`<html lang>`, and every <img> inside <article> with its alt and the nearest lang around it."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.html_lang, self.images, self._stack = None, [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        lang = attrs.get("lang") or (self._stack[-1][1] if self._stack else None)
        in_article = tag == "article" or (self._stack and self._stack[-1][2])
        if tag == "img" and in_article:
            self.images.append((attrs.get("src", "")[:80], attrs.get("alt"), lang))
        if tag not in self.VOID:
            self._stack.append((tag, lang, in_article))

    def handle_endtag(self, tag):
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                del self._stack[i:]
                break


@pytest.mark.parametrize("lang,name", PAGES, ids=lambda v: v)
def test_images_have_alt_text_in_the_page_language(site, lang, name):
    path = site / page_url(lang, name)
    parser = _Images()
    parser.feed(path.read_text(encoding="utf-8"))
    assert parser.html_lang == lang, f"{path.relative_to(site)}: <html lang={parser.html_lang!r}>, expected {lang!r}"
    # A page shown untranslated (a fallback) carries the other language's text, alt included.
    content_lang = site_model.text_language(name, lang)
    problems = []
    for src, alt, marked_lang in parser.images:
        expected = marked_lang if marked_lang and marked_lang != lang else content_lang
        if not (alt or "").strip():
            problems.append(f"{src}: no alt text")
        elif expected == "ko" and not HANGUL.search(alt):
            problems.append(f"{src}: alt text is not Korean: {alt!r}")
        elif expected == "en" and HANGUL.search(alt):
            problems.append(f"{src}: alt text is not English: {alt!r}")
    built_from = markdown_of(lang, name)
    assert not problems, f"{path.relative_to(site)} (from {built_from.relative_to(ROOT) if built_from else 'the build'}):\n" + \
        "\n".join(problems)


# Elements sticking out past the right edge of the screen, and whether a scroll box holds each one.
OVERFLOW = page_script("overflow.js")


@pytest.mark.parametrize("lang,name", PAGES, ids=lambda v: v)
def test_phone_screen_never_scrolls_sideways(chromium, base_url, lang, name):
    context, tab, url = _open(chromium, base_url, lang, name, viewport=PHONE, is_mobile=True, has_touch=True,
                              device_scale_factor=2)
    try:
        found = tab.evaluate(OVERFLOW, PHONE["width"])
    finally:
        context.close()
    problems = []
    if found["scrollWidth"] > found["innerWidth"]:
        problems.append(f"the document is {found['scrollWidth']}px wide on a {found['innerWidth']}px screen")
    problems += [f"wider than the screen and not inside a scroll box: {o}" for o in found["out"][:20]]
    assert not problems, f"{url} at {PHONE['width']}×{PHONE['height']}:\n" + "\n".join(problems)


# The boxes overrides/assets/js/accessibility.js makes tab stops while they overflow (its own selector, read
# from it); for each: its tabindex, whether it is shown at all (not in a closed tab), and whether it overflows.
SCROLL_BOXES = ROOT / "overrides" / "assets" / "js" / "accessibility.js"
BOXES = "".join(re.findall(r'"([^"]*)"', re.search(r"var BOXES = (.*?);", SCROLL_BOXES.read_text(encoding="utf-8"),
                                                   re.S).group(1)))
BOX_STATES = page_script("box_states.js")
IDLE = "new Promise(done => requestIdleCallback(() => requestAnimationFrame(() => done())))"


@pytest.mark.parametrize("lang,name", [("ko", "backprop.md"), ("en", "backprop.md"),
                                       ("ko", "labs/mlp-from-scratch.ipynb")], ids=lambda v: v)
def test_boxes_that_scroll_are_tab_stops_and_others_are_not(chromium, base_url, lang, name):
    """On a phone, once the page has loaded with its fonts, exactly the boxes that overflow are tab stops."""
    context, tab, url = _open(chromium, base_url, lang, name, viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        tab.evaluate(IDLE)    # a pass the last font's arrival queued has run
        boxes = tab.evaluate(BOX_STATES, BOXES)
    finally:
        context.close()
    shown = [b for b in boxes if b["shown"]]
    assert any(b["overflows"] for b in shown), f"{url}: no box overflows at {PHONE['width']} px; the test tests nothing"
    assert any(not b["overflows"] for b in shown), f"{url}: every box overflows; the test cannot tell them apart"
    wrong = [b for b in shown if (b["tabindex"] == "0") != b["overflows"]]
    assert not wrong, f"{url}: tab stop ≠ overflows for {len(wrong)} boxes: {wrong[:5]}"
