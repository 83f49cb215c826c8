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

from conftest import ROOT, markdown_of, need, page_sources, page_url

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def _all_pages():
    """page_sources(), plus the pages the build generates from the nav (glossary, translation status)."""
    pages = page_sources()
    nav = re.search(r"^nav:\n((?:[ \t]+.*\n|\n)*)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    names = re.findall(r"^\s*-\s*(?:[^:\n]+:\s*)?([\w./-]+\.(?:md|ipynb))\b", nav.group(1) if nav else "", re.M)
    known = {name for _, name in pages}
    return pages + [(lang, name) for lang in ("ko", "en") for name in names if name not in known]


PAGES = _all_pages()
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
TOKEN_CONTRAST = """selector => {
  const rgba = c => { const v = c.match(/[\\d.]+/g).map(Number); return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1]; };
  const over = (top, under) => top.slice(0, 3).map((x, i) => x * top[3] + under[i] * (1 - top[3])).concat([1]);
  const backgrounds = new Map();
  const background = e => {
    if (!e) return [255, 255, 255, 1];
    if (!backgrounds.has(e)) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      backgrounds.set(e, c[3] >= 1 ? c : c[3] > 0 ? over(c, background(e.parentElement)) : background(e.parentElement));
    }
    return backgrounds.get(e);
  };
  const luminance = c => { const l = c.slice(0, 3).map(x => { x /= 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; });
                           return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2]; };
  const seen = new Map(), failures = [];
  const blocks = [...document.querySelectorAll(selector)];
  for (const block of blocks) {
    for (const e of [block, ...block.querySelectorAll("*")]) {
      if (![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
      if (!e.getClientRects().length) continue;                 // hidden (a closed tab, a collapsed block)
      const style = getComputedStyle(e);
      if (style.visibility === "hidden") continue;
      const bg = background(e), fg = over(rgba(style.color), bg);
      const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
      const key = fg.join() + "|" + bg.join() + "|" + (size >= 24 || (size >= 18.66 && bold));
      if (seen.has(key)) continue;
      seen.set(key, true);
      const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
      const ratio = (hi + 0.05) / (lo + 0.05), needed = (size >= 24 || (size >= 18.66 && bold)) ? 3 : 4.5;
      if (ratio < needed) {
        const where = e.closest("[id]");
        failures.push(`${ratio.toFixed(2)}:1 < ${needed}:1, ${style.color} on rgb(${bg.slice(0, 3).map(Math.round)}), ` +
                      `<${e.tagName.toLowerCase()} class="${e.className}"> "${e.textContent.trim().slice(0, 30)}"` +
                      (where ? ` in #${where.id}` : ""));
      }
    }
  }
  return failures;
}"""

FLATTEN = """selector => {
  for (const block of document.querySelectorAll(selector)) {
    if (block.localName === "math") {   // a span of the same size, so scroll boxes around it stay as they were
      const box = block.getBoundingClientRect(), span = document.createElement("span");
      Object.assign(span.style, {display: "inline-block", width: box.width + "px", height: box.height + "px",
                                 overflow: "hidden", verticalAlign: "top"});
      span.textContent = block.textContent;
      block.replaceWith(span);
      continue;
    }
    block.textContent = block.textContent;
  }
}"""

AXE_RUN = """async options => {
  const result = await axe.run(document, Object.assign({resultTypes: ["violations"]}, options));
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), impact: n.impact, summary: n.failureSummary}))}));
}"""


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
    content_lang = markdown_of(lang, name).relative_to(ROOT / "docs").parts[0]
    problems = []
    for src, alt, marked_lang in parser.images:
        expected = marked_lang if marked_lang and marked_lang != lang else content_lang
        if not (alt or "").strip():
            problems.append(f"{src}: no alt text")
        elif expected == "ko" and not HANGUL.search(alt):
            problems.append(f"{src}: alt text is not Korean: {alt!r}")
        elif expected == "en" and HANGUL.search(alt):
            problems.append(f"{src}: alt text is not English: {alt!r}")
    assert not problems, f"{path.relative_to(site)} (from {markdown_of(lang, name).relative_to(ROOT)}):\n" + \
        "\n".join(problems)


# Elements sticking out past the right edge of the screen, and whether a scroll box holds each one.
# `width` is the phone's: on a mobile viewport Chromium widens window.innerWidth to fit content that
# overflows, so innerWidth alone would hide the problem.
OVERFLOW = """width => {
  const out = [], reported = new Set();
  for (const e of document.body.querySelectorAll("*")) {
    const box = e.getBoundingClientRect();
    if (box.right <= width + 0.5 || box.width === 0 || box.height === 0) continue;
    if (e.ownerSVGElement) continue;                               // inside an <svg>: the <svg> box is what counts
    const style = getComputedStyle(e);
    if (style.visibility === "hidden" || style.position === "fixed") continue;
    let holder = null;
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.position === "fixed") { holder = a; break; }        // off-canvas drawers, overlays
      const r = a.getBoundingClientRect();
      if (["auto", "scroll"].includes(s.overflowX) && r.right <= width + 0.5) { holder = a; break; }
      if (["hidden", "clip"].includes(s.overflowX) && r.right <= width + 0.5) {
        // visually hidden (for screen readers only)
        if (r.width <= 1 || r.height <= 1) { holder = a; break; }
        holder = "clipped"; break;
      }
    }
    if (holder && holder !== "clipped") continue;
    reported.add(e);
    if (reported.has(e.parentElement)) continue;                   // name the outermost box only
    const id = e.id ? "#" + e.id : "", cls = typeof e.className === "string" && e.className ? "." + e.className.trim().split(/\\s+/).join(".") : "";
    const where = e.closest("[id]");
    out.push(`<${e.tagName.toLowerCase()}${id}${cls}> right edge at ${Math.round(box.right)}px` + (where && where !== e ? ` (in #${where.id})` : "")
             + (holder ? ", cut off by an overflow:hidden box (the reader cannot scroll to it)" : ""));
  }
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: Math.min(width, window.innerWidth), out};
}"""


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
BOX_STATES = """boxes => [...document.querySelectorAll(boxes)].map(box => ({
  tabindex: box.getAttribute("tabindex"), shown: box.checkVisibility(),
  overflows: box.scrollWidth > box.clientWidth + 1, text: box.textContent.trim().slice(0, 40)}))"""
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
