"""Learning-rate schedules: the learning rate for step t = 0, 1, 2, … from the base rate `lr`.

Use one by setting the optimizer's `lr` before each update: `optimizer.lr = cosine(t, 0.1, 100)`.
They also take an array of steps, to plot a whole schedule at once.
"""
# --8<-- [start:imports]
import numpy as np

from snippets.optimizers import Momentum
from snippets.surfaces import valley, valley_grad
# --8<-- [end:imports]


# --8<-- [start:step_decay]
def step_decay(t, lr, step_size, gamma=0.1):
    """η·γ^⌊t / step_size⌋: PyTorch `StepLR`, Keras `ExponentialDecay(staircase=True)`."""
    return lr * gamma ** (t // step_size)
# --8<-- [end:step_decay]


# --8<-- [start:cosine]
def cosine(t, lr, total_steps, lr_min=0.0):
    """η_min + ½(η − η_min)(1 + cos(πt/T)) until t = T, then η_min: PyTorch `CosineAnnealingLR`."""
    t = np.minimum(t, total_steps)  # PyTorch's would rise again after T, Keras's `CosineDecay` not
    return lr_min + 0.5 * (lr - lr_min) * (1 + np.cos(np.pi * t / total_steps))
# --8<-- [end:cosine]


# --8<-- [start:linear_warmup]
def linear_warmup(t, lr, warmup_steps, start_factor=0.0):
    """A straight line from start_factor·η to η over warmup_steps, then η: PyTorch `LinearLR`."""
    fraction = np.minimum(t, warmup_steps) / warmup_steps
    return lr * (start_factor + (1 - start_factor) * fraction)
# --8<-- [end:linear_warmup]


if __name__ == "__main__":
    # --8<-- [start:demo]
    for t in [0, 5, 10, 25, 50, 75, 100]:
        print(f"t = {t:3d}  step {step_decay(t, 0.1, 25, 0.5):.4f}  "
              f"cosine {cosine(t, 0.1, 100):.4f}  warm-up {linear_warmup(t, 0.1, 10):.4f}")

    # warm up for 5 steps, then cosine decay over the remaining 45
    optimizer = Momentum(momentum=0.9)
    params = {"x": np.array(-7.0), "y": np.array(2.0)}
    for t in range(50):
        optimizer.lr = linear_warmup(t, 0.1, 5) if t < 5 else cosine(t - 5, 0.1, 45)
        dx, dy = valley_grad(params["x"], params["y"])
        optimizer.update(params, {"x": dx, "y": dy})
    print(f"after 50 steps: f = {valley(params['x'], params['y']):.6f}")
    # --8<-- [end:demo]
