"""Keras 3's rules where they differ from those of `snippets/modern_optimizers.py`, written out in NumPy.

Each class changes what Keras does differently in a class of `snippets.modern_optimizers` (whose
rules are PyTorch's or the reference package's). `tests/test_modern_optimizers_parity.py` checks
each one step by step against Keras 3 in float64. Keras applies `weight_decay` to θ before the
optimizer's step (θ ← θ − η·λ·θ), for every optimizer.

Keras 3 on the PyTorch backend also computes in float32 where one would not expect it, even for
float64 variables: a Python float given to an op becomes a float32 tensor, and `ops.mean`,
`ops.maximum`, `ops.minimum` and `ops.norm` work in float32 (its type promotion maps float64 to
float32 on every backend but TensorFlow). The classes below do the same (`float32`, `mean32`, …);
without that they differ from Keras by ~1e-8 instead of ~1e-16.
"""
# --8<-- [start:imports]
import numpy as np

from snippets.modern_optimizers import (MUON_COEFFICIENTS, Adafactor, AMSGrad, Muon,
                                       ScheduleFreeAdamW)


def float32(x):
    return np.float32(x).item()


def mean32(x, axis=None, keepdims=False):
    """ops.mean: the mean computed in float32, returned in x's dtype."""
    return np.mean(x.astype(np.float32), axis=axis, keepdims=keepdims).astype(x.dtype)
# --8<-- [end:imports]


# --8<-- [start:keras_amsgrad]
class KerasAMSGrad(AMSGrad):
    """Keras `Adam(amsgrad=True)`: θ ← θ − η·√(1 − β₂ᵗ)/(1 − β₁ᵗ)·m / (√v_max + ε)."""

    def update(self, params, grads):
        if self.m is None:
            self.m = {key: np.zeros_like(val) for key, val in params.items()}
            self.v = {key: np.zeros_like(val) for key, val in params.items()}
            self.v_max = {key: np.zeros_like(val) for key, val in params.items()}
        self.t += 1
        step = self.lr * np.sqrt(1 - self.beta2**self.t) / (1 - self.beta1**self.t)
        for key in params:
            g = grads[key]
            self.m[key] = self.beta1 * self.m[key] + (1 - self.beta1) * g
            self.v[key] = self.beta2 * self.v[key] + (1 - self.beta2) * g**2
            self.v_max[key] = np.maximum(self.v_max[key], self.v[key])
            params[key] -= step * self.m[key] / (np.sqrt(self.v_max[key]) + self.eps)
# --8<-- [end:keras_amsgrad]


# --8<-- [start:keras_adafactor]
class KerasAdafactor(Adafactor):
    """Keras `Adafactor`: ε₁ added to g² (as in the paper), no clamp; decay before RMS(θ) is taken."""

    def __init__(self, lr=0.001, beta2_decay=-0.8, eps1=1e-30, eps2=1e-3, d=1.0, weight_decay=0.0):
        super().__init__(lr, float32(beta2_decay), float32(eps1), eps2, float32(d), weight_decay)

    def update(self, params, grads):
        if self.row is None:
            matrices = [key for key, val in params.items() if val.ndim >= 2]
            self.row = {key: np.zeros_like(params[key][..., :1]) for key in matrices}
            self.col = {key: np.zeros_like(params[key][..., :1, :]) for key in matrices}
            self.full = {key: np.zeros_like(val) for key, val in params.items() if val.ndim < 2}
        self.t += 1
        weight = self.t**self.beta2_decay
        rho = np.float32(min(self.lr, 1 / np.sqrt(self.t)))  # ops.minimum: float32
        for key in params:
            theta, g2 = params[key], grads[key] ** 2 + self.eps1
            theta *= 1 - self.lr * self.weight_decay
            alpha = np.float32(max(self.eps2, np.sqrt(mean32(theta**2)))) * rho  # of the decayed θ
            if key in self.row:
                self.row[key] += weight * (mean32(g2, axis=-1, keepdims=True) - self.row[key])
                self.col[key] += weight * (mean32(g2, axis=-2, keepdims=True) - self.col[key])
                v = self.row[key] / mean32(self.row[key], axis=-2, keepdims=True) * self.col[key]
            else:
                self.full[key] += weight * (g2 - self.full[key])
                v = self.full[key]
            u = grads[key] / np.sqrt(v)
            clip = np.float32(max(1.0, np.sqrt(mean32(u**2)) / self.d))
            theta -= float(alpha) * (u / float(clip))
# --8<-- [end:keras_adafactor]


# --8<-- [start:keras_muon]
class KerasMuon(Muon):
    """Keras `Muon` on 2-D weights: m ← μ·m + g, ‖X‖ + ε, step η·0.2·√max(rows, cols), λ = 0.004."""

    # Keras sends every other variable (not 2-D, or named like an embedding) to its AdamW rule
    # (KerasAdamW of snippets/framework_rules.py) with adam_weight_decay.

    def __init__(self, lr=0.001, weight_decay=0.004, momentum=0.95, nesterov=True, ns_steps=5,
                 rms_rate=0.2):
        super().__init__(lr, weight_decay, momentum, nesterov, 1e-7, ns_steps)
        self.rms_rate = rms_rate

    def update(self, params, grads):
        if self.m is None:
            self.m = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params:
            g, mu = grads[key], self.momentum
            params[key] *= 1 - self.lr * self.weight_decay
            self.m[key] += g + self.m[key] * float32(mu - 1)  # m ← μ·m + g
            u = g + float32(mu) * self.m[key] if self.nesterov else self.m[key]
            O = keras_newton_schulz(u, self.ns_steps)
            scale = np.sqrt(np.float32(max(O.shape)))  # Keras takes this root in float32
            params[key] -= self.lr * O * scale * self.rms_rate


def keras_newton_schulz(G, steps, coefficients=MUON_COEFFICIENTS):
    """Keras's iteration: X / (‖X‖ + 1e-7), ‖X‖ in float32, where PyTorch has X / max(‖X‖, 1e-7)."""
    a, b, c = coefficients
    wide = G.shape[0] <= G.shape[1]
    X = G if wide else G.T
    X = X / (np.linalg.norm(X.astype(np.float32)).item() + 1e-7)
    for _ in range(steps):
        A = X @ X.T
        X = a * X + (b * A + c * A @ A) @ X
    return X if wide else X.T
# --8<-- [end:keras_muon]


# --8<-- [start:keras_schedule_free]
class KerasScheduleFreeAdamW(ScheduleFreeAdamW):
    """Keras `ScheduleFreeAdamW` on the PyTorch backend: x recovered from the new z; weights 1/t."""

    # Keras keeps z_old = z.value "before any updates", but on the PyTorch backend that tensor is
    # z itself and is changed in place by the z step: x_old = (y − (1 − β₁)·z_new)/β₁. It also
    # weighs every step 1/t, even during warm-up, decays y before the step, and has no eval().

    def update(self, params, grads):
        if self.z is None:
            self.z = {key: val.copy() for key, val in params.items()}
            self.v = {key: np.zeros_like(val) for key, val in params.items()}
        self.t += 1
        warmup = float32(min(1.0, self.t / self.warmup_steps)) if self.warmup_steps else 1.0
        lr, c, b1 = self.lr * warmup, 1 / self.t, self.beta1
        for key in params:
            y, g, z = params[key], grads[key], self.z[key]
            y *= 1 - self.lr * self.weight_decay
            self.v[key] = self.beta2 * self.v[key] + (1 - self.beta2) * g**2
            v_hat = self.v[key] / (1 - self.beta2**self.t)
            z -= lr * g / (np.sqrt(v_hat) + self.eps)
            x = (y - (1 - b1) * z) / b1  # the reference uses z before the step here
            x = (1 - c) * x + c * z
            y[...] = (1 - b1) * z + b1 * x
# --8<-- [end:keras_schedule_free]


if __name__ == "__main__":
    # --8<-- [start:demo]
    for optimizer in [AMSGrad(lr=1.0, eps=1e-7), KerasAMSGrad(lr=1.0, eps=1e-7)]:
        params = {"w": np.array(0.0)}
        optimizer.update(params, {"w": np.array(1e-6)})  # a tiny gradient, first step
        print(f"{type(optimizer).__name__:12s} first step / lr = {-params['w']:.3f}")
    # --8<-- [end:demo]
