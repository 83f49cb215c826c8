"""Korean site search: a word splitter for Material's search worker, and a cleaner search index for labs.

Material's search (lunr.js, in a web worker) splits Korean text only at spaces and matches each query
word against the START of the indexed words. Korean writes particles and compound parts without
spaces, so 역전파는 is one indexed word: 역전파 finds it, but 전파 (in 역전파, 순전파) does not.

Material's worker uses `lunr.TinySegmenter`, when a script it loads defines one, to split each indexed
word that the segmenter types as "H"/"K"/"I"/"M"; for lang ko it loads assets/javascripts/lunr/min/
lunr.ko.min.js. The build appends a small splitter to that file in the built site (never to the
theme's copy): each word with Hangul is cut into the known words it contains (longest match) and
what lies between them (particles, endings, punctuation, Latin words) - always a partition of the word,
since Material computes highlight positions from the lengths of the pieces.

The known words are the Korean words of glossary.yml and the entries of search-words.yml (compounds
split into parts). Material splits queries against the index only for Chinese, so the splitter also
splits Korean query words, in lunr's query lexer (which Material's query handling and lunr's search
both use): the query 역전파 becomes 역* 전파*, the terms the index has.

A morphological analyser (kiwipiepy) was considered and not used: its model is 105 MB, and it splits
this site's terms wrongly for search (역전파 as 역전 + 파, 오차 as 오 + 차); a short curated list
splits exactly the words readers search for.
"""
import json
import re
from pathlib import Path

import yaml

from . import ROOT, glossary
from .errors import BuildError

DATA = "search-words.yml"
SPLITTER = Path(__file__).with_name("search_splitter.js")   # WORDS_JSON stands for the word list
LUNR_KO = "assets/javascripts/lunr/min/lunr.ko.min.js"
MARK = "/* --- Korean word splitter (sitebuild/search.py) --- */"
HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]{2,}")
LAB_ANCHOR = re.compile(r'<a class="anchor-link"')


def words(root=ROOT):
    """{word: [parts]}: the words the splitter knows, each with the parts it is cut into."""
    known = {}
    for term in (glossary.load(root) or {"terms": []})["terms"]:
        for word in HANGUL_WORD.findall(str(term["ko"])):
            known[word] = [word]
    path = root / DATA
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    for word, parts in ((data or {}).get("split") or {}).items():
        if not (isinstance(parts, list) and parts and all(isinstance(p, str) and p for p in parts)
                and "".join(parts) == word):
            raise BuildError(DATA, f"'{word}: {parts}': the parts must be a list that spells the word")
        if not HANGUL_WORD.fullmatch(word):
            raise BuildError(DATA, f"'{word}': only Hangul words of two or more syllables")
        known[word] = parts
        for part in parts:
            if HANGUL_WORD.fullmatch(part):
                known.setdefault(part, [part])
    return known


def splitter_js(known):
    """The JavaScript appended to lunr.ko.min.js: search_splitter.js with the word list in it."""
    entries = sorted("|".join(parts) for parts in known.values())
    return SPLITTER.read_text(encoding="utf-8").replace("WORDS_JSON", json.dumps(entries, ensure_ascii=False))


def add_splitter(site_dir, root=ROOT):
    """Append the splitter to the built site's lunr.ko.min.js (again after a rebuild); its size in bytes."""
    path = site_dir / LUNR_KO
    if not path.exists():
        raise BuildError(LUNR_KO, "is not in the built site: has Material moved its search files?")
    original = path.read_text(encoding="utf-8").split("\n" + MARK, 1)[0]
    code = "\n" + MARK + "\n" + splitter_js(words(root))
    path.write_text(original + code, encoding="utf-8")
    return len(code.encode("utf-8"))


def exclude_lab_anchors(html):
    """Keep the lab headings' "¶" links (nbconvert's, not Material's) out of the search index: in a
    title they make `rate¶` a term of its own, rarer and so ranked above the chapter's `rate`."""
    return LAB_ANCHOR.sub('<a class="anchor-link" data-search-exclude', html)
