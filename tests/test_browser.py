"""The built site in headless Chromium, as a reader meets it: every page of both languages."""
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import ARTIFACTS, page_sources, page_url

PAGES = page_sources()


@pytest.mark.parametrize("lang,name", PAGES, ids=lambda v: v)
def test_page_in_browser(page, server, lang, name):
    url = urljoin(server, page_url(lang, name).removesuffix("index.html"))
    response = page.goto(url, wait_until="networkidle")
    assert response.status == 200, url
    assert page.get_attribute("html", "lang") == lang

    # Figures: both theme variants exist; the light one shows, the dark one after the toggle.
    figures = page.locator("article figure.dl-figure")
    for i in range(figures.count()):
        for theme in ("light", "dark"):
            src = figures.nth(i).locator(f'img[src$="#only-{theme}"]').get_attribute("src")
            assert page.request.get(urljoin(url, src)).status == 200, f"{url}: {src} does not load"
    _assert_theme_images(page, url, "light")
    page.locator("label.md-header__button[for='__palette_1']").click()
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    _assert_theme_images(page, url, "dark")

    # Math is rendered by KaTeX at build time: no raw TeX is left, no math script is shipped.
    article = page.locator("article")
    math = page.locator("article .arithmatex")
    assert page.locator("article .arithmatex .katex").count() == math.count(), f"{url}: unrendered math"
    assert "\\(" not in article.inner_text() and "\\[" not in article.inner_text()

    # Every code block gets its copy button once the reader reaches it (content.lazy in mkdocs.yml):
    # the figure code opened, the block's tab chosen, the block scrolled into view.
    page.evaluate("document.querySelectorAll('article details').forEach(d => d.open = true)")
    blocks = page.locator("article div.highlight pre")
    for i in range(blocks.count()):
        block = blocks.nth(i)
        block.evaluate(SHOW_TAB)
        block.scroll_into_view_if_needed()
        block.locator("button[data-md-type=copy]").wait_for(state="attached", timeout=5000)

    # The language switch, clicked as a reader does, lands on the same page in the other language.
    other = "en" if lang == "ko" else "ko"
    page.locator(".md-header__option .md-select").hover()
    page.locator(f"a.md-select__link[hreflang={other}]").click()
    page.wait_for_load_state("networkidle")
    assert page.url == urljoin(server, page_url(other, name).removesuffix("index.html")), (url, page.url)
    assert page.get_attribute("html", "lang") == other

    assert not page.errors, f"{url}: console errors {page.errors}"
    assert not page.external, f"{url}: requests left the site: {page.external}"


SHOW_TAB = """pre => {
  const block = pre.closest(".tabbed-block");
  if (!block) return;
  const index = [...block.parentElement.children].indexOf(block);
  block.closest(".tabbed-set").querySelectorAll(":scope > .tabbed-labels > label")[index].click();
}"""


def _assert_theme_images(page, url, theme):
    # An interactive figure hides its static images on screen once it runs (tests/test_interactive.py).
    images = page.locator(f"article figure.dl-figure:not([data-interactive]) img[src$='#only-{theme}']")
    for i in range(images.count()):
        image = images.nth(i)
        image.scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle(),
                               timeout=5000)
        assert image.is_visible(), f"{url}: the {theme} figure is hidden in the {theme} theme"
    hidden = "dark" if theme == "light" else "light"
    others = page.locator(f"article figure.dl-figure img[src$='#only-{hidden}']")
    for i in range(others.count()):
        assert not others.nth(i).is_visible(), f"{url}: the {hidden} figure shows in the {theme} theme"


SEARCHES = [("ko", "시그모이드", "activations/"), ("ko", "렐루", "activations/"),
            ("ko", "활성화 함수", "activations/"), ("en", "sigmoid", "en/activations/"),
            ("en", "activation function", "en/activations/")]


@pytest.mark.parametrize("lang,query,expected", SEARCHES, ids=lambda v: v)
def test_search_finds_the_chapter(page, server, lang, query, expected):
    page.goto(urljoin(server, "" if lang == "ko" else "en/"), wait_until="networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")    # Material searches on keyup; fill() alone sends none
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=5000)
    hrefs = [urljoin(page.url, results.nth(i).get_attribute("href")) for i in range(results.count())]
    assert any(urlsplit(h).path.endswith("/" + expected) or urlsplit(h).path == "/" + expected
               for h in hrefs), f"'{query}' found {hrefs}"
    snippets = page.locator(".md-search-result__article").all_inner_texts()
    assert not any("\\(" in s or "\\frac" in s for s in snippets), f"raw TeX in search results: {snippets}"


LAZY_PAGES = [(lang, name) for lang, name in PAGES if name != "index.md"]    # chapters and labs
CONTAINED_BOXES = """mode => {
  // Every block the stylesheet renders lazily (content-visibility: auto), as it is once rendered
  // (contained) or as if the rule were not there (mode "none"); then each article block's box.
  const lazy = [...document.querySelectorAll("article *")].filter(e => getComputedStyle(e).contentVisibility === "auto");
  for (const e of lazy) e.style.cssText += mode === "none" ? ";content-visibility: visible; contain: none"
                                                           : ";content-visibility: visible; contain: layout style paint";
  const boxes = [...document.querySelectorAll("article > *, article > * > pre, .jp-Notebook > *")].map(e => {
    const r = e.getBoundingClientRect();
    return `${e.tagName}.${e.className} ${Math.round(r.top + scrollY)} ${Math.round(r.height)} ${Math.round(r.width)}`;
  });
  return [lazy.length, boxes];
}"""


@pytest.mark.parametrize("lang,name", LAZY_PAGES, ids=lambda v: v)
def test_lazy_rendering_moves_nothing(browser, server, lang, name):
    """The blocks site.css renders only near the viewport (content-visibility) are laid out exactly as they
    would be without it: containment must not change a margin. Phone and desktop widths."""
    url = urljoin(server, page_url(lang, name).removesuffix("index.html"))
    for width in (412, 1280):
        layouts = {}
        for mode in ("none", "contained"):
            context = browser.new_context(viewport={"width": width, "height": 900})
            tab = context.new_page()
            tab.goto(url, wait_until="load")
            tab.evaluate("document.fonts.ready.then(() => true)")
            layouts[mode] = tab.evaluate(CONTAINED_BOXES, mode)
            context.close()
        (lazy, plain), (_, contained) = layouts["none"], layouts["contained"]
        assert lazy > 0, f"{url}: no block is rendered lazily (site.css)"
        moved = [(a, b) for a, b in zip(plain, contained) if a != b]
        assert not moved, f"{url} at {width}px: containment moved {len(moved)} blocks, first {moved[0]}"


SCROLL_THROUGH = """async () => {
  // Scroll the whole page half a screen at a time, so that every lazy block is drawn once and keeps its size.
  const frame = () => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) { scrollTo(0, y); await frame(); }
  return [...document.querySelectorAll("article > :is(ul, figure, .tabbed-set, .md-typeset__scrollwrap), .jp-Notebook > .jp-Cell")]
    .map(e => Math.round(e.getBoundingClientRect().top + scrollY) - 40);
}"""


@pytest.mark.parametrize("lang,name", LAZY_PAGES, ids=lambda v: v)
def test_lazy_blocks_clip_nothing(browser, server, lang, name):
    """A lazy block on screen clips nothing of what it paints: its paint containment cuts at
    overflow-clip-margin (site.css), and a list's bullets, a focus ring or a glyph may reach past the box.
    Phone screenshots at each list, figure, tab set, table and notebook cell, compared pixel for pixel with the same page
    clipped 200 px out; the two images of a difference go to test-artifacts/. (Without containment at all,
    text lands a fraction of a pixel elsewhere, so that comparison cannot be exact.)"""
    url = urljoin(server, page_url(lang, name).removesuffix("index.html"))
    context = browser.new_context(viewport={"width": 412, "height": 823})
    tab = context.new_page()
    tab.goto(url, wait_until="load")
    tab.evaluate("document.fonts.ready.then(() => true)")
    tab.wait_for_selector("html[data-scroll-boxes=checked]", state="attached", timeout=30000)
    tab.add_style_tag(content=".md-top { display: none !important }")   # "back to top" fades in and out on scrolling
    places = tab.evaluate(SCROLL_THROUGH)
    assert places, f"{url}: no list, figure, tab set, table or notebook cell to look at"

    def screens():
        shots = []
        for y in places:
            tab.evaluate("y => new Promise(done => { scrollTo(0, y); requestAnimationFrame(() => requestAnimationFrame(done)); })", y)
            shots.append(tab.screenshot(animations="disabled"))
        return shots

    lazy = screens()
    tab.evaluate("""() => document.querySelectorAll("article *").forEach(e => {
      if (getComputedStyle(e).contentVisibility === "auto") e.style.overflowClipMargin = "200px";
    })""")
    unclipped = screens()
    context.close()
    differ = [i for i, (a, b) in enumerate(zip(lazy, unclipped)) if a != b]
    if differ:
        first = differ[0]
        ARTIFACTS.mkdir(exist_ok=True)
        stem = f"paint-{lang}-{name.replace('/', '-')}-{places[first]}"
        (ARTIFACTS / f"{stem}-lazy.png").write_bytes(lazy[first])
        (ARTIFACTS / f"{stem}-unclipped.png").write_bytes(unclipped[first])
    assert not differ, (f"{url}: lazy blocks clip what they paint at scroll positions {[places[i] for i in differ]} "
                        f"(412 px wide; the first pair of images is in test-artifacts/)")


# Viewports a reader may hold: phones (site.css draws their first 9 article blocks at once), then tablets
# and desktops (16 blocks at once).
SCREENS = [(360, 800), (375, 812), (412, 823), (430, 932),
           (600, 960), (768, 1024), (820, 1180), (1024, 1366), (1280, 900), (1350, 940), (1920, 1080), (2560, 1440)]

LAZY_ON_FIRST_SCREEN = """() => {
  // Blocks drawn lazily (content-visibility: auto), laid out in full, that start on the first screen.
  const lazy = [...document.querySelectorAll("article *")].filter(e => getComputedStyle(e).contentVisibility === "auto");
  for (const e of lazy) e.style.cssText += ";content-visibility: visible; contain: none";
  return lazy.filter(e => e.getBoundingClientRect().top < innerHeight)
             .map(e => `${e.tagName.toLowerCase()}.${e.className.split(" ")[0]} at ${Math.round(e.getBoundingClientRect().top)} px: ` +
                       `"${e.textContent.trim().slice(0, 40)}"`);
}"""


@pytest.mark.parametrize("lang,name", PAGES, ids=lambda v: v)
def test_first_screen_is_drawn_at_once(browser, server, lang, name):
    """No block on the first screen is drawn lazily: Chromium paints lazy blocks first as placeholders, and
    one that then grows on screen moves the page (Lighthouse: cumulative layout shift). Adding lines to a
    chapter's opening can push this over; then raise the block counts in site.css."""
    url = urljoin(server, page_url(lang, name).removesuffix("index.html"))
    context = browser.new_context()
    tab = context.new_page()
    problems = []
    for width, height in SCREENS:
        tab.set_viewport_size({"width": width, "height": height})
        tab.goto(url, wait_until="load")
        tab.evaluate("document.fonts.ready.then(() => true)")
        problems += [f"{width}x{height}: {block}" for block in tab.evaluate(LAZY_ON_FIRST_SCREEN)]
    context.close()
    assert not problems, f"{url}: blocks on the first screen are drawn lazily (site.css):\n" + "\n".join(problems)


LANDING = """id => {
  const heading = document.getElementById(id), top = heading.getBoundingClientRect().top;
  const margin = parseFloat(getComputedStyle(heading).scrollMarginTop) || 0;
  const atBottom = scrollY + innerHeight >= document.documentElement.scrollHeight - 2;
  return {top: Math.round(top), margin: Math.round(margin), atBottom};
}"""


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_links_to_headings_land_on_them(browser, server, lang):
    """A link to a heading deep in the longest chapter shows that heading at the top once the page has
    settled, although the blocks above it start with placeholder heights (site.css, overrides/main.html)."""
    url = urljoin(server, page_url(lang, "backprop.md").removesuffix("index.html"))
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.goto(url, wait_until="load")
    ids = tab.evaluate("[...document.querySelectorAll('article h2[id], article h3[id]')].map(h => h.id)")
    missed = []
    for heading in ids[2::4]:            # past the first screen, where blocks are drawn lazily
        tab.goto("about:blank")
        tab.goto(f"{url}#{heading}", wait_until="load")
        tab.wait_for_selector("html[data-scroll-boxes=checked]", state="attached", timeout=30000)
        where = tab.evaluate(LANDING, heading)
        if abs(where["top"] - where["margin"]) > 2 and not where["atBottom"]:
            missed.append(f"#{heading} at {where['top']} px (expected {where['margin']})")
    context.close()
    assert not missed, f"{url}: links land away from their headings: {missed}"
