"""Both languages of a page share one structure: heading ids, snippet includes, figures, code blocks,
math per section, admonitions and tabs. The text is translated; the structure is not."""
import textwrap

import pytest

from conftest import LANGS
from sitebuild import parity, site as site_model, translations

BOTH = [page for page in translations.all_pages() if not any(page in site_model.missing(lang) for lang in LANGS)]


@pytest.mark.parametrize("page", BOTH)
def test_both_languages_have_the_same_structure(page):
    found = {kind: messages for kind, messages in parity.compare(page).items() if messages}
    assert not found, parity.report(page, found)


KO = '''\
---
translation: {source: en, source_hash: "0123456789ab"}
---
# 제목 { #title }

기울기 $g$와 학습률 $\\eta$로 $w \\leftarrow w - \\eta g$를 계산합니다.

```python title="snippets/x.py"
--8<-- "snippets/x.py:step"
```

```python
print(1 + 1)
```

```console
$ make test   # 모든 것을 검사합니다
```

## 그림 { #figure }

![한국어 설명](fig:curves)

!!! note "참고"
    $$
    a = b
    $$

=== "PyTorch"
    ```python
    import torch
    ```
'''

EN = '''\
# Title { #title }

With the gradient $g$ and the learning rate $\\eta$, compute $w \\leftarrow w - \\eta g$.

```python title="snippets/x.py"
--8<-- "snippets/x.py:step"
```

```python
print(1 + 1)
```

```console
$ make test   # checks everything
```

## Figure { #figure }

![English description](fig:curves)

!!! note "Note"
    $$
    a = b
    $$

=== "PyTorch"
    ```python
    import torch
    ```
'''


def compare(tmp_path, ko, en):
    for lang, text in (("ko", ko), ("en", en)):
        path = tmp_path / "docs" / lang / "page.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return parity.problems("page.md", root=tmp_path)


def test_translated_text_with_the_same_structure_passes(tmp_path):
    assert compare(tmp_path, KO, EN) == ""


def test_a_missing_code_block_names_both_files(tmp_path):
    problems = compare(tmp_path, KO, EN.replace("```python\nprint(1 + 1)\n```\n", ""))
    assert "docs/ko/page.md and docs/en/page.md differ in structure" in problems
    assert ("docs/ko/page.md:12 ```python block starting 'print(1 + 1)'  is missing from  docs/en/page.md"
            in problems), problems


def test_changed_code_names_both_files(tmp_path):
    problems = compare(tmp_path, KO, EN.replace("print(1 + 1)", "print(2 + 2)"))
    assert "docs/ko/page.md:12 ```python block starting 'print(1 + 1)'  but  docs/en/page.md:9" in problems, problems


def test_a_renamed_heading_id_names_both_files(tmp_path):
    problems = compare(tmp_path, KO, EN.replace("{ #figure }", "{ #figures }"))
    assert "heading ids:" in problems
    assert "docs/ko/page.md:20 ## { #figure }  but  docs/en/page.md:17 ## { #figures }" in problems, problems


@pytest.mark.parametrize("change,kind", [
    (("fig:curves", "fig:other"), "figures:"),
    (('--8<-- "snippets/x.py:step"', '--8<-- "snippets/x.py:other"'), "snippet includes:"),
    (("compute $w \\leftarrow w - \\eta g$", "compute the update"), "math expressions per section:"),
    (('!!! note "Note"', '??? note "Note"'), "admonitions and tabs:"),
    (('=== "PyTorch"', '=== "Keras"\n    ```python\n    import keras\n    ```\n\n=== "PyTorch"'),
     "admonitions and tabs:"),
])
def test_each_kind_of_structure_is_compared(tmp_path, change, kind):
    problems = compare(tmp_path, KO, EN.replace(*change))
    assert kind in problems and "docs/ko/page.md" in problems and "docs/en/page.md" in problems, problems


def test_math_difference_names_the_section(tmp_path):
    problems = compare(tmp_path, KO, EN.replace("compute $w \\leftarrow w - \\eta g$", "compute the update"))
    assert ("docs/ko/page.md:4 section #title: 0 display and 3 inline math  but  "
            "docs/en/page.md:1 section #title: 0 display and 2 inline math") in problems, problems
