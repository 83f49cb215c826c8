"""Exercises of the activations page: checks at the top, the page's blocks in exercises().

Run `python -m snippets.exercises.activations`: each check prints TODO for its stub, then PASS.
"""
import numpy as np

from snippets.activations import elu
from snippets.exercises import report
from snippets.gradcheck import check_layer, relative_error

TOLERANCE = 1e-7  # central differences in float64 agree with a right derivative to ~1e-10


def tanh_backward_problem(layer_class):
    """None if layer_class().backward agrees with central differences, else what is wrong."""
    x = np.random.default_rng(0).standard_normal((4, 3))
    error = check_layer(layer_class(), x)["x"]
    if not error < TOLERANCE:
        return f"dx differs from central differences: relative error {error:.1e}"
    return None


def check_tanh_backward(layer_class):
    report("Tanh.backward", lambda: tanh_backward_problem(layer_class),
           "agrees with central differences (relative error below 1e-7)")


def elu_grad_problem(elu_grad):
    """None if elu_grad(x, alpha) is the derivative of elu(x, alpha), else what is wrong."""
    x = np.concatenate([np.linspace(-6, -0.01, 50), np.linspace(0.01, 6, 50)])  # not at the kink
    h = 1e-6
    for alpha in (1.0, 0.5):
        numeric = (elu(x + h, alpha) - elu(x - h, alpha)) / (2 * h)
        error = relative_error(np.asarray(elu_grad(x, alpha), dtype=float), numeric)
        if not error < TOLERANCE:
            return f"with alpha = {alpha}: relative error {error:.1e} against central differences"
    return None


def check_elu_grad(elu_grad):
    report("elu_grad", lambda: elu_grad_problem(elu_grad),
           "agrees with central differences for alpha = 1 and 0.5 (relative error below 1e-7)")


def exercises():
    """The page's blocks in page order: each check prints TODO for its stub, then PASS."""
    # --8<-- [start:imports]
    import numpy as np

    from snippets.activations import (gelu_grad, normal_cdf, normal_pdf, relu, relu_grad, sigmoid,
                                      sigmoid_grad, silu, tanh_grad)
    from snippets.dying_relu import train
    from snippets.exercises.activations import check_elu_grad, check_tanh_backward
    # --8<-- [end:imports]

    # --8<-- [start:tanh_from_sigmoid]
    x = 1.0
    print(f"tanh'(1)   = {tanh_grad(x):.6f}")
    print(f"4 σ'(2)    = {4 * sigmoid_grad(2 * x):.6f}")
    print(f"max tanh'  = {4 * sigmoid_grad(0.0):.6f}")
    # --8<-- [end:tanh_from_sigmoid]

    # --8<-- [start:tanh_stub]
    class Tanh:
        def forward(self, x):
            self.out = np.tanh(x)
            return self.out

        def backward(self, dout):
            raise NotImplementedError  # return dL/dx, given dout = dL/d(out)
    # --8<-- [end:tanh_stub]

    # --8<-- [start:tanh_check]
    check_tanh_backward(Tanh)
    # --8<-- [end:tanh_check]

    # --8<-- [start:tanh_solution]
    class Tanh:
        def forward(self, x):
            self.out = np.tanh(x)
            return self.out

        def backward(self, dout):
            return dout * (1 - self.out**2)  # tanh' = 1 − tanh²: the output is enough
    # --8<-- [end:tanh_solution]

    check_tanh_backward(Tanh)

    # --8<-- [start:elu_stub]
    def elu_grad(x, alpha=1.0):
        raise NotImplementedError  # the derivative of elu(x, alpha), elementwise
    # --8<-- [end:elu_stub]

    # --8<-- [start:elu_check]
    check_elu_grad(elu_grad)
    # --8<-- [end:elu_check]

    # --8<-- [start:elu_solution]
    def elu_grad(x, alpha=1.0):
        # d/dx α(eˣ − 1) = α·eˣ; min(x, 0) keeps exp from overflowing in the unused branch
        return np.where(x > 0, 1.0, alpha * np.exp(np.minimum(x, 0)))
    # --8<-- [end:elu_solution]

    check_elu_grad(elu_grad)

    # --8<-- [start:gelu_max]
    x_star = np.sqrt(2)  # GELU''(x) = φ(x)(2 − x²) is 0 here
    print(f"GELU'(√2) = Φ(√2) + √2 φ(√2) = {normal_cdf(x_star) + x_star * normal_pdf(x_star):.4f}")
    grid = np.linspace(-6, 6, 120_001)
    print(f"largest GELU' on a grid: {gelu_grad(grid).max():.4f} at x = {grid[gelu_grad(grid).argmax()]:.4f}")
    # --8<-- [end:gelu_max]

    # --8<-- [start:silu_min]
    def stationary(x):
        return 1 + x * (1 - sigmoid(x))  # SiLU'(x) = σ(x)·stationary(x)

    low, high = -5.0, 0.0  # stationary(-5) < 0 < stationary(0): bisect
    for _ in range(60):
        mid = (low + high) / 2
        low, high = (mid, high) if stationary(mid) < 0 else (low, mid)
    print(f"x*        = {low:.4f}")
    print(f"SiLU(x*)  = {silu(low):.4f}")
    print(f"x* + 1    = {low + 1:.4f}")
    # --8<-- [end:silu_min]

    # --8<-- [start:dying_sweep]
    print("lr    dead units (of 64), accuracy; seeds 1, 2, 3")
    for lr in [4.0, 6.0, 8.0, 10.0]:
        runs = [train(relu, relu_grad, lr, seed=seed) for seed in (1, 2, 3)]
        print(f"{lr:4.0f}  " + "   ".join(f"{h['negative'][-1]:2d}, {h['accuracy'][-1]:.3f}" for h in runs))
    # --8<-- [end:dying_sweep]


if __name__ == "__main__":
    exercises()
