"""snippets/layers.py: every backward against central finite differences and PyTorch autograd,
numerical stability, and what a second backward or a new forward does to the cache."""
import warnings

import numpy as np
import pytest

from frameworks import require
from snippets.gradcheck import check_layer, numerical_gradient, relative_error
from snippets.layers import (Dense, LeakyReLU, MeanSquaredError, ReLU, Sigmoid,
                             SoftmaxCrossEntropy, Tanh)

TOL = 1e-7  # relative error of backprop vs. central differences (h = 1e-5, float64)


@pytest.fixture
def rng():
    """A fresh generator per test, so a test sees the same numbers when run alone."""
    return np.random.default_rng(0)


def away_from_kink(shape, seed=1):
    """Values with |x| in [0.1, 2]: a step of h = 1e-5 never crosses ReLU's kink at 0."""
    r = np.random.default_rng(seed)
    return r.choice([-1.0, 1.0], size=shape) * r.uniform(0.1, 2.0, size=shape)


def make_dense(seed=2, n_in=4, n_out=3):
    r = np.random.default_rng(seed)
    return Dense(r.standard_normal((n_in, n_out)), r.standard_normal(n_out))


ELEMENTWISE = [Sigmoid, Tanh, ReLU, lambda: LeakyReLU(0.1)]
ELEMENTWISE_IDS = ["sigmoid", "tanh", "relu", "leaky_relu"]


# ---- backward vs. finite differences -------------------------------------------------------------

def test_dense_gradients_match_finite_differences(rng):
    errors = check_layer(make_dense(), rng.standard_normal((5, 4)))
    assert set(errors) == {"x", "W", "b"}
    assert max(errors.values()) < TOL, errors


@pytest.mark.parametrize("make", ELEMENTWISE, ids=ELEMENTWISE_IDS)
def test_activation_gradients_match_finite_differences(make):
    errors = check_layer(make(), away_from_kink((6, 5)))
    assert errors["x"] < TOL, errors


def test_softmax_cross_entropy_gradient_matches_finite_differences(rng):
    scores = 3 * rng.standard_normal((7, 4))
    labels = rng.integers(0, 4, size=7)
    errors = check_layer(SoftmaxCrossEntropy(), scores, target=labels)
    assert errors["x"] < TOL, errors


def test_mean_squared_error_gradient_matches_finite_differences(rng):
    y, t = rng.standard_normal((6, 3)), rng.standard_normal((6, 3))
    errors = check_layer(MeanSquaredError(), y, target=t)
    assert errors["x"] < TOL, errors


def test_dense_formulas(rng):
    """dX = dY·Wᵀ, dW = Xᵀ·dY, db = Σ dY, written out."""
    layer, x, dout = make_dense(), rng.standard_normal((5, 4)), rng.standard_normal((5, 3))
    layer.forward(x)
    dx = layer.backward(dout)
    np.testing.assert_allclose(dx, dout @ layer.params["W"].T, rtol=1e-15)
    np.testing.assert_allclose(layer.grads["W"], x.T @ dout, rtol=1e-15)
    np.testing.assert_allclose(layer.grads["b"], dout.sum(axis=0), rtol=1e-15)


def test_softmax_cross_entropy_backward_is_p_minus_onehot_over_n(rng):
    scores, labels = rng.standard_normal((5, 3)), np.array([0, 2, 1, 1, 0])
    layer = SoftmaxCrossEntropy()
    loss = layer.forward(scores, labels)
    p = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
    onehot = np.eye(3)[labels]
    np.testing.assert_allclose(layer.probs, p, rtol=1e-14)
    np.testing.assert_allclose(loss, -np.mean(np.log(p[np.arange(5), labels])), rtol=1e-14)
    np.testing.assert_allclose(layer.backward(), (p - onehot) / 5, rtol=1e-13, atol=1e-17)


def test_numerical_gradient_restores_its_input(rng):
    x = rng.standard_normal((3, 2))
    before = x.copy()
    grad = numerical_gradient(lambda v: np.sum(v**3), x)
    assert np.array_equal(x, before)
    assert relative_error(grad, 3 * x**2) < 1e-9


# ---- numerical stability ------------------------------------------------------------------------

def test_large_inputs_give_no_overflow_and_exact_limits():
    x = np.array([[-1e4, -800.0, -40.0, 0.0, 40.0, 800.0, 1e4]])
    with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", divide="raise"):
        warnings.simplefilter("error")
        s = Sigmoid().forward(x)
        t = Tanh().forward(x)
        loss = SoftmaxCrossEntropy().forward(np.array([[1e4, -1e4, 0.0]]), np.array([1]))
    assert s[0, 0] == 0.0 and s[0, 3] == 0.5 and s[0, -1] == 1.0
    assert s[0, 2] == pytest.approx(np.exp(-40.0), rel=1e-12)  # the tail keeps its precision
    assert np.array_equal(t[0, [0, -1]], [-1.0, 1.0])
    assert loss == 2e4  # −log softmax = 1e4 − (−1e4), exactly, no inf


def test_float64_in_float64_out(rng):
    x = rng.standard_normal((4, 4))
    for layer in [make_dense(n_out=4), Sigmoid(), Tanh(), ReLU(), LeakyReLU()]:
        assert layer.forward(x).dtype == np.float64
        assert layer.backward(np.ones((4, 4))).dtype == np.float64


# ---- the cache: backward twice, forward again ---------------------------------------------------

def test_backward_twice_gives_the_same_result_and_does_not_accumulate(rng):
    x, dout = rng.standard_normal((5, 4)), rng.standard_normal((5, 3))
    layer = make_dense()
    layer.forward(x)
    dx1 = layer.backward(dout)
    dW1, db1 = layer.grads["W"].copy(), layer.grads["b"].copy()
    dx2 = layer.backward(dout)
    assert np.array_equal(dx1, dx2)
    assert np.array_equal(layer.grads["W"], dW1)  # overwritten, not 2·dW (PyTorch would add)
    assert np.array_equal(layer.grads["b"], db1)

    for make in ELEMENTWISE:
        act = make()
        act.forward(x)
        assert np.array_equal(act.backward(x), act.backward(x))

    loss_layer = SoftmaxCrossEntropy()
    loss_layer.forward(x, np.array([0, 1, 2, 3, 0]))
    assert np.array_equal(loss_layer.backward(), loss_layer.backward())  # probs were not modified


def test_forward_again_replaces_the_cache(rng):
    x_old, x_new = rng.standard_normal((5, 4)), away_from_kink((5, 4), seed=7)
    dout4 = rng.standard_normal((5, 4))
    cases = [(make_dense, rng.standard_normal((5, 3)))] + [(m, dout4) for m in ELEMENTWISE]
    for make, dout in cases:
        reused, fresh = make(), make()
        reused.forward(x_old)
        reused.forward(x_new)
        fresh.forward(x_new)
        assert np.array_equal(reused.backward(dout), fresh.backward(dout))
        for name in getattr(fresh, "grads", {}):
            assert np.array_equal(reused.grads[name], fresh.grads[name])


# ---- PyTorch autograd, float64 ------------------------------------------------------------------

def torch_grads(torch, fn, *arrays):
    """Run fn on float64 tensors made from arrays; return fn's value and the grad of each input."""
    tensors = [torch.tensor(a, dtype=torch.float64, requires_grad=True) for a in arrays]
    value = fn(*tensors)
    value.backward()
    return value.item(), [t.grad.numpy() for t in tensors]


TORCH_ACTIVATIONS = {
    "sigmoid": (Sigmoid, lambda F, x: F.sigmoid(x)),
    "tanh": (Tanh, lambda F, x: F.tanh(x)),
    "relu": (ReLU, lambda F, x: F.relu(x)),
    "leaky_relu": (lambda: LeakyReLU(0.1), lambda F, x: F.leaky_relu(x, 0.1)),
}


@pytest.mark.parametrize("name", list(TORCH_ACTIVATIONS))
def test_activation_matches_pytorch(name, rng):
    torch = require("torch")
    F = torch.nn.functional
    make, torch_fn = TORCH_ACTIVATIONS[name]
    x, r = away_from_kink((8, 5)), rng.standard_normal((8, 5))
    layer = make()
    out = layer.forward(x)
    dx = layer.backward(r)
    value, (dx_torch,) = torch_grads(torch, lambda t: (torch_fn(F, t) * torch.tensor(r)).sum(), x)
    assert relative_error(out, torch_fn(F, torch.tensor(x)).numpy()) < 1e-15
    assert relative_error(dx, dx_torch) < 1e-15
    assert abs(np.sum(out * r) - value) < 1e-12


def test_dense_and_softmax_cross_entropy_match_pytorch(rng):
    torch = require("torch")
    x = rng.standard_normal((6, 4))
    dense, loss_layer = make_dense(), SoftmaxCrossEntropy()
    labels = rng.integers(0, 3, size=6)
    loss = loss_layer.forward(dense.forward(x), labels)
    dx = dense.backward(loss_layer.backward())

    def torch_loss(xt, Wt, bt):
        return torch.nn.functional.cross_entropy(xt @ Wt + bt, torch.tensor(labels))

    value, (dx_t, dW_t, db_t) = torch_grads(torch, torch_loss, x, dense.params["W"],
                                            dense.params["b"])
    assert abs(loss - value) < 1e-12
    assert relative_error(dx, dx_t) < 1e-12
    assert relative_error(dense.grads["W"], dW_t) < 1e-12
    assert relative_error(dense.grads["b"], db_t) < 1e-12


def test_mean_squared_error_is_half_of_pytorch_mse_times_outputs(rng):
    torch = require("torch")
    y, t = rng.standard_normal((6, 3)), rng.standard_normal((6, 3))
    layer = MeanSquaredError()
    loss = layer.forward(y, t)
    dy = layer.backward()
    # ½·Σ(y − t)²/N = (n_outputs / 2) · PyTorch's MSELoss (which averages over all N·n_outputs)
    value, (dy_t,) = torch_grads(
        torch, lambda yt: 1.5 * torch.nn.functional.mse_loss(yt, torch.tensor(t)), y)
    assert abs(loss - value) < 1e-12
    assert relative_error(dy, dy_t) < 1e-12
