"""Exercises of the gradient descent and momentum page: checks at the top, the page's blocks in exercises().

Run `python -m snippets.exercises.optimizers`: each check prints TODO for its stub, then PASS.
"""
import numpy as np

from snippets.exercises import report
from snippets.optimizers import Nesterov


def same_steps_problem(make_optimizer, make_reference, steps=20):
    """None if the optimizer moves exactly like the reference, step by step, on f = ½ Σ λ·θ².

    Two parameters of different shapes, gradients from the quadratic at the current point, so a
    wrong rule drifts away; params must be updated in place, as the layers hold the same arrays.
    """
    lams = {"w": np.array([[1.0, 4.0], [0.5, 2.0]]), "b": np.array([3.0])}
    start = {"w": np.array([[1.0, -2.0], [0.5, 1.5]]), "b": np.array([-1.0])}
    ours, theirs = {k: v.copy() for k, v in start.items()}, {k: v.copy() for k, v in start.items()}
    arrays = dict(ours)  # the array objects a layer would hold
    optimizer, reference = make_optimizer(), make_reference()
    for step in range(1, steps + 1):
        optimizer.update(ours, {k: lams[k] * ours[k] for k in ours})
        reference.update(theirs, {k: lams[k] * theirs[k] for k in theirs})
        if any(ours[k] is not arrays[k] for k in ours):
            return "update replaced an array in params; change the arrays in place (-=, *=)"
        for k in ours:
            # the same float64 arithmetic in another order differs by a few ulps, far below 1e-12
            if not np.allclose(ours[k], theirs[k], rtol=1e-12, atol=1e-12):
                return (f"after step {step}, params[{k!r}] is {np.array2string(ours[k].ravel(), precision=6)};"
                        f" the reference has {np.array2string(theirs[k].ravel(), precision=6)}")
    return None


def check_nesterov(optimizer_class):
    report("Nesterov.update", lambda: same_steps_problem(lambda: optimizer_class(lr=0.1, momentum=0.9),
                                                         lambda: Nesterov(lr=0.1, momentum=0.9)),
           "the same 20 steps as PyTorch's SGD(momentum=0.9, nesterov=True) (snippets/optimizers.py)")


def exercises():
    """The page's blocks in page order: each check prints TODO for its stub, then PASS."""
    # --8<-- [start:imports]
    import numpy as np

    from snippets.exercises.optimizers import check_nesterov
    from snippets.optimizer_experiments import gd_on_quadratic, gradient_noise, run_path
    from snippets.optimizers import Momentum
    from snippets.surfaces import valley_grad
    # --8<-- [end:imports]

    # --8<-- [start:threshold]
    lams = np.array([4.0, 0.25])  # f = 2x² + y²/8 = ½(4x² + ¼y²)
    kappa = lams.max() / lams.min()
    rate = (kappa - 1) / (kappa + 1)
    print(f"diverges above lr = 2/λ_max = {2 / lams.max()}")
    print(f"best lr 2/(λ_min + λ_max) = {2 / lams.sum():.4f}, error factor per step {rate:.4f}")
    print(f"steps to shrink the error 1000 times: {int(np.ceil(np.log(1e-3) / np.log(rate)))}")
    for lr in (0.49, 0.51):
        print(f"lr {lr}: |x| after 100 steps {abs(gd_on_quadratic(lr, lams[0], 100)[-1]):.3g}")
    # --8<-- [end:threshold]

    # --8<-- [start:velocity]
    mu, lr, g = 0.9, 0.01, 1.0
    v = 0.0
    for t in range(1, 11):
        v = mu * v + g
    print(f"v after 10 steps {v:.4f} = (1 - μ^10)/(1 - μ) = {(1 - mu**10) / (1 - mu):.4f}")
    print(f"limit g/(1 - μ) = {g / (1 - mu):.1f}: steps of lr·v → {lr * g / (1 - mu):.2f}, not lr·g = {lr * g}")
    # --8<-- [end:velocity]

    # --8<-- [start:nesterov_stub]
    class Nesterov:
        def __init__(self, lr=0.001, momentum=0.9):
            self.lr, self.momentum = lr, momentum
            self.velocity = None

        def update(self, params, grads):
            raise NotImplementedError  # v ← μ·v + g; θ ← θ − η·(g + μ·v), in place
    # --8<-- [end:nesterov_stub]

    # --8<-- [start:nesterov_check]
    check_nesterov(Nesterov)
    # --8<-- [end:nesterov_check]

    # --8<-- [start:nesterov_solution]
    class Nesterov:
        def __init__(self, lr=0.001, momentum=0.9):
            self.lr, self.momentum = lr, momentum
            self.velocity = None

        def update(self, params, grads):
            if self.velocity is None:
                self.velocity = {key: np.zeros_like(val) for key, val in params.items()}
            for key in params:
                self.velocity[key] = self.momentum * self.velocity[key] + grads[key]
                params[key] -= self.lr * (grads[key] + self.momentum * self.velocity[key])  # in place
    # --8<-- [end:nesterov_solution]

    check_nesterov(Nesterov)

    # --8<-- [start:noise_sqrt]
    n = 1000
    for B, error in gradient_noise([1, 4, 16, 64, 256, 512]).items():
        shrink = np.sqrt((n - B) / (n - 1))  # drawing B of the n examples without replacement
        print(f"B = {B:3d}: error {error:.3f}, error·√B {error * np.sqrt(B):.3f},"
              f" error·√B / √((n-B)/(n-1)) {error * np.sqrt(B) / shrink:.3f}")
    # --8<-- [end:noise_sqrt]

    # --8<-- [start:overshoot_mu]
    for mu in (0.0, 0.5, 0.8, 0.9, 0.95):
        path = run_path(Momentum(lr=0.1, momentum=mu), valley_grad, (-7.0, 2.0), 60)
        print(f"μ = {mu:4}: largest x {path[:, 0].max():6.3f}, |x| after 60 steps {abs(path[-1, 0]):.3f}")
    # --8<-- [end:overshoot_mu]


if __name__ == "__main__":
    exercises()
