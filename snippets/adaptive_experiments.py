"""The adaptive-optimizers page: Adam's moment estimates with and without bias correction, and
Adam's epsilon as PyTorch and Keras place it."""
import numpy as np

from snippets.framework_rules import KerasAdam
from snippets.optimizers import Adam


# --8<-- [start:adam_moments]
def adam_moments(steps=30, beta1=0.9, beta2=0.999, seed=0):
    """Adam's m, v and the bias-corrected m̂, v̂ for a noisy gradient g = 1 + 0.5·noise."""
    g = 1 + 0.5 * np.random.default_rng(seed).standard_normal(steps)
    m = v = 0.0
    rows = []
    for t in range(1, steps + 1):
        m = beta1 * m + (1 - beta1) * g[t - 1]
        v = beta2 * v + (1 - beta2) * g[t - 1] ** 2
        m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
        rows.append((t, g[t - 1], m, m_hat, v, v_hat))
    return np.array(rows)
# --8<-- [end:adam_moments]


if __name__ == "__main__":
    np.set_printoptions(precision=4, suppress=True)  # as the page's set-up block

    # --8<-- [start:demo_adam]
    rows = adam_moments()
    print(" t      g       m   m_hat        v   v_hat")
    for t, g, m, m_hat, v, v_hat in rows[[0, 1, 2, 9, 29]]:
        print(f"{t:2.0f} {g:6.3f}  {m:6.3f}  {m_hat:6.3f}  {v:7.4f}  {v_hat:6.3f}")
    # --8<-- [end:demo_adam]

    # --8<-- [start:demo_adam_eps]
    for optimizer in [Adam(lr=1.0, eps=1e-7), KerasAdam(lr=1.0, eps=1e-7)]:
        params = {"w": np.array(0.0)}
        optimizer.update(params, {"w": np.array(1e-6)})  # a tiny gradient, first step
        print(f"{type(optimizer).__name__:9s} first step / lr = {-params['w']:.3f}")
    # --8<-- [end:demo_adam_eps]
