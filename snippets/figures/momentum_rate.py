"""Momentum's measured convergence rate on quadratics of condition number κ, against the theory."""
import functools

import numpy as np
from matplotlib.figure import Figure

from snippets import plotstyle
from snippets.optimizer_experiments import heavy_ball_rate

TEXT = {
    "ko": {"kappa": "조건수 κ", "rate": "한 번 반복할 때 오차가 줄어드는 비율",
           "steps": "오차를 10⁻⁶배로 줄이는 반복 횟수",
           "mom_theory": "모멘텀 이론 (√κ − 1)/(√κ + 1)", "mom_meas": "모멘텀 측정값",
           "gd_theory": "경사 하강법 이론 (κ − 1)/(κ + 1)", "gd_meas": "경사 하강법 측정값"},
    "en": {"kappa": "condition number κ", "rate": "error reduction per step",
           "steps": "steps to shrink the error by 10⁻⁶",
           "mom_theory": "momentum, theory (√κ − 1)/(√κ + 1)", "mom_meas": "momentum, measured",
           "gd_theory": "gradient descent, theory (κ − 1)/(κ + 1)",
           "gd_meas": "gradient descent, measured"},
}
KAPPAS = np.logspace(0.5, 4, 8)


@functools.cache
def rates():
    return np.array([heavy_ball_rate(k) for k in KAPPAS])  # columns: momentum, theory, GD theory


def figure(lang, theme):
    text, colors = TEXT[lang], plotstyle.use(theme)
    measured = rates()
    dense = np.logspace(0.5, 4, 200)
    mom = (np.sqrt(dense) - 1) / (np.sqrt(dense) + 1)
    gd = (dense - 1) / (dense + 1)
    fig = Figure(figsize=(11, 4), layout="constrained")
    ax_rate, ax_steps = fig.subplots(1, 2)
    ax_rate.plot(dense, mom, color=colors["lines"][1], label=text["mom_theory"])
    ax_rate.plot(KAPPAS, measured[:, 0], "o", color=colors["lines"][1], label=text["mom_meas"])
    ax_rate.plot(dense, gd, color=colors["lines"][0], label=text["gd_theory"])
    ax_rate.plot(KAPPAS, measured[:, 3], "s", color=colors["lines"][0], label=text["gd_meas"])
    ax_rate.set(xscale="log", xlabel=text["kappa"], ylabel=text["rate"])
    ax_rate.legend(fontsize=9)
    for color, r, label in [(colors["lines"][1], mom, "mom_theory"), (colors["lines"][0], gd, "gd_theory")]:
        ax_steps.plot(dense, np.log(1e-6) / np.log(r), color=color, label=text[label])
    ax_steps.set(xscale="log", yscale="log", xlabel=text["kappa"], ylabel=text["steps"])
    ax_steps.legend(fontsize=9)
    return fig


if __name__ == "__main__":
    plotstyle.save_variants(figure, "momentum_rate")
