"""Site search as a reader uses it, in headless Chromium: real queries, and the page that comes FIRST.

Korean search relies on the word splitter that the build appends to the site's lunr.ko.min.js
(sitebuild/search.py, search-words.yml): a query for part of a compound (전파 for 역전파 and 순전파,
하강 for 하강법) must find the chapter, and so must the whole word and the spaced phrase.
"""
import json
import re
from urllib.parse import urljoin, urlsplit

import pytest

from sitebuild import search as sitesearch
from sitebuild.errors import BuildError

PROBES = [
    ("ko", "역전파", "backprop"),
    ("ko", "오차 역전파", "backprop"),
    ("ko", "기울기 소실", "vanishing-gradients"),
    ("ko", "활성화 함수", "activations"),
    ("ko", "시그모이드", "activations"),
    ("ko", "렐루", "activations"),
    ("ko", "모멘텀", "optimizers"),
    ("ko", "학습률", "optimizers"),
    ("ko", "경사 하강법", "optimizers"),
    ("ko", "아담", "adaptive-optimizers"),
    ("ko", "적응적 학습률", "adaptive-optimizers"),
    ("ko", "학습률 스케줄", "optimizers-in-practice"),
    # Part of a compound word: the reason for the splitter.
    ("ko", "전파", "backprop"),
    ("ko", "소실", "vanishing-gradients"),
    ("ko", "하강", "optimizers"),
    # Written without the space the pages use, and with a particle attached.
    ("ko", "오차역전파", "backprop"),
    ("ko", "경사하강법", "optimizers"),
    ("ko", "역전파는", "backprop"),
    ("en", "backpropagation", "backprop"),
    ("en", "vanishing gradient", "vanishing-gradients"),
    # Without the activations chapter's search boost (its front matter), vanishing-gradients'
    # "The sigmoid's bound" won this one, 878 to 877.
    ("en", "sigmoid", "activations"),
    ("en", "tanh", "activations"),
    ("en", "ReLU", "activations"),
    ("en", "Adam", "adaptive-optimizers"),
    ("en", "adaptive learning rate", "adaptive-optimizers"),
    ("en", "learning-rate schedule", "optimizers-in-practice"),
    ("en", "momentum", "optimizers"),
    ("en", "learning rate", "optimizers"),
    ("en", "chain rule", "backprop"),
]

# Raw TeX that would show if math reached the search index unrendered.
RAW_TEX = re.compile(r"\$\$|\\[(\[]|[_^]\{|\\(?:frac|partial|mathbf|mathrm|sqrt|sum|cdot|left|right|"
                     r"nabla|odot|theta|eta|beta|epsilon|sigma|hat|begin|end|text)\b")

# Material's texts (its languages/ko.html, en.html): the worker is ready; a search has run.
READY = {"ko": "검색어를 입력하세요", "en": "Type to start searching"}
DONE = {"ko": "일치하는 문서", "en": "matching document"}


def search(page, server, lang, query):
    """Type `query` into the search box of the site in `lang`; the result list's page paths, in order."""
    page.goto(urljoin(server, "" if lang == "ko" else "en/"), wait_until="networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    meta = ".md-search-result__meta"
    page.wait_for_function(f"t => document.querySelector('{meta}').innerText.includes(t)",
                           arg=READY[lang], timeout=10000)     # the worker has built its index
    box.fill(query)
    box.press("End")    # Material searches on keyup; fill() alone sends none
    page.wait_for_function(f"t => document.querySelector('{meta}').innerText.includes(t)",
                           arg=DONE[lang], timeout=10000)
    links = page.locator(".md-search-result__list > .md-search-result__item > a:first-child")
    root = urlsplit(urljoin(server, "" if lang == "ko" else "en/")).path
    return [urlsplit(urljoin(page.url, links.nth(i).get_attribute("href"))).path.removeprefix(root).strip("/")
            for i in range(links.count())]


@pytest.mark.parametrize("lang,query,expected", PROBES, ids=lambda v: v)
def test_search_puts_the_right_page_first(page, server, lang, query, expected):
    found = search(page, server, lang, query)
    assert found, f"'{query}' finds nothing"
    assert found[0] == expected, f"'{query}' finds {found[:5]} first, not {expected}"
    snippets = page.locator(".md-search-result__item").all_inner_texts()
    raw = [s for s in snippets if RAW_TEX.search(s)]
    assert not raw, f"raw TeX in the results for '{query}': {raw}"
    assert not page.errors, f"console errors: {page.errors}"


def test_splitter_partitions_every_korean_word(page, server, site):
    """Run the appended splitter on every word of the Korean index: the pieces spell the word (Material
    adds up their lengths for highlighting), and the compounds of search-words.yml come apart."""
    code = (site / sitesearch.LUNR_KO).read_text(encoding="utf-8").split(sitesearch.MARK, 1)[1]
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    words = sorted({w for doc in index["docs"] for w in re.split(r"[\s\-]+", re.sub(r"<[^>]+>", " ",
                    doc["title"] + " " + doc["text"])) if re.search("[가-힣]", w)})
    page.goto(server)
    result = page.evaluate("""([code, words]) => {
        const lunr = {QueryLexer: function () {}};
        lunr.QueryLexer.prototype.emit = function () {};
        new Function("lunr", code)(lunr);
        const splitter = new lunr.TinySegmenter();
        return words.map(word => [splitter.ctype_(word), splitter.segment(word)]);
    }""", [code, words])
    split = dict(zip(words, result))
    assert len(words) > 1000
    assert all(kind == "H" for kind, _ in result)
    wrong = {word: pieces for word, (_, pieces) in split.items() if "".join(pieces) != word}
    assert not wrong, f"pieces that do not spell their word: {wrong}"
    assert split["역전파는"][1] == ["역", "전파", "는"]
    assert split["순전파를"][1] == ["순", "전파", "를"]
    assert split["기울기가"][1] == ["기울기", "가"]
    assert split["도함수가"][1] == ["도함수", "가"]          # longest match: not 도 + 함수


def test_splitter_is_appended_once(tmp_path):
    target = tmp_path / sitesearch.LUNR_KO
    target.parent.mkdir(parents=True)
    target.write_text("/* lunr.ko */", encoding="utf-8")
    size = sitesearch.add_splitter(tmp_path)
    sitesearch.add_splitter(tmp_path)       # a rebuild into the same site (mkdocs serve)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("/* lunr.ko */") and text.count(sitesearch.MARK) == 1
    assert len(text.encode("utf-8")) == len("/* lunr.ko */") + size
    assert size < 8000, f"the appended splitter is {size} bytes"


@pytest.mark.parametrize("entry", ["역전파: [역, 전]", "역전파: 역전파", "ReLU: [Re, LU]"])
def test_bad_search_words_entry_fails(tmp_path, entry):
    (tmp_path / sitesearch.DATA).write_text(f"split:\n  {entry}\n", encoding="utf-8")
    with pytest.raises(BuildError, match=sitesearch.DATA):
        sitesearch.words(tmp_path)
