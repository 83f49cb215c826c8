"""The glossary: one data file of term pairs (glossary.yml), the page generated from it in each
language, and the check that Korean pages do not use a spelling the glossary rejects."""
import re

import yaml

from . import ROOT, parity, site
from .errors import BuildError
from .site import other_language

DATA = "glossary.yml"
ALLOW_COMMENT = re.compile(r"<!--\s*glossary-allow:\s*(?P<words>.*?)\s*-->")
HTML_COMMENT = re.compile(r"<!--.*?-->")


def load(root=ROOT):
    """The terms and the per-file allow list from glossary.yml, or None when there is no such file."""
    path = root / DATA
    if not path.exists():
        return None
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for number, term in enumerate(data.get("terms") or [], 1):
        if not isinstance(term, dict) or not set(site.codes()) <= set(term):
            raise BuildError(DATA, f"term {number} needs both 'en' and 'ko': {term}")
    return {"terms": data.get("terms") or [], "allow": data.get("allow") or {}}


def heading_titles(lang, page, root=ROOT):
    """{heading id: heading text} of docs/<lang>/<page>, or None when the page does not exist."""
    path = root / "docs" / lang / page
    if not path.exists():
        return None
    return {ident: title for _, _, ident, title in parity.headings(path.read_text(encoding="utf-8")) if ident}


def link_problems(data, root=ROOT):
    """A message for every `see:` that names a page or heading id that does not exist."""
    found = []
    for term in data["terms"]:
        if "see" not in term:
            continue
        page, _, anchor = term["see"].partition("#")
        versions = {lang: heading_titles(lang, page, root) for lang in site.codes()}
        if all(titles is None for titles in versions.values()):
            found.append(f"{DATA}: '{term['en']}' links to {term['see']}: there is no docs/<lang>/{page}")
        for lang, titles in versions.items():
            if titles is not None and anchor and anchor not in titles:
                found.append(f"{DATA}: '{term['en']}' links to {term['see']}: "
                             f"docs/{lang}/{page} has no heading {{ #{anchor} }}")
    return found


def where_title(term, lang, root=ROOT):
    """'Page › Section' for the term's `see:` link, in `lang` (or the other language's if missing)."""
    page, _, anchor = term["see"].partition("#")
    if not (root / "docs" / lang / page).exists():
        lang = other_language(lang)
    found = parity.headings((root / "docs" / lang / page).read_text(encoding="utf-8"))
    title = found[0][3] if found else page
    section = next((text for _, _, ident, text in found if ident == anchor), title)
    return title if section == title else f"{title} › {section}"


def page(data, lang, texts, root=ROOT):
    """The glossary page for the site in `lang`, as Markdown: a table sorted by the term in `lang`."""
    other = other_language(lang)
    rows = [f"| {' | '.join(texts['columns'])} |", "|---" * len(texts["columns"]) + "|"]
    for term in sorted(data["terms"], key=lambda t: t[lang].lower()):
        where = f"[{where_title(term, lang, root)}]({term['see']})" if "see" in term else ""
        rows.append(f"| {term[lang]} | {term[other]} | {', '.join(term.get('reject', []))} | {where} |")
    return f"# {texts['title']} {{ #glossary }}\n\n{texts['intro']}\n\n" + "\n".join(rows) + "\n"


def site_page(lang, texts, root=ROOT):
    """The glossary page for the site in `lang`, or None without glossary.yml. A broken link raises."""
    data = load(root)
    if data is None:
        return None
    problems = link_problems(data, root)
    if problems:
        raise BuildError("", "\n".join(problems))
    return page(data, lang, texts, root)


def prose_lines(text):
    """(line number, text) of a page's prose: no front matter, code blocks, inline code or comments."""
    prose, _ = parity.split_fences(parity.body_lines(text))
    return [(number, parity.INLINE_CODE.sub("", HTML_COMMENT.sub("", line))) for number, line in prose]


def term_problems(data, root=ROOT):
    """'docs/ko/x.md:LINE: ...' for every rejected spelling on a Korean page that is not allowed there."""
    rejected = {word: term for term in data["terms"] for word in term.get("reject", [])}
    found = []
    for path in sorted((root / site.language("ko").docs).rglob("*.md")):
        name = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8")
        allowed = set(data["allow"].get(name, [])) | {
            word.strip() for match in ALLOW_COMMENT.finditer(text) for word in match["words"].split(",")}
        for number, visible in prose_lines(text):
            for word, term in rejected.items():
                if word in visible and word not in allowed:
                    found.append(f"{name}:{number}: '{word}' is not a term this site uses: write "
                                 f"'{term['ko']}' ({term['en']}; see {DATA})")
    return found

