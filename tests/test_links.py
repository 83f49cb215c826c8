"""Every internal link, anchor and resource in the built HTML of both languages resolves.

MkDocs validates the links it sees in Markdown; this also covers what the theme, the hooks and the
language switch write into the HTML (cross-language links, figure images, notices, notebooks).
"""
import posixpath
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

LINK_ATTRIBUTES = {("a", "href"), ("img", "src"), ("link", "href"), ("script", "src"), ("source", "src")}


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for wanted_tag, attribute in LINK_ATTRIBUTES:
            if tag == wanted_tag and attrs.get(attribute) is not None:
                self.links.append(attrs[attribute])


def parse(path, cache={}):
    if path not in cache:
        page = _Page()
        page.feed(path.read_text(encoding="utf-8"))
        cache[path] = page
    return cache[path]


def target_file(site, page_path, link):
    """The file a relative link from `page_path` points to, or None if it leaves the site."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith(("mailto:", "data:", "javascript:")):
        return None
    if not parts.path:
        path = page_path.relative_to(site).as_posix()
    elif parts.path.startswith("/"):   # 404 pages link from the site root (no site_url is set)
        path = posixpath.normpath(unquote(parts.path)).lstrip("/") or "."
    else:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page_path.relative_to(site).as_posix()),
                                                 unquote(parts.path)))
    if path.startswith(".."):
        return site / "__outside_the_site__" / path
    target = site / path
    return target / "index.html" if target.is_dir() else target


def test_every_internal_link_and_anchor_resolves(site):
    broken = []
    for page_path in sorted(site.rglob("*.html")):
        for link in parse(page_path).links:
            target = target_file(site, page_path, link)
            if target is None:
                continue
            where = f"{page_path.relative_to(site)}: {link}"
            if not target.exists():
                broken.append(f"{where} (no file {target.relative_to(site) if target.is_relative_to(site) else target})")
                continue
            fragment = urlsplit(link).fragment
            if fragment and target.suffix == ".html" and not fragment.startswith(("only-", "__")):
                if unquote(fragment) not in parse(target).ids:
                    broken.append(f"{where} (no id '{fragment}' in {target.relative_to(site)})")
    assert not broken, "broken links in the built site:\n" + "\n".join(broken)


class _NavText(HTMLParser):
    """The text of every navigation link (the tables of contents among them)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.texts = 0, []

    def handle_starttag(self, tag, attrs):
        if tag == "a" and "md-nav__link" in (dict(attrs).get("class") or ""):
            self.depth, self.texts = 1, self.texts + [""]
        elif self.depth and tag == "a":
            self.depth += 1

    def handle_endtag(self, tag):
        if self.depth and tag == "a":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.texts[-1] += data


def test_no_table_of_contents_shows_tex_source(site):
    # Math in a heading is rendered in the page but reaches the table of contents as TeX source
    # ("\(1/\sqrt{B}\)"): a heading says it in words or Unicode instead.
    shown = []
    for path in sorted(site.glob("**/*.html")):
        nav = _NavText()
        nav.feed(path.read_text(encoding="utf-8"))
        shown += [f"{path.relative_to(site)}: {text.strip()!r}" for text in nav.texts
                  if "\\(" in text or "\\[" in text or "$" in text]
    assert not shown, "headings with math, shown as TeX in the table of contents:\n" + "\n".join(shown)
