"""Keras 3 next to snippets/modern_optimizers.py (run: python -m snippets.frameworks.modern_keras).

Each section trains the same small tanh network for 100 steps with a Keras optimizer and with a
NumPy class, from the same start, and prints how far apart their parameters end up.
"""
# --8<-- [start:setup]
import os

os.environ.setdefault("KERAS_BACKEND", "torch")  # before importing keras

import keras
import numpy as np

from snippets import modern_optimizers as mo
from snippets import modern_framework_rules as rules

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


def compare_keras(numpy_optimizer, optimizer, keys=("W1", "b1", "W2"), steps=100):
    ours = {k: START[k].copy() for k in keys}
    theirs = {k: keras.Variable(START[k], dtype="float64", name=k) for k in keys}
    for _ in range(steps):
        numpy_optimizer.update(ours, {k: g for k, g in gradient({**START, **ours}).items() if k in keys})
        values = {k: keras.ops.convert_to_numpy(v.value) for k, v in theirs.items()}
        grads = gradient({**START, **values})
        optimizer.apply_gradients([(keras.ops.convert_to_tensor(grads[k], dtype="float64"), v)
                                   for k, v in theirs.items()])
    diff = max(np.abs(ours[k] - keras.ops.convert_to_numpy(theirs[k].value)).max() for k in keys)
    print(f"max |θ_numpy − θ_keras| after {steps} steps: "
          + ("below 1e-10" if diff < 1e-10 else "below 1e-6" if diff < 1e-6
             else f"about {10 ** np.round(np.log10(diff)):g}"))
# --8<-- [end:setup]


# --8<-- [start:amsgrad]
lr = 0.015625  # Keras keeps the learning rate in float32: this one is exact
compare_keras(rules.KerasAMSGrad(lr=lr, eps=1e-7), keras.optimizers.Adam(learning_rate=lr, amsgrad=True))
compare_keras(mo.AMSGrad(lr=lr, eps=1e-7), keras.optimizers.Adam(learning_rate=lr, amsgrad=True))
# --8<-- [end:amsgrad]

# --8<-- [start:adafactor]
compare_keras(rules.KerasAdafactor(lr=lr, weight_decay=0.5),
        keras.optimizers.Adafactor(learning_rate=lr, weight_decay=0.5))  # means in float32
compare_keras(mo.Adafactor(lr=lr, weight_decay=0.5),
        keras.optimizers.Adafactor(learning_rate=lr, weight_decay=0.5))  # PyTorch's rule
# --8<-- [end:adafactor]

# --8<-- [start:lion]
compare_keras(mo.Lion(lr=0.0078125, weight_decay=0.5),
        keras.optimizers.Lion(learning_rate=0.0078125, weight_decay=0.5))
# --8<-- [end:lion]

# --8<-- [start:muon]
compare_keras(rules.KerasMuon(lr=lr), keras.optimizers.Muon(learning_rate=lr), ("W1", "W2"))
compare_keras(mo.Muon(lr=lr), keras.optimizers.Muon(learning_rate=lr), ("W1", "W2"))  # PyTorch's
# --8<-- [end:muon]

# --8<-- [start:schedule_free]
compare_keras(rules.KerasScheduleFreeAdamW(lr=lr), keras.optimizers.ScheduleFreeAdamW(learning_rate=lr))
compare_keras(mo.ScheduleFreeAdamW(lr=lr), keras.optimizers.ScheduleFreeAdamW(learning_rate=lr))
# --8<-- [end:schedule_free]
