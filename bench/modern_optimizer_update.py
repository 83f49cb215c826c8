"""How long one update() of snippets/modern_optimizers.py takes, next to torch.optim on the CPU.

Not a test: run it from the repository root and read the table.

    python -m bench.modern_optimizer_update            # float32, 4 matrices of 1024 × 1024
    python -m bench.modern_optimizer_update 2048       # 4 matrices of 2048 × 2048
    python -m bench.modern_optimizer_update 1024 1     # torch on 1 thread

On a machine shared with other work, torch's intra-op threads wait for each other and torch.optim
can look several times slower than it is; compare with 1 thread before reading a ratio.

The parameters are square matrices (Muon takes only 2-D weights) with a fixed gradient; warm-up
steps create the state before timing. Each cell is the median of several steps, NumPy and torch
taking turns in this one run. Lion has no torch.optim counterpart (its NumPy time is shown alone).
The last lines time Muon's Newton–Schulz iteration (5 steps) against one matrix product G·Gᵀ.
"""
import os
import platform
import sys

import numpy as np
import torch

from bench.optimizer_update import median_ms
from snippets import modern_optimizers as mo

try:
    import schedulefree
except ImportError:
    schedulefree = None


def schedule_free(p):
    optimizer = schedulefree.AdamWScheduleFree(p, lr=1e-3)
    optimizer.train()
    return optimizer


PAIRS = {  # name: (NumPy reference, torch counterpart or None)
    "AMSGrad": (lambda: mo.AMSGrad(), lambda p: torch.optim.Adam(p, amsgrad=True)),
    "RAdam": (lambda: mo.RAdam(), lambda p: torch.optim.RAdam(p)),
    "Adafactor": (lambda: mo.Adafactor(), lambda p: torch.optim.Adafactor(p)),
    "Lion": (lambda: mo.Lion(), None),
    "Muon": (lambda: mo.Muon(), lambda p: torch.optim.Muon(p)),
    "ScheduleFree": (lambda: mo.ScheduleFreeAdamW(), schedule_free if schedulefree else None),
}


def bench(name, size, count, repeats):
    rng = np.random.default_rng(0)
    ws = [rng.standard_normal((size, size)).astype(np.float32) for _ in range(count)]
    gs = [rng.standard_normal((size, size)).astype(np.float32) for _ in range(count)]
    make_ours, make_torch = PAIRS[name]
    params = {f"W{i}": w.copy() for i, w in enumerate(ws)}
    grads = {f"W{i}": g for i, g in enumerate(gs)}
    ours = make_ours()
    steps = [lambda: ours.update(params, grads)]
    if make_torch is not None:
        tensors = [torch.tensor(w, requires_grad=True) for w in ws]
        for t, g in zip(tensors, gs):
            t.grad = torch.from_numpy(g)
        steps.append(make_torch(tensors).step)
    ms = median_ms(steps, repeats)
    return ms[0], (ms[1] if len(ms) > 1 else None)


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1024
    if len(sys.argv) > 2:
        torch.set_num_threads(int(sys.argv[2]))
    count, repeats = 4, 7
    n = count * size * size
    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs; numpy {np.__version__}, "
          f"torch {torch.__version__} ({torch.get_num_threads()} threads); float32, "
          f"{count} matrices {size}×{size} = {n:,} parameters")
    print(f"{'optimizer':12s} {'numpy ms':>9s} {'torch ms':>9s} {'numpy/torch':>11s} {'numpy ns/param':>14s}")
    for name in PAIRS:
        numpy_ms, torch_ms = bench(name, size, count, repeats)
        torch_cell = f"{torch_ms:9.1f} {numpy_ms / torch_ms:11.2f}" if torch_ms else f"{'-':>9s} {'-':>11s}"
        print(f"{name:12s} {numpy_ms:9.1f} {torch_cell} {1e6 * numpy_ms / n:14.2f}")
    G = np.random.default_rng(1).standard_normal((size, size)).astype(np.float32)
    Gt = torch.from_numpy(G)
    ns_torch = torch.optim._muon._zeropower_via_newtonschulz
    ms = median_ms([lambda: G @ G.T, lambda: mo.newton_schulz(G),
                    lambda: Gt @ Gt.T, lambda: ns_torch(Gt, mo.MUON_COEFFICIENTS, 5, 1e-7)], repeats)
    print(f"one product G·Gᵀ: numpy {ms[0]:.1f} ms, torch float32 {ms[2]:.1f} ms")
    print(f"Newton–Schulz, 5 steps: numpy float32 {ms[1]:.1f} ms ({ms[1] / ms[0]:.1f} products), "
          f"torch bfloat16 {ms[3]:.1f} ms ({ms[3] / ms[2]:.1f} float32 products)")


if __name__ == "__main__":
    main()
