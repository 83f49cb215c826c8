"""The optimizers-in-practice page: learning-rate sweeps on the test surfaces, and training an MLP
on scikit-learn's digits with every optimizer."""
import contextlib
import functools

import numpy as np

from snippets.datasets import digits
from snippets.mlp import MLP, train
from snippets.optimizers import (SGD, AdaGrad, Adadelta, Adam, AdamW, Momentum, NAdam, Nesterov,
                                 RMSprop)
from snippets.surfaces import SURFACES


# --8<-- [start:lr_sweep]
SWEEP = {  # optimizer: factory taking the learning rate
    "SGD": SGD, "Momentum": Momentum, "Nesterov": Nesterov, "AdaGrad": AdaGrad,
    "RMSprop": RMSprop, "Adadelta": Adadelta, "Adam": Adam, "AdamW": AdamW, "NAdam": NAdam,
}
LEARNING_RATES = np.logspace(-5, 1, 25)  # 1e-5 … 10, four per decade
SWEEP_STEPS = {"valley": 100, "rosenbrock": 2000}


def lr_sweep(surface, steps, lrs=LEARNING_RATES):
    """Final loss after `steps` steps for each optimizer and learning rate (inf if it diverged).

    All learning rates run at once: the optimizers work element-wise, so x, y and η are arrays
    with one entry per learning rate.
    """
    f, grad, start, minimum = SURFACES[surface]
    final = {}
    with np.errstate(all="ignore"):
        for name, make in SWEEP.items():
            params = {"x": np.full(len(lrs), start[0]), "y": np.full(len(lrs), start[1])}
            optimizer = make(lr=lrs.copy())
            for _ in range(steps):
                dx, dy = grad(params["x"], params["y"])
                optimizer.update(params, {"x": dx, "y": dy})
            loss = f(params["x"], params["y"])
            final[name] = np.where(np.isfinite(loss), loss, np.inf)
    return final


@functools.cache
def sweeps():
    return {surface: lr_sweep(surface, steps) for surface, steps in SWEEP_STEPS.items()}


def good_range(losses, lrs=LEARNING_RATES, tol=1e-3):
    """The smallest and largest learning rate that reach a loss below tol (None if none does)."""
    ok = lrs[losses < tol]
    return (ok.min(), ok.max()) if len(ok) else None
# --8<-- [end:lr_sweep]

# --8<-- [start:digits_runs]
DIGITS_OPTIMIZERS = {  # a usual learning rate for each; AdamW's decay is PyTorch's default
    "SGD": lambda: SGD(lr=0.1),
    "Momentum": lambda: Momentum(lr=0.01, momentum=0.9),
    "Nesterov": lambda: Nesterov(lr=0.01, momentum=0.9),
    "AdaGrad": lambda: AdaGrad(lr=0.05),
    "RMSprop": lambda: RMSprop(lr=0.001),
    "Adadelta": lambda: Adadelta(lr=1.0),
    "Adam": lambda: Adam(lr=0.001),
    "AdamW": lambda: AdamW(lr=0.001, weight_decay=0.01),
    "NAdam": lambda: NAdam(lr=0.002),
}
SEEDS = (0, 1, 2)
EPOCHS = 12


@functools.cache
def digits_runs(epochs=EPOCHS, seeds=SEEDS):
    """{optimizer: (training loss, test accuracy)}, arrays of shape (seeds, epochs).

    Each seed gives a different initialisation and batch order; the data split is the same.
    """
    (X, y), (X_test, y_test) = digits()
    record = {"test_accuracy": lambda model: model.accuracy(X_test, y_test)}
    results = {}
    with one_blas_thread():
        for name, make in DIGITS_OPTIMIZERS.items():
            runs = [train(MLP([64, 64, 10], seed=seed), X, y, make(), epochs, batch_size=64,
                          seed=seed, record=record) for seed in seeds]
            results[name] = (np.array([run["loss"] for run in runs]),
                             np.array([run["test_accuracy"] for run in runs]))
    return results


def one_blas_thread():
    """Matrices this small multiply faster on one BLAS thread (threadpoolctl comes with scikit-learn)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return contextlib.nullcontext()
    return threadpool_limits(1)
# --8<-- [end:digits_runs]


if __name__ == "__main__":
    np.set_printoptions(precision=4, suppress=True)  # as the page's set-up block

    # --8<-- [start:demo_sweep]
    for surface, results in sweeps().items():
        f, grad, start, minimum = SURFACES[surface]
        print(f"{surface}, {SWEEP_STEPS[surface]} steps:  loss < 1e-3 for η in   worse than the start from η =")
        for name, losses in results.items():
            found, worse = good_range(losses), LEARNING_RATES[losses > f(*start)]
            span = "-" if found is None else f"{found[0]:.2g} … {found[1]:.2g}"
            worse_from = f"{worse.min():.2g}" if len(worse) else "-"
            print(f"  {name:9s} {span:>27s}   {worse_from:>8s}")
    # --8<-- [end:demo_sweep]

    # --8<-- [start:demo_digits]
    print("            loss (epoch 12)      test accuracy")
    for name, (losses, accuracies) in digits_runs().items():
        print(f"{name:9s} {losses[:, -1].mean():.3f} ± {losses[:, -1].std():.3f}"
              f"     {accuracies[:, -1].mean():.3f} ± {accuracies[:, -1].std():.3f}")
    # --8<-- [end:demo_digits]
