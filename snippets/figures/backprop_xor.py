"""XOR learned by a 2-4-2 tanh network: the decision regions at several epochs, and the loss."""
import functools

import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure

from snippets import plotstyle
from snippets.backprop import xor_run
from snippets.datasets import xor
from snippets.mlp import MLP

TEXT = {
    "ko": {"epoch": "에포크 {}", "start": "학습 전", "loss": "손실 (교차 엔트로피)",
           "epochs": "에포크", "ln2": "ln 2: 직선 하나로 얻는 최선", "class": "클래스 {}"},
    "en": {"epoch": "epoch {}", "start": "before training", "loss": "loss (cross-entropy)",
           "epochs": "epoch", "ln2": "ln 2: the best a single line can do", "class": "class {}"},
}


@functools.cache
def run():
    model, history = xor_run()
    return history


def probability_of_one(params, grid):
    model = MLP([2, 4, 2], activation="tanh", init="xavier", seed=0)
    for name, value in params.items():
        model.params[name][...] = value  # in place: the layers hold these arrays
    scores = model.forward(grid)
    p = np.exp(scores - scores.max(axis=1, keepdims=True))
    return p[:, 1] / p.sum(axis=1)


def figure(lang, theme):
    text, colors = TEXT[lang], plotstyle.use(theme)
    c0, c1 = colors["lines"][0], colors["lines"][1]
    history = run()
    epochs = sorted(history["params"])
    fig = Figure(figsize=(12, 3.4), layout="constrained")
    axes = fig.subplots(1, len(epochs) + 1, width_ratios=[1] * len(epochs) + [1.6])
    X, y = xor()
    u = np.linspace(-0.5, 1.5, 121)
    gx, gy = np.meshgrid(u, u)
    grid = np.column_stack([gx.ravel(), gy.ravel()])
    cmap = ListedColormap([c0, c1])
    for ax, epoch in zip(axes, epochs):
        p = probability_of_one(history["params"][epoch], grid).reshape(gx.shape)
        ax.contourf(gx, gy, p, levels=[0, 0.5, 1], cmap=cmap, alpha=0.25)
        ax.contour(gx, gy, p, levels=[0.5], colors=[colors["fg"]], linewidths=1.2)
        for label, color, marker in [(0, c0, "o"), (1, c1, "s")]:
            ax.scatter(*X[y == label].T, s=70, color=color, marker=marker, edgecolor=colors["fg"],
                       zorder=3, label=text["class"].format(label))
        ax.set_title(text["start"] if epoch == 0 else text["epoch"].format(epoch), fontsize=10)
        ax.set_aspect("equal")
        ax.set_xticks([0, 1])
        ax.set_yticks([0, 1])
        ax.grid(False)
    axes[0].legend(loc="upper center", fontsize=8, bbox_to_anchor=(0.5, -0.12), ncol=2)
    loss_ax = axes[-1]
    steps = np.arange(1, len(history["loss"]) + 1)
    loss_ax.plot(steps, history["loss"], color=colors["lines"][2], linewidth=2)
    loss_ax.axhline(np.log(2), color=colors["fg"], linestyle="--", linewidth=1)
    loss_ax.text(steps[-1], np.log(2) + 0.03, text["ln2"], ha="right", fontsize=9)
    for epoch in epochs[1:]:
        loss_ax.plot(epoch, history["loss"][epoch - 1], "o", color=colors["lines"][2])
    loss_ax.set_ylim(0, 0.85)
    loss_ax.set_xlabel(text["epochs"])
    loss_ax.set_title(text["loss"], fontsize=10)
    return fig


if __name__ == "__main__":
    plotstyle.save_variants(figure, "backprop_xor")
