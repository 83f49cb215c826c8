"""The exercises at the end of each chapter: every check can fail, and passes on its solution.

Each chapter's exercises live in `snippets/exercises/<chapter>.py`: checks at the top, the page's
blocks (stubs, checks, solutions) as sections of its function `exercises()`. For each
implement-it exercise these tests show that its check says PASS for the solution, FAIL for
plausible wrong implementations (the check can fail), and TODO for the stub; and that the page's
downloadable notebook holds the stubs and checks but no solution, while the page follows each
solution with its check and the PASS it prints (tests/test_page_code.py runs them).
"""
import importlib
import json
import re
import textwrap

import pytest

from conftest import ROOT, page_url
from sitebuild import codeblocks

CHAPTERS = ["activations", "backprop", "vanishing-gradients", "optimizers", "adaptive-optimizers",
            "optimizers-in-practice"]
SECTION = re.compile(r"^[ \t]*# --8<-- \[start:(?P<name>\w+)\]\n(?P<body>.*?)^[ \t]*# --8<-- \[end:(?P=name)\]",
                     re.MULTILINE | re.DOTALL)


def module_name(chapter):
    return "snippets.exercises." + chapter.replace("-", "_")


def sections(chapter):
    """Every snippet section of the chapter's exercise module, dedented as the page shows it."""
    path = ROOT / "snippets" / "exercises" / (chapter.replace("-", "_") + ".py")
    return {m["name"]: textwrap.dedent(m["body"]) for m in SECTION.finditer(path.read_text(encoding="utf-8"))}


def stubs(chapter):
    """(stub name, solution name) for each implement-it exercise of the chapter."""
    found = sections(chapter)
    return [(name, name[:-len("_stub")] + "_solution") for name in found if name.endswith("_stub")]


def define(chapter, section):
    """Run the module's `imports` section and one more section; the namespace they leave."""
    namespace = dict(vars(importlib.import_module(module_name(chapter))))
    namespace["__name__"] = "exercise"
    exec(sections(chapter)["imports"], namespace)
    exec(sections(chapter)[section], namespace)
    return namespace


def reported(capsys, check, candidate):
    check(candidate)
    return capsys.readouterr().out


def present_chapters():
    return [c for c in CHAPTERS if (ROOT / "snippets" / "exercises" / (c.replace("-", "_") + ".py")).exists()]


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("chapter", present_chapters())
def test_chapter_ends_with_five_to_eight_exercises(lang, chapter):
    text = (ROOT / "docs" / lang / f"{chapter}.md").read_text(encoding="utf-8")
    level2 = re.findall(r"^## .*$", text, re.MULTILINE)
    assert level2[-1].endswith("{ #exercises }"), f"docs/{lang}/{chapter}.md: the last section is {level2[-1]}"
    exercises = re.findall(r"^### .*\{ #ex-[\w-]+ \}$", text.split("{ #exercises }")[-1], re.MULTILINE)
    assert 5 <= len(exercises) <= 8, f"docs/{lang}/{chapter}.md has {len(exercises)} exercises"
    title = "풀이" if lang == "ko" else "Solution"
    assert text.count(f'??? success "{title}"') == len(exercises), "one folded solution per exercise"


@pytest.mark.parametrize("chapter", present_chapters())
def test_every_stub_has_a_check_and_a_solution(chapter):
    found = sections(chapter)
    for stub, solution in stubs(chapter):
        assert solution in found and stub[:-len("_stub")] + "_check" in found, f"{chapter}: {stub}"


# --- every implement-it exercise: stub, solution, wrong answers --------------------------------

# (chapter, stub section, name the stub defines, check function, wrong implementations as source)
WRONG = {
    ("activations", "tanh_stub"): ("Tanh", "check_tanh_backward", {
        "forgets dout": """
            class Tanh:
                def forward(self, x):
                    self.out = np.tanh(x)
                    return self.out
                def backward(self, dout):
                    return 1 - self.out**2
            """,
        "sigmoid's derivative": """
            class Tanh:
                def forward(self, x):
                    self.out = np.tanh(x)
                    return self.out
                def backward(self, dout):
                    return dout * self.out * (1 - self.out)
            """}),
    ("activations", "elu_stub"): ("elu_grad", "check_elu_grad", {
        "ignores alpha": """
            def elu_grad(x, alpha=1.0):
                return np.where(x > 0, 1.0, np.exp(np.minimum(x, 0)))
            """,
        "returns ELU itself on the negative side": """
            def elu_grad(x, alpha=1.0):
                return np.where(x > 0, 1.0, alpha * np.expm1(np.minimum(x, 0)))
            """}),
    ("backprop", "dense_stub"): ("Dense", "check_dense_backward", {
        "averages db over the batch": """
            class Dense(Dense):
                def backward(self, dout):
                    self.grads["W"] = self.x.T @ dout
                    self.grads["b"] = dout.mean(axis=0)
                    return dout @ self.params["W"].T
            """,
        "transposes dW": """
            class Dense(Dense):
                def backward(self, dout):
                    self.grads["W"] = dout.T @ self.x
                    self.grads["b"] = dout.sum(axis=0)
                    return dout @ self.params["W"].T
            """}),
    ("backprop", "softmax_stub"): ("SoftmaxCrossEntropy", "check_softmax_cross_entropy_backward", {
        "forgets to divide by N": """
            class SoftmaxCrossEntropy(SoftmaxCrossEntropy):
                def backward(self, dout=1.0):
                    dscores = self.probs.copy()
                    dscores[np.arange(len(self.labels)), self.labels] -= 1
                    return dscores * dout
            """,
        "forgets the one-hot": """
            class SoftmaxCrossEntropy(SoftmaxCrossEntropy):
                def backward(self, dout=1.0):
                    return self.probs * dout / len(self.labels)
            """}),
    ("vanishing-gradients", "he_stub"): ("he_normal", "check_he_normal", {
        "uses Xavier's variance": """
            def he_normal(n_in, n_out, rng):
                return np.sqrt(2.0 / (n_in + n_out)) * rng.standard_normal((n_in, n_out))
            """,
        "uses the book's sqrt(1/n_in)": """
            def he_normal(n_in, n_out, rng):
                return np.sqrt(1.0 / n_in) * rng.standard_normal((n_in, n_out))
            """,
        "divides by n_out": """
            def he_normal(n_in, n_out, rng):
                return np.sqrt(2.0 / n_out) * rng.standard_normal((n_in, n_out))
            """,
        "draws uniformly with sqrt(2/n_in) as the bound": """
            def he_normal(n_in, n_out, rng):
                bound = np.sqrt(2.0 / n_in)
                return rng.uniform(-bound, bound, (n_in, n_out))
            """}),
    ("vanishing-gradients", "clip_stub"): ("clip_by_global_norm", "check_clip_by_global_norm", {
        "clips each array by its own norm": """
            def clip_by_global_norm(grads, max_norm):
                norm = np.sqrt(sum(np.sum(g**2) for g in grads.values()))
                return {k: g * min(1.0, max_norm / np.linalg.norm(g)) for k, g in grads.items()}, norm
            """,
        "also scales small gradients up": """
            def clip_by_global_norm(grads, max_norm):
                norm = np.sqrt(sum(np.sum(g**2) for g in grads.values()))
                return {k: g * (max_norm / norm) for k, g in grads.items()}, norm
            """,
        "changes the given arrays in place": """
            def clip_by_global_norm(grads, max_norm):
                norm = np.sqrt(sum(np.sum(g**2) for g in grads.values()))
                for g in grads.values():
                    g *= min(1.0, max_norm / norm)
                return grads, norm
            """}),
    ("optimizers", "nesterov_stub"): ("Nesterov", "check_nesterov", {
        "is the book's Nesterov": """
            from snippets.framework_rules import BookNesterov as Nesterov
            """,
        "is plain momentum": """
            class Nesterov(Nesterov):
                def update(self, params, grads):
                    if self.velocity is None:
                        self.velocity = {key: np.zeros_like(val) for key, val in params.items()}
                    for key in params:
                        self.velocity[key] = self.momentum * self.velocity[key] + grads[key]
                        params[key] -= self.lr * self.velocity[key]
            """,
        "replaces the arrays instead of changing them": """
            class Nesterov(Nesterov):
                def update(self, params, grads):
                    if self.velocity is None:
                        self.velocity = {key: np.zeros_like(val) for key, val in params.items()}
                    for key in params:
                        self.velocity[key] = self.momentum * self.velocity[key] + grads[key]
                        params[key] = params[key] - self.lr * (grads[key] + self.momentum * self.velocity[key])
            """}),
    ("adaptive-optimizers", "adam_stub"): ("Adam", "check_adam", {
        "has no bias correction": """
            class Adam(Adam):
                def update(self, params, grads):
                    if self.m is None:
                        self.m = {key: np.zeros_like(val) for key, val in params.items()}
                        self.v = {key: np.zeros_like(val) for key, val in params.items()}
                    for key in params:
                        g = grads[key]
                        self.m[key] = self.beta1 * self.m[key] + (1 - self.beta1) * g
                        self.v[key] = self.beta2 * self.v[key] + (1 - self.beta2) * g**2
                        params[key] -= self.lr * self.m[key] / (np.sqrt(self.v[key]) + self.eps)
            """,
        "corrects m only": """
            class Adam(Adam):
                def update(self, params, grads):
                    if self.m is None:
                        self.m = {key: np.zeros_like(val) for key, val in params.items()}
                        self.v = {key: np.zeros_like(val) for key, val in params.items()}
                    self.t += 1
                    for key in params:
                        g = grads[key]
                        self.m[key] = self.beta1 * self.m[key] + (1 - self.beta1) * g
                        self.v[key] = self.beta2 * self.v[key] + (1 - self.beta2) * g**2
                        m_hat = self.m[key] / (1 - self.beta1**self.t)
                        params[key] -= self.lr * m_hat / (np.sqrt(self.v[key]) + self.eps)
            """}),
    ("adaptive-optimizers", "adamw_stub"): ("AdamW", "check_adamw", {
        "is L2 regularisation (Adam with weight_decay)": """
            class AdamW(AdamW):
                def update(self, params, grads):
                    grads = {key: grads[key] + self.weight_decay * params[key] for key in params}
                    optimizers.Adam.update(self, params, grads)
            """,
        "decays by lambda without the learning rate": """
            class AdamW(AdamW):
                def update(self, params, grads):
                    for key in params:
                        params[key] *= 1 - self.weight_decay
                    optimizers.Adam.update(self, params, grads)
            """}),
    ("optimizers-in-practice", "warmup_cosine_stub"): ("warmup_cosine", "check_warmup_cosine", {
        "runs the cosine on the global step": """
            def warmup_cosine(t, lr, warmup_steps, total_steps):
                if t < warmup_steps:
                    return linear_warmup(t, lr, warmup_steps)
                return cosine(t, lr, total_steps)
            """,
        "decays over total_steps after the warm-up": """
            def warmup_cosine(t, lr, warmup_steps, total_steps):
                if t < warmup_steps:
                    return linear_warmup(t, lr, warmup_steps)
                return cosine(t - warmup_steps, lr, total_steps)
            """,
        "is off by one step in the warm-up": """
            def warmup_cosine(t, lr, warmup_steps, total_steps):
                if t < warmup_steps:
                    return linear_warmup(t + 1, lr, warmup_steps)
                return cosine(t - warmup_steps, lr, total_steps - warmup_steps)
            """}),
}


def implement_it():
    return [(chapter, stub) for chapter in present_chapters() for stub, _ in stubs(chapter)]


def wrong_answers():
    present = present_chapters()
    return [(c, s, w) for (c, s), (_, _, wrongs) in WRONG.items() if c in present for w in wrongs]


def test_every_implement_it_exercise_has_wrong_answers_to_fail_on():
    assert set(implement_it()) <= set(WRONG), "add plausible wrong implementations to WRONG"
    assert {(c, s) for c, s, _ in wrong_answers()} <= set(implement_it()), \
        "WRONG names a stub that its chapter's exercise module does not have"


@pytest.mark.parametrize("chapter,stub", implement_it(), ids=lambda v: v)
def test_check_says_todo_for_the_stub_and_pass_for_the_solution(capsys, chapter, stub):
    name, check, _ = WRONG[(chapter, stub)]
    module = importlib.import_module(module_name(chapter))
    assert reported(capsys, getattr(module, check), define(chapter, stub)[name]).startswith("TODO ")
    solution = stub[:-len("_stub")] + "_solution"
    assert reported(capsys, getattr(module, check), define(chapter, solution)[name]).startswith("PASS ")


@pytest.mark.parametrize("chapter,stub,wrong", wrong_answers(), ids=lambda v: v)
def test_check_fails_on_a_plausible_wrong_implementation(capsys, chapter, stub, wrong):
    name, check, wrongs = WRONG[(chapter, stub)]
    module = importlib.import_module(module_name(chapter))
    namespace = define(chapter, stub[:-len("_stub")] + "_solution")  # a wrong answer may build on it
    exec(textwrap.dedent(wrongs[wrong]), namespace)
    out = reported(capsys, getattr(module, check), namespace[name])
    assert out.startswith("FAIL "), f"{chapter} {stub}: the check does not catch an answer that {wrong}: {out}"


# --- the notebook: stubs and checks, no solutions; checks pass with the solutions ------------------

def test_code_inside_a_solution_block_is_left_out_of_the_notebook():
    def block(code):
        return f'<div class="language-python highlight"><pre><code>{code}</code></pre></div>'
    page = (block("stub = 1") + '<details class="note"><summary>x</summary>' + block("figure = 1") + "</details>"
            + '<details class="success"><summary>Solution</summary><p>why</p>' + block("solution = 1")
            + '<details class="note"><summary>y</summary>' + block("nested = 1") + "</details></details>"
            + block("check = 1"))
    kept = [step.code for step in codeblocks.without_solutions(codeblocks.python_steps(page))]
    assert kept == ["stub = 1", "figure = 1", "check = 1"]

@pytest.mark.parametrize("chapter", present_chapters())
def test_notebook_has_stubs_not_solutions_and_the_page_shows_each_check_passing_after_its_solution(site, chapter):
    """The notebook holds each stub followed by its check, and no solution; on the page, each solution is
    followed by its check and the PASS line that check prints. tests/test_page_code.py runs every block
    of the page, solutions included, and compares what each prints with the page: that is where the
    checks are shown to pass with the solutions, for both languages, without running each chapter a
    second time here (tests/test_notebooks.py runs the notebook, stubs and all)."""
    # Korean notebook only: the English page has the same code (tests/test_translation_parity.py)
    page = site / page_url("ko", chapter + ".md")
    notebook = page.parent / (chapter + ".ipynb")
    code_cells = [c for c in json.loads(notebook.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
    cells = ["".join(c["source"]).strip() for c in code_cells if not "".join(c["source"]).startswith("%%writefile ")]
    found = {name: body.strip() for name, body in sections(chapter).items()}
    # everything but the imports, the stubs and the checks is shown inside a solution
    solution_only = [name for name in found if name != "imports" and not name.endswith(("_stub", "_check"))]
    for name in solution_only:
        assert found[name] not in cells, f"{notebook.name}: solution {name} is in it"
    steps = codeblocks.python_steps(page.read_text(encoding="utf-8"))
    for stub, solution in stubs(chapter):
        check = found[stub[:-len("_stub")] + "_check"]
        assert found[stub] in cells, f"{notebook.name}: stub {stub} is missing"
        after = cells[cells.index(found[stub]) + 1:][:1]
        assert after == [check], f"{notebook.name}: stub {stub} is not followed by its check"
        at = [i for i, step in enumerate(steps) if step.solution and step.code.strip() == found[solution]]
        assert at, f"{page.relative_to(site)}: solution {solution} is not shown in a solution block"
        following = steps[at[0] + 1] if at[0] + 1 < len(steps) else None
        assert following is not None and following.solution and following.code.strip() == check \
            and (following.expected_output or "").startswith("PASS "), \
            f"{page.relative_to(site)}: solution {solution} is not followed by its check and the PASS it prints"
