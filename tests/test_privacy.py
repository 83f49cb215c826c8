"""Privacy: the built site loads nothing from another host (design §5, offline first).

Reads every built HTML, CSS, JS and SVG file of both languages and reports each reference to an
external host that a browser would *fetch*: stylesheets, scripts, images, icons, preloads, frames,
CSS url()/@import, and URL literals in JavaScript. Links a reader follows (<a href> to a paper,
rel=alternate/canonical) are navigation, not requests; xmlns/RDF URIs in SVG are names, not requests.
tests/test_browser.py checks the same at run time (no request leaves the origin); this test also
covers code paths a test visit does not take, such as a theme feature that is switched on later.
"""
import re
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from urllib.parse import urlsplit

# <link rel=...> values that make the browser fetch (or connect to) the href.
FETCHING_RELS = {"stylesheet", "preload", "prefetch", "modulepreload", "icon", "apple-touch-icon",
                 "apple-touch-icon-precomposed", "mask-icon", "manifest", "preconnect", "dns-prefetch",
                 "prerender"}
# Attributes a browser fetches, by tag (srcset is handled separately: it is a list).
FETCHED_ATTRIBUTES = {"script": ("src",), "img": ("src",), "source": ("src",), "iframe": ("src",),
                      "frame": ("src",), "embed": ("src",), "object": ("data",), "video": ("src", "poster"),
                      "audio": ("src",), "track": ("src",), "input": ("src",), "image": ("href", "xlink:href"),
                      "use": ("href", "xlink:href"), "feimage": ("href", "xlink:href")}
JS_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}

# A JavaScript string literal that starts with an absolute or protocol-relative URL with a host.
JS_URL = re.compile(r"""["'`]((?:https?:|wss?:)?//(?:\$\{|[A-Za-z0-9-]+\.[A-Za-z0-9.-]*[A-Za-z])[^"'`\s]*)""")
# CSS: comments and strings are consumed first, so url()/@import inside them do not count.
CSS_TOKEN = re.compile(r"""
    /\*.*?\*/
  | @import\s+(?:url\(\s*)?(?:"(?P<import_dq>[^"]*)"|'(?P<import_sq>[^']*)'|(?P<import_bare>[^\s;)]+))
  | url\(\s*(?:"(?P<url_dq>(?:\\.|[^"\\])*)"|'(?P<url_sq>(?:\\.|[^'\\])*)'|(?P<url_bare>[^)\s]*))\s*\)
  | "(?:\\.|[^"\\])*" | '(?:\\.|[^'\\])*'
""", re.DOTALL | re.VERBOSE)


def is_external(url):
    url = url.strip()
    if url.startswith(("data:", "blob:", "#", "about:", "javascript:", "mailto:")):
        return False
    parts = urlsplit(url)
    return bool(parts.netloc) or parts.scheme not in ("", "file")


def css_urls(text):
    for match in CSS_TOKEN.finditer(text):
        url = next((v for v in match.groupdict().values() if v is not None), None)
        if url is not None:
            yield url


def js_urls(text):
    for match in JS_URL.finditer(text):
        if not match.group(1).startswith("http://www.w3.org/"):    # namespaces and DTD identifiers: names
            yield match.group(1), text[max(0, match.start() - 500):match.start()]


class _Resources(HTMLParser):
    """Collects (what, url) for everything an HTML page makes the browser fetch."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self.scripts, self._in = [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        if tag == "link":
            rels = set(attrs.get("rel", "").lower().split())
            if rels & FETCHING_RELS:
                self.found.append((f"<link rel={attrs['rel']}>", attrs.get("href", "")))
        for name in FETCHED_ATTRIBUTES.get(tag, ()):
            if attrs.get(name):
                self.found.append((f"<{tag} {name}>", attrs[name]))
        for candidate in attrs.get("srcset", "").split(","):
            if candidate.strip():
                self.found.append((f"<{tag} srcset>", candidate.split()[0]))
        if attrs.get("style"):
            self.found += [(f"<{tag} style> url()", url) for url in css_urls(attrs["style"])]
        if tag == "style" or (tag == "script" and attrs.get("type", "").lower() in JS_TYPES
                              and not attrs.get("src")):
            self._in = tag

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "style":
            self.found += [("<style> url()/@import", url) for url in css_urls(data)]
        elif self._in == "script":
            self.scripts += list(js_urls(data))


def svg_urls(text):
    """href/xlink:href of elements that fetch, and url()/@import in <style>; xmlns and RDF are names."""
    root = ElementTree.fromstring(text)
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1].lower()
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1]
            if tag in ("image", "use", "feimage", "script") and local == "href":
                yield f"<{tag} href>", value
            if local == "style":
                yield from ((f"<{tag} style> url()", url) for url in css_urls(value))
        if tag == "style" and element.text:
            yield from (("<style> url()/@import", url) for url in css_urls(element.text))


# Material's bundle carries code paths that fetch from a CDN or an API only when a feature is in use.
# Each is allowed only while the check shows the feature is off in this site; switch one on and this
# test fails until it is self-hosted (design §5: Mermaid must be self-hosted).
def _no_page_contains(pattern):
    def check(site):
        return [p.relative_to(site).as_posix() for p in site.rglob("*.html")
                if re.search(pattern, p.read_text(encoding="utf-8"))]
    return check


DORMANT = [
    (re.compile(r"^https://unpkg\.com/resize-observer-polyfill"), "typeof ResizeObserver",
     "loaded only by browsers without ResizeObserver (none that Material supports)", lambda site: []),
    (re.compile(r"^https://unpkg\.com/mermaid@"), "mermaid",
     "loaded only on pages with Mermaid diagrams", _no_page_contains(r'class="[^"]*\bmermaid\b')),
    (re.compile(r"^https://(api\.github\.com|\$\{e\}/api/v4)/"), "",
     "repository facts, fetched only when repo_url is set", _no_page_contains('data-md-component="source"')),
]


def _dormant(url, context, site):
    for pattern, context_needle, reason, check in DORMANT:
        if pattern.search(url) and context_needle in context:
            offenders = check(site)
            return None if not offenders else f"{reason}, and these pages use it: {offenders[:5]}"
    return False


def _literals(urls, site, what):
    found = []
    for url, context in urls:
        dormant = _dormant(url, context, site)
        if dormant is not None:
            found.append((f"{what} ({dormant})" if dormant else what, url))
    return found


def test_no_resource_is_loaded_from_another_host(site):
    problems = []
    files = sorted(p for p in site.rglob("*") if p.suffix in (".html", ".css", ".js", ".svg", ".mjs"))
    assert any(p.suffix == ".html" for p in files), f"no HTML in {site}"
    for path in files:
        where = path.relative_to(site).as_posix()
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".html":
            parser = _Resources()
            parser.feed(text)
            found = parser.found + _literals(parser.scripts, site, "inline <script> literal")
        elif path.suffix == ".css":
            found = [("CSS url()/@import", url) for url in css_urls(text)]
        elif path.suffix == ".svg":
            try:
                found = list(svg_urls(text))
            except ElementTree.ParseError as error:
                problems.append(f"{where}: not well-formed SVG ({error})")
                continue
        else:
            found = _literals(js_urls(text), site, "JS literal")
        problems += [f"{where}: {what} {url}" for what, url in found if is_external(url)]
    assert not problems, ("the built site loads resources from other hosts (self-host them, or drop them):\n"
                          + "\n".join(problems))


def test_the_scanner_sees_external_resources():
    """The scanner itself: it finds what it should, and passes navigation and names."""
    html = """<html><head><link rel="stylesheet" href="https://cdn.example/x.css">
      <link rel="canonical" href="https://example.org/"><link rel="alternate" hreflang="en" href="https://e.org/en/">
      <script src="//cdn.example/a.js"></script><script>fetch("https://api.example/v1")</script>
      <script type="application/json">{"u": "https://not.fetched/"}</script>
      <style>@import url("https://fonts.example/css"); .a{background:url(https://img.example/a.png)}</style>
      </head><body><a href="https://arxiv.org/abs/1412.6980">Adam</a><img src="https://img.example/b.png"
      srcset="a.png 1x, https://img.example/c.png 2x"><img src="figures/x.svg#only-light"></body></html>"""
    parser = _Resources()
    parser.feed(html)
    external = sorted([url for _, url in parser.found if is_external(url)] + [url for url, _ in parser.scripts])
    assert external == ["//cdn.example/a.js", "https://api.example/v1", "https://cdn.example/x.css",
                        "https://fonts.example/css", "https://img.example/a.png", "https://img.example/b.png",
                        "https://img.example/c.png"], external
    css = """/* url(https://comment.example/) */ a{background:url('data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg"/>')}
             b{src:url(math/noto-sans-math.woff2) format("woff2")} c{content:"url(https://string.example/)"}"""
    assert list(css_urls(css)) == ["data:image/svg+xml,<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
                                   "math/noto-sans-math.woff2"]
    svg = """<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
             xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><metadata><rdf:RDF><rdf:Description
             rdf:resource="http://purl.org/dc/dcmitype/StillImage"/></rdf:RDF></metadata>
             <image xlink:href="https://img.example/d.png"/><use href="#glyph"/></svg>"""
    assert [url for _, url in svg_urls(svg) if is_external(url)] == ["https://img.example/d.png"]
    assert [url for url, _ in js_urls('a="x" //nbsp\nload("https://cdn.example/m.js");b=`https://${h}/api`')] \
        == ["https://cdn.example/m.js", "https://${h}/api"]
