"""Activation functions and their derivatives in NumPy (float64, stable for large |x|).

Run `python -m snippets.activations` for a small demo.
"""
import math

import numpy as np


# --8<-- [start:sigmoid]
def sigmoid(x):
    # exp(-|x|) is at most 1, so it never overflows
    z = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + z), z / (1 + z))


def sigmoid_grad(x):
    s = sigmoid(x)
    return s * (1 - s)
# --8<-- [end:sigmoid]


# --8<-- [start:tanh]
def tanh(x):
    return np.tanh(x)


def tanh_grad(x):
    return 1 - np.tanh(x) ** 2
# --8<-- [end:tanh]


# --8<-- [start:relu]
def relu(x):
    return np.where(x > 0, x, 0.0)


def relu_grad(x):
    # at x = 0 we use 0, as PyTorch and Keras do
    return (x > 0).astype(np.float64)
# --8<-- [end:relu]


# --8<-- [start:leaky_relu]
def leaky_relu(x, slope=0.01):
    return np.where(x > 0, x, slope * x)


def leaky_relu_grad(x, slope=0.01):
    return np.where(x > 0, 1.0, slope)
# --8<-- [end:leaky_relu]


# --8<-- [start:elu]
def elu(x, alpha=1.0):
    # min(x, 0) keeps exp from overflowing in the branch np.where throws away
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0)))


def elu_grad(x, alpha=1.0):
    return np.where(x > 0, 1.0, alpha * np.exp(np.minimum(x, 0)))
# --8<-- [end:elu]


# --8<-- [start:gelu]
erfc = np.vectorize(math.erfc, otypes=[np.float64])  # exact, one number at a time


def normal_cdf(x):
    # Phi(x) = erfc(-x / sqrt 2) / 2; unlike 1 + erf(...), it keeps its digits for x << 0
    return 0.5 * erfc(-x / math.sqrt(2))


def normal_pdf(x):
    return np.exp(-0.5 * np.square(x)) / math.sqrt(2 * math.pi)


def gelu(x):
    # exact form x * Phi(x), the default of PyTorch and keras.activations
    return x * normal_cdf(x)


def gelu_grad(x):
    return normal_cdf(x) + x * normal_pdf(x)
# --8<-- [end:gelu]


# --8<-- [start:silu]
def silu(x):
    return x * sigmoid(x)


def silu_grad(x):
    s = sigmoid(x)
    return s * (1 + x * (1 - s))
# --8<-- [end:silu]


# --8<-- [start:softplus]
def softplus(x):
    # log(1 + e^x) = log(e^0 + e^x), computed without overflow
    return np.logaddexp(0, x)


def softplus_grad(x):
    return sigmoid(x)
# --8<-- [end:softplus]


# --8<-- [start:softmax]
def softmax(x):
    # subtracting the row maximum changes nothing but keeps exp <= 1
    z = np.exp(x - np.max(x, axis=-1, keepdims=True))
    return z / np.sum(z, axis=-1, keepdims=True)


def softmax_grad(x):
    # Jacobian dy_i/dx_j = y_i * (delta_ij - y_j), one matrix per row of x
    y = softmax(x)
    return y[..., :, None] * (np.eye(y.shape[-1]) - y[..., None, :])
# --8<-- [end:softmax]


# --8<-- [start:registry]
ACTIVATIONS = {
    "sigmoid": (sigmoid, sigmoid_grad),
    "tanh": (tanh, tanh_grad),
    "relu": (relu, relu_grad),
    "leaky_relu": (leaky_relu, leaky_relu_grad),
    "elu": (elu, elu_grad),
    "gelu": (gelu, gelu_grad),
    "silu": (silu, silu_grad),
    "softplus": (softplus, softplus_grad),
}
# --8<-- [end:registry]


# --8<-- [start:properties]
# dense near 0, sparse out to |x| = 10^4
GRID = np.concatenate([-np.geomspace(1e4, 10, 200), np.linspace(-10, 10, 200_001),
                       np.geomspace(10, 1e4, 200)])


def output_range(f):
    y = f(GRID)
    lo, hi = y.min(), y.max()
    # still moving between x = 10^3 and 10^4: no bound
    far, near = f(np.array([-1e4, 1e4])), f(np.array([-1e3, 1e3]))
    if far[0] < near[0] - 1:
        lo = -np.inf
    if far[1] > near[1] + 1:
        hi = np.inf
    return lo, hi


def mean_output(f):
    # E[f(z)] for z ~ N(0, 1), by the trapezoid rule on [-10, 10]
    z = np.linspace(-10, 10, 200_001)
    return np.trapezoid(f(z) * normal_pdf(z), z)


def saturates(f_grad):
    # which tails have a vanishing derivative
    left, right = f_grad(np.float64(-1e4)) < 1e-12, f_grad(np.float64(1e4)) < 1e-12
    return {(True, True): "both", (True, False): "x<0", (False, True): "x>0",
            (False, False): "no"}[(bool(left), bool(right))]


def properties(activations=ACTIVATIONS):
    table = {}
    for name, (f, f_grad) in activations.items():
        lo, hi = output_range(f)
        mean = mean_output(f)
        table[name] = {
            "min": round(lo, 4) + 0.0,  # + 0.0 turns -0.0 into 0.0
            "max": round(hi, 4) + 0.0,
            "mean": round(mean, 4) + 0.0,
            "zero_centred": abs(mean) < 1e-9,
            "max_grad": round(f_grad(GRID).max(), 4),
            "saturates": saturates(f_grad),
        }
    return table
# --8<-- [end:properties]


# --8<-- [start:print_table]
def print_table(table):
    header = ["", "min", "max", "E[f(z)]", "centred", "max f'", "saturates"]
    print("{:10} {:>7} {:>5} {:>8} {:>7} {:>6} {:>9}".format(*header))
    for name, p in table.items():
        print(f"{name:10} {p['min']:>7g} {p['max']:>5g} {p['mean']:>8g} "
              f"{'yes' if p['zero_centred'] else 'no':>7} {p['max_grad']:>6g} "
              f"{p['saturates']:>9}")
# --8<-- [end:print_table]



# --8<-- [start:prelu]
def prelu(x, a=0.25):
    # Leaky ReLU whose slope a is learned; He et al. (2015) start it at 0.25
    return np.where(x > 0, x, a * x)


def prelu_grad(x, a=0.25):
    return np.where(x > 0, 1.0, a)


def prelu_grad_slope(x):
    # d prelu(x, a) / d a: x on the negative side, 0 elsewhere
    return np.where(x > 0, 0.0, x)
# --8<-- [end:prelu]


# --8<-- [start:selu]
SELU_ALPHA = 1.6732632423543772  # Klambauer et al. (2017): the fixed point mean 0, variance 1
SELU_SCALE = 1.0507009873554805


def selu(x):
    return SELU_SCALE * elu(x, SELU_ALPHA)


def selu_grad(x):
    return SELU_SCALE * elu_grad(x, SELU_ALPHA)
# --8<-- [end:selu]


# --8<-- [start:glu]
def glu(x, W, V, gate=sigmoid):
    # not elementwise: two projections of the whole input, one gating the other
    return gate(x @ W) * (x @ V)


def swiglu(x, W, V):
    return glu(x, W, V, gate=silu)  # SiLU(xW) ⊙ (xV), Shazeer (2020)
# --8<-- [end:glu]


# --8<-- [start:more_registry]
MORE_ACTIVATIONS = {
    "prelu": (prelu, prelu_grad),  # at its initial slope 0.25
    "selu": (selu, selu_grad),
}
# --8<-- [end:more_registry]


if __name__ == "__main__":
    np.set_printoptions(precision=4)  # as the page's set-up block

    # --8<-- [start:demo_values]
    x = np.array([-2.0, 0.0, 2.0])
    for name, (f, f_grad) in ACTIVATIONS.items():
        print(f"{name:10} f={f(x)}  f'={f_grad(x)}")
    # --8<-- [end:demo_values]

    # --8<-- [start:demo_large]
    big = np.array([-1e4, -50.0, 50.0, 1e4])
    with np.errstate(over="raise"):
        try:
            1 / (1 + np.exp(-big))
        except FloatingPointError as error:
            print("naive:  ", error)
        print("sigmoid:", sigmoid(big))
    # --8<-- [end:demo_large]

    # --8<-- [start:demo_max_grad]
    z = np.array([0.0, 0.5, 1.0, 2.0])
    print("sigmoid'(z)  ", sigmoid_grad(z))
    print("tanh'(z)     ", tanh_grad(z))
    print("sigmoid'^10  ", sigmoid_grad(z) ** 10)
    print("tanh'^10     ", tanh_grad(z) ** 10)
    # --8<-- [end:demo_max_grad]

    # --8<-- [start:demo_softmax]
    logits = np.array([[1.0, 2.0, 3.0], [1001.0, 1002.0, 1003.0]])
    y = softmax(logits)
    print(y)
    print(y.sum(axis=-1))
    # --8<-- [end:demo_softmax]

    # --8<-- [start:demo_softplus]
    with np.errstate(over="raise"):
        print(softplus(np.array([-1e4, -1.0, 0.0, 1.0, 1e4])))
    # --8<-- [end:demo_softplus]

    # --8<-- [start:demo_properties]
    print_table(properties())
    # --8<-- [end:demo_properties]

    # --8<-- [start:demo_more_values]
    x = np.array([-2.0, 0.0, 2.0])
    for name, (f, f_grad) in MORE_ACTIVATIONS.items():
        print(f"{name:10} f={f(x)}  f'={f_grad(x)}")
    # --8<-- [end:demo_more_values]

    # --8<-- [start:demo_more_properties]
    print_table(properties(MORE_ACTIVATIONS))
    # --8<-- [end:demo_more_properties]
