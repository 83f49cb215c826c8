"""Training curves on spirals and on scikit-learn's digits, and the regions learned on spirals."""
import functools

import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.ticker import NullFormatter

from snippets import plotstyle
from snippets.backprop import digits_run, spirals_run
from snippets.datasets import spirals

TEXT = {
    "ko": {"regions": "나선: 학습한 영역 (200 에포크)", "spirals": "나선 (2-64-3, ReLU)",
           "digits": "손글씨 숫자 (64-64-10, ReLU)", "loss": "손실", "accuracy": "정확도",
           "epoch": "에포크", "train": "학습 데이터", "test": "시험 데이터"},
    "en": {"regions": "spirals: learned regions (200 epochs)", "spirals": "spirals (2-64-3, ReLU)",
           "digits": "digits (64-64-10, ReLU)", "loss": "loss", "accuracy": "accuracy",
           "epoch": "epoch", "train": "training set", "test": "test set"},
}


@functools.cache
def runs():
    spiral_model, spiral_history = spirals_run()
    u = np.linspace(-1.1, 1.1, 151)
    gx, gy = np.meshgrid(u, u)
    regions = spiral_model.predict(np.column_stack([gx.ravel(), gy.ravel()])).reshape(gx.shape)
    _, digit_history = digits_run()
    return (gx, gy, regions), spiral_history, digit_history


def figure(lang, theme):
    text, colors = TEXT[lang], plotstyle.use(theme)
    (gx, gy, regions), spiral_history, digit_history = runs()
    fig = Figure(figsize=(12, 5), layout="constrained")
    axes = fig.subplot_mosaic([["regions", "spirals_loss", "digits_loss"],
                               ["regions", "spirals_acc", "digits_acc"]],
                              width_ratios=[1.25, 1, 1])
    ax = axes["regions"]
    palette = colors["lines"][:3]
    ax.contourf(gx, gy, regions, levels=[-0.5, 0.5, 1.5, 2.5], cmap=ListedColormap(palette), alpha=0.25)
    X, y = spirals(seed=0)
    for label in range(3):
        ax.scatter(*X[y == label].T, s=10, color=palette[label])
    ax.set_aspect("equal")
    ax.set_title(text["regions"], fontsize=10)
    ax.grid(False)

    for name, history in [("spirals", spiral_history), ("digits", digit_history)]:
        epochs = np.arange(1, len(history["loss"]) + 1)
        loss_ax, acc_ax = axes[f"{name}_loss"], axes[f"{name}_acc"]
        loss_ax.semilogy(epochs, history["loss"], color=colors["lines"][3], linewidth=2)
        loss_ax.set_title(text[name], fontsize=10)
        loss_ax.set_ylabel(text["loss"])
        loss_ax.yaxis.set_minor_formatter(NullFormatter())
        acc_ax.plot(epochs, history["accuracy"], color=colors["lines"][0], linewidth=2,
                    label=text["train"])
        acc_ax.plot(epochs, history["test_accuracy"], color=colors["lines"][1], linewidth=2,
                    linestyle="--", label=text["test"])
        acc_ax.set_ylim(0.5, 1.0)
        acc_ax.set_ylabel(text["accuracy"])
        acc_ax.set_xlabel(text["epoch"])
        acc_ax.legend(loc="lower right", fontsize=9)
    return fig


if __name__ == "__main__":
    plotstyle.save_variants(figure, "backprop_training")
