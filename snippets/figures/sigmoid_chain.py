"""Why the maximum of f' matters: backpropagation through L layers multiplies L derivatives."""
import functools

import numpy as np
from matplotlib.figure import Figure

from snippets import plotstyle
from snippets.activations import relu_grad, sigmoid_grad, tanh_grad

# Hangul and $math$ do not mix in one matplotlib string (mathtext has no Hangul glyphs),
# so these labels use plain Unicode: f′ (prime), ᴸ (superscript L)
TEXT = {
    "ko": {
        "left_title": "도함수 f′(z)",
        "right_title": "도함수 L개의 곱 (로그 눈금)",
        "z": "z", "layers": "층 수 L",
        "sigmoid": "시그모이드", "tanh": "하이퍼볼릭 탄젠트", "relu": "ReLU",
        "sigmoid_best": "시그모이드, 최선의 경우 0.25ᴸ (모든 z = 0)",
        "sigmoid_typical": "시그모이드, 중앙값 (z ~ N(0, 1))",
        "tanh_typical": "하이퍼볼릭 탄젠트, 중앙값 (z ~ N(0, 1))",
        "relu_open": "ReLU: 곱이 1일 확률 0.5ᴸ (아니면 정확히 0)",
    },
    "en": {
        "left_title": "derivative f′(z)",
        "right_title": "product of L derivatives (log scale)",
        "z": "z", "layers": "number of layers L",
        "sigmoid": "sigmoid", "tanh": "tanh", "relu": "ReLU",
        "sigmoid_best": "sigmoid, best case 0.25ᴸ (all z = 0)",
        "sigmoid_typical": "sigmoid, median (z ~ N(0, 1))",
        "tanh_typical": "tanh, median (z ~ N(0, 1))",
        "relu_open": "ReLU: chance 0.5ᴸ that the product is 1 (else exactly 0)",
    },
}

LAYERS = np.arange(1, 31)


@functools.cache
def chains(n=10_000, seed=0):
    """Cumulative products f'(z_1)...f'(z_L) for n chains with z_l ~ N(0, 1)."""
    z = np.random.default_rng(seed).standard_normal((n, LAYERS[-1]))
    return {"sigmoid": np.cumprod(sigmoid_grad(z), axis=1),
            "tanh": np.cumprod(tanh_grad(z), axis=1)}


def figure(lang, theme):
    text, colors = TEXT[lang], plotstyle.use(theme)
    c_sig, c_tanh, c_relu = colors["lines"][:3]
    fig = Figure(figsize=(10, 4.2), layout="constrained")
    left, right = fig.subplots(1, 2, width_ratios=[1, 1.5])

    z = np.linspace(-6, 6, 1201)
    for f_grad, name, color in [(sigmoid_grad, "sigmoid", c_sig), (tanh_grad, "tanh", c_tanh),
                                (relu_grad, "relu", c_relu)]:
        left.plot(z, f_grad(z), color=color, linewidth=2, label=text[name])
    left.set_yticks([0, 0.25, 0.5, 0.75, 1])
    left.set_title(text["left_title"], fontsize=11)
    left.set_xlabel(text["z"])
    left.legend(loc="center right")

    products = chains()
    right.semilogy(LAYERS, 0.25 ** LAYERS, color=c_sig, linewidth=2, label=text["sigmoid_best"])
    right.semilogy(LAYERS, np.median(products["sigmoid"], axis=0), color=c_sig, linewidth=2,
                   linestyle="--", label=text["sigmoid_typical"])
    right.semilogy(LAYERS, np.median(products["tanh"], axis=0), color=c_tanh, linewidth=2,
                   linestyle="--", label=text["tanh_typical"])
    # relu'(z) is 1 with probability 1/2 and 0 otherwise, so the product is 1 with 0.5^L
    right.semilogy(LAYERS, 0.5 ** LAYERS, color=c_relu, linewidth=2,
                   linestyle=":", label=text["relu_open"])
    right.set_ylim(1e-20, 2)
    right.set_title(text["right_title"], fontsize=11)
    right.set_xlabel(text["layers"])
    right.legend(loc="lower left", fontsize=9)
    return fig


if __name__ == "__main__":
    plotstyle.save_variants(figure, "sigmoid_chain")
