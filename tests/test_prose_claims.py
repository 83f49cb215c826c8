"""Numbers stated in the chapters' sentences, read from the sentence in both languages and compared
with what the snippets compute. A sentence whose number drifts from the code, or that contradicts a
table on its own page, fails here with the page and the number."""
import inspect

import numpy as np
import pytest

from frameworks import require
from prose import NUMBER, agrees, stated, value
from snippets import practice_experiments
from snippets import optimizer_experiments as ex
from snippets.datasets import digits
from snippets.deep_nets import exploding_run, gradient_norm_table, training_run, variance_ratios
from snippets.mlp import init_std
from snippets.optimizers import Adadelta

N = f"({NUMBER})"


def each_agrees(found, computed):
    """Every language states every number as the code computes it (rounded to the digits shown)."""
    for lang, numbers in found.items():
        for text, number in zip(numbers, computed, strict=True):
            assert agrees(text, number), f"docs/{lang}: the page says {text}, the code gives {number:.6g}"


# ---- vanishing-gradients.md -------------------------------------------------------------------

def test_sigmoid_std_1_ratio_is_the_tables():
    """The bullet under the gradient-norm table quotes the table's own sigmoid/std 1 row."""
    found = stated("vanishing-gradients.md", {"en": rf"with std 1 the ratio is {N}",
                                              "ko": rf"표준편차 1에서는 비율이 {N}"})
    g = gradient_norm_table()[("sigmoid", "std 1")]
    each_agrees(found, [g[0] / g[-1]])


def test_a_large_initial_scale_trains_the_sigmoid():
    """"Initialization can rescue the sigmoid, but only with a gain far from Xavier's": the accuracies
    the sentence states are the training runs', and the scale is more than eight times Xavier's."""
    found = stated("vanishing-gradients.md", {
        "en": rf"From std {N}, more than eight times Xavier's, the plain sigmoid network trains "
              rf"\(accuracy {N}\), and at\s+std {N} it reaches {N}\.",
        "ko": rf"표준편차를 Xavier 초기화의 여덟 배가 넘는 {N}로 잡으면 평범한 시그모이드 신경망도 "
              rf"훈련됩니다\(정확도\s+{N}\)\. 표준편차 {N}에서는 정확도가 {N}에 이릅니다"})
    for lang, (good, good_acc, better, better_acc) in found.items():
        each_agrees({lang: (good_acc, better_acc)},
                    [training_run("sigmoid", init=value(std))["accuracy"][-1] for std in (good, better)])
        assert value(good) / init_std("xavier", 32, 32) > 8, lang  # "more than eight times"
    assert training_run("sigmoid")["accuracy"][-1] < 0.4  # while Xavier's own scale stalls


def test_the_inputs_of_the_variance_measurement():
    found = stated("vanishing-gradients.md", {"en": r"Pass (\d+) inputs through 20 hidden layers of width 500",
                                              "ko": r"폭 500인 은닉층 20개에 입력 (\d+)개"})
    n = inspect.signature(variance_ratios).parameters["n"].default
    assert {lang: int(numbers[0]) for lang, numbers in found.items()} == {"en": n, "ko": n}


def test_the_steps_whose_gradient_norm_is_not_finite():
    found = stated("vanishing-gradients.md", {
        "en": r"its norm is `inf` at\s+steps (\d+) to (\d+)",
        "ko": r"(\d+)~(\d+)번째 반복에서 노름이"})
    _, norms = exploding_run(None)
    bad = (np.flatnonzero(~np.isfinite(norms)) + 1).tolist()  # counted from 1, as the sentence counts
    for first, last in found.values():
        assert bad == list(range(int(first), int(last) + 1))


# ---- optimizers-in-practice.md ----------------------------------------------------------------

def test_adam_converges_over_the_decades_stated():
    found = stated("optimizers-in-practice.md", {
        "en": rf"about {N} decades on the valley \({N} to {N}\) and {N} decades on Rosenbrock \({N} to {N}\)",
        "ko": rf"골짜기에서 {N}자릿수쯤\({N}부터 {N}까지\), 로젠브록에서 {N}자릿수쯤\({N}부터 {N}까지\)"})
    sweeps = practice_experiments.sweeps()
    computed = []
    for surface in ("valley", "rosenbrock"):
        lo, hi = practice_experiments.good_range(sweeps[surface]["Adam"])
        computed += [np.log10(hi / lo), lo, hi]
    # the grid's learning rates are 10^(k/4); the page rounds them to two significant digits
    for lang, numbers in found.items():
        for text, number in zip(numbers, computed, strict=True):
            assert float(text) == float(f"{number:.2g}"), (lang, text, number)


# ---- adaptive-optimizers.md -------------------------------------------------------------------

def test_adadelta_first_step():
    """Adadelta's first step is √ε/√(1−ρ) for a gradient much larger than √ε, with PyTorch's defaults."""
    found = stated("adaptive-optimizers.md", {"en": rf"\\approx {N}\$ for any gradient much larger",
                                              "ko": rf"\\approx {N}\$ 정도이고"})
    params = {"w": np.array(0.0)}
    Adadelta(lr=1.0, rho=0.9, eps=1e-6).update(params, {"w": np.array(1.0)})
    each_agrees(found, [-float(params["w"])])


# ---- backprop.md ------------------------------------------------------------------------------

def test_digits_split():
    found = stated("backprop.md", {"en": r"we train on (\d+) and test on the other (\d+)",
                                   "ko": r"(\d+)장으로 학습하고 나머지 (\d+)장으로 시험합니다"})
    (X_train, _), (X_test, _) = digits(seed=0)
    for numbers in found.values():
        assert tuple(map(int, numbers)) == (len(X_train), len(X_test))
    again = stated("backprop.md", {"en": r"96\.4% of (\d+) images", "ko": r"(\d+)장에서 96\.4%"})
    assert {int(numbers[0]) for numbers in again.values()} == {len(X_test)}


def test_prose_reader_rounds_like_the_page():
    """The helper itself: a number agrees when the code's value rounds to it, and only then."""
    assert agrees("0.953", 0.95333) and not agrees("0.95", 0.9561)
    assert agrees(r"3.2 \times 10^{-3}", 0.0031623) and not agrees(r"3.1 \times 10^{-3}", 0.0031623)
    assert value(r"4 \times 10^{-5}") == pytest.approx(4e-5)


def test_momentum_moves_the_divergence_threshold_to_2_1_plus_mu_over_lambda():
    """optimizers.md: "with momentum the limit is η = 2(1+μ)/λ", against a simulation on a fine grid
    (steps of 0.001 in η, so the measured limit may sit one grid step below the formula's)."""
    for lam, mu in [(2.0, 0.0), (2.0, 0.5), (2.0, 0.9), (4.0, 0.9)]:
        assert ex.largest_stable_lr(lam, mu) == pytest.approx(2 * (1 + mu) / lam, abs=1.5e-3)


def test_torch_backward_twice_on_one_graph():
    """backprop.md: a second backward() on the same graph raises RuntimeError; with retain_graph=True
    it runs and the gradients in .grad double (PyTorch adds into .grad)."""
    torch = require("torch")
    w = torch.tensor(3.0, requires_grad=True)
    loss = (w * w).sin()  # a graph with saved tensors, which the first backward frees
    loss.backward()
    with pytest.raises(RuntimeError):
        loss.backward()
    w.grad = None
    loss = (w * w).sin()
    loss.backward(retain_graph=True)
    once = w.grad.clone()
    loss.backward()
    assert torch.equal(w.grad, 2 * once)
