"""Singular values of a 64×32 matrix through the Newton–Schulz iteration: classic and Muon's quintic."""
import numpy as np
from matplotlib.figure import Figure

from snippets import plotstyle
from snippets.modern_experiments import newton_schulz_error
from snippets.modern_optimizers import MUON_COEFFICIENTS

TEXT = {
    "ko": {"classic": "고전적 계수 (1.5, −0.5, 0)", "muon": "Muon의 5차 계수 (3.4445, −4.7750, 2.0315)",
           "step": "반복 횟수 k", "s": "NS_k(G)의 특잇값", "map": "한 번의 반복: s → a·s + b·s³ + c·s⁵",
           "s_in": "특잇값 s", "s_out": "반복 뒤의 특잇값"},
    "en": {"classic": "classic coefficients (1.5, −0.5, 0)", "muon": "Muon's quintic (3.4445, −4.7750, 2.0315)",
           "step": "iterations k", "s": "singular values of NS_k(G)", "map": "one iteration: s → a·s + b·s³ + c·s⁵",
           "s_in": "singular value s", "s_out": "after one iteration"},
}
G = np.random.default_rng(0).standard_normal((64, 32))


def figure(lang, theme):
    text, colors = TEXT[lang], plotstyle.use(theme)
    fig = Figure(figsize=(13, 4), layout="constrained")
    axes = fig.subplots(1, 3)
    for ax, (key, coefficients, steps) in zip(axes, [("classic", (1.5, -0.5, 0.0), 12),
                                                    ("muon", MUON_COEFFICIENTS, 12)]):
        singular, _ = newton_schulz_error(G, steps, coefficients)
        ax.plot(np.arange(steps + 1), singular, color=colors["lines"][0], linewidth=0.7, alpha=0.7)
        ax.axhline(1, color=colors["fg"], linewidth=0.8, linestyle=":")
        ax.axvline(5, color=colors["grid"], linewidth=1.2)
        ax.set(title=text[key], xlabel=text["step"], ylabel=text["s"], ylim=(0, 1.3))
    s = np.linspace(0, 1.2, 200)
    for color, (key, (a, b, c)) in zip(colors["lines"][1:], [("classic", (1.5, -0.5, 0.0)),
                                                              ("muon", MUON_COEFFICIENTS)]):
        axes[2].plot(s, a * s + b * s**3 + c * s**5, color=color, label=text[key])
    axes[2].plot(s, np.ones_like(s), ":", color=colors["fg"], linewidth=0.8)
    axes[2].set(title=text["map"], xlabel=text["s_in"], ylabel=text["s_out"], ylim=(0, 1.4))
    axes[2].legend(fontsize=8)
    return fig


if __name__ == "__main__":
    plotstyle.save_variants(figure, "modern_newton_schulz")
