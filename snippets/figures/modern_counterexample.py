"""Reddi et al.'s counterexample: Adam drifts to x = 1, the worst point; AMSGrad goes to x = −1."""
import functools

from matplotlib.figure import Figure

from snippets import plotstyle
from snippets.modern_experiments import counterexample
from snippets.modern_optimizers import AMSGrad
from snippets.optimizers import Adam

TEXT = {
    "ko": {"step": "반복 t", "x": "x (최적은 −1)", "title": "f_t(x) = 1010x (101번에 한 번), −10x (그 밖)"},
    "en": {"step": "step t", "x": "x (the best is −1)", "title": "f_t(x) = 1010x (once in 101 steps), −10x (otherwise)"},
}


@functools.cache
def runs():
    return {type(o).__name__: counterexample(o) for o in [Adam(lr=0.05), AMSGrad(lr=0.05)]}


def figure(lang, theme):
    text, colors = TEXT[lang], plotstyle.use(theme)
    fig = Figure(figsize=(8, 3.6), layout="constrained")
    ax = fig.add_subplot()
    for color, (name, xs) in zip(colors["lines"], runs().items()):
        ax.plot(xs, color=color, linewidth=1.2, label=name)
    ax.axhline(-1, color=colors["fg"], linewidth=0.8, linestyle=":")
    ax.set(xlabel=text["step"], ylabel=text["x"], ylim=(-1.1, 1.1), title=text["title"])
    ax.legend()
    return fig


if __name__ == "__main__":
    plotstyle.save_variants(figure, "modern_counterexample")
