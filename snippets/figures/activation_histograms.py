"""Histograms of the activations of five hidden layers, as in chapter 6 of 『밑바닥부터 시작하는 딥러닝』."""
import functools

import numpy as np
from matplotlib.figure import Figure

from snippets import plotstyle
from snippets.deep_nets import deep_mlp, hidden_outputs, random_batch

CASES = [("sigmoid", 1.0), ("sigmoid", 0.01), ("tanh", "xavier"), ("relu", "xavier"), ("relu", "he")]

TEXT = {
    "ko": {"layer": "{}층", "count": "개수",
           ("sigmoid", 1.0): "시그모이드\n표준편차 1", ("sigmoid", 0.01): "시그모이드\n표준편차 0.01",
           ("tanh", "xavier"): "tanh\nXavier", ("relu", "xavier"): "ReLU\nXavier",
           ("relu", "he"): "ReLU\nHe", "zeros": "0: {:.0%}"},
    "en": {"layer": "layer {}", "count": "count",
           ("sigmoid", 1.0): "sigmoid\nstd 1", ("sigmoid", 0.01): "sigmoid\nstd 0.01",
           ("tanh", "xavier"): "tanh\nXavier", ("relu", "xavier"): "ReLU\nXavier",
           ("relu", "he"): "ReLU\nHe", "zeros": "0: {:.0%}"},
}


@functools.cache
def activations():
    """Outputs of 5 hidden layers (100 units) for 1000 inputs x ~ N(0, 1), per case."""
    X, _ = random_batch(n=1000, width=100, seed=1)
    return {case: hidden_outputs(deep_mlp(*case, depth=5, width=100), X) for case in CASES}


def figure(lang, theme):
    text, colors = TEXT[lang], plotstyle.use(theme)
    fig = Figure(figsize=(11, 9), layout="constrained")
    grid = fig.subplots(len(CASES), 5)
    for row, case in zip(grid, CASES):
        hs = activations()[case]
        if case[0] == "sigmoid":
            bins = np.linspace(0, 1, 31)
        elif case[0] == "tanh":
            bins = np.linspace(-1, 1, 31)
        else:
            bins = np.linspace(0, np.percentile(np.concatenate(hs), 99), 31)
        for i, (ax, h) in enumerate(zip(row, hs), start=1):
            values = h.ravel()
            if case[0] == "relu":  # exact zeros would dwarf the rest: count them in the corner
                ax.text(0.95, 0.9, text["zeros"].format(np.mean(values == 0)), ha="right",
                        va="top", transform=ax.transAxes, fontsize=8)
                values = values[values > 0]
            ax.hist(values, bins=bins, histtype="stepfilled", color=colors["lines"][CASES.index(case)])
            ax.set_yticks([])
            ax.tick_params(labelsize=8)
            ax.grid(False)
            if row is grid[0]:
                ax.set_title(text["layer"].format(i), fontsize=11)
        row[0].set_ylabel(text[case], fontsize=10)
    return fig


if __name__ == "__main__":
    plotstyle.save_variants(figure, "activation_histograms")
