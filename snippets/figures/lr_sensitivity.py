"""Final loss against the learning rate (log-log) for every optimizer, on two surfaces."""
import numpy as np
from matplotlib.figure import Figure

from snippets import plotstyle
from snippets.practice_experiments import LEARNING_RATES, SWEEP_STEPS, sweeps

TEXT = {
    "ko": {"valley": "골짜기, {steps}번 반복", "rosenbrock": "로젠브록, {steps}번 반복",
           "lr": "학습률 η", "loss": "마지막 손실 (위쪽 끝 = 발산)", "tol": "수렴 기준 10⁻³",
           "SGD": "SGD", "Momentum": "모멘텀", "Nesterov": "네스테로프", "AdaGrad": "AdaGrad",
           "RMSprop": "RMSprop", "Adadelta": "Adadelta", "Adam": "Adam", "AdamW": "AdamW",
           "NAdam": "NAdam"},
    "en": {"valley": "valley, {steps} steps", "rosenbrock": "Rosenbrock, {steps} steps",
           "lr": "learning rate η", "loss": "final loss (top edge = diverged)",
           "tol": "converged below 10⁻³",
           "SGD": "SGD", "Momentum": "momentum", "Nesterov": "Nesterov", "AdaGrad": "AdaGrad",
           "RMSprop": "RMSprop", "Adadelta": "Adadelta", "Adam": "Adam", "AdamW": "AdamW",
           "NAdam": "NAdam"},
}
STYLES = ["-", "-", "--", "-", "-", ":", "-", "--", "-."]
CEILING = 1e4  # diverged runs and losses above this are drawn at the top edge


def figure(lang, theme):
    text, colors = TEXT[lang], plotstyle.use(theme)
    fig = Figure(figsize=(12, 4.4), layout="constrained")
    axes = fig.subplots(1, 2, sharey=True)
    for ax, (surface, results) in zip(axes, sweeps().items()):
        for i, (name, losses) in enumerate(results.items()):
            shown = np.clip(np.where(np.isfinite(losses), losses, CEILING), 1e-30, CEILING)
            ax.plot(LEARNING_RATES, shown, STYLES[i], marker=".", color=colors["lines"][i % 8],
                    linewidth=1.4, label=text[name], alpha=0.9)
        ax.axhline(1e-3, color=colors["fg"], linewidth=0.8, linestyle=":", label=text["tol"])
        ax.set(xscale="log", yscale="log", xlabel=text["lr"], ylim=(1e-30, 3 * CEILING),
               title=text[surface].format(steps=SWEEP_STEPS[surface]))
    axes[0].set_ylabel(text["loss"])
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside right center")
    return fig


if __name__ == "__main__":
    plotstyle.save_variants(figure, "lr_sensitivity")
