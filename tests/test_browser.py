"""The built site in headless Chromium, as a reader meets it: every page of both languages."""
import functools
import http.server
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import IN_CI, ROOT, page_sources, page_url

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "test-artifacts"


def _need(condition, reason):
    if not condition:
        (pytest.fail if IN_CI else pytest.skip)(reason)


@pytest.fixture(scope="session")
def server(site):
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api") if not IN_CI else __import__(
        "playwright.sync_api", fromlist=["sync_playwright"])
    _need(Path(CHROMIUM).exists(), f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server, request):
    """A fresh page that records console errors and every request that leaves the origin."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.errors, tab.external = [], []
    tab.on("console", lambda m: m.type == "error" and tab.errors.append(m.text))
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    origin = urlsplit(server).netloc
    tab.on("request", lambda r: urlsplit(r.url).netloc not in (origin, "")
           and not r.url.startswith(("data:", "blob:")) and tab.external.append(r.url))
    yield tab
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        safe_name = re.sub(r"[^\w.-]+", "_", request.node.name)
        tab.screenshot(path=str(ARTIFACTS / f"{safe_name}.png"), full_page=True)
    context.close()


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

    # Every code block has a copy button.
    blocks = page.locator("article div.highlight pre")
    assert page.locator("article div.highlight pre button[data-md-type=copy]").count() == blocks.count()

    # The language switch, clicked as a reader does, lands on the same page in the other language.
    other = "en" if lang == "ko" else "ko"
    page.locator(".md-header__option .md-select").hover()
    page.locator(f"a.md-select__link[hreflang={other}]").click()
    page.wait_for_load_state("networkidle")
    assert page.url == urljoin(server, page_url(other, name).removesuffix("index.html")), (url, page.url)
    assert page.get_attribute("html", "lang") == other

    assert not page.errors, f"{url}: console errors {page.errors}"
    assert not page.external, f"{url}: requests left the site: {page.external}"


def _assert_theme_images(page, url, theme):
    images = page.locator(f"article figure.dl-figure img[src$='#only-{theme}']")
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
