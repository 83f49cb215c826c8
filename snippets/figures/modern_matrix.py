"""Least squares in a 32×16 matrix: each optimizer at its best learning rate of a small sweep."""
from matplotlib.figure import Figure

from snippets import plotstyle
from snippets.modern_experiments import matrix_runs

TEXT = {
    "ko": {"step": "반복", "loss": "손실", "title": "행렬 최소 제곱 (열의 크기 1 … 0.01)", "Momentum": "모멘텀"},
    "en": {"step": "step", "loss": "loss", "title": "matrix least squares (column scales 1 … 0.01)", "Momentum": "momentum"},
}


def figure(lang, theme):
    text, colors = TEXT[lang], plotstyle.use(theme)
    fig = Figure(figsize=(8, 4), layout="constrained")
    ax = fig.add_subplot()
    for i, (color, (name, (lr, losses))) in enumerate(zip(colors["lines"], matrix_runs().items())):
        ax.plot(losses, color=color, linestyle="-" if i % 2 == 0 else "--",
                label=f"{text.get(name, name)} η={lr:g}")
    ax.set(yscale="log", xlabel=text["step"], ylabel=text["loss"], title=text["title"])
    ax.legend()
    return fig


if __name__ == "__main__":
    plotstyle.save_variants(figure, "modern_matrix")
