"""Digits MLP: each optimizer at its best learning rate; mean and spread over seeds; state size."""
import numpy as np
from matplotlib.figure import Figure

from snippets import plotstyle
from snippets.modern_experiments import DIGITS_EPOCHS, DIGITS_SEEDS, best_learning_rate, digits_sweep

TEXT = {
    "ko": {"loss": "학습 손실 (에포크 {e}번 뒤)", "acc": "시험 데이터 정확도",
           "state": "파라미터 하나당 상태 배열의 수", "note": "막대: 시드 {n}개의 평균, 선: 최솟값–최댓값"},
    "en": {"loss": "training loss (after {e} epochs)", "acc": "test accuracy",
           "state": "state numbers per parameter", "note": "bars: mean of {n} seeds; lines: min to max"},
}


def figure(lang, theme):
    text, colors = TEXT[lang], plotstyle.use(theme)
    sweep = digits_sweep()
    names = list(sweep)
    best = {name: sweep[name][best_learning_rate(sweep[name])] for name in names}
    fig = Figure(figsize=(13, 4), layout="constrained")
    axes = fig.subplots(1, 3)
    y = np.arange(len(names))
    for ax, column, label in [(axes[0], 0, text["loss"].format(e=DIGITS_EPOCHS)),
                              (axes[1], 1, text["acc"]), (axes[2], 2, text["state"])]:
        values = np.array([best[name][:, column] for name in names])
        ax.barh(y, values.mean(axis=1), color=colors["lines"][column], alpha=0.8)
        if column < 2:
            ax.hlines(y, values.min(axis=1), values.max(axis=1), color=colors["fg"], linewidth=1.5)
        ax.set(yticks=y, yticklabels=[f"{n} η={best_learning_rate(sweep[n]):g}" for n in names],
               xlabel=label)
        ax.invert_yaxis()
    axes[1].set_xlim(0.9, 1.0)
    axes[0].set_title(text["note"].format(n=len(DIGITS_SEEDS)), fontsize=9)
    for ax in axes[1:]:
        ax.set_yticklabels([])
    return fig


if __name__ == "__main__":
    plotstyle.save_variants(figure, "modern_digits")
