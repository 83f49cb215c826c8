"""Backward vs forward time of the NumPy MLP: `.venv/bin/python -m bench.backward_cost`.

The backprop page says backward costs about two forwards (it counts the matrix products); this
measures the ratio on this machine. A number for notes, not a test: timings vary by machine.
"""
import time

import numpy as np

from snippets.mlp import MLP


def best_time(f, repeats=20):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    model = MLP([256, 512, 512, 10], seed=0)
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((512, 256)), rng.integers(0, 10, 512)
    forward = best_time(lambda: model.loss(X, y))
    backward = best_time(model.backward)
    print(f"MLP 256-512-512-10, batch 512: forward {forward * 1e3:.2f} ms, backward {backward * 1e3:.2f} ms, "
          f"ratio {backward / forward:.2f}")


if __name__ == "__main__":
    main()
