"""Step decay, cosine decay and linear warm-up followed by cosine decay, over 100 steps."""
import numpy as np
from matplotlib.figure import Figure

from snippets import plotstyle
from snippets.schedules import cosine, linear_warmup, step_decay

TEXT = {
    "ko": {"step": "계단식 감소 (25번마다 ×0.5)", "cosine": "코사인 감소",
           "warmup": "워밍업 10번 + 코사인 감소", "t": "반복 t", "lr": "학습률"},
    "en": {"step": "step decay (×0.5 every 25)", "cosine": "cosine decay",
           "warmup": "10 warm-up steps + cosine decay", "t": "step t", "lr": "learning rate"},
}


def figure(lang, theme):
    text, colors = TEXT[lang], plotstyle.use(theme)
    t = np.arange(101)
    warm = np.where(t < 10, linear_warmup(t, 0.1, 10), cosine(t - 10, 0.1, 90))
    fig = Figure(figsize=(7, 3.4), layout="constrained")
    ax = fig.add_subplot()
    ax.step(t, step_decay(t, 0.1, 25, 0.5), where="post", color=colors["lines"][0],
            label=text["step"], linewidth=1.8)
    ax.plot(t, cosine(t, 0.1, 100), color=colors["lines"][1], label=text["cosine"], linewidth=1.8)
    ax.plot(t, warm, color=colors["lines"][2], label=text["warmup"], linewidth=1.8, linestyle="--")
    ax.set(xlabel=text["t"], ylabel=text["lr"])
    ax.legend(fontsize=9)
    return fig


if __name__ == "__main__":
    plotstyle.save_variants(figure, "lr_schedules")
