"""The 2-2-1 worked example as a graph: forward values above each node, backward gradients below."""
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch

from snippets import plotstyle
from snippets.backprop import worked_params
from snippets.gradcheck import worked_example

TEXT = {
    "ko": {"forward": "순전파: 값 (왼쪽 → 오른쪽)", "backward": "역전파: ∂E/∂· (오른쪽 → 왼쪽)",
           "input": "입력층", "hidden": "은닉층 (시그모이드)", "output": "출력층 (시그모이드)",
           "loss": "오차 E = ½(y − t)²"},
    "en": {"forward": "forward: values (left → right)", "backward": "backward: ∂E/∂· (right → left)",
           "input": "input layer", "hidden": "hidden layer (sigmoid)", "output": "output layer (sigmoid)",
           "loss": "error E = ½(y − t)²"},
}

SUB = str.maketrans("12", "₁₂")


def node(ax, xy, lines, colors, face, edge, width=2.3, height=1.1):
    x, y = xy
    ax.add_patch(FancyBboxPatch((x - width / 2, y - height / 2), width, height,
                                boxstyle="round,pad=0.08", facecolor=face, edgecolor=edge, lw=1.4))
    step = height / (len(lines) + 0.6)
    for i, (line, color) in enumerate(zip(lines, colors)):
        ax.text(x, y + height / 2 - step * (i + 0.8), line, ha="center", va="center",
                color=color, fontsize=9.5)


def figure(lang, theme):
    text, colors = TEXT[lang], plotstyle.use(theme)
    fg, grad_color, box_edge = colors["fg"], colors["lines"][1], colors["lines"][0]
    face = "#f6f8fa" if theme == "light" else "#161b22"
    v, p = worked_example(), worked_params()
    fig = Figure(figsize=(11, 5.6), layout="constrained")
    ax = fig.subplots()
    ax.set_xlim(-1.0, 14.0)
    ax.set_ylim(-3.3, 3.6)
    ax.axis("off")

    inputs = [(0, 1.5), (0, -1.5)]
    hidden = [(5.2, 1.5), (5.2, -1.5)]
    output, loss = (9.4, 0), (12.8, 0)
    arrow = dict(arrowstyle="-|>", color=fg, lw=1.1, shrinkA=0, shrinkB=0)

    def f4(value):
        return f"{value:.4f}".replace("-", "−")

    def edge_label(x, y, weight, grad, va):
        """Weight (forward colour) and its gradient (backward colour), stacked above or below."""
        first, second = (weight, grad) if va == "bottom" else (grad, weight)
        c1, c2 = (fg, grad_color) if va == "bottom" else (grad_color, fg)
        sign = 1 if va == "bottom" else -1
        chip = dict(boxstyle="square,pad=0.15", facecolor=face, edgecolor="none")
        ax.text(x, y + sign * 0.42, first, ha="center", va="center", fontsize=8.5, color=c1, bbox=chip)
        ax.text(x, y + sign * 0.17, second, ha="center", va="center", fontsize=8.5, color=c2, bbox=chip)

    for i, a in enumerate(inputs):  # input → hidden edges, labelled with w and ∂E/∂w
        for j, b in enumerate(hidden):
            ax.annotate("", xy=(b[0] - 1.35, b[1]), xytext=(a[0] + 0.75, a[1]), arrowprops=arrow)
            w = f"w{i + 1}{j + 1}".translate(SUB) + f" = {p['W1'][i, j]:g}".replace("-", "−")
            g = "∂E/∂" + f"w{i + 1}{j + 1}".translate(SUB) + f" = {f4(v['dE/dW1'][i, j])}"
            if i == j:  # straight edges: label at the middle, outside the pair of lines
                edge_label((a[0] + b[0]) / 2 + 0.2, a[1], w, g, "bottom" if i == 0 else "top")
            else:  # crossing edges: label near the input end, between the straight edges
                edge_label(1.75, 0.35 if i == 0 else -0.35, w, g, "bottom" if i == 0 else "top")
    for j, a in enumerate(hidden):  # hidden → output
        ax.annotate("", xy=(output[0] - 1.35, output[1]), xytext=(a[0] + 1.35, a[1]), arrowprops=arrow)
        v_name = f"v{j + 1}".translate(SUB)
        edge_label(output[0] - 0.9 + 0.0, a[1] * 0.62, v_name + f" = {p['W2'][j, 0]:g}".replace("-", "−"),
                   "∂E/∂" + v_name + f" = {f4(v['dE/dW2'][j, 0])}", "bottom" if j == 0 else "top")
    ax.annotate("", xy=(loss[0] - 1.2, 0), xytext=(output[0] + 1.2, 0), arrowprops=arrow)

    for i, xy in enumerate(inputs):
        node(ax, xy, [f"x{i + 1}".translate(SUB) + f" = {v['x'][0, i]:g}"], [fg], face, box_edge,
             width=1.5, height=0.7)
    for j, xy in enumerate(hidden):
        node(ax, xy, [f"z = {f4(v['z1'][0, j])}   h = {f4(v['h'][0, j])}",
                      f"∂E/∂h = {f4(v['dE/dh'][0, j])}",
                      f"∂E/∂z = ∂E/∂b = {f4(v['dE/dz1'][0, j])}"],
             [fg, grad_color, grad_color], face, box_edge, width=2.7, height=1.25)
        ax.text(xy[0], xy[1] + 0.85, f"b = {p['b1'][j]:g}".replace("-", "−"), ha="center",
                fontsize=8.5, color=fg)
    node(ax, output, [f"z = {f4(v['z2'][0, 0])}   y = {f4(v['y'][0, 0])}",
                      f"∂E/∂y = {f4(v['dE/dy'][0, 0])}",
                      f"∂E/∂z = ∂E/∂b = {f4(v['dE/dz2'][0, 0])}"],
         [fg, grad_color, grad_color], face, box_edge, width=2.7, height=1.25)
    ax.text(output[0], 0.85, f"b = {p['b2'][0]:g}", ha="center", fontsize=8.5, color=fg)
    node(ax, loss, [f"t = {v['t'][0, 0]:g}", f"E = {f4(v['E'])}", "∂E/∂E = 1"],
         [fg, fg, grad_color], face, box_edge, width=1.9, height=1.25)

    for x, key in [(0, "input"), (5.2, "hidden"), (9.4, "output"), (12.8, "loss")]:
        ax.text(x, 3.25, text[key], ha="center", fontsize=10, color=fg, weight="bold")
    ax.text(-0.9, -3.0, "■ " + text["forward"], color=fg, fontsize=10)
    ax.text(6.0, -3.0, "■ " + text["backward"], color=grad_color, fontsize=10)
    return fig


if __name__ == "__main__":
    plotstyle.save_variants(figure, "backprop_graph")
