"""snippets/mlp.py and snippets/gradcheck.py: the whole network's gradient against finite
differences and PyTorch, the worked example, and training runs that must reach stated accuracies."""

import numpy as np
import pytest

from frameworks import require
from snippets.datasets import digits, spirals, xor
from snippets.gradcheck import check_model, numerical_gradient, relative_error, worked_example
from snippets.layers import Dense
from snippets.mlp import MLP, init_std, train

TOL = 1e-7  # relative error of backprop vs. central differences (h = 1e-5, float64)


class SGD:
    """Plain gradient descent, θ ← θ − η·g, in place (the tests' own; snippets/optimizers.py has
    the ones the site explains)."""

    def __init__(self, lr):
        self.lr = lr

    def update(self, params, grads):
        for name in params:
            params[name] -= self.lr * grads[name]


def pre_activations(model, X):
    """The inputs of every activation layer for the batch X."""
    zs = []
    for layer in model.layers:
        X = layer.forward(X)
        if isinstance(layer, Dense):
            zs.append(X)
    return zs[:-1]  # the last Dense gives scores, not an activation's input


# ---- structure ----------------------------------------------------------------------------------

def test_params_are_the_layers_arrays_and_grads_are_keyed_like_params():
    model = MLP([3, 5, 4, 2], seed=0)
    assert list(model.params) == ["W1", "b1", "W2", "b2", "W3", "b3"]
    dense = [layer for layer in model.layers if isinstance(layer, Dense)]
    for i, layer in enumerate(dense, start=1):
        assert model.params[f"W{i}"] is layer.params["W"]  # shared, so updates reach the layer
        assert model.params[f"b{i}"] is layer.params["b"]
    X, y = np.ones((4, 3)), np.array([0, 1, 1, 0])
    model.loss(X, y)
    grads = model.backward()
    assert list(grads) == list(model.params)
    assert all(grads[k].shape == model.params[k].shape for k in grads)


@pytest.mark.parametrize("init, expected", [("he", np.sqrt(2 / 400)),
                                            ("xavier", np.sqrt(2 / 500)), (0.01, 0.01)])
def test_initial_weights_have_the_stated_spread(init, expected):
    assert init_std(init, 400, 100) == pytest.approx(expected)
    W = MLP([400, 100, 2], init=init, seed=0).params["W1"]
    assert W.std() == pytest.approx(expected, rel=0.02)  # 40 000 draws
    assert np.array_equal(MLP([400, 100, 2], init=init, seed=0).params["W1"], W)  # seeded


# ---- gradient of the whole network vs. finite differences ---------------------------------------

@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu", "leaky_relu"])
def test_mlp_gradient_matches_finite_differences(activation):
    rng = np.random.default_rng(3)
    X, y = rng.standard_normal((8, 4)), rng.integers(0, 3, size=8)
    model = MLP([4, 6, 5, 3], activation=activation, init="xavier", seed=1)
    for b in ["b1", "b2", "b3"]:  # non-zero biases, so their gradients are tested too
        model.params[b] += rng.normal(0, 0.1, size=model.params[b].shape)
    if "relu" in activation:  # keep every unit away from the kink: |z| ≫ h
        assert min(np.abs(z).min() for z in pre_activations(model, X)) > 1e-3
    errors = check_model(model, X, y)
    assert max(errors.values()) < TOL, errors


def test_backward_twice_and_forward_again():
    rng = np.random.default_rng(4)
    X1, X2 = rng.standard_normal((6, 3)), rng.standard_normal((6, 3))
    y = np.array([0, 1, 2, 0, 1, 2])
    model, fresh = MLP([3, 8, 3], seed=0), MLP([3, 8, 3], seed=0)

    model.loss(X1, y)
    first = {k: g.copy() for k, g in model.backward().items()}
    second = model.backward()
    assert all(np.array_equal(first[k], second[k]) for k in first)  # same, not accumulated

    model.loss(X2, y)  # forward again: backward now refers to X2 only
    fresh.loss(X2, y)
    again, expected = model.backward(), fresh.backward()
    assert all(np.array_equal(again[k], expected[k]) for k in again)


# ---- the worked example ---------------------------------------------------------------------------

def test_worked_example_values_by_hand():
    v = worked_example()
    sigma = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    np.testing.assert_allclose(v["z1"], [[0.1, 0.45]], rtol=1e-15)
    np.testing.assert_allclose(v["h"], sigma(np.array([[0.1, 0.45]])), rtol=1e-15)
    h1, h2 = v["h"][0]
    z2 = 0.5 * h1 - 0.6 * h2 + 0.2
    y = sigma(z2)
    assert v["y"][0, 0] == pytest.approx(y, rel=1e-15)
    assert v["E"] == pytest.approx(0.5 * (y - 1) ** 2, rel=1e-14)
    delta2 = (y - 1) * y * (1 - y)  # dE/dz2
    np.testing.assert_allclose(v["dE/dW2"], [[delta2 * h1], [delta2 * h2]], rtol=1e-14)
    delta1 = delta2 * np.array([0.5, -0.6]) * v["h"][0] * (1 - v["h"][0])  # dE/dz1
    np.testing.assert_allclose(v["dE/dW1"], np.outer([1.0, 0.5], delta1), rtol=1e-14)
    np.testing.assert_allclose(v["dE/db1"], delta1, rtol=1e-14)
    # the rounded numbers a reader checks with pencil and paper
    assert round(float(v["E"]), 4) == 0.1133
    assert np.array_equal(np.round(v["dE/dW1"], 4), [[-0.0148, 0.0169], [-0.0074, 0.0085]])


@pytest.mark.parametrize("output", ["sigmoid", "linear"])
def test_worked_example_matches_pytorch(output):
    torch = require("torch")
    v = worked_example(output)
    x = torch.tensor([[1.0, 0.5]], dtype=torch.float64)
    W1 = torch.tensor([[0.1, 0.4], [-0.2, 0.3]], dtype=torch.float64, requires_grad=True)
    b1 = torch.tensor([0.1, -0.1], dtype=torch.float64, requires_grad=True)
    W2 = torch.tensor([[0.5], [-0.6]], dtype=torch.float64, requires_grad=True)
    b2 = torch.tensor([0.2], dtype=torch.float64, requires_grad=True)
    z2 = torch.sigmoid(x @ W1 + b1) @ W2 + b2
    y = torch.sigmoid(z2) if output == "sigmoid" else z2
    E = 0.5 * ((y - 1.0) ** 2).sum()
    E.backward()
    assert abs(v["E"] - E.item()) < 1e-15
    for name, param in [("W1", W1), ("b1", b1), ("W2", W2), ("b2", b2)]:
        assert relative_error(v[f"dE/d{name}"], param.grad.numpy()) < 1e-14


# ---- PyTorch autograd, float64 --------------------------------------------------------------------

def torch_mlp_loss(torch, params, activation, X, y):
    F = torch.nn.functional
    act = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": F.relu,
           "leaky_relu": lambda z: F.leaky_relu(z, 0.01)}[activation]
    n_layers = len(params) // 2
    out = torch.tensor(X)
    for i in range(1, n_layers + 1):
        out = out @ params[f"W{i}"] + params[f"b{i}"]
        if i < n_layers:
            out = act(out)
    return F.cross_entropy(out, torch.tensor(y))


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu", "leaky_relu"])
def test_mlp_loss_and_gradients_match_pytorch(activation):
    torch = require("torch")
    (X, y), _ = digits(seed=0)
    X, y = X[:64], y[:64]
    model = MLP([64, 32, 16, 10], activation=activation, seed=2)
    loss = model.loss(X, y)
    grads = model.backward()
    params = {k: torch.tensor(v, requires_grad=True) for k, v in model.params.items()}
    torch_loss = torch_mlp_loss(torch, params, activation, X, y)
    torch_loss.backward()
    assert abs(loss - torch_loss.item()) < 1e-12
    errors = {k: relative_error(grads[k], params[k].grad.numpy()) for k in grads}
    assert max(errors.values()) < 1e-12, errors


def test_training_matches_pytorch_sgd_step_by_step():
    torch = require("torch")
    X, y = spirals(n_per_class=50, seed=0)
    model = MLP([2, 16, 3], activation="tanh", seed=0)
    params = {k: torch.tensor(v.copy(), requires_grad=True) for k, v in model.params.items()}
    optimizer = torch.optim.SGD(params.values(), lr=0.0625)  # exact in binary
    sgd = SGD(lr=0.0625)
    for _ in range(100):
        loss = model.loss(X, y)
        sgd.update(model.params, model.backward())
        optimizer.zero_grad()
        torch_loss = torch_mlp_loss(torch, params, "tanh", X, y)
        torch_loss.backward()
        optimizer.step()
        assert abs(loss - torch_loss.item()) < 1e-12
    errors = {k: relative_error(model.params[k], params[k].detach().numpy()) for k in params}
    assert max(errors.values()) < 1e-12, errors


# ---- training reaches stated accuracies -----------------------------------------------------------

def test_train_is_deterministic_and_records_every_epoch():
    X, y = spirals(n_per_class=30, seed=0)
    runs = [train(MLP([2, 8, 3], seed=0), X, y, SGD(0.1), epochs=5, batch_size=16, seed=0)
            for _ in range(2)]
    assert len(runs[0]["loss"]) == len(runs[0]["accuracy"]) == 5
    assert runs[0] == runs[1]


def test_xor_is_learned_perfectly():
    """2-4-2 tanh, Xavier init, seed 0, full batch, SGD η = 0.5, 500 epochs."""
    X, y = xor()
    model = MLP([2, 4, 2], activation="tanh", init="xavier", seed=0)
    history = train(model, X, y, SGD(0.5), epochs=500, batch_size=4, seed=0)
    assert model.accuracy(X, y) == 1.0
    assert history["loss"][-1] < 0.05


def test_spirals_are_learned():
    """2-64-3 ReLU, He init, seed 0, batch 32, SGD η = 0.5, 300 epochs: measured 97.7% on the
    training spirals and 97.0% on spirals drawn with another noise seed."""
    X, y = spirals(n_per_class=100, n_classes=3, noise=0.2, seed=0)
    X_new, y_new = spirals(n_per_class=100, n_classes=3, noise=0.2, seed=1)
    model = MLP([2, 64, 3], activation="relu", init="he", seed=0)
    history = train(model, X, y, SGD(0.5), epochs=300, batch_size=32, seed=0)
    assert history["accuracy"][-1] >= 0.95
    assert model.accuracy(X_new, y_new) >= 0.93
    assert history["loss"][-1] < history["loss"][0] / 5


def test_digits_are_learned():
    """64-64-10 ReLU, He init, seed 0, batch 32, SGD η = 0.2, 20 epochs: measured 99.1% on the
    1348 training images and 96.0% on the 449 held-out ones."""
    (X_train, y_train), (X_test, y_test) = digits(seed=0)
    model = MLP([64, 64, 10], activation="relu", init="he", seed=0)
    history = train(model, X_train, y_train, SGD(0.2), epochs=20, batch_size=32, seed=0)
    assert history["accuracy"][-1] >= 0.97
    assert model.accuracy(X_test, y_test) >= 0.93


def test_numerical_gradient_of_a_shared_weight_array():
    """The way check_model uses it: f ignores its argument and reads the nudged array via the model."""
    model = MLP([2, 3, 2], activation="tanh", seed=0)
    X, y = xor()
    W = model.params["W2"]
    before = W.copy()
    numeric = numerical_gradient(lambda _: model.loss(X, y), W)
    model.loss(X, y)
    assert np.array_equal(W, before)
    assert relative_error(model.backward()["W2"], numeric) < TOL
