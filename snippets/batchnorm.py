"""Batch normalization (Ioffe & Szegedy, 2015) as a layer with forward(x) / backward(dout).

Run `python -m snippets.batchnorm` for a small demo.
"""
# --8<-- [start:imports]
import numpy as np
# --8<-- [end:imports]


# --8<-- [start:batchnorm]
class BatchNorm:
    """y = γ·(x − μ_B)/√(σ²_B + ε) + β per feature, over the batch x of shape (N, n).

    In training mode μ_B, σ²_B are the batch's mean and (biased) variance, and running averages
    are kept as PyTorch's BatchNorm1d does (momentum 0.1, unbiased variance). In evaluation mode
    (`training = False`) the running averages are used instead, so one example's output does not
    depend on the rest of its batch.
    """

    def __init__(self, n, momentum=0.1, eps=1e-5):
        self.params = {"gamma": np.ones(n), "beta": np.zeros(n)}
        self.grads = {"gamma": np.zeros(n), "beta": np.zeros(n)}
        self.running_mean, self.running_var = np.zeros(n), np.ones(n)
        self.momentum, self.eps = momentum, eps
        self.training = True
        self.x_hat = self.inv_std = None  # cache for backward

    def forward(self, x):
        if self.training:
            mean, var = x.mean(axis=0), x.var(axis=0)
            m = self.momentum
            n = len(x)
            self.running_mean = (1 - m) * self.running_mean + m * mean
            self.running_var = (1 - m) * self.running_var + m * var * n / max(n - 1, 1)
        else:
            mean, var = self.running_mean, self.running_var
        self.inv_std = 1 / np.sqrt(var + self.eps)
        self.x_hat = (x - mean) * self.inv_std
        return self.params["gamma"] * self.x_hat + self.params["beta"]

    def backward(self, dout):
        self.grads["gamma"] = np.sum(dout * self.x_hat, axis=0)
        self.grads["beta"] = dout.sum(axis=0)
        d_hat = dout * self.params["gamma"]
        if not self.training:  # μ and σ² are constants here
            return d_hat * self.inv_std
        # μ_B and σ²_B depend on every x in the batch: two extra terms
        n = len(dout)
        return self.inv_std / n * (n * d_hat - d_hat.sum(axis=0)
                                   - self.x_hat * np.sum(d_hat * self.x_hat, axis=0))
# --8<-- [end:batchnorm]


if __name__ == "__main__":
    # --8<-- [start:demo]
    from snippets.gradcheck import check_layer, summary

    rng = np.random.default_rng(0)
    x = 3.0 + 5.0 * rng.standard_normal((64, 4))  # features far from mean 0, std 1
    bn = BatchNorm(4)
    y = bn.forward(x)
    print("mean of x:", np.round(x.mean(axis=0), 3), " std of x:", np.round(x.std(axis=0), 3))
    print("mean of y:", np.round(y.mean(axis=0), 3) + 0.0, " std of y:", np.round(y.std(axis=0), 3))
    errors = check_layer(BatchNorm(4), rng.standard_normal((8, 4)))
    print("gradient check:", summary(errors))
    # --8<-- [end:demo]
