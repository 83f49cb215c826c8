"""The built site in headless Chromium, as a reader meets it: every page of both languages."""
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import CHROMIUM, FLAGS, page_script, page_sources, page_url

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

    # Math is rendered as MathML at build time: no raw TeX is left, no math script is shipped.
    article = page.locator("article")
    math = page.locator("article .arithmatex")
    assert page.locator("article .arithmatex > math").count() == math.count(), f"{url}: unrendered math"
    assert "\\(" not in article.inner_text() and "\\[" not in article.inner_text()

    # Every code block gets its copy button once the reader reaches it (content.lazy in mkdocs.yml):
    # the figure code opened, the block's tab chosen, the block scrolled into view.
    page.evaluate("document.querySelectorAll('article details').forEach(d => d.open = true)")
    missing = page.evaluate(COPY_BUTTONS, ["article div.highlight pre", 5000])
    assert not missing, f"{url}: code blocks with no copy button once in view: {missing}"

    # The language switch is clicked on every page under the site's public path in tests/test_hosting.py.

    assert not page.errors, f"{url}: console errors {page.errors}"
    assert not page.external, f"{url}: requests left the site: {page.external}"


COPY_BUTTONS = page_script("copy_buttons.js")


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


DRAW = page_script("draw_text.js")


def test_hangul_is_drawn_as_hangul(page, server):
    """Without a font that has Hangul, Chromium draws every syllable as the same empty box, and every Korean
    screenshot, contrast check and layout test then tests boxes. Two different syllables must give different
    pixels, and neither may look like a character no font has (a private-use code point, always a box)."""
    page.goto(server, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    ga, hih, missing = (page.evaluate(DRAW, text) for text in ("가", "힣", "\ue000"))
    drawn_as_hangul = ga != hih and missing not in (ga, hih)
    assert drawn_as_hangul, (
        "Chromium draws Hangul as boxes: this machine has no font with Hangul (`fc-list :lang=ko` lists none). "
        "`make test` installs Debian's fonts-noto-cjk; run `apt-get install fonts-noto-cjk` as root.")


CENTRED_X = "document.querySelector('.md-header .md-grid').getBoundingClientRect().x"


def test_the_page_keeps_its_width_when_its_scrollbar_appears(browser, server):
    """A page is painted before all of it has arrived: shorter than the window at first, then taller. Where a
    scrollbar takes room (Windows and Linux desktops), it appears then, and if the page keeps no room for it,
    everything centred moves sideways (Lighthouse measured this layout shift on the labs). The header's
    centred column must stay where it is whether the page is short or long. Playwright hides scrollbars in
    headless Chromium; this browser shows them, as such a desktop does."""
    shown = browser.browser_type.launch(executable_path=CHROMIUM, args=FLAGS,
                                        ignore_default_args=["--hide-scrollbars"])
    try:
        tab = shown.new_page(viewport={"width": 1350, "height": 940})
        tab.goto(server, wait_until="load")
        long_x = tab.evaluate(f"document.body.style.minHeight = '300vh', {CENTRED_X}")
        short_x = tab.evaluate("document.body.style.minHeight = '0', "
                               f"document.querySelector('.md-container').style.display = 'none', {CENTRED_X}")
    finally:
        shown.close()
    assert long_x == short_x, (
        f"the header's column starts at x = {short_x} while the page is short and at {long_x} once it scrolls: "
        "keep room for the scrollbar (html { scrollbar-gutter: stable } in overrides/assets/site.css)")
