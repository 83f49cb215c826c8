"""Translations record the version of the original they were made from, so a changed original is
noticed: by `python -m sitebuild.translations status`, by a notice on the page, on the status page."""
import html
import re
import subprocess
import sys

import pytest

from conftest import LANGS, build, write
from sitebuild import site as site_model, translations

BOTH = [page for page in translations.all_pages() if not any(page in site_model.missing(lang) for lang in LANGS)]


@pytest.mark.parametrize("page", BOTH)
def test_every_translation_records_its_source(page):
    item = next(i for i in translations.status() if i.page == page)
    unstamped = [lang for lang, state in item.states.items() if state == "unstamped"]
    assert not unstamped, (
        f"docs/{unstamped[0]}/{page} does not say which version of docs/{item.source}/{page} it translates: "
        f"after translating, run  python -m sitebuild.translations stamp docs/{unstamped[0]}/{page}")


def test_the_hash_ignores_front_matter_and_line_endings(tmp_path):
    plain, stamped = tmp_path / "a.md", tmp_path / "b.md"
    plain.write_text("# Title { #t }\r\n\r\nText.\r\n", encoding="utf-8")
    stamped.write_text('---\ntranslation: {source: en, source_hash: "0123456789ab"}\n---\n\n# Title { #t }\n\nText.\n')
    assert translations.body_hash(plain) == translations.body_hash(stamped)


def cli(project, *args):
    done = subprocess.run([sys.executable, "-m", "sitebuild.translations", *args], cwd=project,
                          capture_output=True, text=True, timeout=60)
    return done.returncode, done.stdout + done.stderr


def states(project):
    """{page: (ko state, en state)} as the status command prints them."""
    code, out = cli(project, "status")
    assert code == 0, out
    return {line.split()[0]: tuple(re.split(r"\s{2,}", line.strip())[1:3]) for line in out.splitlines()[1:]}


def test_status_and_stamp_follow_the_original(project):
    add_to_nav(project, "page.md")
    add_to_nav(project, "only.md")
    write(project / "docs/ko/page.md", "# 페이지 { #page }\n\n원문.\n")
    write(project / "docs/en/page.md", "# Page { #page }\n\nTranslation.\n")
    write(project / "docs/ko/only.md", "# 한국어만 { #only }\n")
    assert states(project)["page.md"] == ("original", "not stamped")
    assert states(project)["only.md"] == ("original", "MISSING")

    code, out = cli(project, "stamp", "docs/en/page.md")
    assert code == 0 and "docs/en/page.md: translated from docs/ko/page.md" in out, out
    assert (project / "docs/en/page.md").read_text().startswith(
        f'---\ntranslation: {{source: ko, source_hash: "{translations.body_hash(project / "docs/ko/page.md")}"}}\n---\n')
    assert states(project)["page.md"] == ("original", "up to date")

    write(project / "docs/ko/page.md", "# 페이지 { #page }\n\n고친 원문.\n")
    assert states(project)["page.md"] == ("original", "OUTDATED")

    # The English page is edited first: stamping the Korean page makes English the original.
    code, out = cli(project, "stamp", "docs/ko/page.md")
    assert code == 0 and "(docs/en/page.md is now the original)" in out, out
    assert not (project / "docs/en/page.md").read_text().startswith("---"), "the original keeps no record"
    assert states(project)["page.md"] == ("up to date", "original")
    write(project / "docs/en/page.md", "# Page { #page }\n\nEdited English original.\n")
    assert states(project)["page.md"] == ("OUTDATED", "original")


def test_two_pages_that_both_claim_to_be_translations_are_an_error(project):
    add_to_nav(project, "page.md")
    record = '---\ntranslation: {{source: {0}, source_hash: "0123456789ab"}}\n---\n# X {{ #x }}\n'
    write(project / "docs/ko/page.md", record.format("en"))
    write(project / "docs/en/page.md", record.format("ko"))
    code, out = cli(project, "status")
    assert code != 0 and "docs/ko/page.md and docs/en/page.md both say they are translations" in out, out


def test_bad_record_names_the_file_and_the_fix(project):
    add_to_nav(project, "page.md")
    write(project / "docs/ko/page.md", "# 페이지 { #page }\n")
    write(project / "docs/en/page.md", "---\ntranslation: {source: en, source_hash: abc}\n---\n# Page { #page }\n")
    code, out = cli(project, "status")
    assert code != 0 and "docs/en/page.md: bad front matter" in out and "stamp docs/en/page.md" in out, out


def add_to_nav(project, page):
    path = project / "mkdocs.yml"
    path.write_text(path.read_text().replace("nav:\n  - index.md\n", f"nav:\n  - index.md\n  - {page}\n"))


def text_of(path):
    return html.unescape(path.read_text(encoding="utf-8"))


def test_outdated_translation_shows_a_notice_linking_to_the_newer_original(project):
    add_to_nav(project, "ko-first.md")
    add_to_nav(project, "en-first.md")
    write(project / "docs/ko/ko-first.md", "# 한국어 원문 { #page }\n\n첫 원문.\n")
    write(project / "docs/en/ko-first.md", "# Translated from Korean { #page }\n\nText.\n")
    write(project / "docs/en/en-first.md", "# English original { #page }\n\nFirst original.\n")
    write(project / "docs/ko/en-first.md", "# 영어에서 옮김 { #page }\n\n번역.\n")
    for page in ("docs/en/ko-first.md", "docs/ko/en-first.md"):
        assert cli(project, "stamp", page)[0] == 0
    assert build(project).returncode == 0
    for page in ("site/ko-first/index.html", "site/en/ko-first/index.html",
                 "site/en-first/index.html", "site/en/en-first/index.html"):
        assert "admonition warning" not in text_of(project / page), f"{page}: a notice on an up-to-date page"

    write(project / "docs/ko/ko-first.md", "# 한국어 원문 { #page }\n\n고친 원문.\n")
    write(project / "docs/en/en-first.md", "# English original { #page }\n\nEdited original.\n")
    done = build(project)
    assert done.returncode == 0, done.stderr
    english = text_of(project / "site/en/ko-first/index.html")
    assert "The original has changed" in english and 'href="../../ko-first/"' in english, english
    korean = text_of(project / "site/en-first/index.html")
    assert "원문이 바뀐 번역" in korean and 'href="../en/en-first/"' in korean, korean
    for page in ("site/ko-first/index.html", "site/en/en-first/index.html"):
        assert "admonition warning" not in text_of(project / page), f"{page}: the original has a notice"
    status = text_of(project / "site/en/translation-status/index.html")
    assert re.search(r"English original</a></td>\s*<td>outdated</td>\s*<td>original</td>", status), status


def test_figure_errors_count_the_front_matter_lines(project):
    write(project / "docs/en/index.md", '---\ntranslation: {source: ko, source_hash: "0123456789ab"}\n---\n\n'
                                        "# Home { #home }\n\n![a figure](fig:no_such_figure)\n")
    done = build(project)
    assert done.returncode != 0
    assert "docs/en/index.md:7: unknown figure 'no_such_figure'" in done.stderr, done.stderr


def status_rows(path):
    """{link target: [cell texts]} of the status table in a built page."""
    page = path.read_text(encoding="utf-8")
    rows = re.findall(r'<tr>\s*<td><a href="([^"]+)">.*?</a></td>(.*?)</tr>', page, re.DOTALL)
    return {href: [html.unescape(c.strip()) for c in re.findall(r"<td>(.*?)</td>", cells, re.DOTALL)]
            for href, cells in rows}


@pytest.mark.parametrize("lang", LANGS)
def test_status_page_reflects_the_real_state(site, lang):
    texts = site_model.read_config(site_model.language(lang).config)["extra"]["translation_status"]
    rows = status_rows(site / site_model.html_file("translation-status.md", lang))
    found = translations.status()
    assert len(rows) == len(found), rows
    for item in found:
        href = "../" + ("" if item.page == "index.md" else item.page[:-3] + "/")
        changed = texts["uncommitted"] if item.changed == "uncommitted" else item.changed
        assert rows.get(href) == [texts["states"][item.states[code]] for code in LANGS] + [changed], (
            f"{lang} status page, row {item.page}: {rows.get(href)}")


def test_stamp_keeps_other_front_matter_and_leaves_an_original_without_record_alone(tmp_path):
    write(tmp_path / "docs/ko/x.md", "\n# 제목 { #t }\n")
    write(tmp_path / "docs/en/x.md", "---\ntitle: Kept\n---\n# Title { #t }\n")
    translations.stamp(tmp_path / "docs/en/x.md", root=tmp_path)
    digest = translations.body_hash(tmp_path / "docs/ko/x.md")
    assert (tmp_path / "docs/en/x.md").read_text() == (
        f'---\ntranslation: {{source: ko, source_hash: "{digest}"}}\ntitle: Kept\n---\n# Title {{ #t }}\n')
    assert (tmp_path / "docs/ko/x.md").read_text() == "\n# 제목 { #t }\n", "the original was rewritten"
