"""Deep stacks of the layers in `snippets.layers`: how gradients and activations behave with depth.

Helpers that build deep MLPs, measure each layer's gradient norm, activation statistics and
variance ratios, and the small training experiments of the vanishing-gradient chapter.
Run `python -m snippets.deep_nets` for a small demo.
"""
import functools

import numpy as np

from snippets.batchnorm import BatchNorm
from snippets.clipping import Clipped
from snippets.datasets import digits, spirals
from snippets.layers import ACTIVATION_LAYERS, Dense, Sigmoid
from snippets.mlp import MLP, init_std, train
from snippets.optimizers import SGD
from snippets.residual import Residual


# --8<-- [start:max_derivative]
def max_derivative(activation, z=np.linspace(-10, 10, 200_001)):
    """The largest local derivative f′(z) of an activation layer on a fine grid, and where it is."""
    layer = ACTIVATION_LAYERS[activation]()
    layer.forward(z)
    d = layer.backward(np.ones_like(z))
    return d.max(), z[d.argmax()]


def typical_derivative(activation, n=100_000, seed=0):
    """The average local derivative f′(z) over pre-activations z ~ N(0, 1)."""
    z = np.random.default_rng(seed).standard_normal(n)
    layer = ACTIVATION_LAYERS[activation]()
    layer.forward(z)
    return layer.backward(np.ones_like(z)).mean()


def derivative_product(activation, depth=20, n=10_000, seed=0):
    """Mean and median of f′(z_1)·…·f′(z_depth) over n chains of independent z_l ~ N(0, 1)."""
    z = np.random.default_rng(seed).standard_normal((n, depth))
    layer = ACTIVATION_LAYERS[activation]()
    layer.forward(z)
    product = layer.backward(np.ones_like(z)).prod(axis=1)
    return product.mean(), np.median(product)
# --8<-- [end:max_derivative]


# --8<-- [start:sigmoid_chain]
def sigmoid_chain(depth, n=1000, seed=0):
    """A chain of `depth` one-unit layers h ← σ(w·h + b) with w, b ~ N(0, 1).

    Returns dh_L/dx for n inputs x ~ N(0, 1) (by backpropagation) and the bound 0.25^L·∏|w|.
    """
    rng = np.random.default_rng(seed)
    layers = []
    for _ in range(depth):
        layers += [Dense(rng.standard_normal((1, 1)), rng.standard_normal(1)), Sigmoid()]
    h = rng.standard_normal((n, 1))
    for layer in layers:
        h = layer.forward(h)
    d = np.ones_like(h)
    for layer in reversed(layers):
        d = layer.backward(d)
    weights = np.array([layer.params["W"][0, 0] for layer in layers[::2]])
    return d[:, 0], 0.25**depth * np.prod(np.abs(weights))
# --8<-- [end:sigmoid_chain]


# --8<-- [start:deep_mlp]
def deep_mlp(activation, init, depth=20, width=100, n_classes=10, seed=0):
    """An MLP with `depth` hidden layers of `width` units on `width` inputs."""
    return MLP([width] * (depth + 1) + [n_classes], activation, init, seed)


def random_batch(n=200, width=100, n_classes=10, seed=0, std=1.0):
    """Inputs x ~ N(0, std²) and random labels: enough to look at one backward pass."""
    rng = np.random.default_rng(seed)
    return std * rng.standard_normal((n, width)), rng.integers(0, n_classes, n)


def pre_activations(model, X):
    """z_l = h_{l−1}·W_l + b_l for every hidden layer l (the inputs of the activations)."""
    zs = []
    for layer in model.layers[:-1]:
        X = layer.forward(X)
        if isinstance(layer, Dense):
            zs.append(X)
    return zs


def hidden_outputs(model, X):
    """h_l = f(z_l) for every hidden layer l (the outputs of the activations)."""
    hs = []
    for layer in model.layers[:-1]:
        X = layer.forward(X)
        if not isinstance(layer, Dense):
            hs.append(X)
    return hs


def gradient_norms(model, X, y):
    """‖∂L/∂W_l‖ for every layer l = 1 … L+1 (the last is the output layer), after one backward."""
    model.loss(X, y)
    model.backward()
    return np.array([np.linalg.norm(layer.grads["W"]) for layer in model.dense_layers])
# --8<-- [end:deep_mlp]


# --8<-- [start:gradient_norm_table]
INITS = {"std 1": 1.0, "std 0.01": 0.01, "Xavier": "xavier", "He": "he"}


@functools.cache
def gradient_norm_table(depth=20, width=100):
    """{(activation, init name): per-layer gradient norms} for one random batch, same seed."""
    X, y = random_batch(width=width)
    return {(act, name): gradient_norms(deep_mlp(act, init, depth, width), X, y)
            for act in ("sigmoid", "tanh", "relu") for name, init in INITS.items()}
# --8<-- [end:gradient_norm_table]


# --8<-- [start:variance_ratios]
@functools.cache
def variance_ratios(activation, init, depth=20, width=500, n=250, input_std=1.0, seed=0):
    """Var(z_{l+1}) / Var(z_l) for consecutive hidden layers, and Var(z_l) itself."""
    model = deep_mlp(activation, init, depth, width, seed=seed)
    X, _ = random_batch(n, width, seed=seed + 1, std=input_std)
    var = np.array([z.var() for z in pre_activations(model, X)])
    return var[1:] / var[:-1], var
# --8<-- [end:variance_ratios]


# --8<-- [start:deep_net]
class DeepNet(MLP):
    """An MLP whose hidden layers can carry batch normalization (Dense → BatchNorm → f) and/or be
    residual blocks (h ← h + f(Dense(h)), for every hidden layer after the first).

    A residual branch starts with its weights scaled by 1/√(number of blocks), so that adding the
    branches does not blow up the variance of h at initialization (as in Fixup, Zhang et al. 2019).
    """

    def __init__(self, sizes, activation="relu", init="he", seed=0, batchnorm=False,
                 residual=False):
        self.batchnorm, self.residual = batchnorm, residual
        self.branch_scale = 1 / np.sqrt(max(len(sizes) - 3, 1))
        super().__init__(sizes, activation, init, seed)

    def hidden_layers(self, dense, activation, i):
        hidden = super().hidden_layers(dense, activation, i)  # [Dense, activation]
        if self.batchnorm:
            bn = BatchNorm(dense.params["W"].shape[1])
            self.add_params(bn, i)  # gamma1, beta1, …
            hidden.insert(1, bn)
        if self.residual and i > 1:
            dense.params["W"] *= self.branch_scale  # in place: params holds the same array
            return [Residual(hidden)]
        return hidden

    def set_training(self, training):
        for _, layer, key in self.slots:
            if isinstance(layer, BatchNorm):
                layer.training = training

    def predict(self, X):
        self.set_training(False)  # batch norm uses its running averages
        try:
            return self.forward(X).argmax(axis=1)
        finally:
            self.set_training(True)
# --8<-- [end:deep_net]


# --8<-- [start:training_runs]
RUNS = {  # name: (activation, init, batchnorm, residual)
    "sigmoid": ("sigmoid", "xavier", False, False),
    "tanh": ("tanh", "xavier", False, False),
    "relu": ("relu", "he", False, False),
    "sigmoid+bn": ("sigmoid", "xavier", True, False),
    "relu+bn": ("relu", "he", True, False),
    "sigmoid+res": ("sigmoid", "xavier", False, True),
    "relu+res": ("relu", "he", False, True),
}


@functools.cache
def training_run(name, depth=10, width=32, epochs=100, seed=0, init=None):
    """Train a `depth`-hidden-layer net on the spirals: momentum SGD (η = 0.005, μ = 0.9),
    mini-batches of 100. `init` (a standard deviation, say) replaces the run's initialization.
    Returns the history (loss and accuracy per epoch). At η = 0.05 the plain tanh and ReLU nets
    are chaotic: two CPUs' matrix-multiply kernels, which round differently, end at different
    losses (0.038 and 0.266 for tanh); at η = 0.005 every run prints the same."""
    from snippets.optimizers import Momentum

    activation, run_init, batchnorm, residual = RUNS[name]
    init = run_init if init is None else init
    X, y = spirals(n_per_class=100, n_classes=3, noise=0.2, seed=0)
    model = DeepNet([2] + [width] * depth + [3], activation, init, seed, batchnorm, residual)
    return train(model, X, y, Momentum(lr=0.005, momentum=0.9), epochs, batch_size=100, seed=seed)
# --8<-- [end:training_runs]


# --8<-- [start:exploding_runs]
@functools.cache
def exploding_run(max_norm=None, std=0.5, depth=10, width=32, epochs=50, seed=0):
    """ReLU net with weights ~ N(0, std²): std 0.5 is twice He's √(2/32) = 0.25, so each layer
    multiplies the signal by about 2. Trained as in training_run, optionally with clipping, for 50
    epochs: the clipped run is chaotic after about 60, where the last bits a CPU rounds differently
    decide the accuracy printed. Returns the history and the global gradient norm of every step
    (before clipping)."""
    from snippets.optimizers import Momentum

    X, y = spirals(n_per_class=100, n_classes=3, noise=0.2, seed=0)
    model = DeepNet([2] + [width] * depth + [3], "relu", std, seed)
    optimizer = Clipped(Momentum(lr=0.005, momentum=0.9), np.inf if max_norm is None else max_norm)
    with np.errstate(over="ignore", invalid="ignore"):  # the unclipped run overflows on purpose
        history = train(model, X, y, optimizer, epochs, batch_size=100, seed=seed)
    return history, np.array(optimizer.norms)
# --8<-- [end:exploding_runs]


# --8<-- [start:glorot]
def uniform_init(model, seed=0):
    """The 'commonly used' initialization of Glorot & Bengio (2010): W ~ U[−1/√n_in, 1/√n_in]."""
    rng = np.random.default_rng(seed)
    for layer in model.dense_layers:
        W = layer.params["W"]
        limit = 1 / np.sqrt(W.shape[0])
        W[...] = rng.uniform(-limit, limit, W.shape)  # in place: the layers see it


@functools.cache
def glorot_saturation(steps=1200, every=40, width=100, seed=0):
    """Sigmoid MLP 64-100-100-100-100-10 on the digits, U[−1/√n, 1/√n] init, SGD (η = 0.1) on
    mini-batches of 10. Returns the steps and the mean and std of each hidden layer's activations
    on 300 fixed test images at those steps, and the final test accuracy."""
    (X, y), (X_test, y_test) = digits(seed=seed)
    model = MLP([64] + [width] * 4 + [10], "sigmoid", 1.0, seed)
    uniform_init(model, seed)
    optimizer, rng, probe = SGD(lr=0.1), np.random.default_rng(seed), X_test[:300]
    at, means, stds = [], [], []
    for step in range(steps + 1):
        if step % every == 0:
            hs = hidden_outputs(model, probe)
            at.append(step)
            means.append([h.mean() for h in hs])
            stds.append([h.std() for h in hs])
        if step < steps:
            batch = rng.integers(0, len(y), 10)
            model.loss(X[batch], y[batch])
            optimizer.update(model.params, model.backward())
    return np.array(at), np.array(means), np.array(stds), model.accuracy(X_test, y_test)
# --8<-- [end:glorot]


if __name__ == "__main__":
    # --8<-- [start:print_derivatives]
    for act in ("sigmoid", "tanh", "relu"):
        top, at = max_derivative(act)
        print(f"{act:8s} max f'(z) = {top:.4f} at z = {at:.4f};"
              f" mean f'(z) for z ~ N(0, 1) = {typical_derivative(act):.4f}")
    # --8<-- [end:print_derivatives]

    # --8<-- [start:print_products]
    mean, median = derivative_product("tanh", depth=20)
    print(f"tanh, 20 factors f'(z_l): mean {mean:.1e}, median {median:.1e}")
    # --8<-- [end:print_products]

    # --8<-- [start:print_chain]
    for depth in (5, 10, 20):
        grads, bound = sigmoid_chain(depth)
        print(f"L = {depth:2d}: largest |dh_L/dx| = {np.abs(grads).max():.2e}"
              f" <= 0.25^L·∏|w_l| = {bound:.2e}")
    # --8<-- [end:print_chain]

    # --8<-- [start:print_gradient_norms]
    for (act, init), g in gradient_norm_table().items():
        print(f"{act:8s} {init:9s} layer 1: {g[0]:7.1e}   layer 21: {g[-1]:7.1e}"
              f"   ratio: {g[0] / g[-1]:7.1e}")
    # --8<-- [end:print_gradient_norms]

    # --8<-- [start:print_variance]
    for act, init, input_std in [("relu", "he", 1.0), ("relu", "xavier", 1.0),
                                 ("tanh", "xavier", 0.1), ("tanh", "xavier", 1.0)]:
        ratios, var = variance_ratios(act, init, input_std=input_std)
        print(f"{act:4s} {init:6s} input std {input_std}: ratios {ratios.min():.3f} … "
              f"{ratios.max():.3f}, mean {ratios.mean():.3f}; Var(z_20)/Var(z_1) = {var[-1] / var[0]:.2g}")
    # --8<-- [end:print_variance]

    # --8<-- [start:print_glorot]
    steps, means, stds, accuracy = glorot_saturation()
    for layer in range(means.shape[1]):
        print(f"hidden layer {layer + 1}: mean output {means[0, layer]:.3f} at step 0,"
              f" {means[-1, layer]:.3f} at step {steps[-1]}")
    print(f"test accuracy after {steps[-1]} steps: {accuracy:.3f}")
    # --8<-- [end:print_glorot]

    # --8<-- [start:print_training]
    for name in RUNS:
        history = training_run(name)
        print(f"{name:12s} loss after epoch 1: {history['loss'][0]:6.3f}, after epoch 100:"
              f" {history['loss'][-1]:.3f}; accuracy {history['accuracy'][-1]:.3f}")
    # --8<-- [end:print_training]

    # --8<-- [start:print_sigmoid_scales]
    print(f"Xavier's std for 32 -> 32 units: {init_std('xavier', 32, 32):.3f}")
    for std in (0.5, 1.0, 1.5, 2.0):
        history = training_run("sigmoid", init=std)
        print(f"sigmoid std {std}: loss after epoch 100: {history['loss'][-1]:.2f};"
              f" accuracy {history['accuracy'][-1]:.3f}")
    # --8<-- [end:print_sigmoid_scales]

    # --8<-- [start:print_exploding]
    for max_norm in (None, 1.0):
        history, norms = exploding_run(max_norm)
        print(f"max_norm {max_norm}: ‖g‖ of the first 11 steps:", " ".join(f"{n:.0e}" for n in norms[:11]))
        print(f"    steps with ‖g‖ = inf or nan: {(np.flatnonzero(~np.isfinite(norms)) + 1).tolist()},"
              f" final accuracy {history['accuracy'][-1]:.3f}")
    # --8<-- [end:print_exploding]
