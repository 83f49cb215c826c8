"""The glossary (glossary.yml): every link points to a real heading, the generated page lists every
term in both languages, and Korean pages use the glossary's terms, not the spellings it rejects."""
import html
import re

import pytest

from conftest import build, write
from sitebuild import glossary

DATA = glossary.load()


def test_every_link_points_to_an_existing_page_and_heading():
    problems = glossary.link_problems(DATA)
    assert not problems, "\n".join(problems)


def test_no_rejected_spelling_is_part_of_a_term():
    terms = [term["ko"] for term in DATA["terms"]]
    clashes = [f"'{word}' (rejected for '{t['en']}') is part of the term '{ko}'"
               for t in DATA["terms"] for word in t.get("reject", []) for ko in terms if word in ko]
    assert not clashes, "\n".join(clashes)


def test_korean_pages_use_the_glossary_terms():
    problems = glossary.term_problems(DATA)
    assert not problems, ("Korean pages use spellings that glossary.yml rejects (a quotation may be allowed "
                          "with <!-- glossary-allow: word --> or under allow: in glossary.yml):\n"
                          + "\n".join(problems))


def test_a_rejected_spelling_is_reported_with_file_and_line(tmp_path):
    data = {"terms": [{"en": "gradient", "ko": "기울기", "reject": ["그래디언트"]}], "allow": {}}
    write(tmp_path / "docs/ko/page.md", "---\ntitle: x\n---\n# 제목 { #t }\n\n그래디언트를 구합니다.\n\n"
                                        "```python\n# 그래디언트 in code is not prose\n```\n`그래디언트`\n")
    assert glossary.term_problems(data, tmp_path) == [
        "docs/ko/page.md:6: '그래디언트' is not a term this site uses: write '기울기' (gradient; see glossary.yml)"]

    write(tmp_path / "docs/ko/quoted.md", "<!-- glossary-allow: 그래디언트 -->\n> 「그래디언트」라는 책 제목\n")
    write(tmp_path / "docs/ko/listed.md", "그래디언트\n")
    data["allow"] = {"docs/ko/listed.md": ["그래디언트"]}
    assert [p.split(":")[0] for p in glossary.term_problems(data, tmp_path)] == ["docs/ko/page.md"]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_glossary_page_lists_every_term_with_its_link(site, lang):
    page = html.unescape((site / ("" if lang == "ko" else "en") / "glossary" / "index.html")
                         .read_text(encoding="utf-8"))
    rows = re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*<td>.*?</td>\s*<td>(.*?)</td>", page, re.DOTALL)
    other = "en" if lang == "ko" else "ko"
    listed = {(first, second): link for first, second, link in rows}
    for term in DATA["terms"]:
        assert (term[lang], term[other]) in listed, f"{lang} glossary page lacks {term['en']!r}"
        if "see" in term:
            page_name, _, anchor = term["see"].partition("#")
            href = ("../" if page_name == "index.md" else f"../{page_name[:-3]}/") + f"#{anchor}"
            assert f'href="{href}"' in listed[term[lang], term[other]], (term, listed[term[lang], term[other]])
    assert len(rows) == len(DATA["terms"])


def test_a_link_to_a_missing_heading_fails_the_build(project):
    write(project / "glossary.yml", "terms:\n  - {en: gradient, ko: 기울기, see: index.md#nowhere}\n"
                                    "  - {en: loss, ko: 손실, see: nopage.md#x}\n")
    done = build(project)
    assert done.returncode != 0
    assert "glossary.yml: 'gradient' links to index.md#nowhere: docs/ko/index.md has no heading { #nowhere }" \
        in done.stderr, done.stderr
    assert "glossary.yml: 'loss' links to nopage.md#x: there is no docs/<lang>/nopage.md" in done.stderr


def test_the_glossary_page_is_built_from_the_data_file(project):
    write(project / "glossary.yml", "terms:\n  - {en: gradient, ko: 기울기, reject: [그래디언트], see: index.md#home}\n")
    done = build(project)
    assert done.returncode == 0, done.stderr
    korean = html.unescape((project / "site/glossary/index.html").read_text(encoding="utf-8"))
    assert re.search(r"<td>기울기</td>\s*<td>gradient</td>\s*<td>그래디언트</td>\s*<td><a href=\"../#home\">Home</a>",
                     korean), korean


def test_korean_prose_asks_in_the_formal_register(tmp_path):
    # 합니다체 throughout (style guide): an exercise asks "구하십시오", not the informal "구하세요".
    informal = re.compile(r"\w+(?:세요|해요)(?=[\s.,!?)(]|$)")
    found = [f"{path.relative_to(glossary.ROOT).as_posix()}:{number}: {word}"
             for path in sorted((glossary.ROOT / "docs" / "ko").rglob("*.md"))
             for number, line in glossary.prose_lines(path.read_text(encoding="utf-8"))
             for word in informal.findall(line)]
    assert not found, "Korean pages write 합니다체 (-ㅂ니다, -십시오), not -세요/-해요:\n" + "\n".join(found)
