"""The site model: its languages, its pages, each page's address in each language, its source files.

Everything here is read from the MkDocs configurations, so that nothing else lists languages or pages:

- A language is one config: mkdocs.yml is the first (the original language, served at the site's root);
  each mkdocs.<code>.yml INHERITs it and builds the site in its language into a folder of the first's
  site_dir (mkdocs.en.yml: site/en, so the English site is at en/). Its code is `theme.language`, its
  Open Graph locale `extra.locale`.
- The pages are the nav of mkdocs.yml, in its order: files below docs/<lang>/ ("backprop.md",
  "labs/mlp-from-scratch.ipynb") and the pages the build generates (glossary.md, errata.md, ...).
- A page's address in a language is its folder below the site's root ("en/backprop/"), as MkDocs
  writes it with use_directory_urls.
- A page's source in a language is docs/<lang>/<page>; a page missing there is built from the other
  language's file (with a notice, sitebuild/translations.py); a generated page has none.
"""
import copy
import functools
import posixpath
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import ROOT


@dataclass(frozen=True)
class Language:
    code: str      # "ko": theme.language of its config
    config: Path   # its MkDocs config file
    docs: str      # its docs_dir, relative to the repository ("docs/ko")
    path: str      # its root below the site's root: "" for the first language, "en/" for English
    locale: str    # Open Graph locale ("ko_KR"), extra.locale


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):   # libyaml's parser, when PyYAML has it
    """YAML as MkDocs reads it, but without running anything: !ENV and !!python tags read as None."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(path):
    """A MkDocs config file as a dict, with its INHERIT parent's keys merged in (as MkDocs does)."""
    path = Path(path)
    found = path.stat()
    data = copy.deepcopy(_parsed(path, found.st_mtime_ns, found.st_size))
    parent = data.pop("INHERIT", None)
    return _merge(read_config(path.parent / parent), data) if parent else data


@functools.lru_cache(maxsize=64)
def _parsed(path, mtime_ns, size):
    """The file's YAML, parsed once per version of the file (the hooks and the tests ask many times)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}


def _merge(base, update):
    merged = dict(base)
    for key, value in update.items():
        merged[key] = _merge(base[key], value) if isinstance(value, dict) and isinstance(base.get(key), dict) else value
    return merged


def config_files(root=ROOT):
    """mkdocs.yml first, then every mkdocs.<code>.yml: one per language."""
    return [root / "mkdocs.yml", *sorted(root.glob("mkdocs.*.yml"))]


@functools.cache
def languages(root=ROOT):
    """Every language of the site, the original first (at the site's root)."""
    configs = [(path, read_config(path)) for path in config_files(root)]
    site_root = (root / configs[0][1].get("site_dir", "site")).resolve()
    found = []
    for path, config in configs:
        folder = (root / config.get("site_dir", "site")).resolve()
        below = folder.relative_to(site_root).as_posix()
        found.append(Language(config["theme"]["language"], path, config["docs_dir"],
                              "" if below == "." else below + "/", config.get("extra", {}).get("locale", "")))
    return tuple(found)


def codes(root=ROOT):
    """The language codes, the original first: ("ko", "en")."""
    return tuple(language.code for language in languages(root))


def language(code, root=ROOT):
    return next(found for found in languages(root) if found.code == code)


def other_language(code, root=ROOT):
    """The language that is not `code` (the site has two)."""
    return next(other for other in codes(root) if other != code)


def pages(root=ROOT):
    """Every page of the site, in nav order, as its path below docs/<lang>/ (generated pages included)."""
    return _flatten(read_config(root / "mkdocs.yml").get("nav") or [])


def _flatten(nav):
    """The file names of a MkDocs nav: items are "page.md", {title: "page.md"} or {section: [items]}."""
    found = []
    for item in nav:
        for value in (item.values() if isinstance(item, dict) else [item]):
            if isinstance(value, list):
                found += _flatten(value)
            elif "://" not in value:      # a link to another site is not a page
                found.append(value)
    return found


def source(page, lang, root=ROOT):
    """The file the site in `lang` builds `page` from: its own, else the other language's, else None
    (a page the build generates)."""
    for code in (lang, other_language(lang, root)):
        path = root / language(code, root).docs / page
        if path.exists():
            return path
    return None


def text_language(page, lang, root=ROOT):
    """The language of the text the site in `lang` shows for `page`: `lang`, or the other one for a fallback."""
    found = source(page, lang, root)
    return lang if found is None or found.is_relative_to(root / language(lang, root).docs) else other_language(lang, root)


def sources(root=ROOT):
    """Every page built from a file, in every language, as (lang, page): fallbacks included."""
    return [(lang, page) for lang in codes(root) for page in pages(root) if source(page, lang, root)]


def missing(lang, root=ROOT):
    """The Markdown pages the site in `lang` builds from the other language's file (not yet translated)."""
    own = root / language(lang, root).docs
    return [page for page in pages(root)
            if page.endswith(".md") and not (own / page).exists() and source(page, lang, root)]


def url(page, lang, root=ROOT):
    """The page's address in `lang`, below the site's root: "" (home), "backprop/", "en/labs/x/"."""
    stem = posixpath.splitext(page)[0]
    folder = "" if stem == "index" else (stem.removesuffix("index") if stem.endswith("/index") else stem + "/")
    return language(lang, root).path + folder


def html_file(page, lang, root=ROOT):
    """The built HTML file of the page, below the site's root: "index.html", "en/backprop/index.html"."""
    return url(page, lang, root) + "index.html"


def link(page, lang, from_lang, root=ROOT):
    """The page's address in `lang` as a link relative to the root of the site in `from_lang`."""
    relative = posixpath.relpath(url(page, lang, root) or ".", language(from_lang, root).path or ".")
    return "./" if relative == "." else relative + "/"
