"""Optimizers of 2018–2024 with update(params, grads): AMSGrad, RAdam, Adafactor, Lion, Muon, Schedule-Free.

Same conventions as `snippets/optimizers.py`: `params` and `grads` are dicts of arrays, `update`
changes the arrays in place, and each optimizer keeps its state in dicts keyed like `params`,
created on the first `update`. Each class computes the rule of the framework named in its
docstring, with that framework's defaults; `tests/test_modern_optimizers_parity.py` checks this step
by step in float64. Where Keras computes another rule, `snippets/modern_framework_rules.py` writes it out.

Notation: θ parameter, g gradient, η learning rate (`lr`), t step (1, 2, …), ε `eps`.
"""
# --8<-- [start:imports]
import numpy as np

from snippets.optimizers import Adam
# --8<-- [end:imports]


# --8<-- [start:amsgrad]
class AMSGrad(Adam):
    """Adam that divides by the largest v so far: PyTorch `Adam(amsgrad=True)`."""

    # v_max ← max(v_max, v); θ ← θ − η·m̂ / (√(v_max/(1 − β₂ᵗ)) + ε). The step for a coordinate can
    # no longer grow because v shrank (Reddi et al. 2018).

    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
        super().__init__(lr, beta1, beta2, eps)
        self.v_max = None

    def update(self, params, grads):
        if self.m is None:
            self.m = {key: np.zeros_like(val) for key, val in params.items()}
            self.v = {key: np.zeros_like(val) for key, val in params.items()}
            self.v_max = {key: np.zeros_like(val) for key, val in params.items()}
        self.t += 1
        for key in params:
            g = grads[key]
            self.m[key] = self.beta1 * self.m[key] + (1 - self.beta1) * g
            self.v[key] = self.beta2 * self.v[key] + (1 - self.beta2) * g**2
            self.v_max[key] = np.maximum(self.v_max[key], self.v[key])
            m_hat = self.m[key] / (1 - self.beta1**self.t)
            v_hat = self.v_max[key] / (1 - self.beta2**self.t)
            params[key] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
# --8<-- [end:amsgrad]


# --8<-- [start:radam]
def radam_rectification(t, beta2=0.999):
    """RAdam's ρₜ (length of the moving average, as a simple average) and rₜ (None while ρₜ ≤ 5)."""
    rho_inf = 2 / (1 - beta2) - 1
    rho = rho_inf - 2 * t * beta2**t / (1 - beta2**t)
    if rho <= 5:
        return rho, None
    return rho, np.sqrt((rho - 4) * (rho - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho))


class RAdam(Adam):
    """Adam whose adaptive step is scaled by rₜ, and skipped while ρₜ ≤ 5: PyTorch `RAdam`."""

    # PyTorch adds ε to the uncorrected √v here: rₜ·η·m̂·√(1 − β₂ᵗ) / (√v + ε) (Keras's Adam form).

    def update(self, params, grads):
        if self.m is None:
            self.m = {key: np.zeros_like(val) for key, val in params.items()}
            self.v = {key: np.zeros_like(val) for key, val in params.items()}
        self.t += 1
        rho, r = radam_rectification(self.t, self.beta2)
        for key in params:
            g = grads[key]
            self.m[key] = self.beta1 * self.m[key] + (1 - self.beta1) * g
            self.v[key] = self.beta2 * self.v[key] + (1 - self.beta2) * g**2
            m_hat = self.m[key] / (1 - self.beta1**self.t)
            if r is None:  # too few gradients for a trustworthy v: a momentum step
                params[key] -= self.lr * m_hat
            else:
                adaptive = np.sqrt(1 - self.beta2**self.t) / (np.sqrt(self.v[key]) + self.eps)
                params[key] -= self.lr * m_hat * r * adaptive
# --8<-- [end:radam]


# --8<-- [start:adafactor]
def rms(x):
    return np.sqrt(np.mean(x**2))


class Adafactor:
    """Second moment from row and column averages, step relative to RMS(θ): PyTorch `Adafactor`."""

    # For a matrix (n, m) the state is a row average (n) and a column average (m) of g², not the
    # (n, m) of Adam; v ≈ row·col / mean(row). Vectors keep a full average. No first moment.
    # Step: ρₜ = min(η, 1/√t), times max(ε₂, RMS(θ)); the update u is clipped to RMS(u) ≤ d.

    def __init__(self, lr=0.01, beta2_decay=-0.8, eps1=None, eps2=1e-3, d=1.0, weight_decay=0.0):
        self.lr = lr
        self.beta2_decay = beta2_decay
        self.eps1 = eps1  # None: the machine epsilon of the parameter's dtype
        self.eps2 = eps2
        self.d = d
        self.weight_decay = weight_decay
        self.t = 0
        self.row = None  # matrices: mean of g² over each row, shape (…, n, 1)
        self.col = None  # matrices: mean of g² over each column, shape (…, 1, m)
        self.full = None  # vectors: the moving average of g² itself

    def update(self, params, grads):
        if self.row is None:
            matrices = [key for key, val in params.items() if val.ndim >= 2]
            self.row = {key: np.zeros_like(params[key][..., :1]) for key in matrices}
            self.col = {key: np.zeros_like(params[key][..., :1, :]) for key in matrices}
            self.full = {key: np.zeros_like(val) for key, val in params.items() if val.ndim < 2}
        self.t += 1
        weight = self.t**self.beta2_decay  # 1 − β₂ₜ = t^(−0.8): β₂ₜ grows towards 1
        rho = min(self.lr, 1 / np.sqrt(self.t))
        for key in params:
            theta, g = params[key], grads[key]
            eps1 = np.finfo(theta.dtype).eps if self.eps1 is None else self.eps1
            alpha = max(self.eps2, rms(theta)) * rho  # relative step size
            theta *= 1 - self.lr * self.weight_decay
            if key in self.row:
                self.row[key] += weight * (np.mean(g**2, axis=-1, keepdims=True) - self.row[key])
                self.col[key] += weight * (np.mean(g**2, axis=-2, keepdims=True) - self.col[key])
                row_mean = np.maximum(np.mean(self.row[key], axis=-2, keepdims=True), eps1)
                v = self.row[key] * self.col[key] / row_mean
            else:
                self.full[key] += weight * (g**2 - self.full[key])
                v = self.full[key]
            u = g / np.sqrt(np.maximum(v, eps1**2))
            theta -= alpha / max(1.0, rms(u) / self.d) * u  # update clipping
# --8<-- [end:adafactor]


# --8<-- [start:lion]
class Lion:
    """θ ← θ − η·(sign(β₁·m + (1 − β₁)·g) + λ·θ); m ← β₂·m + (1 − β₂)·g: Keras `Lion`."""

    # One state array, m. Every coordinate moves by exactly η (plus decay): hence a smaller η than
    # Adam's and a larger λ, for the same η·λ (Chen et al. 2023).

    def __init__(self, lr=0.001, beta1=0.9, beta2=0.99, weight_decay=0.0):
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.weight_decay = weight_decay
        self.m = None

    def update(self, params, grads):
        if self.m is None:
            self.m = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params:
            g = grads[key]
            direction = np.sign(self.beta1 * self.m[key] + (1 - self.beta1) * g)
            params[key] *= 1 - self.lr * self.weight_decay
            params[key] -= self.lr * direction
            self.m[key] = self.beta2 * self.m[key] + (1 - self.beta2) * g
# --8<-- [end:lion]


# --8<-- [start:newton_schulz]
MUON_COEFFICIENTS = (3.4445, -4.7750, 2.0315)  # Jordan et al. (2024); (1.5, −0.5, 0) is the classic


def newton_schulz(G, steps=5, coefficients=MUON_COEFFICIENTS, eps=1e-7):
    """An approximation of U·Vᵀ, where G = U·S·Vᵀ is the SVD: G with its singular values set near 1.

    Each step maps every singular value s of X to a·s + b·s³ + c·s⁵ and keeps U and V.
    """
    a, b, c = coefficients
    wide = G.shape[0] <= G.shape[1]
    X = G if wide else G.T  # X·Xᵀ is then the smaller Gram matrix
    X = X / max(np.linalg.norm(X), eps)  # Frobenius norm ≥ largest singular value: all s ≤ 1
    for _ in range(steps):
        A = X @ X.T
        X = a * X + (b * A + c * A @ A) @ X
    return X if wide else X.T
# --8<-- [end:newton_schulz]


# --8<-- [start:muon]
class Muon:
    """Momentum, then Newton–Schulz orthogonalisation, for 2-D weights only: PyTorch `Muon`."""

    # m ← μ·m + (1 − μ)·g; u = (1 − μ)·g + μ·m (Nesterov) or m; O = NS(u);
    # θ ← (1 − ηλ)·θ − η·√max(1, rows/cols)·O. Biases, embeddings, the output layer: use AdamW.
    # PyTorch runs the Newton–Schulz iteration in bfloat16; this class in the array's dtype.

    def __init__(self, lr=0.001, weight_decay=0.1, momentum=0.95, nesterov=True, eps=1e-7,
                 ns_steps=5):
        self.lr = lr
        self.weight_decay = weight_decay
        self.momentum = momentum
        self.nesterov = nesterov
        self.eps = eps
        self.ns_steps = ns_steps
        self.m = None

    def adjusted_lr(self, shape):
        return self.lr * np.sqrt(max(1, shape[0] / shape[1]))

    def update(self, params, grads):
        if self.m is None:
            if any(val.ndim != 2 for val in params.values()):
                raise ValueError("Muon updates 2-D weights only; give the others to AdamW")
            self.m = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params:
            g, mu = grads[key], self.momentum
            self.m[key] = mu * self.m[key] + (1 - mu) * g
            u = (1 - mu) * g + mu * self.m[key] if self.nesterov else self.m[key]
            O = newton_schulz(u, self.ns_steps, eps=self.eps)
            params[key] *= 1 - self.lr * self.weight_decay
            params[key] -= self.adjusted_lr(params[key].shape) * O
# --8<-- [end:muon]


# --8<-- [start:muon_adamw]
class MuonAdamW:
    """Muon for the 2-D hidden weights named in `muon_keys`, another optimizer (AdamW) for the rest."""

    def __init__(self, muon_keys, muon, other):
        self.muon_keys = set(muon_keys)
        self.muon = muon
        self.other = other

    def update(self, params, grads):
        for optimizer, keys in [(self.muon, [k for k in params if k in self.muon_keys]),
                                (self.other, [k for k in params if k not in self.muon_keys])]:
            optimizer.update({k: params[k] for k in keys}, {k: grads[k] for k in keys})
# --8<-- [end:muon_adamw]


# --8<-- [start:schedule_free]
class ScheduleFreeAdamW:
    """Schedule-Free AdamW: the reference `schedulefree.AdamWScheduleFree` (Defazio et al. 2024)."""

    # Three sequences: z takes the Adam-normalised steps, x is the running average of the z's,
    # and the gradient is taken at y = (1 − β₁)·z + β₁·x, which `params` hold during training.
    # Only z and v are stored: x = (y − (1 − β₁)·z)/β₁. Evaluate at x: call eval(), then train().

    def __init__(self, lr=0.0025, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0,
                 warmup_steps=0):
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.weight_decay = weight_decay
        self.warmup_steps = warmup_steps
        self.t = 0
        self.lr_max = 0.0
        self.weight_sum = 0.0
        self.z = None
        self.v = None

    def update(self, params, grads):
        if self.z is None:
            self.z = {key: val.copy() for key, val in params.items()}
            self.v = {key: np.zeros_like(val) for key, val in params.items()}
        self.t += 1
        lr = self.lr * min(1.0, self.t / self.warmup_steps) if self.warmup_steps else self.lr
        self.lr_max = max(self.lr_max, lr)
        self.weight_sum += self.lr_max**2  # step t weighs lr_max² in the average (1/t if constant)
        c = self.lr_max**2 / self.weight_sum
        b1 = self.beta1
        for key in params:
            y, g, z = params[key], grads[key], self.z[key]
            self.v[key] = self.beta2 * self.v[key] + (1 - self.beta2) * g**2
            v_hat = self.v[key] / (1 - self.beta2**self.t)
            step = g / (np.sqrt(v_hat) + self.eps) + self.weight_decay * y  # decay taken at y
            x = (y - (1 - b1) * z) / b1
            z -= lr * step
            x = (1 - c) * x + c * z
            y[...] = (1 - b1) * z + b1 * x

    def eval(self, params):
        """Set params to x, the average, for evaluation (optimizer.eval() in schedulefree)."""
        for key in params:
            params[key] += (1 - 1 / self.beta1) * (self.z[key] - params[key])

    def train(self, params):
        """Set params back to y, where the gradients are taken (optimizer.train())."""
        for key in params:
            params[key] += (1 - self.beta1) * (self.z[key] - params[key])
# --8<-- [end:schedule_free]


# --8<-- [start:state_size]
def state_size(optimizer):
    """How many numbers the optimizer stores for each parameter: the sizes of its state arrays."""
    sizes = {}
    for value in vars(optimizer).values():
        if hasattr(value, "update") and hasattr(value, "__dict__"):  # an inner optimizer
            value = {key: np.empty(size) for key, size in state_size(value).items()}
        if isinstance(value, dict):
            for key, part in value.items():
                sizes[key] = sizes.get(key, 0) + np.size(part)
    return sizes
# --8<-- [end:state_size]


if __name__ == "__main__":
    # --8<-- [start:demo]
    from snippets.surfaces import valley, valley_grad

    optimizers = {
        "AMSGrad": AMSGrad(lr=0.3), "RAdam": RAdam(lr=0.3), "Adafactor": Adafactor(lr=0.3),
        "Lion": Lion(lr=0.1), "ScheduleFreeAdamW": ScheduleFreeAdamW(lr=0.3),
    }
    for name, optimizer in optimizers.items():
        params = {"x": np.array([-7.0]), "y": np.array([2.0])}
        for step in range(30):
            dx, dy = valley_grad(params["x"], params["y"])
            optimizer.update(params, {"x": dx, "y": dy})
        x, y = params["x"][0], params["y"][0]
        print(f"{name:17s}  x = {x:7.3f}  y = {y:7.3f}  f = {valley(x, y):.4f}")
    G = np.random.default_rng(0).standard_normal((4, 3))
    print(np.round(np.linalg.svd(newton_schulz(G), compute_uv=False), 3))
    # --8<-- [end:demo]
