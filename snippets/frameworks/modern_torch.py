"""PyTorch (and schedulefree) next to snippets/modern_optimizers.py (run: python -m snippets.frameworks.modern_torch).

Each section trains the same small tanh network for 100 steps with a torch optimizer and with the
NumPy class, from the same start, and prints how far apart their parameters end up.
"""
# --8<-- [start:setup]
import numpy as np
import torch

from snippets import modern_optimizers as mo

rng = np.random.default_rng(0)
X, Y = rng.standard_normal((16, 4)), rng.standard_normal((16, 3))
START = {"W1": 0.5 * rng.standard_normal((4, 5)), "b1": 0.1 * rng.standard_normal(5),
         "W2": 0.5 * rng.standard_normal((5, 3))}


def gradient(p):
    """Gradient of ½·mean ‖tanh(X·W1 + b1)·W2 − Y‖², by hand."""
    h = np.tanh(X @ p["W1"] + p["b1"])
    r = (h @ p["W2"] - Y) / len(X)
    dz = (r @ p["W2"].T) * (1 - h**2)
    return {"W1": X.T @ dz, "b1": dz.sum(axis=0), "W2": h.T @ r}


def compare_torch(numpy_optimizer, make_torch, keys=("W1", "b1", "W2"), steps=100):
    ours = {k: START[k].copy() for k in keys}
    theirs = {k: torch.tensor(START[k], requires_grad=True) for k in keys}
    optimizer = make_torch(list(theirs.values()))
    for _ in range(steps):
        numpy_optimizer.update(ours, {k: g for k, g in gradient({**START, **ours}).items() if k in keys})
        grads = gradient({**START, **{k: t.detach().numpy() for k, t in theirs.items()}})
        for k, t in theirs.items():
            t.grad = torch.from_numpy(grads[k])
        optimizer.step()
    diff = max(np.abs(ours[k] - theirs[k].detach().numpy()).max() for k in keys)
    print(f"max |θ_numpy − θ_torch| after {steps} steps: "
          + ("below 1e-10" if diff < 1e-10 else "below 1e-6" if diff < 1e-6
             else f"about {10 ** np.round(np.log10(diff)):g}"))
    return optimizer
# --8<-- [end:setup]


# --8<-- [start:amsgrad]
compare_torch(mo.AMSGrad(lr=0.01), lambda p: torch.optim.Adam(p, lr=0.01, amsgrad=True))
# --8<-- [end:amsgrad]

# --8<-- [start:radam]
compare_torch(mo.RAdam(lr=0.01), lambda p: torch.optim.RAdam(p, lr=0.01))
# --8<-- [end:radam]

# --8<-- [start:adafactor]
compare_torch(mo.Adafactor(), lambda p: torch.optim.Adafactor(p))  # lr = 0.01; from 0.03 the run is chaotic
# --8<-- [end:adafactor]

# --8<-- [start:muon]
matrices = ("W1", "W2")  # torch.optim.Muon refuses anything that is not 2-D
compare_torch(mo.Muon(lr=0.02), lambda p: torch.optim.Muon(p, lr=0.02), matrices)  # NS in bfloat16
# --8<-- [end:muon]

# --8<-- [start:schedule_free]
import schedulefree  # noqa: E402  (pip install schedulefree)


def make_schedule_free(p):
    optimizer = schedulefree.AdamWScheduleFree(p, lr=0.01, warmup_steps=10)
    optimizer.train()  # p holds y; step() refuses to run in eval mode
    return optimizer


optimizer = compare_torch(mo.ScheduleFreeAdamW(lr=0.01, warmup_steps=10), make_schedule_free)
optimizer.eval()  # p now holds x: evaluate and save the model here, then optimizer.train()
# --8<-- [end:schedule_free]
