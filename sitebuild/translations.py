"""Translations: which page is translated from which, whether it is up to date, and the notices.

Every page of the nav (sitebuild/site.py) exists as docs/ko/<page> and docs/en/<page>. One of the two is the original (the source),
the other its translation. The translation says so in its front matter, with the hash of the source
it was translated from:

    ---
    translation: {source: ko, source_hash: "0123456789ab"}
    ---

The hash is the first 12 hex digits of the SHA-256 of the source file's body (its text without
front matter). When the source changes, the hash no longer matches and the translation is outdated.
A page that exists in one language only is served in the other with a notice (see `sitebuild.site.missing`).

    python -m sitebuild.translations status              every page, each language: its state
    python -m sitebuild.translations stamp docs/en/x.md  record that x.md is translated from the current ko/x.md
"""
import hashlib
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import ROOT, parity, site
from .errors import BuildError

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
RECORD_LINE = re.compile(r"^translation:.*\n(?:[ \t]+.*\n)*", re.MULTILINE)
STATES = ("original", "current", "outdated", "unstamped", "missing")


@dataclass(frozen=True)
class PageStatus:
    page: str       # path below docs/<lang>/
    source: str     # the language of the original
    states: dict    # language -> one of STATES
    changed: str    # date (YYYY-MM-DD) of the last commit touching the original, or "uncommitted"


LANGS = site.codes()


def all_pages(root=ROOT):
    """Every Markdown page of the nav that either language has a file for, as a path below docs/<lang>/."""
    return [page for page in site.pages(root) if page.endswith(".md") and site.source(page, LANGS[0], root)]


def _file(lang, page, root):
    """docs/<lang>/<page> below `root`."""
    return root / site.language(lang).docs / page


def split_front_matter(text):
    """(front matter as a dict, body): the body as MkDocs sees it, with line endings normalised."""
    text = text.replace("\r\n", "\n")
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text.lstrip("\n")
    return yaml.safe_load(match["yaml"] or "") or {}, text[match.end():].lstrip("\n")


def body_hash(path):
    """First 12 hex digits of the SHA-256 of the file's body (front matter excluded)."""
    return hashlib.sha256(split_front_matter(path.read_text(encoding="utf-8"))[1].encode()).hexdigest()[:12]


def record(lang, page, root=ROOT):
    """The `translation:` record of docs/<lang>/<page> ({"source": ..., "source_hash": ...}), or None."""
    path = _file(lang, page, root)
    found = split_front_matter(path.read_text(encoding="utf-8"))[0].get("translation")
    if found is None:
        return None
    source = site.other_language(lang)
    if (not isinstance(found, dict) or found.get("source") != source
            or not re.fullmatch(r"[0-9a-f]{12}", str(found.get("source_hash", "")))):
        raise BuildError(
            f"docs/{lang}/{page}", f"bad front matter 'translation: {found}': expected "
            f"{{source: {source}, source_hash: \"<12 hex digits>\"}}; "
            f"write it with: python -m sitebuild.translations stamp docs/{lang}/{page}")
    return found


def source_language(page, root=ROOT):
    """The language of the original: the only version, or the one the translation records (else Korean)."""
    present = [lang for lang in LANGS if _file(lang, page, root).exists()]
    if len(present) == 1:
        return present[0]
    translated = [lang for lang in present if record(lang, page, root)]
    if len(translated) > 1:
        raise BuildError("", f"docs/ko/{page} and docs/en/{page} both say they are translations: "
                             f"stamp the one that was translated last")
    if translated:
        return site.other_language(translated[0])
    return LANGS[0]


def state(page, lang, source, root=ROOT):
    """'original', 'current', 'outdated', 'unstamped' (no record) or 'missing' for one language."""
    path = _file(lang, page, root)
    if lang == source:
        return "original"
    if not path.exists():
        return "missing"
    found = record(lang, page, root)
    if found is None:
        return "unstamped"
    return "current" if found["source_hash"] == body_hash(_file(source, page, root)) else "outdated"


def last_change(path, root=ROOT):
    """Date of the last commit that touched `path`, or 'uncommitted' when it has changes since."""
    def git(*args):
        done = subprocess.run(["git", *args, "--", str(path)], cwd=root, capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else None
    dirty = git("status", "--porcelain")
    date = git("log", "-1", "--format=%cs")
    return date if date and dirty == "" else "uncommitted"


def status(root=ROOT):
    """The state of every page in every language."""
    found = []
    for page in all_pages(root):
        source = source_language(page, root)
        found.append(PageStatus(page, source, {lang: state(page, lang, source, root) for lang in LANGS},
                                last_change(_file(source, page, root), root)))
    return found


def stamp(path, root=ROOT):
    """Record in `path` (a translation) the hash of its source now; the source loses any record."""
    lang, page = _locate(Path(path).resolve(), root)
    source = site.other_language(lang)
    if not _file(source, page, root).exists():
        raise BuildError(f"docs/{source}/{page}", "does not exist: nothing to translate from")
    digest = body_hash(_file(source, page, root))
    _write_record(_file(lang, page, root), f'translation: {{source: {source}, source_hash: "{digest}"}}\n')
    flipped = _write_record(_file(source, page, root), "")
    return (f"docs/{lang}/{page}: translated from docs/{source}/{page} as of {digest}"
            + (f" (docs/{source}/{page} is now the original)" if flipped else ""))


def _locate(path, root):
    """(language, page) of a file below docs/<lang>/."""
    for lang in LANGS:
        folder = _file(lang, "", root).resolve()
        if path.is_relative_to(folder) and path.suffix == ".md" and path.exists():
            return lang, path.relative_to(folder).as_posix()
    raise BuildError(str(path), "not a page (expected an existing docs/<lang>/<page>.md)")


def _write_record(path, line):
    """Put `line` as the translation record in the file's front matter ('' removes it); True if changed."""
    text = path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    if not match and not line:
        return False
    rest = RECORD_LINE.sub("", match["yaml"] or "") if match else ""
    body = text[match.end():] if match else "\n" + text
    meta = line + rest
    updated = f"---\n{meta}---\n{body}" if meta.strip() else body.lstrip("\n")
    if updated != text:
        path.write_text(updated, encoding="utf-8")
    return updated != text


def original_url(src_uri, lang):
    """The URL, relative to this language's site root, of the page in the other language."""
    return site.link(src_uri, site.other_language(lang), lang)


def notice(texts, href):
    """The warning that heads a page shown untranslated, or translated from an older original."""
    return (f'!!! warning "{texts["title"]}"\n'
            f'    {texts["text"]} <a href="{href}" hreflang="other">{texts["original"]}</a>\n\n')


def page_title(lang, page, root=ROOT):
    """The first heading of the page as the site in `lang` shows it (the other language's if missing)."""
    path = site.source(page, lang, root)
    found = parity.headings(path.read_text(encoding="utf-8"))
    return found[0][3] if found else page


def status_page(found, lang, texts, root=ROOT):
    """The translation status page for the site in `lang`, as Markdown: one row per page."""
    rows = [f"| {texts['page']} | {' | '.join(texts['languages'][code] for code in LANGS)} | {texts['changed']} |",
            "|---" * (len(LANGS) + 2) + "|"]
    for item in found:
        cells = [texts["states"][item.states[code]] for code in LANGS]
        changed = texts["uncommitted"] if item.changed == "uncommitted" else item.changed
        rows.append(f"| [{page_title(lang, item.page, root)}]({item.page}) | {' | '.join(cells)} | {changed} |")
    return f"# {texts['title']} {{ #translation-status }}\n\n{texts['intro']}\n\n" + "\n".join(rows) + "\n"


def main(argv):
    command, paths = (argv[0] if argv else "status"), argv[1:]
    try:
        if command == "status" and not paths:
            _print_status(status())
        elif command == "stamp" and paths:
            for path in paths:
                print(stamp(path))
        else:
            sys.exit(__doc__.split("\n\n")[-1])
    except BuildError as error:
        sys.exit(str(error))


def _print_status(found):
    words = {"original": "original", "current": "up to date", "outdated": "OUTDATED",
             "unstamped": "not stamped", "missing": "MISSING"}
    width = max([len(item.page) for item in found] + [4])
    print(f"{'page':<{width}}  " + "".join(f"{lang:<13}" for lang in LANGS) + "original last changed")
    for item in found:
        print(f"{item.page:<{width}}  " + "".join(f"{words[item.states[lang]]:<13}" for lang in LANGS)
              + item.changed)


if __name__ == "__main__":
    main(sys.argv[1:])
