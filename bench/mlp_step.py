"""Time one training step (forward + backward + SGD update) of the NumPy MLP 64-128-10 on digits,
batch 128, against the same network in PyTorch on the CPU (float32 and float64), in one run.

    python -m bench.mlp_step            # from the repository root
    python -m bench.mlp_step --steps 500 --repeats 9

All three start from the same weights and see the same batches. Each repeat times `steps` steps
of every implementation in turn (interleaved, so a slow moment of the machine hits all of them);
the table shows the median over repeats.
"""
import argparse
import os
import platform
import time

import numpy as np
import torch

from snippets.datasets import digits
from snippets.mlp import MLP
from snippets.optimizers import SGD

SIZES, BATCH, LR = [64, 128, 10], 128, 0.1


def full_batches(X, y, seed=0):
    order = np.random.default_rng(seed).permutation(len(y))
    return [(X[idx], y[idx]) for idx in np.split(order[:len(y) // BATCH * BATCH], len(y) // BATCH)]


class NumpyRunner:
    name = "NumPy float64 (snippets.mlp)"

    def __init__(self, batches):
        self.model, self.optimizer, self.batches = MLP(SIZES, seed=0), SGD(lr=LR), batches

    def step(self, i):
        X, y = self.batches[i % len(self.batches)]
        loss = self.model.loss(X, y)
        self.optimizer.update(self.model.params, self.model.backward())
        return loss


class TorchRunner:
    def __init__(self, batches, dtype):
        self.name = f"PyTorch {str(dtype).removeprefix('torch.')} (nn + optim.SGD)"
        params = MLP(SIZES, seed=0).params  # the same initial weights as NumpyRunner
        self.net = torch.nn.Sequential(torch.nn.Linear(64, 128), torch.nn.ReLU(),
                                       torch.nn.Linear(128, 10)).to(dtype)
        with torch.no_grad():
            for linear, i in [(self.net[0], 1), (self.net[2], 2)]:
                linear.weight.copy_(torch.from_numpy(params[f"W{i}"].T))  # Linear keeps W as (out, in)
                linear.bias.copy_(torch.from_numpy(params[f"b{i}"]))
        self.optimizer = torch.optim.SGD(self.net.parameters(), lr=LR)
        self.batches = [(torch.from_numpy(X).to(dtype), torch.from_numpy(y)) for X, y in batches]

    def step(self, i):
        X, y = self.batches[i % len(self.batches)]
        self.optimizer.zero_grad()
        loss = torch.nn.functional.cross_entropy(self.net(X), y)
        loss.backward()
        self.optimizer.step()
        return loss.item()


def ms_per_step(runner, steps, start):
    t0 = time.perf_counter()
    for i in range(start, start + steps):
        runner.step(i)
    return 1000 * (time.perf_counter() - t0) / steps


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=300, help="steps per timed repeat")
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()

    (X, y), _ = digits(seed=0)
    batches = full_batches(X, y)
    runners = [NumpyRunner(batches), TorchRunner(batches, torch.float32),
               TorchRunner(batches, torch.float64)]

    first = [r.step(0) for r in runners]  # also the warm-up below
    print("first-step loss: " + ", ".join(f"{r.name.split(' (')[0]} {loss:.12f}"
                                           for r, loss in zip(runners, first)))
    for r in runners:
        ms_per_step(r, 50, 1)

    times = {r.name: [] for r in runners}
    for rep in range(args.repeats):
        for r in runners:
            times[r.name].append(ms_per_step(r, args.steps, 51 + rep * args.steps))

    print(f"Python {platform.python_version()}, numpy {np.__version__}, torch {torch.__version__}, "
          f"{os.cpu_count()} CPUs, torch threads {torch.get_num_threads()}, "
          f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}")
    print(f"MLP {'-'.join(map(str, SIZES))}, batch {BATCH}, {args.repeats} repeats × {args.steps} "
          f"steps, median ms/step\n")
    numpy_ms = np.median(times[runners[0].name])
    print(f"| {'implementation':34s} | ms/step | NumPy time ÷ this |")
    print(f"|{'-' * 36}|--------:|------------------:|")
    for r in runners:
        ms = np.median(times[r.name])
        print(f"| {r.name:34s} | {ms:7.3f} | {numpy_ms / ms:17.2f} |")
    slowest_ratio = max(numpy_ms / np.median(times[r.name]) for r in runners[1:])
    verdict = "met" if slowest_ratio <= 2 else "NOT met"
    print(f"\nNumPy takes {slowest_ratio:.2f}× the time of the fastest PyTorch run "
          f"(target ≤ 2×: {verdict})")


if __name__ == "__main__":
    main()
