"""The modern-optimizers page: the experiments behind its printed numbers and figures.

Reddi et al.'s counterexample for Adam, RAdam's rectification, Newton–Schulz against the SVD,
Adafactor's memory, the size of Lion's steps, Schedule-Free's x and y, a matrix problem, 2-D
surfaces, and a digits MLP with every optimizer at its best learning rate.
"""
import functools

import numpy as np

from snippets.datasets import digits
from snippets.mlp import MLP, train
from snippets.modern_optimizers import (AMSGrad, Adafactor, Lion, Muon, MuonAdamW, RAdam,
                                        ScheduleFreeAdamW, newton_schulz, radam_rectification,
                                        state_size)
from snippets.optimizer_experiments import run_path
from snippets.optimizers import Adam, AdamW, Momentum
from snippets.practice_experiments import one_blas_thread
from snippets.surfaces import SURFACES


# --8<-- [start:counterexample]
def counterexample(optimizer, steps=20200):
    """Reddi et al. (2018): f_t(x) = 1010·x once every 101 steps, −10·x otherwise, x in [−1, 1].

    Over 101 steps the sum is 1010x − 1000x = 10x, so the best x is −1. Returns x after each step.
    """
    params, xs = {"x": np.array(0.0)}, []
    for t in range(1, steps + 1):
        g = 1010.0 if t % 101 == 1 else -10.0
        optimizer.update(params, {"x": np.array(g)})
        np.clip(params["x"], -1, 1, out=params["x"])  # projection back onto [−1, 1]
        xs.append(float(params["x"]))
    return np.array(xs)
# --8<-- [end:counterexample]


# --8<-- [start:adam_step_sizes]
def adam_step_after_rare_gradient(beta2=0.999, big=1010.0, small=-10.0):
    """Adam's step per unit learning rate, √v for the rare large gradient, 100 steps later."""
    v = 0.0
    for t in range(1, 102):
        g = big if t == 1 else small
        v = beta2 * v + (1 - beta2) * g**2
        if t in (1, 101):
            print(f"t = {t:3d}  g = {g:7.1f}  √v = {np.sqrt(v):6.2f}  g/√v = {g / np.sqrt(v):6.2f}")
# --8<-- [end:adam_step_sizes]


# --8<-- [start:newton_schulz_error]
def newton_schulz_error(G, steps, coefficients):
    """Singular values of NS_k(G) for k = 0…steps, and max |NS_k(G) − U·Vᵀ| at the end."""
    U, _, Vt = np.linalg.svd(G, full_matrices=False)
    singular = [np.linalg.svd(G / np.linalg.norm(G), compute_uv=False)]
    for k in range(1, steps + 1):
        singular.append(np.linalg.svd(newton_schulz(G, k, coefficients), compute_uv=False))
    return np.array(singular), np.max(np.abs(newton_schulz(G, steps, coefficients) - U @ Vt))
# --8<-- [end:newton_schulz_error]


# --8<-- [start:lion_rms]
def update_rms(optimizer, steps=200, shape=(100, 100), seed=0):
    """RMS of the last update per unit learning rate, for noisy gradients g = 0.1 + noise."""
    rng = np.random.default_rng(seed)
    params = {"w": np.zeros(shape)}
    for _ in range(steps):
        before = params["w"].copy()
        optimizer.update(params, {"w": 0.1 + rng.standard_normal(shape)})
    return np.sqrt(np.mean((params["w"] - before) ** 2)) / optimizer.lr
# --8<-- [end:lion_rms]


# --8<-- [start:matrix_problem]
def matrix_problem(n=256, d=32, k=16, seed=0):
    """Least squares in a matrix, L(W) = ½·mean over rows of ‖A·W − B‖², with W of shape (d, k).

    The columns of A have scales from 1 down to 0.01, so the loss is 10⁴ times steeper in some
    directions of W than in others.
    """
    rng = np.random.default_rng(seed)
    A = rng.standard_normal((n, d)) * np.logspace(0, -2, d)
    B = A @ rng.standard_normal((d, k)) + 0.01 * rng.standard_normal((n, k))
    return A, B


def matrix_run(optimizer, steps=300):
    A, B = matrix_problem()
    params, losses = {"W": np.zeros((A.shape[1], B.shape[1]))}, []
    for _ in range(steps):
        residual = A @ params["W"] - B
        losses.append(0.5 * np.mean(np.sum(residual**2, axis=1)))
        optimizer.update(params, {"W": A.T @ residual / len(A)})
    return np.array(losses)


MATRIX_OPTIMIZERS = {  # name: (factory of lr, learning rates tried)
    "Momentum": (lambda lr: Momentum(lr=lr, momentum=0.9), [0.1, 0.3, 1.0, 3.0]),
    "Adam": (lambda lr: Adam(lr=lr), [0.003, 0.01, 0.03, 0.1]),
    "Adafactor": (lambda lr: Adafactor(lr=lr), [0.03, 0.1, 0.3, 1.0]),
    "Lion": (lambda lr: Lion(lr=lr), [0.0003, 0.001, 0.003, 0.01]),
    "Muon": (lambda lr: Muon(lr=lr, weight_decay=0.0), [0.01, 0.03, 0.1, 0.3]),
}


@functools.cache
def matrix_runs():
    """{optimizer: (best lr, losses)}: the lr with the lowest mean loss over the last 50 steps."""
    best = {}
    for name, (make, lrs) in MATRIX_OPTIMIZERS.items():
        with np.errstate(all="ignore"):
            runs = {lr: matrix_run(make(lr)) for lr in lrs}
        score = {lr: np.nan_to_num(losses[-50:].mean(), nan=np.inf) for lr, losses in runs.items()}
        lr = min(score, key=score.get)
        best[name] = (lr, runs[lr])
    return best
# --8<-- [end:matrix_problem]


# --8<-- [start:paths]
MODERN_PATHS = {  # surface: (steps, {optimizer: factory})
    "valley": (60, {
        "Adam": lambda: Adam(lr=0.3), "AMSGrad": lambda: AMSGrad(lr=0.3),
        "RAdam": lambda: RAdam(lr=0.3), "Lion": lambda: Lion(lr=0.1),
        "Schedule-Free": lambda: ScheduleFreeAdamW(lr=0.3)}),
    "rosenbrock": (1500, {
        "Adam": lambda: Adam(lr=0.05), "AMSGrad": lambda: AMSGrad(lr=0.05),
        "RAdam": lambda: RAdam(lr=0.05), "Lion": lambda: Lion(lr=0.005),
        "Schedule-Free": lambda: ScheduleFreeAdamW(lr=0.05)}),
}


@functools.cache
def modern_paths():
    """{surface: {optimizer: path}}; for Schedule-Free the path of x, the average."""
    paths = {}
    for surface, (steps, factories) in MODERN_PATHS.items():
        f, grad, start, minimum = SURFACES[surface]
        paths[surface] = {name: run_path(make(), grad, start, steps)
                          for name, make in factories.items() if name != "Schedule-Free"}
        paths[surface]["Schedule-Free"] = schedule_free_path(factories["Schedule-Free"](), grad,
                                                             start, steps)
    return paths


def schedule_free_path(optimizer, grad, start, steps):
    """The points x that Schedule-Free would be evaluated at, one per step."""
    params = {"x": np.array(start[0]), "y": np.array(start[1])}
    path = [start]
    for _ in range(steps):
        dx, dy = grad(params["x"], params["y"])
        optimizer.update(params, {"x": dx, "y": dy})
        optimizer.eval(params)
        path.append((float(params["x"]), float(params["y"])))
        optimizer.train(params)
    return np.array(path)
# --8<-- [end:paths]


# --8<-- [start:schedule_free_noise]
def noisy_quadratic_run(optimizer, steps=400, noise=1.0, seed=0, evaluate_x=False):
    """f(θ) = ½·Σ λᵢθᵢ² with gradient noise; the loss at each step (at x if evaluate_x)."""
    rng = np.random.default_rng(seed)
    lams = np.logspace(0, -1, 20)
    params, losses = {"w": np.ones(20)}, []
    for _ in range(steps):
        g = lams * params["w"] + noise * np.sqrt(lams) * rng.standard_normal(20)
        optimizer.update(params, {"w": g})
        if evaluate_x:
            optimizer.eval(params)
        losses.append(0.5 * np.sum(lams * params["w"] ** 2))
        if evaluate_x:
            optimizer.train(params)
    return np.array(losses)
# --8<-- [end:schedule_free_noise]


# --8<-- [start:digits]
DIGITS_SIZES = [64, 64, 64, 10]  # W2 is the one hidden-to-hidden matrix
DIGITS_MODERN = {  # name: (factory of lr, learning rates of the sweep)
    "Adam": (lambda lr: Adam(lr=lr), [1e-2, 3e-2, 1e-1]),
    "AdamW": (lambda lr: AdamW(lr=lr, weight_decay=0.01), [3e-3, 1e-2, 3e-2]),
    "AMSGrad": (lambda lr: AMSGrad(lr=lr), [3e-3, 1e-2, 3e-2]),
    "RAdam": (lambda lr: RAdam(lr=lr), [1e-2, 3e-2, 1e-1]),
    "Adafactor": (lambda lr: Adafactor(lr=lr), [3e-3, 1e-2, 3e-2]),
    "Lion": (lambda lr: Lion(lr=lr, weight_decay=0.1), [1e-3, 3e-3, 1e-2]),
    "Muon": (lambda lr: MuonAdamW(["W1", "W2"], Muon(lr=lr, weight_decay=0.1),
                                  AdamW(lr=lr, weight_decay=0.01)), [1e-2, 3e-2, 1e-1]),
    "Schedule-Free": (lambda lr: ScheduleFreeAdamW(lr=lr), [1e-2, 3e-2, 1e-1]),
}
DIGITS_SEEDS = (0, 1, 2)
DIGITS_EPOCHS = 5


def digits_run(optimizer, epochs, seed, batch_size=64):
    """Train a DIGITS_SIZES MLP; the final training loss and test accuracy (at x for Schedule-Free)."""
    (X, y), (X_test, y_test) = digits()
    model = MLP(DIGITS_SIZES, seed=seed)
    train(model, X, y, optimizer, epochs, batch_size, seed)
    if isinstance(optimizer, ScheduleFreeAdamW):
        optimizer.eval(model.params)
    per_parameter = sum(state_size(optimizer).values()) / sum(p.size for p in model.params.values())
    return model.loss(X, y), model.accuracy(X_test, y_test), per_parameter


@functools.cache
def digits_sweep(epochs=DIGITS_EPOCHS, seeds=DIGITS_SEEDS):
    """{optimizer: {lr: array of (loss, accuracy, state per parameter) per seed}}."""
    results = {}
    with one_blas_thread(), np.errstate(all="ignore"):
        for name, (make, lrs) in DIGITS_MODERN.items():
            results[name] = {lr: np.array([digits_run(make(lr), epochs, seed) for seed in seeds])
                             for lr in lrs}
    return results


def best_learning_rate(runs):
    """The learning rate with the lowest mean final training loss over the seeds."""
    return min(runs, key=lambda lr: np.nan_to_num(runs[lr][:, 0].mean(), nan=np.inf))
# --8<-- [end:digits]


if __name__ == "__main__":
    np.set_printoptions(precision=3, suppress=True)  # as the page's set-up block

    # --8<-- [start:demo_counterexample]
    for optimizer in [Adam(lr=0.05), AMSGrad(lr=0.05)]:
        xs = counterexample(optimizer)
        print(f"{type(optimizer).__name__:8s} x after 101, 2020, 20200 steps: "
              f"{xs[100]:6.3f} {xs[2019]:6.3f} {xs[-1]:6.3f}")
    # --8<-- [end:demo_counterexample]

    # --8<-- [start:demo_adam_steps]
    adam_step_after_rare_gradient()
    # --8<-- [end:demo_adam_steps]

    # --8<-- [start:demo_radam]
    print("   t    ρ_t    r_t")
    for t in [1, 2, 5, 6, 10, 100, 1000, 10000]:
        rho, r = radam_rectification(t)
        print(f"{t:5d} {rho:6.1f}  " + ("momentum step" if r is None else f"{r:.3f}"))
    # --8<-- [end:demo_radam]

    # --8<-- [start:demo_adafactor_memory]
    for rows, cols in [(64, 64), (1024, 4096), (8192, 8192)]:
        params = {"W": np.zeros((rows, cols), dtype=np.float32)}
        grads = {"W": np.ones((rows, cols), dtype=np.float32)}
        sizes = {}
        for optimizer in [Adam(), Adafactor()]:
            optimizer.update(params, grads)
            sizes[type(optimizer).__name__] = state_size(optimizer)["W"]
        print(f"{rows:5d} × {cols:<5d} Adam {sizes['Adam']:>11,d}  Adafactor {sizes['Adafactor']:>6,d}"
              f"  ratio {sizes['Adam'] / sizes['Adafactor']:6.0f}")
    # --8<-- [end:demo_adafactor_memory]

    # --8<-- [start:demo_newton_schulz]
    G = np.random.default_rng(0).standard_normal((64, 32))
    for name, coefficients, steps in [("classic (1.5, -0.5, 0)", (1.5, -0.5, 0.0), 5),
                                      ("classic (1.5, -0.5, 0)", (1.5, -0.5, 0.0), 30),
                                      ("Muon's quintic", (3.4445, -4.7750, 2.0315), 5)]:
        singular, error = newton_schulz_error(G, steps, coefficients)
        # below 1e-14 the error is float64 rounding, whose last digits differ from CPU to CPU
        shown = f"= {error:.1e}" if error > 1e-14 else "< 1e-14"
        print(f"{name:23s} {steps:2d} steps: singular values {singular[-1].min():.3f} … "
              f"{singular[-1].max():.3f}, max |NS − UVᵀ| {shown}")
    # --8<-- [end:demo_newton_schulz]

    # --8<-- [start:demo_lion]
    for optimizer in [Adam(lr=1e-3), Lion(lr=1e-3)]:
        print(f"{type(optimizer).__name__:5s} RMS of one update / lr = {update_rms(optimizer):.3f}")
    # --8<-- [end:demo_lion]

    # --8<-- [start:demo_schedule_free]
    runs = {
        "Adam, constant lr": noisy_quadratic_run(Adam(lr=0.05)),
        "Schedule-Free, at y": noisy_quadratic_run(ScheduleFreeAdamW(lr=0.05)),
        "Schedule-Free, at x": noisy_quadratic_run(ScheduleFreeAdamW(lr=0.05), evaluate_x=True),
    }
    for name, losses in runs.items():
        print(f"{name:20s} mean loss over the last 100 steps: {losses[-100:].mean():.4f}")
    # --8<-- [end:demo_schedule_free]

    # --8<-- [start:demo_matrix]
    for name, (lr, losses) in matrix_runs().items():
        # after about 110 steps Muon's oscillation is chaotic: its loss there differs from CPU to CPU
        print(f"{name:9s} best lr {lr:<6g} loss after 50, 100 steps: {losses[49]:.4f} {losses[99]:.4f}")
    # --8<-- [end:demo_matrix]

    # --8<-- [start:demo_digits]
    print("               best lr   training loss    test accuracy   state / parameter")
    for name, runs in digits_sweep().items():
        lr = best_learning_rate(runs)
        loss, accuracy, state = runs[lr].T
        print(f"{name:13s} {lr:8g}   {loss.mean():.3f} ± {loss.std():.3f}   "
              f"{accuracy.mean():.3f} ± {accuracy.std():.3f}   {state[0]:.2f}")
    # --8<-- [end:demo_digits]
