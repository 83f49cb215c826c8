"""Activations with parameters or with two inputs, as layers with forward(x) / backward(dout):
PReLU (a learned slope), GLU and SwiGLU (two projections, one gating the other); and SELU's
self-normalisation measured through a deep stack.

Run `python -m snippets.activation_layers` for a small demo.
"""
# --8<-- [start:imports]
import numpy as np

from snippets.activations import ACTIVATIONS, prelu, prelu_grad, prelu_grad_slope, relu, selu
from snippets.gradcheck import check_layer
# --8<-- [end:imports]


# --8<-- [start:prelu_layer]
class PReLU:
    """y = x where x > 0, else a·x, with one learned slope per neuron (He et al., 2015)."""

    def __init__(self, n, a=0.25):
        self.params = {"a": np.full(n, a)}
        self.grads = {"a": np.zeros(n)}
        self.x = None  # cache: the input of the last forward

    def forward(self, x):
        self.x = x
        return prelu(x, self.params["a"])

    def backward(self, dout):
        # a is shared by every sample of the batch (a copy node): sum over the batch
        self.grads["a"] = (dout * prelu_grad_slope(self.x)).sum(axis=0)
        return dout * prelu_grad(self.x, self.params["a"])
# --8<-- [end:prelu_layer]


# --8<-- [start:glu_layer]
GATES = {name: ACTIVATIONS[name] for name in ("sigmoid", "silu")}  # (f, f')


class GLU:
    """y = gate(x·W) ⊙ (x·V): GLU with the sigmoid gate (Dauphin et al., 2017), SwiGLU with SiLU
    (Shazeer, 2020). W and V: (n_in, n_out). Biases are left out, as in Shazeer's feed-forward."""

    def __init__(self, W, V, gate="silu"):
        self.params = {"W": W, "V": V}
        self.grads = {"W": np.zeros_like(W), "V": np.zeros_like(V)}
        self.gate, self.gate_grad = GATES[gate]
        self.x = self.a = self.b = None  # cache: the input and both projections

    def forward(self, x):
        self.x = x
        self.a, self.b = x @ self.params["W"], x @ self.params["V"]
        return self.gate(self.a) * self.b

    def backward(self, dout):
        da = dout * self.b * self.gate_grad(self.a)  # product rule: each factor times the other
        db = dout * self.gate(self.a)
        self.grads["W"] = self.x.T @ da
        self.grads["V"] = self.x.T @ db
        return da @ self.params["W"].T + db @ self.params["V"].T  # x feeds both: sum
# --8<-- [end:glu_layer]


# --8<-- [start:depth_stats]
def depth_statistics(f, init_std, depth=32, width=256, n=1000, seed=0):
    """Mean and variance of the activations after each of `depth` layers h = f(h·W) of `width`
    neurons, for n inputs ~ N(0, 1) and weights ~ N(0, init_std(width)²)."""
    rng = np.random.default_rng(seed)
    h = rng.standard_normal((n, width))
    means, variances = [], []
    for _ in range(depth):
        h = f(h @ (init_std(width) * rng.standard_normal((width, width))))
        means.append(h.mean())
        variances.append(h.var())
    return np.array(means), np.array(variances)


def lecun_std(n_in):
    return np.sqrt(1 / n_in)  # LeCun et al. (1998), what SELU assumes


def he_std(n_in):
    return np.sqrt(2 / n_in)  # He et al. (2015), for ReLU


STACKS = {"selu, LeCun": (selu, lecun_std), "relu, He": (relu, he_std)}
# --8<-- [end:depth_stats]


if __name__ == "__main__":
    np.set_printoptions(precision=4)  # as the page's set-up block

    # --8<-- [start:demo_prelu]
    rng = np.random.default_rng(0)
    x = rng.standard_normal((8, 3))  # a batch of 8 samples, 3 neurons
    layer = PReLU(3)
    y = layer.forward(x)
    layer.backward(np.ones_like(y))  # dL/dy = 1: dL/da_j = sum of x_nj where x_nj <= 0
    print("dL/da:", layer.grads["a"])
    print("sum of the negative inputs:", np.minimum(x, 0).sum(axis=0))
    errors = check_layer(PReLU(3, a=0.1), x)  # relative errors against central differences
    print("check_layer:", {name: "ok" if e < 1e-7 else e for name, e in errors.items()})
    # --8<-- [end:demo_prelu]

    # --8<-- [start:demo_selu]
    shown = (1, 2, 4, 8, 16, 32)
    print("layer            " + "".join(f"{k:>7d}" for k in shown) + "   all 32 layers")
    for name, (f, init_std) in STACKS.items():
        means, variances = depth_statistics(f, init_std)
        for label, values in [("mean", means), ("var", variances)]:
            print(f"{name:12} {label:4}" + "".join(f"{values[k - 1]:7.3f}" for k in shown)
                  + f"   {values.min():.3f} to {values.max():.3f}")
    # --8<-- [end:demo_selu]

    # --8<-- [start:demo_glu]
    rng = np.random.default_rng(0)
    x = rng.standard_normal((4, 3))  # N = 4 samples, 3 inputs
    W, V = rng.standard_normal((3, 5)), rng.standard_normal((3, 5))  # two projections to 5
    layer = GLU(W, V, gate="silu")
    y = layer.forward(x)
    print("x", x.shape, " W", W.shape, " V", V.shape, " y", y.shape)
    print("parameters:", W.size + V.size, "(a Dense layer 3 -> 5 has", W.size, "weights)")
    for gate in ("sigmoid", "silu"):
        errors = check_layer(GLU(W.copy(), V.copy(), gate), x)
        print(f"check_layer, {gate} gate:", {name: "ok" if e < 1e-7 else e for name, e in errors.items()})
    # --8<-- [end:demo_glu]
