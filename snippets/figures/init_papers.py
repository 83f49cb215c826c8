"""Two classic measurements redone: Glorot & Bengio (2010) and He et al. (2015)."""
import functools

import numpy as np
from matplotlib.figure import Figure

from snippets import plotstyle
from snippets.deep_nets import glorot_saturation, variance_ratios

TEXT = {
    "ko": {"glorot": "Glorot & Bengio (2010): 시그모이드, U[−1/√n, 1/√n]",
           "step": "반복 (미니배치 10개)", "mean": "은닉층 출력의 평균 (±표준편차)",
           "layer": "은닉층 {}", "he": "He 외 (2015): 분산 비 Var(z_l+1)/Var(z_l)",
           "depth": "층 l", "ratio": "분산 비",
           "relu_he": "ReLU + He", "relu_xavier": "ReLU + Xavier",
           "tanh_small": "tanh + Xavier, 입력 표준편차 0.1", "tanh_unit": "tanh + Xavier, 입력 표준편차 1"},
    "en": {"glorot": "Glorot & Bengio (2010): sigmoid, U[−1/√n, 1/√n]",
           "step": "iteration (mini-batches of 10)", "mean": "mean hidden output (± std)",
           "layer": "hidden layer {}", "he": "He et al. (2015): variance ratio Var(z_l+1)/Var(z_l)",
           "depth": "layer l", "ratio": "variance ratio",
           "relu_he": "ReLU + He", "relu_xavier": "ReLU + Xavier",
           "tanh_small": "tanh + Xavier, input std 0.1", "tanh_unit": "tanh + Xavier, input std 1"},
}

CASES = {"relu_he": ("relu", "he", 1.0), "relu_xavier": ("relu", "xavier", 1.0),
         "tanh_small": ("tanh", "xavier", 0.1), "tanh_unit": ("tanh", "xavier", 1.0)}


@functools.cache
def ratios():
    return {key: variance_ratios(act, init, input_std=std)[0] for key, (act, init, std) in CASES.items()}


def figure(lang, theme):
    text, colors = TEXT[lang], plotstyle.use(theme)
    fig = Figure(figsize=(11, 4.3), layout="constrained")
    left, right = fig.subplots(1, 2)

    steps, means, stds, _ = glorot_saturation()
    for i, color in enumerate(colors["lines"][:means.shape[1]]):
        left.plot(steps, means[:, i], color=color, linewidth=2, label=text["layer"].format(i + 1))
        left.fill_between(steps, means[:, i] - stds[:, i], means[:, i] + stds[:, i], color=color,
                          alpha=0.2, linewidth=0)
    left.set_ylim(0, 1)
    left.set_xlabel(text["step"])
    left.set_ylabel(text["mean"])
    left.set_title(text["glorot"], fontsize=11)
    left.legend(loc="upper left", fontsize=9, ncols=2)

    right.axhspan(0.8, 1.2, color=colors["grid"], alpha=0.5, linewidth=0)
    for key, color in zip(CASES, colors["lines"]):
        r = ratios()[key]
        right.plot(np.arange(1, len(r) + 1), r, color=color, linewidth=2, marker="o",
                   markersize=3, label=text[key])
    right.set_ylim(0, 1.4)
    right.set_xticks([1, 5, 10, 15, 19])
    right.set_xlabel(text["depth"])
    right.set_ylabel(text["ratio"])
    right.set_title(text["he"], fontsize=11)
    right.legend(loc="lower right", fontsize=9)
    return fig


if __name__ == "__main__":
    plotstyle.save_variants(figure, "init_papers")
