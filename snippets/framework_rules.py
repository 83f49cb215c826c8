"""The rules PyTorch does not share, written out in NumPy: Keras 3's and 『밑바닥부터 시작하는 딥러닝』's.

Each class changes one thing in a class of `snippets.optimizers` (whose rules are PyTorch's), so
the difference is all the code there is. `tests/test_optimizers_parity.py` checks each Keras rule
step by step against Keras 3 in float64.
"""
# --8<-- [start:imports]
import numpy as np

from snippets.optimizers import AdaGrad, Adam, Momentum, Nesterov, RMSprop
# --8<-- [end:imports]


# --8<-- [start:keras_momentum]
class KerasMomentum(Momentum):
    """Keras `SGD(momentum=μ)` and the book's Momentum: u ← μ·u − η·g; θ ← θ + u."""

    def update(self, params, grads):
        if self.velocity is None:
            self.velocity = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params:
            self.velocity[key] = self.momentum * self.velocity[key] - self.lr * grads[key]
            params[key] += self.velocity[key]
# --8<-- [end:keras_momentum]


# --8<-- [start:book_nesterov]
class BookNesterov(Nesterov):
    """『밑바닥부터…』 common/optimizer.py: u ← μu − ηg; θ ← θ + μ²u − (1 + μ)ηg (new u)."""

    def update(self, params, grads):
        if self.velocity is None:
            self.velocity = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params:
            self.velocity[key] *= self.momentum
            self.velocity[key] -= self.lr * grads[key]
            params[key] += self.momentum * self.momentum * self.velocity[key]
            params[key] -= (1 + self.momentum) * self.lr * grads[key]
# --8<-- [end:book_nesterov]


# --8<-- [start:keras_adagrad]
class KerasAdaGrad(AdaGrad):
    """Keras `Adagrad`: s ← s + g²; θ ← θ − η·g / √(s + ε), s starting at `initial` (Keras: 0.1)."""

    def __init__(self, lr=0.001, eps=1e-7, initial=0.1):
        super().__init__(lr, eps)
        self.initial = initial

    def update(self, params, grads):
        if self.sum_sq is None:
            self.sum_sq = {key: np.full_like(val, self.initial) for key, val in params.items()}
        for key in params:
            self.sum_sq[key] += grads[key] ** 2
            params[key] -= self.lr * grads[key] / np.sqrt(self.sum_sq[key] + self.eps)
# --8<-- [end:keras_adagrad]


# --8<-- [start:keras_rmsprop]
class KerasRMSprop(RMSprop):
    """Keras `RMSprop`: s ← ρ·s + (1 − ρ)·g²; θ ← θ − η·g / √(s + ε)."""

    def update(self, params, grads):
        if self.avg_sq is None:
            self.avg_sq = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params:
            self.avg_sq[key] = self.rho * self.avg_sq[key] + (1 - self.rho) * grads[key] ** 2
            params[key] -= self.lr * grads[key] / np.sqrt(self.avg_sq[key] + self.eps)
# --8<-- [end:keras_rmsprop]


# --8<-- [start:keras_adam]
class KerasAdam(Adam):
    """Keras `Adam` (and the book's): θ ← θ − η·√(1 − β₂ᵗ)/(1 − β₁ᵗ)·m / (√v + ε)."""

    def update(self, params, grads):
        if self.m is None:
            self.m = {key: np.zeros_like(val) for key, val in params.items()}
            self.v = {key: np.zeros_like(val) for key, val in params.items()}
        self.t += 1
        step = self.lr * np.sqrt(1 - self.beta2**self.t) / (1 - self.beta1**self.t)
        for key in params:
            g = grads[key]
            self.m[key] = self.beta1 * self.m[key] + (1 - self.beta1) * g
            self.v[key] = self.beta2 * self.v[key] + (1 - self.beta2) * g**2
            params[key] -= step * self.m[key] / (np.sqrt(self.v[key]) + self.eps)


class KerasAdamW(KerasAdam):
    """Keras `AdamW` (and any Keras optimizer given weight_decay=λ): θ ← θ − η·λ·θ, then the step."""

    def __init__(self, weight_decay, **kwargs):
        super().__init__(**kwargs)
        self.weight_decay = weight_decay

    def update(self, params, grads):
        for key in params:
            params[key] *= 1 - self.lr * self.weight_decay
        super().update(params, grads)
# --8<-- [end:keras_adam]


if __name__ == "__main__":
    # --8<-- [start:demo]
    from snippets.surfaces import valley, valley_grad

    for optimizer in [Momentum(lr=0.1), KerasMomentum(lr=0.1), Nesterov(lr=0.1),
                      BookNesterov(lr=0.1)]:
        params = {"x": np.array(-7.0), "y": np.array(2.0)}
        for t in range(20):
            optimizer.lr = 0.1 if t < 10 else 0.01
            dx, dy = valley_grad(params["x"], params["y"])
            optimizer.update(params, {"x": dx, "y": dy})
        print(f"{type(optimizer).__name__:13s} f = {valley(params['x'], params['y']):.6f}")
    # --8<-- [end:demo]
