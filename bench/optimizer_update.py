"""How long one update() of the NumPy optimizers takes, next to torch.optim on the CPU.

Not a test: run it from the repository root and read the table.

    python -m bench.optimizer_update            # float32, 10^6 and 10^7 parameters
    python -m bench.optimizer_update float64

One parameter vector of n elements and a fixed gradient; the state is created by warm-up steps
before timing. torch.optim on the CPU runs its plain per-tensor loop by default; where an optimizer
offers `fused=True` (one kernel that updates parameter and state in one pass), that is timed too.
Each cell is the median of several timed steps, NumPy and torch taking turns, all measured in this
one run.
"""
import os
import platform
import sys
import time

import numpy as np
import torch

from snippets import optimizers as opt

PAIRS = {  # name: (NumPy reference, torch.optim), the same rule and hyperparameters
    "SGD": (lambda: opt.SGD(lr=1e-3), lambda p, **kw: torch.optim.SGD(p, lr=1e-3, **kw)),
    "Momentum": (lambda: opt.Momentum(lr=1e-3, momentum=0.9),
                 lambda p, **kw: torch.optim.SGD(p, lr=1e-3, momentum=0.9, **kw)),
    "Nesterov": (lambda: opt.Nesterov(lr=1e-3, momentum=0.9),
                 lambda p, **kw: torch.optim.SGD(p, lr=1e-3, momentum=0.9, nesterov=True,
                                                  **kw)),
    "AdaGrad": (lambda: opt.AdaGrad(), lambda p, **kw: torch.optim.Adagrad(p, **kw)),
    "RMSprop": (lambda: opt.RMSprop(), lambda p, **kw: torch.optim.RMSprop(p, **kw)),
    "Adadelta": (lambda: opt.Adadelta(), lambda p, **kw: torch.optim.Adadelta(p, **kw)),
    "Adam": (lambda: opt.Adam(), lambda p, **kw: torch.optim.Adam(p, **kw)),
    "AdamW": (lambda: opt.AdamW(), lambda p, **kw: torch.optim.AdamW(p, **kw)),
    "NAdam": (lambda: opt.NAdam(), lambda p, **kw: torch.optim.NAdam(p, **kw)),
}


def median_ms(steps, repeats, warmup=2):
    """Median time of each of `steps`, in ms; they take turns, so both see the same machine load."""
    for _ in range(warmup):
        for step in steps:
            step()
    times = np.zeros((repeats, len(steps)))
    for i in range(repeats):
        for j, step in enumerate(steps):
            start = time.perf_counter()
            step()
            times[i, j] = time.perf_counter() - start
    return 1e3 * np.median(times, axis=0)


def bench(name, n, dtype, repeats):
    """ms per step: NumPy reference, torch.optim, torch.optim with fused=True (None if absent)."""
    rng = np.random.default_rng(0)
    w, g = rng.standard_normal(n).astype(dtype), rng.standard_normal(n).astype(dtype)
    make_ours, make_torch = PAIRS[name]
    params, grads, ours = {"w": w.copy()}, {"w": g}, make_ours()
    timed = {"numpy": lambda: ours.update(params, grads)}
    for label, options in [("torch", {}), ("fused", {"fused": True})]:
        p = torch.tensor(w, requires_grad=True)
        p.grad = torch.from_numpy(g)
        try:
            timed[label] = make_torch([p], **options).step
        except TypeError:  # no fused implementation for this optimizer
            pass
    ms = dict(zip(timed, median_ms(list(timed.values()), repeats)))
    return ms["numpy"], ms["torch"], ms.get("fused")


def main():
    dtype = np.dtype(sys.argv[1] if len(sys.argv) > 1 else "float32")
    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs; "
          f"numpy {np.__version__}, torch {torch.__version__} ({torch.get_num_threads()} threads); "
          f"{dtype}")
    header = (f"{'optimizer':10s} {'n':>5s} {'numpy ms':>9s} {'torch ms':>9s} "
              f"{'numpy/torch':>11s} {'fused ms':>9s} {'numpy/fused':>11s} {'numpy ns/param':>14s}")
    print(header)
    print("-" * len(header))
    for n, repeats in [(10**6, 50), (10**7, 15)]:
        for name in PAIRS:
            numpy_ms, torch_ms, fused_ms = bench(name, n, dtype, repeats)
            fused = f"{'-':>9s} {'-':>11s}"
            if fused_ms is not None:
                fused = f"{fused_ms:9.2f} {numpy_ms / fused_ms:11.1f}"
            print(f"{name:10s} {f'1e{len(str(n)) - 1}':>5s} {numpy_ms:9.2f} {torch_ms:9.2f} "
                  f"{numpy_ms / torch_ms:11.1f} {fused} {1e6 * numpy_ms / n:14.2f}")


if __name__ == "__main__":
    main()
