"""Gradient check of the 2-2-1 worked example: relative error against the step h, on log-log axes."""
import functools

import numpy as np
from matplotlib.figure import Figure

from snippets import plotstyle
from snippets.backprop import loss_and_grads_221, worked_params
from snippets.gradcheck import numerical_gradient, relative_error

TEXT = {
    "ko": {"h": "스텝 크기 h", "error": "상대 오차 (역전파 대 수치 미분)",
           "central64": "중앙 차분, float64", "central32": "중앙 차분, float32",
           "forward64": "전진 차분 (f(x+h) − f(x))/h, float64",
           "truncation": "절단 오차 ∝ h²", "rounding": "반올림 오차 ∝ ε/h",
           "tol": "흔히 쓰는 기준 1e−7"},
    "en": {"h": "step size h", "error": "relative error (backprop vs numerical)",
           "central64": "central difference, float64", "central32": "central difference, float32",
           "forward64": "forward difference (f(x+h) − f(x))/h, float64",
           "truncation": "truncation error ∝ h²", "rounding": "rounding error ∝ ε/h",
           "tol": "a common threshold, 1e−7"},
}

STEPS = np.logspace(-13, -1, 49)


def forward_difference(f, x, h):
    grad, f0 = np.zeros_like(x), f(x)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + h
        grad[idx] = (f(x) - f0) / h
        x[idx] = old
    return grad


@functools.cache
def sweep():
    """Relative error of the whole gradient for each h, per method and dtype."""
    curves = {}
    for key, dtype, method in [("central64", np.float64, numerical_gradient),
                               ("central32", np.float32, numerical_gradient),
                               ("forward64", np.float64, forward_difference)]:
        params = {k: v.astype(dtype) for k, v in worked_params().items()}
        x, t = np.array([[1.0, 0.5]], dtype), np.array([[1.0]], dtype)
        _, grads = loss_and_grads_221(params, x, t)
        analytic = np.concatenate([g.ravel() for g in grads.values()])
        errors = []
        for h in STEPS:
            numeric = np.concatenate([
                method(lambda _: loss_and_grads_221(params, x, t)[0], params[k], h).ravel()
                for k in params])
            errors.append(max(relative_error(analytic, numeric), 1e-17))
        curves[key] = np.array(errors)
    return curves


def figure(lang, theme):
    text, colors = TEXT[lang], plotstyle.use(theme)
    curves = sweep()
    fig = Figure(figsize=(7.5, 4.6), layout="constrained")
    ax = fig.subplots()
    styles = {"central64": (colors["lines"][0], "-"), "central32": (colors["lines"][1], "-"),
              "forward64": (colors["lines"][2], "--")}
    for key, (color, style) in styles.items():
        ax.loglog(STEPS, curves[key], style, color=color, linewidth=2, marker="o", markersize=3,
                  label=text[key])
    ax.axhline(1e-7, color=colors["fg"], linestyle=":", linewidth=1)
    ax.text(1.5e-13, 1.6e-7, text["tol"], fontsize=9)
    ax.annotate(text["truncation"], xy=(1e-2, curves["central64"][STEPS.searchsorted(1e-2)]),
                xytext=(2e-5, 3e-2), fontsize=9, arrowprops=dict(arrowstyle="->", color=colors["fg"]))
    ax.annotate(text["rounding"], xy=(1e-11, curves["central64"][STEPS.searchsorted(1e-11)]),
                xytext=(3e-12, 1e-1), fontsize=9, arrowprops=dict(arrowstyle="->", color=colors["fg"]))
    ax.set_xlabel(text["h"])
    ax.set_ylabel(text["error"])
    ax.set_ylim(1e-13, 10)
    ax.legend(loc="lower left", fontsize=9)
    return fig


if __name__ == "__main__":
    plotstyle.save_variants(figure, "backprop_gradcheck")
