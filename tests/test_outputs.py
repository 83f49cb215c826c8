"""`make outputs` (tests/outputs.py) puts what each block printed into the output block under it,
at the block's indentation, and touches nothing else."""
import outputs
from sitebuild.codeblocks import Step
from pagerun import PageRun

PAGE = '''# Page

```python
print(1)
```

```text
old
```

![a figure](fig:curves)

=== "PyTorch"

    ```python title="snippets/frameworks/x_torch.py"
    print("a\\n\\nb")
    ```

    ```text
    old
    old
    ```

```python
x = 1
```
'''


def test_output_blocks_are_rewritten_from_what_was_printed():
    steps = [Step("print(1)", "", "old\n"), Step("", "snippets/figures/curves.py", None),
             Step('print("a\\n\\nb")', "x", "old\nold\n", "framework", ("torch",)), Step("x = 1", "", None)]
    run = PageRun(steps, ["l"] * 4, ["1\n", "", "a  \n\nb\n\n", ""], [], [])
    expected = (PAGE.replace("```text\nold\n```", "```text\n1\n```")
                .replace("    ```text\n    old\n    old\n    ```", "    ```text\n    a\n\n    b\n    ```"))
    assert outputs.rewrite(PAGE, run) == expected


def test_blocks_that_did_not_run_keep_their_output():
    steps = [Step("print(1)", "", "old\n")]
    assert outputs.rewrite(PAGE, PageRun(steps, ["l"], [None], ["raised"], [])) == PAGE
