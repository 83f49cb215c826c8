"""The site at its public address, under a project path, served the way GitHub Pages serves it.

One build with SITE_URL=http://127.0.0.1:<port>/nn-learn/ and REPO_URL, served under /nn-learn/ by a
server that answers every missing address with the root's 404.html and status 404 (as Pages does), then
crawled: every page of both languages and missing addresses in each language.
"""
import functools
import http.server
import os
import re
import subprocess
import sys
import threading
import urllib.error
import urllib.request
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import yaml

from conftest import ROOT, full_build_lock, page_url, site_pages
from sitebuild import site as site_model

PREFIX = "/nn-learn/"
REPO = "https://github.com/owner/nn-learn"
MISSING = ["missing/", "en/missing/", "labs/no/such/page/", "en/labs/no/such/page/", "en/backprop/missing.html"]
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# The build names the port of this process's server, so no other process can share it: every test of this
# module runs in the same pytest-xdist worker (--dist loadgroup, pyproject.toml), which builds the site once.
pytestmark = pytest.mark.xdist_group("hosted")
XHTML = "{http://www.w3.org/1999/xhtml}"


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Files below PREFIX; anything missing gets the root's 404.html with status 404, like GitHub Pages."""

    def translate_path(self, path):
        path = urlsplit(path).path
        if not path.startswith(PREFIX):
            return os.path.join(self.directory, "__not_in_the_site__")
        return super().translate_path("/" + path[len(PREFIX):])

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = open(os.path.join(self.directory, "404.html"), "rb").read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def copyfile(self, source, outputfile):
        try:
            super().copyfile(source, outputfile)
        except (BrokenPipeError, ConnectionResetError):   # the browser dropped a request it no longer needs
            pass

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def hosted(tmp_path_factory):
    """(the site's public address, the built site): built once for this module and served under PREFIX."""
    out = tmp_path_factory.mktemp("hosted")
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(PagesHandler, directory=str(out)))
    base = f"http://127.0.0.1:{httpd.server_port}{PREFIX}"
    with full_build_lock(tmp_path_factory):   # the address names this process's port (see pytestmark)
        done = subprocess.run([sys.executable, "-m", "sitebuild.build", str(out)], cwd=ROOT, capture_output=True,
                              text=True, env=dict(os.environ, SITE_URL=base, REPO_URL=REPO))
    if done.returncode != 0:
        httpd.server_close()
        pytest.fail(f"the site does not build with SITE_URL:\n{done.stdout}\n{done.stderr}", pytrace=False)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield base, out
    httpd.shutdown()


class _Html(HTMLParser):
    """Links, <link>/<meta> elements and the <html lang> of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.heads, self.metas, self.lang = [], [], {}, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "meta":
            self.metas.setdefault(attrs.get("property") or attrs.get("name"), []).append(attrs.get("content"))
        if tag == "link":
            self.heads.append(attrs)
        for name in ("href", "src"):
            if attrs.get(name) is not None and tag in ("a", "link", "img", "script", "source"):
                self.links.append((tag, attrs, attrs[name]))


def fetch(url):
    """(status, final URL, body) of a GET, following redirects."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.url, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.url, error.read().decode("utf-8", "replace")


def parse(text):
    found = _Html()
    found.feed(text)
    return found


def public_url(base, lang, name):
    return base + page_url(lang, name).removesuffix("index.html")


PAGES = site_pages()


def same_site_problems(base, where, text):
    """Every link of a page (resolved from the address it was served at) that leaves PREFIX or does not load."""
    problems = []
    for tag, attrs, link in parse(text).links:
        target = urljoin(where, link)
        parts = urlsplit(target)
        if parts.scheme not in ("http", "https") or parts.netloc != urlsplit(base).netloc:
            continue
        if not parts.path.startswith(PREFIX):
            problems.append(f"{where}: <{tag}> {link} leaves {PREFIX}")
            continue
        status, final, _ = _cached_fetch(target.split("#")[0])
        if status != 200 or not urlsplit(final).path.startswith(PREFIX):
            problems.append(f"{where}: <{tag}> {link} -> {status} {final}")
    return problems


@functools.lru_cache(maxsize=None)
def _cached_fetch(url):
    return fetch(url)


def test_every_page_and_every_same_site_link_loads_under_the_prefix(hosted):
    base, _ = hosted
    problems = []
    for lang, name in PAGES:
        url = public_url(base, lang, name)
        status, _, text = _cached_fetch(url)
        if status != 200:
            problems.append(f"{url}: {status}")
            continue
        problems += same_site_problems(base, url, text)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("missing", MISSING)
def test_a_missing_address_gets_the_404_page_and_its_links_work_from_there(hosted, missing):
    base, _ = hosted
    status, _, text = fetch(base + missing)
    assert status == 404
    found = parse(text)
    assert found.lang == "ko" and 'lang="en"' in text, "the 404 page speaks both languages"
    homes = {urljoin(base + missing, attrs["href"]) for tag, attrs, _ in found.links
             if tag == "a" and attrs.get("hreflang") and "md-select__link" not in (attrs.get("class") or "")}
    assert homes == {base, base + "en/"}, "the 404 page links to both home pages"
    assert not same_site_problems(base, base + missing, text)


def test_every_page_has_its_canonical_address_and_sharing_metadata(hosted):
    base, _ = hosted
    problems, descriptions = [], {}
    for lang, name in PAGES:
        url = public_url(base, lang, name)
        found = parse(_cached_fetch(url)[2])
        canonical = [link["href"] for link in found.heads if link.get("rel") == "canonical"]
        if canonical != [url]:
            problems.append(f"{url}: canonical {canonical}")
        if any(link.get("rel") == "alternate" for link in found.heads):
            # Material's script would take each as a language's root and fetch a sitemap.xml next to it.
            problems.append(f"{url}: <link rel=alternate> in <head>; the alternates belong in the sitemap")
        meta = {key: values[0] for key, values in found.metas.items() if values}
        if meta.get("og:url") != url or meta.get("og:locale") != site_model.language(lang).locale or not meta.get("og:title"):
            problems.append(f"{url}: og:url {meta.get('og:url')}, og:locale {meta.get('og:locale')}, "
                            f"og:title {meta.get('og:title')}")
        if meta.get("og:description") != meta.get("description"):
            problems.append(f"{url}: og:description is not the page's description")
        descriptions.setdefault((lang, meta.get("description")), []).append(url)
    shared = {key: urls for key, urls in descriptions.items() if len(urls) > 1}  # a page's own, not the site's
    assert not problems and not shared, "\n".join(problems + [f"one description for {urls}" for urls in shared.values()])


def test_the_sitemaps_list_every_page_with_its_language_versions(hosted):
    base, site = hosted
    built = {"ko": {p for p in site.rglob("index.html") if not p.relative_to(site).parts[0] == "en"},
             "en": set((site / "en").rglob("index.html"))}
    robots = fetch(base + "robots.txt")
    assert robots[0] == 200
    named = re.findall(r"^Sitemap: (\S+)$", robots[2], flags=re.MULTILINE)
    assert named == [base + "sitemap.xml", base + "en/sitemap.xml"]
    for lang, sitemap in zip(("ko", "en"), named):
        status, _, text = fetch(sitemap)
        assert status == 200, sitemap
        urls = ElementTree.fromstring(text).findall(f"{SITEMAP}url")
        root = site if lang == "ko" else site / "en"
        folders = [p.parent.relative_to(root).as_posix() for p in built[lang]]
        expected = {base + ("" if lang == "ko" else "en/") + ("" if folder == "." else folder + "/")
                    for folder in folders}
        listed = {url.find(f"{SITEMAP}loc").text for url in urls}
        assert listed == expected, f"{sitemap}: missing {expected - listed}, extra {listed - expected}"
        for url in urls:
            loc = url.find(f"{SITEMAP}loc").text
            alternates = {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
            assert set(alternates) == {"ko", "en", "x-default"}, loc
            assert alternates[lang] == loc and alternates["x-default"] == alternates["ko"], loc
            for code in ("ko", "en"):
                status, _, text = _cached_fetch(alternates[code])
                assert status == 200 and parse(text).lang == code, f"{loc}: {code} version {alternates[code]}"


def test_edit_and_report_links_open_the_right_file_and_a_prefilled_issue_form(hosted):
    base, _ = hosted
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "mistake.yml").read_text(encoding="utf-8"))
    fields = {item["id"] for item in form["body"] if "id" in item}
    for lang, name in PAGES:
        url = public_url(base, lang, name)
        found = parse(_cached_fetch(url)[2])
        edit = [attrs["href"] for tag, attrs, _ in found.links if attrs.get("rel") == "edit"]
        if name in ("glossary.md", "errata.md"):
            source = name.replace(".md", ".yml")
        elif name == "translation-status.md":
            source = None
        else:
            own = ROOT / "docs" / lang / name
            source = f"docs/{lang if own.exists() else ('en' if lang == 'ko' else 'ko')}/{name}"
            assert (ROOT / source).exists()
        assert edit == ([f"{REPO}/edit/main/{source}"] if source else []), url
        report = [attrs["href"] for tag, attrs, _ in found.links if "dl-report" in (attrs.get("class") or "")]
        assert len(report) == 1, url
        parts = urlsplit(report[0])
        query = {key: values[0] for key, values in parse_qs(parts.query).items()}
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPO}/issues/new", url
        assert query["template"] == "mistake.yml" and query["page"] == url and query["language"] == lang, url
        assert set(query) - {"template", "title"} <= fields, f"{url}: fields the form does not have"


def test_the_language_switch_lands_on_the_counterpart_and_nothing_fails(hosted, browser):
    base, _ = hosted
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    failed = []
    tab.on("response", lambda response: response.status >= 400 and failed.append(f"{response.status} {response.url}"))
    # A request the browser drops because the reader moved on (the language switch) has not failed.
    tab.on("requestfailed", lambda request: request.failure != "net::ERR_ABORTED"
           and failed.append(f"failed ({request.failure}) {request.url}"))
    tab.on("pageerror", lambda error: failed.append(str(error)))
    origin = urlsplit(base).netloc
    tab.on("request", lambda request: urlsplit(request.url).scheme in ("http", "https")
           and urlsplit(request.url).netloc != origin and failed.append(f"another origin: {request.url}"))
    wrong = []
    try:
        for lang, name in PAGES:
            other = site_model.other_language(lang)
            url = public_url(base, lang, name)
            # "load", not "networkidle": every page is also reached from its counterpart's switch, and
            # waited for to its last request (the search index, its worker) there.
            tab.goto(url, wait_until="load")
            tab.locator(".md-header__option .md-select").hover()
            tab.locator(f"a.md-select__link[hreflang={other}]").click()
            tab.wait_for_load_state("networkidle")
            if tab.url != public_url(base, other, name):
                wrong.append(f"{url} -> {tab.url}")
        for missing in MISSING:
            response = tab.goto(base + missing, wait_until="networkidle")
            assert response.status == 404
            failed.remove(f"404 {base + missing}")
            # Styled: Material's stylesheet is applied (the header is sticky, not a static block).
            assert tab.locator("header.md-header").evaluate("e => getComputedStyle(e).position") == "sticky", missing
            tab.locator(".md-header__option .md-select").hover()
            tab.locator("a.md-select__link[hreflang=en]").click()
            tab.wait_for_load_state("networkidle")
            assert tab.url == base + "en/", f"{missing}: the language switch went to {tab.url}"
    finally:
        context.close()
    assert not wrong, "the language switch did not land on the same page:\n" + "\n".join(wrong)
    assert not failed, "requests that failed:\n" + "\n".join(failed)


def test_a_description_is_the_first_paragraph_of_the_page_itself():
    from sitebuild.hosting import DESCRIPTION_LENGTH, description
    notice = '<div class="admonition warning"><p class="admonition-title">Not yet translated</p><p>Notice.</p></div>'
    math = '<span class="arithmatex" data-search-exclude><math><semantics><mrow><mi>z</mi></mrow></semantics></math></span>'
    page = f'<h1 id="x">Title<a class="headerlink" href="#x">¶</a></h1>{notice}<p></p><p>A sum {math} &amp; "more".</p><p>Next.</p>'
    assert description(page) == "A sum z &amp; &quot;more&quot;."   # escaped: the templates print it into an attribute
    long = description("<p>" + "word " * 200 + "</p>")
    assert len(long) <= DESCRIPTION_LENGTH + 1 and long.endswith("word…")
    assert description("<pre><code>x = 1</code></pre>") is None
