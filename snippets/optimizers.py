"""Gradient-descent optimizers with update(params, grads), as in 『밑바닥부터 시작하는 딥러닝』.

Conventions (those of the book's `common/optimizer.py`):

- `params` and `grads` are dicts of arrays with the same keys. `update` changes the arrays in
  `params` in place, so a layer holding the same arrays sees the new values.
- An optimizer keeps its own state (velocities, running averages) in dicts keyed like `params`,
  created on the first `update`. Use one optimizer instance per model.
- Each class computes exactly the rule of the framework named in its docstring; the tests in
  `tests/test_optimizers_parity.py` check this step by step in float64. Default hyperparameters are
  PyTorch's (except momentum = 0.9, where PyTorch's default 0 would mean no momentum).

Notation: θ parameter, g gradient, η learning rate (`lr`), t step (1, 2, …), ε `eps`.
"""
# --8<-- [start:imports]
import numpy as np

from snippets.surfaces import valley, valley_grad
# --8<-- [end:imports]


# --8<-- [start:sgd]
class SGD:
    """θ ← θ − η·g: PyTorch `SGD(lr=η)` and Keras `SGD(learning_rate=η)`."""

    def __init__(self, lr=0.001):
        self.lr = lr

    def update(self, params, grads):
        for key in params:
            params[key] -= self.lr * grads[key]
# --8<-- [end:sgd]


# --8<-- [start:momentum]
class Momentum:
    """v ← μ·v + g; θ ← θ − η·v: PyTorch `SGD(lr=η, momentum=μ)`."""

    # Keras and the book keep u = −η·v instead: u ← μ·u − η·g; θ ← θ + u. Same steps while η is
    # constant; when η changes, PyTorch applies the new η to the whole velocity at once.

    def __init__(self, lr=0.001, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.velocity = None

    def update(self, params, grads):
        if self.velocity is None:
            self.velocity = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params:
            self.velocity[key] = self.momentum * self.velocity[key] + grads[key]
            params[key] -= self.lr * self.velocity[key]
# --8<-- [end:momentum]


# --8<-- [start:nesterov]
class Nesterov:
    """v ← μ·v + g; θ ← θ − η·(g + μ·v): PyTorch `SGD(momentum=μ, nesterov=True)`, Keras, CS231n."""

    # Not the book's Nesterov, which moves by μ²·(new velocity) where these use μ²·(old velocity).

    def __init__(self, lr=0.001, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.velocity = None

    def update(self, params, grads):
        if self.velocity is None:
            self.velocity = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params:
            self.velocity[key] = self.momentum * self.velocity[key] + grads[key]
            params[key] -= self.lr * (grads[key] + self.momentum * self.velocity[key])
# --8<-- [end:nesterov]


# --8<-- [start:adagrad]
class AdaGrad:
    """s ← s + g²; θ ← θ − η·g / (√s + ε): PyTorch `Adagrad` (Keras puts ε inside: √(s + ε))."""

    # Keras also starts s at 0.1 by default (initial_accumulator_value); PyTorch and we start at 0.

    def __init__(self, lr=0.01, eps=1e-10):
        self.lr = lr
        self.eps = eps
        self.sum_sq = None  # running sum of squared gradients

    def update(self, params, grads):
        if self.sum_sq is None:
            self.sum_sq = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params:
            self.sum_sq[key] += grads[key] ** 2
            params[key] -= self.lr * grads[key] / (np.sqrt(self.sum_sq[key]) + self.eps)
# --8<-- [end:adagrad]


# --8<-- [start:rmsprop]
class RMSprop:
    """s ← ρ·s + (1 − ρ)·g²; θ ← θ − η·g / (√s + ε): PyTorch `RMSprop(alpha=ρ)` (Keras: √(s+ε))."""

    def __init__(self, lr=0.01, rho=0.99, eps=1e-8):
        self.lr = lr
        self.rho = rho
        self.eps = eps
        self.avg_sq = None  # moving average of squared gradients

    def update(self, params, grads):
        if self.avg_sq is None:
            self.avg_sq = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params:
            self.avg_sq[key] = self.rho * self.avg_sq[key] + (1 - self.rho) * grads[key] ** 2
            params[key] -= self.lr * grads[key] / (np.sqrt(self.avg_sq[key]) + self.eps)
# --8<-- [end:rmsprop]


# --8<-- [start:adadelta]
class Adadelta:
    """s ← ρs + (1−ρ)g²; Δ = √(d + ε)/√(s + ε)·g; d ← ρd + (1−ρ)Δ²; θ ← θ − η·Δ: PyTorch, Keras."""

    def __init__(self, lr=1.0, rho=0.9, eps=1e-6):
        self.lr = lr
        self.rho = rho
        self.eps = eps
        self.avg_sq = None  # moving average of squared gradients, s
        self.avg_delta_sq = None  # moving average of squared steps, d

    def update(self, params, grads):
        if self.avg_sq is None:
            self.avg_sq = {key: np.zeros_like(val) for key, val in params.items()}
            self.avg_delta_sq = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params:
            g = grads[key]
            self.avg_sq[key] = self.rho * self.avg_sq[key] + (1 - self.rho) * g**2
            rms_delta = np.sqrt(self.avg_delta_sq[key] + self.eps)
            rms_g = np.sqrt(self.avg_sq[key] + self.eps)
            delta = rms_delta / rms_g * g
            self.avg_delta_sq[key] = self.rho * self.avg_delta_sq[key] + (1 - self.rho) * delta**2
            params[key] -= self.lr * delta
# --8<-- [end:adadelta]


# --8<-- [start:adam]
class Adam:
    """θ ← θ − η·m̂ / (√v̂ + ε) with m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ): PyTorch `Adam`."""

    # m ← β₁·m + (1 − β₁)·g and v ← β₂·v + (1 − β₂)·g² are moving averages of g and g².
    # Keras and the book compute θ ← θ − η·√(1−β₂ᵗ)/(1−β₁ᵗ)·m / (√v + ε): their ε is added to the
    # uncorrected √v, which is PyTorch's rule with ε replaced by ε / √(1−β₂ᵗ).

    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.t = 0
        self.m = None
        self.v = None

    def update(self, params, grads):
        if self.m is None:
            self.m = {key: np.zeros_like(val) for key, val in params.items()}
            self.v = {key: np.zeros_like(val) for key, val in params.items()}
        self.t += 1
        for key in params:
            g = grads[key]
            self.m[key] = self.beta1 * self.m[key] + (1 - self.beta1) * g
            self.v[key] = self.beta2 * self.v[key] + (1 - self.beta2) * g**2
            m_hat = self.m[key] / (1 - self.beta1**self.t)  # bias correction: m, v start at 0
            v_hat = self.v[key] / (1 - self.beta2**self.t)
            params[key] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
# --8<-- [end:adam]


# --8<-- [start:adamw]
class AdamW(Adam):
    """θ ← θ − η·λ·θ, then the Adam step with the unchanged g: PyTorch `AdamW(weight_decay=λ)`."""

    # Decoupled: the decay never enters m and v. PyTorch `Adam(weight_decay=λ)` instead adds λ·θ
    # to g (L2 regularisation) and is not the same; Keras decouples for every optimizer.

    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.01):
        super().__init__(lr, beta1, beta2, eps)
        self.weight_decay = weight_decay

    def update(self, params, grads):
        for key in params:
            params[key] *= 1 - self.lr * self.weight_decay
        super().update(params, grads)
# --8<-- [end:adamw]


# --8<-- [start:nadam]
class NAdam:
    """Adam with Nesterov momentum μₜ = β₁·(1 − ½·0.96^(ψ·t)): PyTorch `NAdam(momentum_decay=ψ)`."""

    # θ ← θ − η·(μₜ₊₁·m / (1 − μ₁⋯μₜ₊₁) + (1 − μₜ)·g / (1 − μ₁⋯μₜ)) / (√v̂ + ε).
    # Keras `Nadam` is this rule with ψ = 1 (μₜ reaches β₁ within ~100 steps); PyTorch uses
    # ψ = 0.004, the t/250 of Dozat (2016).

    def __init__(self, lr=0.002, beta1=0.9, beta2=0.999, eps=1e-8, momentum_decay=0.004):
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.momentum_decay = momentum_decay
        self.t = 0
        self.mu_product = 1.0  # μ₁·μ₂⋯μₜ
        self.m = None
        self.v = None

    def mu(self, t):
        return self.beta1 * (1 - 0.5 * 0.96 ** (t * self.momentum_decay))

    def update(self, params, grads):
        if self.m is None:
            self.m = {key: np.zeros_like(val) for key, val in params.items()}
            self.v = {key: np.zeros_like(val) for key, val in params.items()}
        self.t += 1
        mu, mu_next = self.mu(self.t), self.mu(self.t + 1)
        self.mu_product *= mu
        for key in params:
            g = grads[key]
            self.m[key] = self.beta1 * self.m[key] + (1 - self.beta1) * g
            self.v[key] = self.beta2 * self.v[key] + (1 - self.beta2) * g**2
            m_hat = (mu_next * self.m[key] / (1 - self.mu_product * mu_next)
                     + (1 - mu) * g / (1 - self.mu_product))
            v_hat = self.v[key] / (1 - self.beta2**self.t)
            params[key] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
# --8<-- [end:nadam]


if __name__ == "__main__":
    # --8<-- [start:demo]
    optimizers = {
        "SGD": SGD(lr=0.95),
        "Momentum": Momentum(lr=0.1, momentum=0.9),
        "Nesterov": Nesterov(lr=0.1, momentum=0.9),
        "AdaGrad": AdaGrad(lr=1.5),
        "RMSprop": RMSprop(lr=0.1),
        "Adadelta": Adadelta(lr=1.0),
        "Adam": Adam(lr=0.3),
        "AdamW": AdamW(lr=0.3, weight_decay=0.01),
        "NAdam": NAdam(lr=0.3),
    }
    for name, optimizer in optimizers.items():
        params = {"x": np.array(-7.0), "y": np.array(2.0)}  # start of the valley f = x²/20 + y²
        for step in range(30):
            dx, dy = valley_grad(params["x"], params["y"])
            optimizer.update(params, {"x": dx, "y": dy})
        x, y = params["x"], params["y"]
        print(f"{name:8s}  x = {x:7.3f}  y = {y:7.3f}  f = {valley(x, y):.4f}")
    # --8<-- [end:demo]
