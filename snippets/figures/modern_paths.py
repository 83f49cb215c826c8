"""Adam and its 2018–2024 successors on the valley and on Rosenbrock's function (paths and loss)."""
import numpy as np
from matplotlib.colors import LogNorm
from matplotlib.figure import Figure

from snippets import plotstyle
from snippets.modern_experiments import modern_paths
from snippets.surfaces import SURFACES

TEXT = {
    "ko": {"valley": "골짜기 x²/20 + y²", "rosenbrock": "로젠브록", "step": "반복", "loss": "손실",
           "start": "시작점", "min": "최솟값", "Schedule-Free": "Schedule-Free (x)"},
    "en": {"valley": "valley x²/20 + y²", "rosenbrock": "Rosenbrock", "step": "step", "loss": "loss",
           "start": "start", "min": "minimum", "Schedule-Free": "Schedule-Free (x)"},
}
VIEW = {"valley": ((-8, 8), (-2.5, 2.5)), "rosenbrock": ((-2, 2), (-1, 3))}


def figure(lang, theme):
    text, colors = TEXT[lang], plotstyle.use(theme)
    fig = Figure(figsize=(12, 7.5), layout="constrained")
    axes = fig.subplots(2, 2, height_ratios=[1.25, 1])
    for col, (surface, runs) in enumerate(modern_paths().items()):
        f, grad, start, minimum = SURFACES[surface]
        (x0, x1), (y0, y1) = VIEW[surface]
        gx, gy = np.meshgrid(np.linspace(x0, x1, 150), np.linspace(y0, y1, 150))
        z = f(gx, gy)
        ax = axes[0, col]
        ax.contour(gx, gy, z - z.min() + 1e-3, levels=np.logspace(-2, 4, 16), norm=LogNorm(),
                   colors=colors["grid"], linewidths=0.8)
        for i, (color, (name, path)) in enumerate(zip(colors["lines"], runs.items())):
            style = "-" if i % 2 == 0 else "--"
            ax.plot(path[:, 0], path[:, 1], color=color, linestyle=style, linewidth=1.3,
                    label=text.get(name, name))
            axes[1, col].plot(np.arange(len(path)), f(path[:, 0], path[:, 1]), color=color,
                              linestyle=style, linewidth=1.3)
        ax.plot(*start, "o", color=colors["fg"], markersize=5, label=text["start"])
        ax.plot(*minimum, "*", color=colors["fg"], markersize=11, label=text["min"])
        ax.set(xlim=(x0, x1), ylim=(y0, y1), title=text[surface])
        ax.grid(False)
        axes[1, col].set(xlabel=text["step"], yscale="log", ylim=(1e-8, 1e4))  # RAdam leaves Rosenbrock
    axes[1, 0].set_ylabel(text["loss"])
    handles, labels = axes[0, 0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncols=7)
    return fig


if __name__ == "__main__":
    plotstyle.save_variants(figure, "modern_paths")
