"""Exploding gradients in a ReLU net with weights twice He's scale, and clipping by global norm."""
import numpy as np
from matplotlib.figure import Figure

from snippets import plotstyle
from snippets.deep_nets import exploding_run

TEXT = {
    "ko": {"norms": "기울기의 전역 노름 ‖g‖ (자르기 전)", "accuracy": "훈련 데이터 정확도", "step": "반복",
           "epoch": "에포크", "plain": "자르지 않음", "clipped": "전역 노름 1로 자름",
           "overflow": "‖g‖ = inf (오버플로)"},
    "en": {"norms": "global gradient norm ‖g‖ (before clipping)", "accuracy": "training accuracy",
           "step": "iteration", "epoch": "epoch", "plain": "not clipped",
           "clipped": "clipped to global norm 1", "overflow": "‖g‖ = inf (overflow)"},
}


def figure(lang, theme):
    text, colors = TEXT[lang], plotstyle.use(theme)
    fig = Figure(figsize=(11, 4), layout="constrained")
    left, right = fig.subplots(1, 2)
    for (max_norm, label), color in zip([(None, "plain"), (1.0, "clipped")], colors["lines"][1::-1]):
        history, norms = exploding_run(max_norm)
        finite = np.isfinite(norms)
        steps = np.arange(1, len(norms) + 1)
        left.semilogy(steps[finite], norms[finite], color=color, linewidth=1.5, marker=".",
                      label=text[label])
        accuracy = history["accuracy"]
        right.plot(np.arange(1, len(accuracy) + 1), accuracy, color=color, linewidth=2,
                   label=text[label])
        if not finite.all():
            first = steps[~finite][0]
            left.axvline(first, color=color, linestyle=":", linewidth=1.5)
            left.annotate(text["overflow"], (first, 1e40), xytext=(8, 0),
                          textcoords="offset points", color=color, fontsize=9)
    left.axhline(1.0, color=colors["grid"], linewidth=2)
    left.set_ylim(1e-2, 1e80)  # fixed: the unclipped run reaches 8e64 before it overflows
    left.set_yticks([1, 1e20, 1e40, 1e60, 1e80])
    left.set_xlim(0, 40)  # the first 40 of 150 iterations
    left.set_xlabel(text["step"])
    left.set_title(text["norms"], fontsize=11)
    left.legend(loc="upper right", fontsize=9)
    right.set_xlabel(text["epoch"])
    right.set_title(text["accuracy"], fontsize=11)
    right.set_ylim(0, 1)
    right.legend(loc="lower right", fontsize=9)
    return fig


if __name__ == "__main__":
    plotstyle.save_variants(figure, "exploding")
