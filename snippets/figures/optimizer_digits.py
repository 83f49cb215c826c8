"""Training a 64-64-10 MLP on digits with each optimizer: mean and spread over seeds."""
import numpy as np
from matplotlib.figure import Figure

from snippets import plotstyle
from snippets.practice_experiments import DIGITS_OPTIMIZERS, SEEDS, digits_runs

TEXT = {
    "ko": {"epoch": "에포크", "loss": "학습 손실 (에포크 평균)", "acc": "시험 데이터 정확도",
           "spread": "선은 시드 {n}개의 평균, 띠는 최솟값–최댓값",
           "SGD": "SGD η=0.1", "Momentum": "모멘텀 η=0.01", "Nesterov": "네스테로프 η=0.01",
           "AdaGrad": "AdaGrad η=0.05", "RMSprop": "RMSprop η=0.001", "Adadelta": "Adadelta η=1",
           "Adam": "Adam η=0.001", "AdamW": "AdamW η=0.001", "NAdam": "NAdam η=0.002"},
    "en": {"epoch": "epoch", "loss": "training loss (epoch mean)", "acc": "test accuracy",
           "spread": "lines: mean of {n} seeds; bands: min to max",
           "SGD": "SGD η=0.1", "Momentum": "momentum η=0.01", "Nesterov": "Nesterov η=0.01",
           "AdaGrad": "AdaGrad η=0.05", "RMSprop": "RMSprop η=0.001", "Adadelta": "Adadelta η=1",
           "Adam": "Adam η=0.001", "AdamW": "AdamW η=0.001", "NAdam": "NAdam η=0.002"},
}
STYLES = ["-", "-", "--", "-", "-", ":", "-", "--", "-."]


def figure(lang, theme):
    text, colors = TEXT[lang], plotstyle.use(theme)
    results = digits_runs()
    fig = Figure(figsize=(12, 4.4), layout="constrained")
    ax_loss, ax_acc = fig.subplots(1, 2)
    for i, name in enumerate(DIGITS_OPTIMIZERS):
        color = colors["lines"][i % 8]
        for ax, runs in [(ax_loss, results[name][0]), (ax_acc, results[name][1])]:
            epochs = np.arange(1, runs.shape[1] + 1)
            ax.plot(epochs, runs.mean(axis=0), STYLES[i], color=color, label=text[name])
            ax.fill_between(epochs, runs.min(axis=0), runs.max(axis=0), color=color, alpha=0.15,
                            linewidth=0)
    ax_loss.set(yscale="log", xlabel=text["epoch"], ylabel=text["loss"])
    ax_acc.set(xlabel=text["epoch"], ylabel=text["acc"], ylim=(0.8, 1.0))
    handles, labels = ax_loss.get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside right center", title=text["spread"].format(n=len(SEEDS)),
               title_fontsize=9, fontsize=9)
    return fig


if __name__ == "__main__":
    plotstyle.save_variants(figure, "optimizer_digits")
