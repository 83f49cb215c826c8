"""The family tree of gradient-descent optimizers: which method grew out of which."""
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch

from snippets import plotstyle

TEXT = {
    "ko": {
        "gd": "경사 하강법\n(전체 배치)", "sgd": "미니배치 SGD\nRobbins & Monro 1951",
        "momentum": "모멘텀\nPolyak 1964", "nag": "네스테로프 가속 경사\nNesterov 1983",
        "adagrad": "AdaGrad\nDuchi et al. 2011", "rmsprop": "RMSprop\nTieleman & Hinton 2012",
        "adadelta": "Adadelta\nZeiler 2012", "adam": "Adam\nKingma & Ba 2015",
        "adamw": "AdamW\nLoshchilov & Hutter 2019", "nadam": "NAdam\nDozat 2016",
        "row1": "속도를 더한다 (모멘텀)", "row2": "좌표마다 학습률을 조절한다 (적응적 학습률)",
        "combine": "둘을 합친다",
        "amsgrad": "AMSGrad\nReddi et al. 2018", "radam": "RAdam\nLiu et al. 2020",
        "adafactor": "Adafactor\nShazeer & Stern 2018", "lion": "Lion\nChen et al. 2023",
        "muon": "Muon\nJordan et al. 2024", "schedulefree": "Schedule-Free AdamW\nDefazio et al. 2024",
        "row3": "2018–2024 (현대 옵티마이저 장)",
    },
    "en": {
        "gd": "gradient descent\n(full batch)", "sgd": "mini-batch SGD\nRobbins & Monro 1951",
        "momentum": "momentum\nPolyak 1964", "nag": "Nesterov accelerated\ngradient, Nesterov 1983",
        "adagrad": "AdaGrad\nDuchi et al. 2011", "rmsprop": "RMSprop\nTieleman & Hinton 2012",
        "adadelta": "Adadelta\nZeiler 2012", "adam": "Adam\nKingma & Ba 2015",
        "adamw": "AdamW\nLoshchilov & Hutter 2019", "nadam": "NAdam\nDozat 2016",
        "row1": "add velocity (momentum)", "row2": "scale each coordinate's step (adaptive)",
        "combine": "combine both",
        "amsgrad": "AMSGrad\nReddi et al. 2018", "radam": "RAdam\nLiu et al. 2020",
        "adafactor": "Adafactor\nShazeer & Stern 2018", "lion": "Lion\nChen et al. 2023",
        "muon": "Muon\nJordan et al. 2024", "schedulefree": "Schedule-Free AdamW\nDefazio et al. 2024",
        "row3": "2018–2024 (modern optimizers chapter)",
    },
}

NODES = {  # name: (x, y, colour index)
    "gd": (0.0, 2.0, 0), "sgd": (2.2, 2.0, 0), "momentum": (4.4, 2.0, 1), "nag": (6.6, 2.0, 1),
    "adagrad": (2.2, 0.0, 2), "rmsprop": (4.4, 0.5, 2), "adadelta": (4.4, -0.5, 2),
    "adam": (6.6, 0.0, 3), "adamw": (8.8, 0.5, 3), "nadam": (8.8, -0.5, 3),
    "muon": (8.8, 2.0, 4), "lion": (11.0, 1.0, 4), "schedulefree": (11.0, 0.0, 4),
    "amsgrad": (5.5, -1.9, 4), "radam": (7.7, -1.9, 4), "adafactor": (3.3, -1.9, 4),
}
EDGES = [("gd", "sgd"), ("sgd", "momentum"), ("momentum", "nag"), ("sgd", "adagrad"),
         ("adagrad", "rmsprop"), ("adagrad", "adadelta"), ("rmsprop", "adam"),
         ("momentum", "adam"), ("adam", "adamw"), ("adam", "nadam"), ("nag", "nadam"),
         ("nag", "muon"), ("adamw", "lion"), ("adamw", "schedulefree"), ("adam", "amsgrad"),
         ("adam", "radam"), ("adam", "adafactor")]
WIDTH, HEIGHT = 1.9, 0.62


def figure(lang, theme):
    text, colors = TEXT[lang], plotstyle.use(theme)
    fig = Figure(figsize=(13, 5.6), layout="constrained")
    ax = fig.add_subplot()
    ax.set_axis_off()
    for a, b in EDGES:
        (xa, ya, _), (xb, yb, _) = NODES[a], NODES[b]
        dx, dy = xb - xa, yb - ya
        # leave and enter each box at its edge, with a small gap
        t = min((WIDTH / 2 + 0.05) / abs(dx) if dx else 1, (HEIGHT / 2 + 0.05) / abs(dy) if dy else 1)
        ax.annotate("", xy=(xb - t * dx, yb - t * dy), xytext=(xa + t * dx, ya + t * dy),
                    arrowprops=dict(arrowstyle="-|>", color=colors["fg"], lw=1.2,
                                    shrinkA=0, shrinkB=0))
    for name, (x, y, c) in NODES.items():
        color = colors["lines"][c]
        ax.add_patch(FancyBboxPatch((x - WIDTH / 2, y - HEIGHT / 2), WIDTH, HEIGHT,
                                    boxstyle="round,pad=0.02,rounding_size=0.1", linewidth=1.8,
                                    edgecolor=color, facecolor=color + "22"))
        ax.text(x, y, text[name], ha="center", va="center", fontsize=9.5)
    ax.text(5.5, 2.55, text["row1"], ha="center", color=colors["lines"][1], fontsize=10)
    ax.text(2.4, -1.15, text["row2"], ha="center", color=colors["lines"][2], fontsize=10)
    ax.text(7.7, 1.2, text["combine"], ha="center", color=colors["lines"][3], fontsize=10)
    ax.text(9.0, -2.55, text["row3"], ha="center", color=colors["lines"][4], fontsize=10)
    ax.set_xlim(-1.1, 12.1)
    ax.set_ylim(-2.8, 2.8)
    return fig


if __name__ == "__main__":
    plotstyle.save_variants(figure, "optimizer_family")
