"""Pages that exist in one language only are still served in the other, with a visible notice."""
from . import ROOT, LANGS


def other_language(lang):
    return next(other for other in LANGS if other != lang)


def missing_pages(lang):
    """Relative paths of Markdown pages that the other language has and `lang` lacks."""
    here, there = ROOT / "docs" / lang, ROOT / "docs" / other_language(lang)
    return sorted(p.relative_to(there).as_posix() for p in there.rglob("*.md")
                  if not (here / p.relative_to(there)).exists())


def original_url(src_uri, lang):
    """The URL, relative to this language's site root, of the page in the other language."""
    page = src_uri[:-3]
    path = "" if page == "index" else (page[:-len("index")] if page.endswith("/index") else page + "/")
    root = "../" if lang == "en" else "en/"
    return root + path


def notice(texts, href):
    """The warning that heads a page shown in a language it was not written in."""
    return (f'!!! warning "{texts["title"]}"\n'
            f'    {texts["text"]} <a href="{href}" hreflang="other">{texts["original"]}</a>\n\n')
