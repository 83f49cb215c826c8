"""Paths of six optimizers on four test surfaces (top) and the loss after each step (bottom)."""
import numpy as np
from matplotlib.colors import LogNorm
from matplotlib.figure import Figure

from snippets import plotstyle
from snippets.optimizer_experiments import surface_paths
from snippets.surfaces import SURFACES

TEXT = {
    "ko": {"valley": "골짜기 x²/20 + y²", "rosenbrock": "로젠브록", "saddle": "안장 x² − y²",
           "beale": "빌(Beale)", "step": "반복", "loss": "손실", "start": "시작점", "min": "최솟값",
           "SGD": "SGD", "Momentum": "모멘텀", "Nesterov": "네스테로프", "AdaGrad": "AdaGrad",
           "RMSprop": "RMSprop", "Adam": "Adam"},
    "en": {"valley": "valley x²/20 + y²", "rosenbrock": "Rosenbrock", "saddle": "saddle x² − y²",
           "beale": "Beale", "step": "step", "loss": "loss", "start": "start", "min": "minimum",
           "SGD": "SGD", "Momentum": "momentum", "Nesterov": "Nesterov", "AdaGrad": "AdaGrad",
           "RMSprop": "RMSprop", "Adam": "Adam"},
}
VIEW = {"valley": ((-8, 8), (-2.5, 2.5)), "rosenbrock": ((-2, 2), (-1, 3)),
        "saddle": ((-2, 2), (-2, 2)), "beale": ((-0.5, 4), (-1, 2))}


def figure(lang, theme):
    text, colors = TEXT[lang], plotstyle.use(theme)
    paths = surface_paths()
    fig = Figure(figsize=(14, 7), layout="constrained")
    axes = fig.subplots(2, 4, height_ratios=[1.25, 1])
    for col, (surface, runs) in enumerate(paths.items()):
        f, grad, start, minimum = SURFACES[surface]
        (x0, x1), (y0, y1) = VIEW[surface]
        gx, gy = np.meshgrid(np.linspace(x0, x1, 150), np.linspace(y0, y1, 150))
        z = f(gx, gy)
        ax = axes[0, col]
        if surface == "saddle":
            ax.contour(gx, gy, z, levels=np.linspace(-4, 4, 17), colors=colors["grid"], linewidths=0.8)
        else:
            ax.contour(gx, gy, z - z.min() + 1e-3, levels=np.logspace(-2, 4, 16),
                       norm=LogNorm(), colors=colors["grid"], linewidths=0.8)
        for i, (color, (name, path)) in enumerate(zip(colors["lines"], runs.items())):
            style = "-" if i % 2 == 0 else "--"   # neighbours in the palette differ in dash too
            ax.plot(path[:, 0], path[:, 1], color=color, linestyle=style, linewidth=1.3, label=text[name])
            axes[1, col].plot(np.arange(len(path)), f(path[:, 0], path[:, 1]), color=color,
                              linestyle=style, linewidth=1.3)
        ax.plot(*start, "o", color=colors["fg"], markersize=5, label=text["start"])
        if minimum is not None:
            ax.plot(*minimum, "*", color=colors["fg"], markersize=11, label=text["min"])
        ax.set(xlim=(x0, x1), ylim=(y0, y1), title=text[surface])
        ax.grid(False)
        bottom = axes[1, col]
        bottom.set_xlabel(text["step"])
        if surface == "saddle":
            bottom.set_ylim(-4, 2.5)
        else:
            bottom.set_yscale("log")
            bottom.set_ylim(1e-8, None)
    axes[1, 0].set_ylabel(text["loss"])
    handles, labels = axes[0, 0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncols=8)
    return fig


if __name__ == "__main__":
    plotstyle.save_variants(figure, "optimizer_paths")
