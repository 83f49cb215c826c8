"""PReLU (at its initial slope 0.25) and SELU: the function (solid) and its derivative (dashed) on
[-4, 4], drawn as activation_curves draws the other eight."""
from matplotlib.figure import Figure

from snippets import plotstyle
from snippets.activations import MORE_ACTIVATIONS
from snippets.figures.activation_curves import draw_panel

TEXT = {
    "ko": {"prelu": "PReLU (처음 기울기 0.25)", "selu": "SELU",
           "f": "$f(x)$", "f_grad": "$f'(x)$", "x": "$x$"},
    "en": {"prelu": "PReLU (initial slope 0.25)", "selu": "SELU",
           "f": "$f(x)$", "f_grad": "$f'(x)$", "x": "$x$"},
}


def figure(lang, theme):
    text, colors = TEXT[lang], plotstyle.use(theme)
    fig = Figure(figsize=(6, 3.2), layout="constrained")
    axes = fig.subplots(1, 2, sharex=True, sharey=True)
    for ax, (name, (f, f_grad)) in zip(axes, MORE_ACTIVATIONS.items()):
        draw_panel(ax, f, f_grad, text[name], text, colors)
        ax.set_ylim(-2, 4.5)
        ax.set_xlabel(text["x"])
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncols=2)
    return fig


if __name__ == "__main__":
    plotstyle.save_variants(figure, "activation_curves_more")
