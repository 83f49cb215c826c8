"""Gradient norm of every layer of a 20-layer MLP: three activations × four initializations."""
import numpy as np
from matplotlib.figure import Figure

from snippets import plotstyle
from snippets.deep_nets import INITS, gradient_norm_table

TEXT = {
    "ko": {"layer": "층 l (1 = 입력 쪽, 21 = 출력층)", "norm": "‖∂L/∂W_l‖ (로그 눈금)",
           "sigmoid": "시그모이드", "tanh": "하이퍼볼릭 탄젠트", "relu": "ReLU",
           "std 1": "표준편차 1", "std 0.01": "표준편차 0.01", "Xavier": "Xavier", "He": "He"},
    "en": {"layer": "layer l (1 = input side, 21 = output layer)", "norm": "‖∂L/∂W_l‖ (log scale)",
           "sigmoid": "sigmoid", "tanh": "tanh", "relu": "ReLU",
           "std 1": "std 1", "std 0.01": "std 0.01", "Xavier": "Xavier", "He": "He"},
}


def figure(lang, theme):
    text, colors = TEXT[lang], plotstyle.use(theme)
    table = gradient_norm_table()
    fig = Figure(figsize=(11, 4.2), layout="constrained")
    axes = fig.subplots(1, 3, sharey=True)
    for ax, act in zip(axes, ("sigmoid", "tanh", "relu")):
        for color, init in zip(colors["lines"], INITS):
            norms = table[(act, init)]
            ax.semilogy(np.arange(1, len(norms) + 1), norms, color=color, linewidth=2,
                        marker="o", markersize=3, label=text[init])
        ax.set_title(text[act], fontsize=12)
        ax.set_xlabel(text["layer"], fontsize=9)
        ax.set_xticks([1, 5, 10, 15, 21])
    axes[0].set_ylabel(text["norm"])
    axes[0].set_ylim(1e-35, 1e20)
    axes[0].set_yticks([1e-30, 1e-20, 1e-10, 1, 1e10])
    fig.legend(*axes[0].get_legend_handles_labels(), loc="outside lower center", ncols=4)
    return fig


if __name__ == "__main__":
    plotstyle.save_variants(figure, "gradient_norms")
