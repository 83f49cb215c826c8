"""Each activation function f (solid) and its derivative f' (dashed) on [-4, 4]."""
import numpy as np
from matplotlib.figure import Figure

from snippets import plotstyle
from snippets.activations import ACTIVATIONS, leaky_relu, leaky_relu_grad

TEXT = {
    "ko": {
        "sigmoid": "시그모이드", "tanh": "하이퍼볼릭 탄젠트", "relu": "ReLU",
        "leaky_relu": "Leaky ReLU (기울기 0.1)", "elu": "ELU", "gelu": "GELU",
        "silu": "SiLU (Swish)", "softplus": "소프트플러스",
        "f": "$f(x)$", "f_grad": "$f'(x)$", "x": "$x$",
    },
    "en": {
        "sigmoid": "sigmoid", "tanh": "tanh", "relu": "ReLU",
        "leaky_relu": "Leaky ReLU (slope 0.1)", "elu": "ELU", "gelu": "GELU",
        "silu": "SiLU (Swish)", "softplus": "softplus",
        "f": "$f(x)$", "f_grad": "$f'(x)$", "x": "$x$",
    },
}

# the default slope 0.01 is too small to see; the panel draws 0.1 and says so
CURVES = {**ACTIVATIONS, "leaky_relu": (lambda x: leaky_relu(x, 0.1),
                                        lambda x: leaky_relu_grad(x, 0.1))}


def draw_panel(ax, f, f_grad, title, text, colors):
    """One panel: the axes through 0, f (solid) and f' (dashed) on [-4, 4], and its title."""
    x = np.linspace(-4, 4, 801)
    ax.axhline(0, color=colors["fg"], linewidth=0.6)
    ax.axvline(0, color=colors["fg"], linewidth=0.6)
    ax.plot(x, f(x), color=colors["lines"][0], linewidth=2, label=text["f"])
    ax.plot(x, f_grad(x), color=colors["lines"][1], linewidth=2, linestyle="--", label=text["f_grad"])
    ax.set_title(title, fontsize=11)
    ax.set_xticks([-4, -2, 0, 2, 4])


def figure(lang, theme):
    text, colors = TEXT[lang], plotstyle.use(theme)
    fig = Figure(figsize=(10, 5.2), layout="constrained")
    axes = fig.subplots(2, 4, sharex=True, sharey=True)
    for ax, (name, (f, f_grad)) in zip(axes.flat, CURVES.items()):
        draw_panel(ax, f, f_grad, text[name], text, colors)
        ax.set_ylim(-1.5, 3)
    for ax in axes[1]:
        ax.set_xlabel(text["x"])
    handles, labels = axes[0, 0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncols=2)
    return fig


if __name__ == "__main__":
    plotstyle.save_variants(figure, "activation_curves")
