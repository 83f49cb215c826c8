"""The site at its public address: the English site's address, edit and report links, each page's
description, and what crawlers read (sitemap language alternates, robots.txt).

The address is configuration: SITE_URL is the Korean site's root (mkdocs.yml, `site_url`), and the
English site is SITE_URL + en/. Without SITE_URL every link stays relative, so the site works at any path.
"""
import html
import posixpath
import re
from html.parser import HTMLParser
from urllib.parse import urlencode, urlsplit

from . import site

LANG_PATHS = {language.code: language.path for language in site.languages()}   # each one's root below the site's
LOCALES = {language.code: language.locale for language in site.languages()}
DEFAULT_LANG = site.codes()[0]          # x-default: the original language, at the site's root
ISSUE_FORM = "mistake.yml"              # .github/ISSUE_TEMPLATE/mistake.yml
DESCRIPTION_LENGTH = 300                # characters; longer first paragraphs end at a word with "…"


def configure(config, lang):
    """The per-language settings that follow from SITE_URL and REPO_URL (called from on_config)."""
    if config.site_url and lang != DEFAULT_LANG:
        config.site_url += LANG_PATHS[lang]
    if not config.repo_url:
        config.edit_uri = None     # MkDocs warns (and strict fails) on an edit_uri without a repository


def template_values(site_url, lang):
    """What the templates read as config.extra.hosting: Open Graph locales; each language's root as an
    absolute path, for the 404 page, which is served at any depth ("/", "/en/" without SITE_URL); and with
    SITE_URL each language's root address (overrides/sitemap.xml)."""
    root = site_root(site_url, lang) if site_url else "/"
    return {"locale": LOCALES[lang], "alternate_locales": [LOCALES[code] for code in LOCALES if code != lang],
            "paths": {code: urlsplit(root).path + path for code, path in LANG_PATHS.items()},
            "roots": {code: root + path for code, path in LANG_PATHS.items()} if site_url else {},
            "default": DEFAULT_LANG}


def site_root(site_url, lang):
    """The whole site's address, from the address of the site in `lang`."""
    return site_url.removesuffix(LANG_PATHS[lang]) if LANG_PATHS[lang] else site_url


def fallback_source(src_uri, lang):
    """"Edit this page" of a page served from the other language (not yet translated): that language's file,
    as MkDocs' edit_uri (relative to docs/<lang>/)."""
    here, there = site.language(lang).docs, site.language(site.other_language(lang)).docs
    return posixpath.join(posixpath.relpath(there, here), src_uri)


def data_source(data_file):
    """"Edit this page" of a page generated from a data file at the repository's root: that file."""
    return f"../../{data_file}"


def report_url(repo_url, lang, page_title, page_address):
    """A new issue in the "mistake" form, with the page and its language filled in."""
    query = urlencode({"template": ISSUE_FORM, "title": f"[mistake] {page_title}",
                       "page": page_address, "language": lang})
    return f"{repo_url.rstrip('/')}/issues/new?{query}"


def robots_txt(site_url):
    """robots.txt for the site's root, naming each language's sitemap."""
    sitemaps = "".join(f"Sitemap: {site_url}{path}sitemap.xml\n" for path in LANG_PATHS.values())
    return f"User-agent: *\nAllow: /\n\n{sitemaps}"


class _FirstParagraph(HTMLParser):
    """The text of the first <p> that is not inside a notice, a figure, a table or a code block.
    Of rendered math it keeps what MathML reads (z=w⊤x+b)."""
    SKIPPED_TAGS = {"details", "figure", "table", "pre", "nav", "aside", "script", "style"}
    SKIPPED_CLASSES = re.compile(r"\b(admonition|headerlink|md-source-file)\b")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.parts, self.done, self.inside = [], [], False, False

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "hr", "input", "meta", "link", "source", "wbr"):
            return
        attrs = dict(attrs)
        skipped = (tag in self.SKIPPED_TAGS or attrs.get("aria-hidden") == "true"
                   or bool(self.SKIPPED_CLASSES.search(attrs.get("class") or "")))
        self.stack.append((tag, skipped))
        if tag == "p" and not self.done and not self._skipping():
            self.inside = True

    def handle_endtag(self, tag):
        while self.stack:
            opened, _ = self.stack.pop()
            if opened == tag:
                break
        if tag == "p" and self.inside:
            self.inside = False
            if " ".join(self.parts).strip():
                self.done = True
            else:
                self.parts = []

    def handle_data(self, data):
        if self.inside and not self.done and not self._skipping():
            self.parts.append(data)

    def _skipping(self):
        return any(skipped for _, skipped in self.stack)


def description(page_html):
    """A page's description: its first paragraph as plain text, or None when it has none."""
    parser = _FirstParagraph()
    parser.feed(page_html)
    text = re.sub(r"\s+", " ", "".join(parser.parts)).strip()
    if not text:
        return None
    if len(text) > DESCRIPTION_LENGTH:
        text = text[:DESCRIPTION_LENGTH].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return html.escape(text)  # MkDocs does not autoescape: the templates print this into an attribute
