"""Exercises of the adaptive optimizers page: checks at the top, the page's blocks in exercises().

Run `python -m snippets.exercises.adaptive_optimizers`: each check prints TODO for its stub, then PASS.
"""
from snippets.exercises import report
from snippets.exercises.optimizers import same_steps_problem
from snippets.optimizers import Adam, AdamW


def check_adam(optimizer_class):
    report("Adam.update", lambda: same_steps_problem(lambda: optimizer_class(lr=0.1),
                                                     lambda: Adam(lr=0.1)),
           "the same 20 steps as PyTorch's Adam(lr=0.1) (snippets/optimizers.py)")


def check_adamw(optimizer_class):
    # a large decay, so that where and how it is applied shows within 20 steps
    report("AdamW.update", lambda: same_steps_problem(lambda: optimizer_class(lr=0.1, weight_decay=0.5),
                                                      lambda: AdamW(lr=0.1, weight_decay=0.5)),
           "the same 20 steps as PyTorch's AdamW(lr=0.1, weight_decay=0.5) (snippets/optimizers.py)")


def exercises():
    """The page's blocks in page order: each check prints TODO for its stub, then PASS."""
    # --8<-- [start:imports]
    import numpy as np

    from snippets import optimizers
    from snippets.exercises.adaptive_optimizers import check_adam, check_adamw
    from snippets.optimizers import AdaGrad, RMSprop
    # --8<-- [end:imports]

    # --8<-- [start:first_step]
    lr, beta1, beta2, eps = 0.001, 0.9, 0.999, 1e-8
    for g in (1e-3, 1.0, 1e3):
        m, v = (1 - beta1) * g, (1 - beta2) * g**2  # after one step from m = v = 0
        corrected = lr * (m / (1 - beta1)) / (np.sqrt(v / (1 - beta2)) + eps)
        uncorrected = lr * m / (np.sqrt(v) + eps)
        print(f"g = {g:g}: first step {corrected:.6f} with bias correction, {uncorrected:.6f} without")
    # --8<-- [end:first_step]

    # --8<-- [start:adam_stub]
    class Adam:
        def __init__(self, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
            self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
            self.t, self.m, self.v = 0, None, None

        def update(self, params, grads):
            raise NotImplementedError  # moving averages m, v; bias correction; step; in place
    # --8<-- [end:adam_stub]

    # --8<-- [start:adam_check]
    check_adam(Adam)
    # --8<-- [end:adam_check]

    # --8<-- [start:adam_solution]
    class Adam:
        def __init__(self, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
            self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
            self.t, self.m, self.v = 0, None, None

        def update(self, params, grads):
            if self.m is None:
                self.m = {key: np.zeros_like(val) for key, val in params.items()}
                self.v = {key: np.zeros_like(val) for key, val in params.items()}
            self.t += 1  # first step: t = 1, so 1 − β^t is never 0
            for key in params:
                g = grads[key]
                self.m[key] = self.beta1 * self.m[key] + (1 - self.beta1) * g
                self.v[key] = self.beta2 * self.v[key] + (1 - self.beta2) * g**2
                m_hat = self.m[key] / (1 - self.beta1**self.t)
                v_hat = self.v[key] / (1 - self.beta2**self.t)
                params[key] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
    # --8<-- [end:adam_solution]

    check_adam(Adam)

    # --8<-- [start:adamw_stub]
    class AdamW(optimizers.Adam):  # the reference Adam of snippets/optimizers.py
        def __init__(self, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.01):
            super().__init__(lr, beta1, beta2, eps)
            self.weight_decay = weight_decay

        def update(self, params, grads):
            raise NotImplementedError  # decoupled weight decay, then super().update(params, grads)
    # --8<-- [end:adamw_stub]

    # --8<-- [start:adamw_check]
    check_adamw(AdamW)
    # --8<-- [end:adamw_check]

    # --8<-- [start:adamw_solution]
    class AdamW(optimizers.Adam):
        def __init__(self, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.01):
            super().__init__(lr, beta1, beta2, eps)
            self.weight_decay = weight_decay

        def update(self, params, grads):
            for key in params:
                params[key] *= 1 - self.lr * self.weight_decay  # θ ← θ − η·λ·θ, outside m and v
            super().update(params, grads)  # the Adam step with the unchanged gradient
    # --8<-- [end:adamw_solution]

    check_adamw(AdamW)

    # --8<-- [start:adagrad_steps]
    lr, g = 0.1, 2.0
    s = 0.0
    total = 0.0
    for t in range(1, 10_001):
        s += g**2
        step = lr * g / np.sqrt(s)  # = lr / √t, whatever g is
        total += step
        if t in (1, 100, 10_000):
            print(f"t = {t:5d}: step {step:.4f} (lr/√t = {lr / np.sqrt(t):.4f})")
    print(f"distance after 10,000 steps {total:.2f}; 2·lr·√T = {2 * lr * np.sqrt(10_000):.2f}")
    # --8<-- [end:adagrad_steps]

    # --8<-- [start:long_walk]
    for make in (lambda: AdaGrad(lr=1.0), lambda: RMSprop(lr=1.0)):
        optimizer, params = make(), {"x": np.array(100.0)}  # f = ½x², far from the minimum
        at = {}
        for t in range(1, 1001):
            optimizer.update(params, {"x": params["x"].copy()})  # ∇f = x
            if t in (10, 100, 500, 1000):
                at[t] = float(params["x"])
        print(f"{type(optimizer).__name__:8s}", "  ".join(f"x after {t}: {x:.3g}" for t, x in at.items()))
    # --8<-- [end:long_walk]


if __name__ == "__main__":
    exercises()
