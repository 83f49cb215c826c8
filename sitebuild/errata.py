"""The errata: one data file of corrected mistakes (errata.yml) and the page made from it in each
language. A correction names the page (and section) it corrected and says what was wrong in both
languages; an entry that names a missing page or section, or lacks a language, fails the build."""
import datetime

import yaml

from . import ROOT, site
from .errors import BuildError
from .glossary import heading_titles, where_title

DATA = "errata.yml"
FIELDS = ("date", "page", *site.codes())


def load(root=ROOT):
    """The corrections in errata.yml, newest first; [] when it lists none, None when there is no such file."""
    path = root / DATA
    if not path.exists():
        return None
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    entries = data.get("errata") or []
    problems = []
    for number, entry in enumerate(entries, 1):
        missing = [field for field in FIELDS if not (isinstance(entry, dict) and entry.get(field))]
        if missing:
            problems.append(f"{DATA}: correction {number} needs {', '.join(missing)}: {entry}")
            continue
        if not isinstance(entry["date"], datetime.date):
            problems.append(f"{DATA}: correction {number}: date must be YYYY-MM-DD, not {entry['date']!r}")
        page, _, anchor = entry["page"].partition("#")
        versions = {lang: heading_titles(lang, page, root) for lang in site.codes()}
        if all(titles is None for titles in versions.values()):
            problems.append(f"{DATA}: correction {number} names {entry['page']}: there is no docs/<lang>/{page}")
        elif anchor and any(titles is not None and anchor not in titles for titles in versions.values()):
            problems.append(f"{DATA}: correction {number} names {entry['page']}: {page} has no heading "
                            f"{{ #{anchor} }}")
    if problems:
        raise BuildError("", "\n".join(problems))
    return sorted(entries, key=lambda entry: entry["date"], reverse=True)


def page(entries, lang, texts, repo_url=None, root=ROOT):
    """The errata page for the site in `lang`, as Markdown: a table, or a sentence when it is empty."""
    parts = [f"# {texts['title']} {{ #errata }}", texts["intro"], texts["report"]]
    if not entries:
        parts.append(texts["empty"])
    else:
        rows = [f"| {' | '.join(texts['columns'])} |", "|---" * len(texts["columns"]) + "|"]
        for entry in entries:
            text = " ".join(str(entry[lang]).split()).replace("|", r"\|")
            if repo_url and entry.get("issue"):
                text += f" ([#{entry['issue']}]({repo_url.rstrip('/')}/issues/{entry['issue']}))"
            rows.append(f"| {entry['date']:%Y-%m-%d} | [{where_title({'see': entry['page']}, lang, root)}]"
                        f"({entry['page']}) | {text} |")
        parts.append("\n".join(rows))
    return "\n\n".join(parts) + "\n"


def site_page(lang, texts, repo_url=None, root=ROOT):
    """The errata page for the site in `lang`, or None without errata.yml. A correction that names a
    missing page or section raises."""
    entries = load(root)
    return None if entries is None else page(entries, lang, texts, repo_url, root)
