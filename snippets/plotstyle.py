"""Shared look of every figure: theme colours, a Hangul-capable font, deterministic SVG output."""
import importlib.util
from pathlib import Path

import matplotlib
from matplotlib import font_manager

THEMES = {
    "light": {"fg": "#1f2328", "grid": "#d0d7de", "bg": "none",
              "lines": ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"]},
    "dark": {"fg": "#e6edf3", "grid": "#3d444d", "bg": "none",
             "lines": ["#58a6ff", "#ff7b72", "#3fb950", "#d2a8ff", "#ffa657", "#e3b341", "#f778ba", "#56d4dd"]},
}


def _register_hangul_font():
    """Register NanumGothic shipped inside the koreanize-matplotlib wheel (no system font needed).

    Without that package the figures still draw; Korean labels then lack their glyphs.
    """
    spec = importlib.util.find_spec("koreanize_matplotlib")  # found, not imported
    if spec is None:
        return
    fonts = Path(spec.submodule_search_locations[0]) / "fonts"
    for ttf in sorted(fonts.glob("NanumGothic*.ttf")):
        font_manager.fontManager.addfont(str(ttf))


_register_hangul_font()


def use(theme):
    """Set matplotlib's rcParams for `theme` ("light" or "dark") and return its colours."""
    colors = THEMES[theme]
    matplotlib.rcParams.update({
        "font.family": ["DejaVu Sans", "NanumGothic"],  # Latin from DejaVu, Hangul falls back to Nanum
        "font.size": 11,
        "axes.unicode_minus": False,
        "svg.hashsalt": "dl-fundamentals",
        "svg.fonttype": "path",
        "figure.facecolor": colors["bg"],
        "axes.facecolor": colors["bg"],
        "savefig.facecolor": colors["bg"],
        "savefig.transparent": True,
        "text.color": colors["fg"],
        "axes.labelcolor": colors["fg"],
        "axes.edgecolor": colors["fg"],
        "xtick.color": colors["fg"],
        "ytick.color": colors["fg"],
        "grid.color": colors["grid"],
        "axes.grid": True,
        "grid.linewidth": 0.6,
        "legend.frameon": False,
        "axes.prop_cycle": matplotlib.cycler(color=colors["lines"]),
        "path.simplify": True,          # drop points closer than a pixel: smaller SVGs, same look
        "path.simplify_threshold": 0.2,
    })
    return colors


def save(fig, path):
    """Write `fig` as an SVG that is byte-identical from run to run."""
    fig.savefig(path, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})


LANGS = ("ko", "en")


def save_variants(figure, name, outdir="."):
    """Draw `figure(lang, theme)` in all four variants as `<name>.<lang>.<theme>.svg` in `outdir`."""
    for lang in LANGS:
        for theme in THEMES:
            save(figure(lang, theme), Path(outdir) / f"{name}.{lang}.{theme}.svg")
