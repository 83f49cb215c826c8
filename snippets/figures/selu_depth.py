"""Mean and variance of the activations layer by layer, through 32 layers of 256 neurons: SELU with
LeCun-normal weights against ReLU with He-normal weights."""
import functools

import numpy as np
from matplotlib.figure import Figure

from snippets import plotstyle
from snippets.activation_layers import STACKS, depth_statistics

TEXT = {
    "ko": {"mean": "활성값의 평균", "var": "활성값의 분산", "layer": "층",
           "selu, LeCun": "SELU, LeCun 초기화", "relu, He": "ReLU, He 초기화"},
    "en": {"mean": "mean of the activations", "var": "variance of the activations", "layer": "layer",
           "selu, LeCun": "SELU, LeCun init", "relu, He": "ReLU, He init"},
}


@functools.cache
def statistics():
    return {name: depth_statistics(f, init_std) for name, (f, init_std) in STACKS.items()}


def figure(lang, theme):
    text, colors = TEXT[lang], plotstyle.use(theme)
    fig = Figure(figsize=(9, 3.4), layout="constrained")
    left, right = fig.subplots(1, 2, sharex=True)
    for color, (name, (means, variances)) in zip(colors["lines"], statistics().items()):
        layers = np.arange(1, len(means) + 1)
        left.plot(layers, means, color=color, linewidth=2, marker="o", markersize=3, label=text[name])
        right.plot(layers, variances, color=color, linewidth=2, marker="o", markersize=3)
    left.axhline(0, color=colors["fg"], linewidth=0.8, linestyle=":")
    right.axhline(1, color=colors["fg"], linewidth=0.8, linestyle=":")
    left.set_title(text["mean"], fontsize=11)
    right.set_title(text["var"], fontsize=11)
    right.set_ylim(0, 1.6)
    for ax in (left, right):
        ax.set_xlabel(text["layer"])
        ax.set_xticks([1, 8, 16, 24, 32])
    left.legend(loc="center left")
    return fig


if __name__ == "__main__":
    plotstyle.save_variants(figure, "selu_depth")
