"""Adam's moving averages m and v start at 0; the bias-corrected m̂ and v̂ do not lag."""
from matplotlib.figure import Figure

from snippets import plotstyle
from snippets.adaptive_experiments import adam_moments

TEXT = {
    "ko": {"t": "반복 t", "g": "기울기 g", "m": "m (보정 전)", "m_hat": "m̂ = m / (1 − β₁ᵗ)",
           "v": "v (보정 전)", "v_hat": "v̂ = v / (1 − β₂ᵗ)", "first": "1차 모멘트 (β₁ = 0.9)",
           "second": "2차 모멘트 (β₂ = 0.999)", "g2": "g²"},
    "en": {"t": "step t", "g": "gradient g", "m": "m (uncorrected)", "m_hat": "m̂ = m / (1 − β₁ᵗ)",
           "v": "v (uncorrected)", "v_hat": "v̂ = v / (1 − β₂ᵗ)", "first": "first moment (β₁ = 0.9)",
           "second": "second moment (β₂ = 0.999)", "g2": "g²"},
}


def figure(lang, theme):
    text, colors = TEXT[lang], plotstyle.use(theme)
    t, g, m, m_hat, v, v_hat = adam_moments().T
    fig = Figure(figsize=(11, 3.8), layout="constrained")
    ax_m, ax_v = fig.subplots(1, 2)
    ax_m.plot(t, g, ".", color=colors["grid"] if theme == "light" else colors["fg"],
              label=text["g"], alpha=0.7)
    ax_m.plot(t, m, color=colors["lines"][0], label=text["m"])
    ax_m.plot(t, m_hat, color=colors["lines"][1], label=text["m_hat"])
    ax_v.plot(t, g**2, ".", color=colors["grid"] if theme == "light" else colors["fg"],
              label=text["g2"], alpha=0.7)
    ax_v.plot(t, v, color=colors["lines"][0], label=text["v"])
    ax_v.plot(t, v_hat, color=colors["lines"][1], label=text["v_hat"])
    for ax, title in [(ax_m, "first"), (ax_v, "second")]:
        ax.set(xlabel=text["t"], title=text[title])
        ax.legend(fontsize=9)
    return fig


if __name__ == "__main__":
    plotstyle.save_variants(figure, "adam_bias")
