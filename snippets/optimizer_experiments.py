"""The optimizers page (gradient descent and momentum): the experiments behind its printed numbers
and figures.

Mini-batch gradient noise on a least-squares problem, the learning-rate threshold on a quadratic,
paths on the test surfaces, and heavy-ball momentum against its theory. The later pages' experiments
are in `adaptive_experiments.py` and `practice_experiments.py`.
"""
import functools

import numpy as np

from snippets.framework_rules import BookNesterov
from snippets.optimizers import SGD, AdaGrad, Adam, Momentum, Nesterov, RMSprop
from snippets.surfaces import SURFACES, valley


# --8<-- [start:least_squares]
def least_squares(n=1000, noise=0.5, seed=0):
    """Data for linear regression y ≈ X·w, and the loss L(w) = ½·mean((X·w − y)²).

    The five features have different scales, so the loss is steeper in some directions than others.
    """
    rng = np.random.default_rng(seed)
    scales = np.array([3.0, 1.5, 1.0, 0.6, 0.3])
    X = rng.standard_normal((n, len(scales))) * scales
    w_true = rng.standard_normal(len(scales))
    y = X @ w_true + noise * rng.standard_normal(n)
    return X, y


def ls_loss(w, X, y):
    return 0.5 * np.mean((X @ w - y) ** 2)


def ls_grad(w, X, y):
    """Gradient of the mean loss over the rows given: the whole set, or one mini-batch."""
    return X.T @ (X @ w - y) / len(y)
# --8<-- [end:least_squares]


# --8<-- [start:gradient_noise]
def gradient_noise(batch_sizes, draws=2000, seed=0):
    """For each batch size B: mean ‖g_batch − g_full‖ / ‖g_full‖ at w = 0, over random batches."""
    X, y = least_squares()
    w = np.zeros(X.shape[1])
    full = ls_grad(w, X, y)
    rng = np.random.default_rng(seed)
    noise = {}
    for B in batch_sizes:
        errors = [np.linalg.norm(ls_grad(w, X[b], y[b]) - full) / np.linalg.norm(full)
                  for b in (rng.choice(len(y), B, replace=False) for _ in range(draws))]
        noise[B] = np.mean(errors)
    return noise
# --8<-- [end:gradient_noise]


# --8<-- [start:minibatch_run]
def minibatch_run(batch_size, epochs, lr, seed=0):
    """Mini-batch SGD on least squares; the full loss after every step, and examples used so far.

    batch_size = n is (full-batch) gradient descent, batch_size = 1 is one example per step.
    """
    X, y = least_squares()
    rng = np.random.default_rng(seed)
    w = np.zeros(X.shape[1])
    losses, seen = [ls_loss(w, X, y)], [0]
    for _ in range(epochs):
        order = rng.permutation(len(y))
        for start in range(0, len(y), batch_size):
            batch = order[start:start + batch_size]
            w -= lr * ls_grad(w, X[batch], y[batch])
            losses.append(ls_loss(w, X, y))
            seen.append(seen[-1] + len(batch))
    return np.array(seen), np.array(losses)


MINIBATCH_RUNS = [(1000, 0.2), (32, 0.1), (1, 0.01)]  # (batch size, learning rate)
# --8<-- [end:minibatch_run]


# --8<-- [start:quadratic]
def gd_on_quadratic(lr, lam, steps=50, theta=1.0):
    """Gradient descent on f(θ) = ½·λ·θ²: θ ← θ − η·λ·θ = (1 − ηλ)·θ."""
    path = [theta]
    for _ in range(steps):
        theta = theta - lr * lam * theta
        path.append(theta)
    return np.array(path)
# --8<-- [end:quadratic]


# --8<-- [start:run_path]
def run_path(optimizer, grad, start, steps):
    """The points (x, y) an optimizer visits from `start`, one row per step (steps + 1 rows)."""
    params = {"x": np.array(start[0]), "y": np.array(start[1])}
    path = [start]
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(steps):
            dx, dy = grad(params["x"], params["y"])
            optimizer.update(params, {"x": dx, "y": dy})
            path.append((float(params["x"]), float(params["y"])))
    return np.array(path)


PATH_SETTINGS = {  # surface: (steps, {optimizer: factory})
    "valley": (60, {
        "SGD": lambda: SGD(lr=0.95), "Momentum": lambda: Momentum(lr=0.1, momentum=0.9),
        "Nesterov": lambda: Nesterov(lr=0.1, momentum=0.9), "AdaGrad": lambda: AdaGrad(lr=1.5),
        "RMSprop": lambda: RMSprop(lr=0.1), "Adam": lambda: Adam(lr=0.3)}),
    "rosenbrock": (1500, {
        "SGD": lambda: SGD(lr=0.001), "Momentum": lambda: Momentum(lr=0.001, momentum=0.9),
        "Nesterov": lambda: Nesterov(lr=0.001, momentum=0.9), "AdaGrad": lambda: AdaGrad(lr=0.5),
        "RMSprop": lambda: RMSprop(lr=0.01), "Adam": lambda: Adam(lr=0.05)}),
    "saddle": (40, {
        "SGD": lambda: SGD(lr=0.05), "Momentum": lambda: Momentum(lr=0.05, momentum=0.9),
        "Nesterov": lambda: Nesterov(lr=0.05, momentum=0.9), "AdaGrad": lambda: AdaGrad(lr=0.5),
        "RMSprop": lambda: RMSprop(lr=0.05), "Adam": lambda: Adam(lr=0.1)}),
    "beale": (500, {
        "SGD": lambda: SGD(lr=0.01), "Momentum": lambda: Momentum(lr=0.001, momentum=0.9),
        "Nesterov": lambda: Nesterov(lr=0.001, momentum=0.9), "AdaGrad": lambda: AdaGrad(lr=0.5),
        "RMSprop": lambda: RMSprop(lr=0.01), "Adam": lambda: Adam(lr=0.05)}),
}


@functools.cache
def surface_paths():
    """{surface: {optimizer: path}} for every surface and optimizer of PATH_SETTINGS."""
    paths = {}
    for surface, (steps, factories) in PATH_SETTINGS.items():
        f, grad, start, minimum = SURFACES[surface]
        paths[surface] = {name: run_path(make(), grad, start, steps)
                          for name, make in factories.items()}
    return paths
# --8<-- [end:run_path]


# --8<-- [start:heavy_ball]
def heavy_ball_rate(kappa, steps=None):
    """Momentum on f = ½(θ₁² + κ·θ₂²) with the optimal η and μ; measured and theoretical rate.

    Optimal (Polyak 1964): η = 4 / (√L + √m)², μ = ((√κ − 1) / (√κ + 1))², with m = 1, L = κ;
    the error then shrinks like ((√κ − 1) / (√κ + 1))ᵗ. Gradient descent with its best η = 2 / (m + L)
    shrinks like ((κ − 1) / (κ + 1))ᵗ. The measured rate is (‖θ_T‖ / ‖θ_{T/2}‖)^(2/T).
    """
    lams = np.array([1.0, kappa])
    theory = (np.sqrt(kappa) - 1) / (np.sqrt(kappa) + 1)
    lr, mu = 4 / (np.sqrt(kappa) + 1) ** 2, theory**2
    if steps is None:  # long enough to shrink the error by about 1e-12, at least 200 steps
        steps = max(200, int(np.log(1e-12) / np.log(theory)))
    optimizer = Momentum(lr=lr, momentum=mu)
    params = {"theta": np.array([1.0, 1.0])}
    norms = [np.linalg.norm(params["theta"])]
    for _ in range(steps):
        optimizer.update(params, {"theta": lams * params["theta"]})
        norms.append(np.linalg.norm(params["theta"]))
    measured = (norms[steps] / norms[steps // 2]) ** (2 / steps)
    gd = (kappa - 1) / (kappa + 1)
    gd_params, gd_optimizer = {"theta": np.array([1.0, 1.0])}, SGD(lr=2 / (1 + kappa))
    for _ in range(steps):
        gd_optimizer.update(gd_params, {"theta": lams * gd_params["theta"]})
    gd_measured = (np.linalg.norm(gd_params["theta"]) / np.sqrt(2)) ** (1 / steps)
    return measured, theory, gd, gd_measured


KAPPAS = [10, 100, 1000, 10000]
# --8<-- [end:heavy_ball]


# --8<-- [start:momentum_limit]
def largest_stable_lr(lam, momentum, lrs=np.linspace(0.5, 3.0, 2501), steps=2000):
    """The largest η of a fine grid for which momentum on f(θ) = ½·λ·θ², started at θ = 1, has not
    grown after `steps` steps. All the learning rates run at once, one array element each."""
    theta, v = np.ones_like(lrs), np.zeros_like(lrs)
    with np.errstate(over="ignore", invalid="ignore"):  # the unstable ones overflow on purpose
        for _ in range(steps):
            v = momentum * v + lam * theta
            theta = theta - lrs * v
    return lrs[np.abs(theta) <= 1.0].max()
# --8<-- [end:momentum_limit]


if __name__ == "__main__":
    np.set_printoptions(precision=4, suppress=True)  # as the page's set-up block

    # --8<-- [start:demo_noise]
    noise = gradient_noise([1, 10, 100, 1000])
    for B, error in noise.items():
        print(f"batch {B:4d}: examples per step {B:4d}, gradient error {error:.3f}")
    # --8<-- [end:demo_noise]

    # --8<-- [start:demo_minibatch]
    X, y = least_squares()
    w_best = np.linalg.lstsq(X, y, rcond=None)[0]
    print(f"smallest possible loss {ls_loss(w_best, X, y):.4f}")
    for B, lr in MINIBATCH_RUNS:
        seen, losses = minibatch_run(B, epochs=20, lr=lr)
        print(f"batch {B:4d}, lr {lr:4}: {len(losses) - 1:5d} steps, loss after "
              f"1 epoch {losses[seen == 1000][0]:.4f}, after 20 {losses[-1]:.4f}")
    # --8<-- [end:demo_minibatch]

    # --8<-- [start:demo_threshold]
    lams = np.array([1 / 10, 2])  # the valley f = x²/20 + y² is ½(λ₁x² + λ₂y²)
    print("divergence threshold 2/λ_max =", 2 / lams.max())
    print("best lr 2/(λ_min + λ_max) =", round(2 / (lams.min() + lams.max()), 4))
    for lr in [0.1, 0.5, 0.95, 1.0, 1.05]:
        x, y = gd_on_quadratic(lr, lams[0], 30, -7.0), gd_on_quadratic(lr, lams[1], 30, 2.0)
        print(f"lr {lr:4}: |1 - lr*λ| = {np.abs(1 - lr * lams)}, f after 30 steps {valley(x[-1], y[-1]):.4g}")
    # --8<-- [end:demo_threshold]

    # --8<-- [start:demo_overshoot]
    for name in ["SGD", "Momentum"]:
        path = surface_paths()["valley"][name]
        print(f"{name:8s} largest x: {path[:, 0].max():.3f} (the minimum is at x = 0), "
              f"x after 20 steps: {path[20, 0]:.3f}")
    # --8<-- [end:demo_overshoot]

    # --8<-- [start:demo_rates]
    print("     κ   momentum  theory  gradient descent")
    for kappa in KAPPAS:
        measured, theory, gd, gd_measured = heavy_ball_rate(kappa)
        print(f"{kappa:6d}   {measured:.4f}   {theory:.4f}  {gd_measured:.4f}")
    # --8<-- [end:demo_rates]

    # --8<-- [start:demo_momentum_limit]
    for mu in (0.0, 0.5, 0.9):
        print(f"mu = {mu}: 2(1 + mu)/lambda = {2 * (1 + mu) / 2.0:.2f},"
              f" largest stable lr measured = {largest_stable_lr(2.0, mu):.2f}")
    # --8<-- [end:demo_momentum_limit]

    # --8<-- [start:demo_book_nesterov]
    for optimizer in [Nesterov(lr=0.1, momentum=0.9), BookNesterov(lr=0.1, momentum=0.9)]:
        params = {"w": np.array(0.0)}
        optimizer.update(params, {"w": np.array(1.0)})  # first step, g = 1
        print(f"{type(optimizer).__name__:12s} first step {params['w']:.3f}")
    # --8<-- [end:demo_book_nesterov]
