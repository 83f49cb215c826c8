"""errata.yml: the corrections it lists name real pages and sections, in both languages; the page made
from it lists them newest first in each language."""
import datetime

import pytest

from conftest import ROOT, write
from sitebuild import errata
from sitebuild.errors import BuildError

TEXTS = {"title": "Errata", "intro": "Intro.", "report": "Report.", "empty": "None yet.",
         "columns": ["Corrected", "Page", "Mistake and correction"]}


def project_with(tmp_path, entries):
    for lang in ("ko", "en"):
        write(tmp_path / "docs" / lang / "backprop.md", "# Backprop { #backprop }\n\n## Chain rule { #chain-rule }\n")
    write(tmp_path / errata.DATA, "errata:\n" + entries)
    return tmp_path


def test_the_repository_errata_are_valid():
    assert errata.load(ROOT) is not None


@pytest.mark.parametrize("entry,message", [
    ("  - {date: 2026-12-01, page: backprop.md#no-such-id, ko: 가, en: a}\n", "has no heading { #no-such-id }"),
    ("  - {date: 2026-12-01, page: nothing.md, ko: 가, en: a}\n", "there is no docs/<lang>/nothing.md"),
    ("  - {date: 2026-12-01, page: backprop.md, ko: 가}\n", "correction 1 needs en"),
    ("  - {date: 1 December, page: backprop.md, ko: 가, en: a}\n", "date must be YYYY-MM-DD"),
])
def test_a_wrong_entry_is_named(tmp_path, entry, message):
    with pytest.raises(BuildError, match=r"errata\.yml: .*" + message.replace("{", r"\{").replace("}", r"\}")):
        errata.load(project_with(tmp_path, entry))


def test_the_page_lists_corrections_newest_first_in_each_language(tmp_path):
    root = project_with(tmp_path, "  - {date: 2026-11-02, page: backprop.md, ko: 옛것, en: older}\n"
                                  "  - {date: 2026-12-01, page: backprop.md#chain-rule, ko: 새것, en: newer, issue: 7}\n")
    entries = errata.load(root)
    assert [entry["date"] for entry in entries] == [datetime.date(2026, 12, 1), datetime.date(2026, 11, 2)]
    for lang, words in (("ko", ["새것", "옛것"]), ("en", ["newer", "older"])):
        text = errata.page(entries, lang, TEXTS, "https://github.com/o/r", root)
        assert text.index(words[0]) < text.index(words[1])
        assert "(backprop.md#chain-rule)" in text and "(https://github.com/o/r/issues/7)" in text
    assert TEXTS["empty"] in errata.page([], "en", TEXTS, None, root)
