"""Dying ReLU: a learning rate that is too large can switch ReLU units off for good.

Run `python -m snippets.dying_relu` for the experiment shown on the activations page.
"""
# --8<-- [start:imports]
import numpy as np

from snippets.activations import leaky_relu, leaky_relu_grad, relu, relu_grad, sigmoid
# --8<-- [end:imports]


# --8<-- [start:data]
def two_spirals(n=100, seed=0):
    """Two interleaved spirals in the plane, n points each, labels 0 and 1."""
    rng = np.random.default_rng(seed)
    radius = np.linspace(0.1, 1, n)
    x, y = [], []
    for label in (0, 1):
        angle = 4 * radius + label * np.pi + 0.2 * rng.normal(size=n)
        x.append(np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1))
        y.append(np.full((n, 1), float(label)))
    return np.concatenate(x), np.concatenate(y)
# --8<-- [end:data]


# --8<-- [start:train]
def train(f, f_grad, lr, steps=500, hidden=64, seed=1):
    """Full-batch gradient descent on a 2-64-1 network; returns what happened per step."""
    x, y = two_spirals()
    rng = np.random.default_rng(seed)
    W1 = rng.normal(0, np.sqrt(2 / 2), (2, hidden))  # He initialization
    b1 = np.zeros(hidden)
    W2 = rng.normal(0, np.sqrt(1 / hidden), (hidden, 1))
    b2 = np.zeros(1)
    history = {"negative": [], "no_grad": [], "accuracy": []}
    for _ in range(steps):
        z = x @ W1 + b1  # pre-activations: one row per input, one column per unit
        h = f(z)
        p = sigmoid(h @ W2 + b2)  # probability of label 1
        dlogit = (p - y) / len(x)  # gradient of the mean cross-entropy
        dz = (dlogit @ W2.T) * f_grad(z)

        history["negative"].append(int(np.sum(np.all(z <= 0, axis=0))))
        history["no_grad"].append(int(np.sum(np.all(dz == 0, axis=0))))
        history["accuracy"].append(float(np.mean((p > 0.5) == y)))

        grads = [x.T @ dz, dz.sum(axis=0), h.T @ dlogit, dlogit.sum(axis=0)]
        for param, grad in zip([W1, b1, W2, b2], grads):
            param -= lr * grad
    return history
# --8<-- [end:train]


# --8<-- [start:runs]
RUNS = {
    "ReLU, lr=1": (relu, relu_grad, 1.0),
    "ReLU, lr=10": (relu, relu_grad, 10.0),
    "Leaky, lr=10": (leaky_relu, leaky_relu_grad, 10.0),
}
# --8<-- [end:runs]


if __name__ == "__main__":
    # --8<-- [start:demo]
    print(f"{'':13} {'all z<=0':>8} {'no grad':>7} {'accuracy':>8}")
    for name, (f, f_grad, lr) in RUNS.items():
        history = train(f, f_grad, lr)
        print(f"{name:13} {history['negative'][-1]:>8} {history['no_grad'][-1]:>7} "
              f"{history['accuracy'][-1]:>8.3f}")
    # --8<-- [end:demo]
