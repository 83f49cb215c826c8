"""The page runner is a reader who has only the site: no repository on the path, only what the page
says to download and run; a missing framework skips its own blocks, not the page."""
import textwrap

from conftest import ROOT, build, write
import pagerun
from sitebuild import codeblocks


def test_blocks_do_not_see_the_repository(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(ROOT))   # even when the tests' own environment has it
    result = pagerun.run_blocks(["import snippets"], ["block"], tmp_path)
    assert result.error_type == "ModuleNotFoundError", result.stderr


PAGE = '''
```python
from snippets.helper import VALUE
```

=== "PyTorch"

    ```python title="snippets/frameworks/helper_torch.py"
    import no_such_framework
    ```

```python
print(VALUE + 1)
```

```text
3
```
'''


def test_page_code_runs_from_the_download_and_skips_only_missing_frameworks(project, tmp_path, monkeypatch):
    write(project / "snippets/helper.py", "VALUE = 1\n")
    index = project / "docs/ko/index.md"
    index.write_text(index.read_text(encoding="utf-8") + textwrap.dedent(PAGE), encoding="utf-8")
    assert build(project).returncode == 0
    html = (project / "site/index.html").read_text(encoding="utf-8")
    monkeypatch.setitem(codeblocks.FRAMEWORK_NEEDS, "torch", ("no_such_framework",))

    check = pagerun.check_page(html, index, tmp_path, None, project.joinpath("site").joinpath)
    assert (tmp_path / "snippets" / "helper.py").exists(), "the page's command did not unpack snippets.zip"
    assert check.skipped == ["docs/ko/index.md:11 (snippets/frameworks/helper_torch.py): "
                             "needs no_such_framework, which is not installed"]
    assert len(check.problems) == 1, check.problems   # the block after the skipped one still ran
    assert check.problems[0].startswith("docs/ko/index.md:15 (inline block): the page shows\n3\n")
    assert check.problems[0].endswith("but the code prints\n2\n"), check.problems
