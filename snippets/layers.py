"""Layers with forward(x) / backward(dout), vectorised over the mini-batch.

Conventions (as in the `common/layers.py` of 『밑바닥부터 시작하는 딥러닝』):

- `forward` keeps what `backward` needs as plain attributes (the cache). Running `forward` again
  replaces the cache, so `backward` always refers to the most recent `forward`.
- `backward` only reads the cache. Calling it twice with the same `dout` gives the same result;
  parameter gradients are overwritten, never accumulated (PyTorch's `.grad` accumulates).
- Layers with parameters keep them in `params` and their gradients in `grads`, two dicts of arrays
  with the same keys. Optimizers change `params` in place, so the layer sees the new values.
"""
# --8<-- [start:imports]
import numpy as np

from snippets.activations import leaky_relu, relu, sigmoid, tanh
# --8<-- [end:imports]


# --8<-- [start:dense]
class Dense:
    """Affine layer: y = x·W + b for a batch x of shape (N, n_in)."""

    def __init__(self, W, b):
        self.params = {"W": W, "b": b}  # W: (n_in, n_out), b: (n_out,)
        self.grads = {"W": np.zeros_like(W), "b": np.zeros_like(b)}
        self.x = None  # cache: the input of the last forward

    def forward(self, x):
        self.x = x
        return x @ self.params["W"] + self.params["b"]

    def backward(self, dout):
        self.grads["W"] = self.x.T @ dout  # dW = xᵀ·dY
        self.grads["b"] = dout.sum(axis=0)  # db = Σ over the batch of dY
        return dout @ self.params["W"].T  # dx = dY·Wᵀ
# --8<-- [end:dense]


# --8<-- [start:sigmoid]
class Sigmoid:
    """y = 1 / (1 + e^(-x)); dy/dx = y·(1 − y)."""

    def __init__(self):
        self.out = None  # cache: the output of the last forward

    def forward(self, x):
        self.out = sigmoid(x)
        return self.out

    def backward(self, dout):
        return dout * self.out * (1 - self.out)
# --8<-- [end:sigmoid]


# --8<-- [start:tanh]
class Tanh:
    """y = tanh(x); dy/dx = 1 − y²."""

    def __init__(self):
        self.out = None  # cache: the output of the last forward

    def forward(self, x):
        self.out = tanh(x)
        return self.out

    def backward(self, dout):
        return dout * (1 - self.out**2)
# --8<-- [end:tanh]


# --8<-- [start:relu]
class ReLU:
    """y = max(0, x); dy/dx = 1 where x > 0, else 0 (we take 0 at the kink x = 0)."""

    def __init__(self):
        self.mask = None  # cache: where the last input was positive

    def forward(self, x):
        self.mask = x > 0
        return relu(x)

    def backward(self, dout):
        return np.where(self.mask, dout, 0.0)
# --8<-- [end:relu]


# --8<-- [start:leaky_relu]
class LeakyReLU:
    """y = x where x > 0, else alpha·x; dy/dx = 1 or alpha."""

    def __init__(self, alpha=0.01):
        self.alpha = alpha
        self.mask = None  # cache: where the last input was positive

    def forward(self, x):
        self.mask = x > 0
        return leaky_relu(x, self.alpha)

    def backward(self, dout):
        return np.where(self.mask, dout, self.alpha * dout)
# --8<-- [end:leaky_relu]


# --8<-- [start:registry]
ACTIVATION_LAYERS = {"sigmoid": Sigmoid, "tanh": Tanh, "relu": ReLU, "leaky_relu": LeakyReLU}
# --8<-- [end:registry]


# --8<-- [start:softmax_cross_entropy]
class SoftmaxCrossEntropy:
    """Softmax of the scores, then cross-entropy with integer labels, averaged over the batch.

    forward(scores, labels) -> loss; backward(dout=1) -> dL/dscores = (p − y_onehot) / N.
    """

    def __init__(self):
        self.probs = None  # cache: softmax of the last scores, shape (N, C)
        self.labels = None  # cache: the last labels, shape (N,)

    def forward(self, scores, labels):
        shifted = scores - scores.max(axis=1, keepdims=True)  # largest is 0: exp cannot overflow
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        self.probs = np.exp(log_probs)
        self.labels = labels
        rows = np.arange(len(labels))
        return -log_probs[rows, labels].mean()

    def backward(self, dout=1.0):
        rows = np.arange(len(self.labels))
        dscores = self.probs.copy()  # a copy, so the cache survives for another backward
        dscores[rows, self.labels] -= 1
        return dscores * (dout / len(self.labels))
# --8<-- [end:softmax_cross_entropy]


# --8<-- [start:mean_squared_error]
class MeanSquaredError:
    """L = ½·Σ(y − t)² / N: half the squared error, summed over outputs, averaged over the batch.

    backward(dout=1) -> dL/dy = (y − t) / N. (PyTorch's MSELoss has no ½ and also averages over
    the outputs: it is this loss times 2 / n_outputs.)
    """

    def __init__(self):
        self.diff = None  # cache: y − t of the last forward

    def forward(self, y, t):
        self.diff = y - t
        return 0.5 * np.sum(self.diff**2) / len(y)

    def backward(self, dout=1.0):
        return self.diff * (dout / len(self.diff))
# --8<-- [end:mean_squared_error]


if __name__ == "__main__":
    # --8<-- [start:demo]
    x = np.array([[-2.0, 0.0, 3.0]])
    for layer in [Sigmoid(), Tanh(), ReLU(), LeakyReLU(0.1)]:
        y = layer.forward(x)
        dx = layer.backward(np.ones_like(x))
        print(f"{type(layer).__name__:9s} y = {np.round(y, 4)}  dy/dx = {np.round(dx, 4)}")

    dense = Dense(np.array([[0.2, -0.1], [0.4, 0.3], [-0.5, 0.1]]), np.array([0.1, -0.1]))
    scores = dense.forward(x)
    loss_layer = SoftmaxCrossEntropy()
    loss = loss_layer.forward(scores, np.array([0]))
    dx = dense.backward(loss_layer.backward())
    print("scores =", np.round(scores, 4), " loss =", np.round(loss, 4))
    print("dW =", np.round(dense.grads["W"], 4).tolist())
    print("db =", np.round(dense.grads["b"], 4), " dx =", np.round(dx, 4))
    # --8<-- [end:demo]
