"""Full-batch gradient descent, mini-batch SGD and one-example SGD on the same least-squares problem."""
import functools

import numpy as np
from matplotlib.figure import Figure

from snippets import plotstyle
from snippets.optimizer_experiments import (MINIBATCH_RUNS, gradient_noise, least_squares,
                                            ls_loss, minibatch_run)

TEXT = {
    "ko": {"seen": "처리한 예제 수", "steps": "갱신 횟수", "loss": "손실 − 최솟값",
           "run": "배치 {B}, η = {lr}", "full": "전체 배치 {B}, η = {lr}",
           "noise": "미니배치 기울기의 상대 오차", "batch": "배치 크기 B", "sqrt": "1/√B에 비례",
           "t_seen": "같은 계산량(예제 수)으로 보면", "t_steps": "같은 갱신 횟수로 보면"},
    "en": {"seen": "examples processed", "steps": "updates", "loss": "loss − minimum",
           "run": "batch {B}, η = {lr}", "full": "full batch {B}, η = {lr}",
           "noise": "relative error of the batch gradient", "batch": "batch size B",
           "sqrt": "proportional to 1/√B",
           "t_seen": "per example processed", "t_steps": "per update"},
}


SIZES = [1, 2, 5, 10, 20, 50, 100, 200, 500]


@functools.cache
def runs():
    X, y = least_squares()
    best = ls_loss(np.linalg.lstsq(X, y, rcond=None)[0], X, y)
    curves = [minibatch_run(B, epochs=20, lr=lr) for B, lr in MINIBATCH_RUNS]
    return len(y), best, curves, gradient_noise(SIZES, draws=500)


def figure(lang, theme):
    text, colors = TEXT[lang], plotstyle.use(theme)
    n, best, curves, noise = runs()
    fig = Figure(figsize=(12, 3.8), layout="constrained")
    ax_seen, ax_steps, ax_noise = fig.subplots(1, 3)
    for color, (B, lr), (seen, losses) in zip(colors["lines"], MINIBATCH_RUNS, curves):
        label = text["full" if B == n else "run"].format(B=B, lr=lr)
        shown = np.unique(np.geomspace(1, len(losses) - 1, 600).astype(int))  # a log-spaced subset
        ax_seen.plot(seen[shown], losses[shown] - best, color=color, label=label, linewidth=1.2)
        ax_steps.plot(shown, losses[shown] - best, color=color, linewidth=1.2)
    for ax, key, title in [(ax_seen, "seen", "t_seen"), (ax_steps, "steps", "t_steps")]:
        ax.set(xscale="log", yscale="log", xlabel=text[key], ylabel=text["loss"], title=text[title])
    ax_seen.legend(fontsize=9)
    ax_noise.plot(SIZES, list(noise.values()), "o", color=colors["lines"][0])
    b = np.array(SIZES, dtype=float)
    ax_noise.plot(b, noise[1] / np.sqrt(b), "--", color=colors["fg"], linewidth=1, label=text["sqrt"])
    ax_noise.set(xscale="log", yscale="log", xlabel=text["batch"], title=text["noise"])
    ax_noise.legend(fontsize=9)
    return fig


if __name__ == "__main__":
    plotstyle.save_variants(figure, "minibatch_noise")
