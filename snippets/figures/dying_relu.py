"""Dying ReLU: how many hidden units are negative for every input, and what that does to training."""
import functools

from matplotlib.figure import Figure

from snippets import plotstyle
from snippets.dying_relu import RUNS, train

TEXT = {
    "ko": {
        "negative_title": "모든 입력에서 z ≤ 0인 은닉 유닛 수 (64개 중)",
        "accuracy_title": "훈련 정확도",
        "step": "경사 하강법 반복",
        "ReLU, lr=1": "ReLU, 학습률 1",
        "ReLU, lr=10": "ReLU, 학습률 10",
        "Leaky, lr=10": "Leaky ReLU, 학습률 10",
    },
    "en": {
        "negative_title": "hidden units with z ≤ 0 for every input (of 64)",
        "accuracy_title": "training accuracy",
        "step": "gradient-descent step",
        "ReLU, lr=1": "ReLU, learning rate 1",
        "ReLU, lr=10": "ReLU, learning rate 10",
        "Leaky, lr=10": "Leaky ReLU, learning rate 10",
    },
}


@functools.cache
def histories():
    return {name: train(f, f_grad, lr) for name, (f, f_grad, lr) in RUNS.items()}


def figure(lang, theme):
    text, colors = TEXT[lang], plotstyle.use(theme)
    fig = Figure(figsize=(10, 4), layout="constrained")
    negative, accuracy = fig.subplots(1, 2)
    styles = {"ReLU, lr=1": ("-", colors["lines"][0]), "ReLU, lr=10": ("-", colors["lines"][1]),
              "Leaky, lr=10": ("--", colors["lines"][2])}
    for name, history in histories().items():
        linestyle, color = styles[name]
        negative.plot(history["negative"], linestyle=linestyle, color=color, linewidth=2,
                      label=text[name])
        accuracy.plot(history["accuracy"], linestyle=linestyle, color=color, linewidth=2,
                      label=text[name])
    negative.set_ylim(-2, 66)
    negative.set_yticks([0, 16, 32, 48, 64])
    negative.set_title(text["negative_title"], fontsize=11)
    accuracy.set_ylim(0, 1.04)
    accuracy.set_title(text["accuracy_title"], fontsize=11)
    for ax in (negative, accuracy):
        ax.set_xlabel(text["step"])
    negative.legend(loc="center right")
    return fig


if __name__ == "__main__":
    plotstyle.save_variants(figure, "dying_relu")
