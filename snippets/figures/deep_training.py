"""Training a 10-hidden-layer MLP on the spirals: activations, batch normalization, residual blocks."""
import numpy as np
from matplotlib.figure import Figure

from snippets import plotstyle
from snippets.deep_nets import training_run

TEXT = {
    "ko": {"plain": "초기화만 바꾼 평범한 10층 신경망", "fixes": "배치 정규화(BN)와 잔차 연결",
           "epoch": "에포크", "loss": "훈련 손실 (로그 눈금)", "chance": "ln 3 (찍기)",
           "sigmoid": "시그모이드 + Xavier", "tanh": "tanh + Xavier", "relu": "ReLU + He",
           "sigmoid+bn": "시그모이드 + BN", "relu+bn": "ReLU + BN",
           "sigmoid+res": "시그모이드 + 잔차", "relu+res": "ReLU + 잔차"},
    "en": {"plain": "plain 10-layer network, initialization only", "fixes": "batch norm (BN) and residual connections",
           "epoch": "epoch", "loss": "training loss (log scale)", "chance": "ln 3 (guessing)",
           "sigmoid": "sigmoid + Xavier", "tanh": "tanh + Xavier", "relu": "ReLU + He",
           "sigmoid+bn": "sigmoid + BN", "relu+bn": "ReLU + BN",
           "sigmoid+res": "sigmoid + residual", "relu+res": "ReLU + residual"},
}

PANELS = [("plain", ["sigmoid", "tanh", "relu"]),
          ("fixes", ["sigmoid+bn", "relu+bn", "sigmoid+res", "relu+res"])]
STYLE = {"sigmoid": (0, "-"), "tanh": (1, "-"), "relu": (2, "-"), "sigmoid+bn": (0, "--"),
         "relu+bn": (2, "--"), "sigmoid+res": (0, ":"), "relu+res": (2, ":")}


def figure(lang, theme):
    text, colors = TEXT[lang], plotstyle.use(theme)
    fig = Figure(figsize=(11, 4.2), layout="constrained")
    axes = fig.subplots(1, 2, sharey=True)
    for ax, (title, names) in zip(axes, PANELS):
        ax.axhline(np.log(3), color=colors["grid"], linewidth=2, label=text["chance"])
        for name in names:
            loss = training_run(name)["loss"]
            color, style = STYLE[name]
            ax.semilogy(np.arange(1, len(loss) + 1), loss, color=colors["lines"][color],
                        linestyle=style, linewidth=2, label=text[name])
        ax.set_title(text[title], fontsize=11)
        ax.set_xlabel(text["epoch"])
        ax.legend(loc="lower left", fontsize=9)
    axes[0].set_ylabel(text["loss"])
    axes[0].set_ylim(0.01, 10)
    return fig


if __name__ == "__main__":
    plotstyle.save_variants(figure, "deep_training")
