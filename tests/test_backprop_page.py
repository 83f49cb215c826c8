"""The numbers the backpropagation page states in its prose (docs/*/backprop.md), computed by the
same snippet functions, so the text cannot drift from the code."""

import numpy as np
import pytest

from snippets.backprop import (Add, Copy, CountingMLP, Max, Multiply, as_dtype, digits_run,
                               loss_and_grads_221, matmul_flops, spirals_run, worked_params,
                               xor_run)
from snippets.datasets import spirals, xor
from snippets.figures.backprop_gradcheck import STEPS, sweep
from snippets.gradcheck import check_model, relative_error, worked_example
from snippets.mlp import MLP, train
from snippets.optimizers import SGD

TOL = 1e-7  # the page's bar for a passing gradient check


def test_node_rules_route_split_and_sum():
    copy, add, biggest, mul = Copy(), Add(), Max(), Multiply()
    y1, y2 = copy.forward(3.0)
    s, m = add.forward(2.0, y1), biggest.forward(y2, -1.0)
    assert mul.forward(s, m) == 15
    ds, dm = mul.backward(1.0)
    dx, dy1 = add.backward(ds)
    dy2, dz = biggest.backward(dm)
    assert (dx, copy.backward(dy1, dy2), dz) == (3, 8, 0)  # "3 + 5 = 8", "x + 2y = 8"


def test_net_221_is_the_worked_example():
    v = worked_example()
    E, grads = loss_and_grads_221(worked_params())
    assert E == v["E"]
    for name in grads:
        np.testing.assert_array_equal(grads[name], v[f"dE/d{name}"])


def test_worked_example_numbers_in_the_prose():
    v = worked_example()
    assert round(float(v["E"]), 4) == 0.1133
    y = v["y"][0, 0]
    assert round(y * (1 - y), 4) == 0.2494
    h = v["h"][0]
    assert np.round(h * (1 - h), 4).tolist() == [0.2494, 0.2378]


def test_gradient_descent_on_the_worked_example():
    params, lr, errors = worked_params(), 0.5, []
    for _ in range(1000):
        E, grads = loss_and_grads_221(params)
        errors.append(E)
        for name in params:
            params[name] -= lr * grads[name]
    assert round(errors[0], 4) == 0.1133 and round(errors[1], 4) == 0.1015
    assert errors[-1] < 0.0003  # "1000 steps bring it below 0.0003"
    assert all(b < a for a, b in zip(errors, errors[1:]))


def test_linear_model_on_xor_stops_at_ln2_with_probability_half():
    X, y = xor()
    linear = MLP([2, 2], seed=0)
    train(linear, X, y, SGD(lr=0.5), epochs=2000, batch_size=4)
    assert linear.loss(X, y) == pytest.approx(np.log(2), abs=1e-6)
    scores = linear.forward(X)
    p = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
    np.testing.assert_allclose(p, 0.5, atol=1e-4)
    # the gradient at W = 0, b = 0 is exactly zero (the convex loss's minimum)
    zero = MLP([2, 2], seed=0)
    for value in zero.params.values():
        value[...] = 0
    zero.loss(X, y)
    assert all(np.all(g == 0) for g in zero.backward().values())


def test_xor_with_a_hidden_layer_reaches_100_percent():
    model, history = xor_run()
    assert history["accuracy"].index(1.0) + 1 == 65  # "at epoch 65"
    assert history["accuracy"][-1] == 1.0
    assert history["loss"][-1] < 0.02  # figure alt: "falls below 0.02"
    assert history["loss"][0] > np.log(2)  # "starts above … ln 2"
    assert min(history["accuracy"][:30]) < 1.0  # up to epoch 30 not all four are right


def test_spirals_and_digits_accuracies():
    _, s = spirals_run()
    assert round(s["test_accuracy"][-1], 3) == 0.980 and round(s["accuracy"][-1], 3) == 0.987
    assert s["accuracy"][-1] - s["test_accuracy"][-1] < 0.01  # "under 1 percentage point"
    assert 1 + np.argmax(np.array(s["accuracy"]) > 0.95) == 17
    assert 1 + np.argmax(np.array(s["test_accuracy"]) > 0.95) == 17
    after = s["accuracy"][17:] + s["test_accuracy"][17:]  # "move between 0.92 and 0.99"
    assert round(min(after), 2) == 0.92 and round(max(after), 2) == 0.99
    _, d = digits_run()
    assert round(d["test_accuracy"][-1], 3) == 0.964 and round(d["accuracy"][-1], 3) == 0.987
    assert 0.015 < d["accuracy"][-1] - d["test_accuracy"][-1] < 0.03  # "about 2 points"
    assert round(d["loss"][0], 1) == 1.7 and round(d["loss"][-1], 2) == 0.07


def test_gradient_checks_pass_where_the_page_says():
    X, y = spirals(n_per_class=10, seed=0)
    errors = check_model(MLP([2, 16, 3], activation="tanh", seed=0), X, y)
    assert max(errors.values()) < TOL


def test_relu_kink_breaks_the_check_and_moving_the_bias_fixes_it():
    X, y = xor()
    model = MLP([2, 16, 2], activation="relu", seed=0)
    z1 = X @ model.params["W1"] + model.params["b1"]
    assert np.sum(z1 == 0) == 16  # all 16 units at (0, 0)
    errors = check_model(model, X, y)
    assert round(errors["b1"], 2) == 0.47 and errors["W1"] < TOL
    model.params["b1"][:] = 0.01
    assert max(check_model(model, X, y).values()) < TOL


def test_float32_fails_the_check_float64_passes():
    X, y = spirals(n_per_class=10, seed=0)
    e64 = check_model(as_dtype(MLP([2, 16, 3], activation="tanh", seed=0), np.float64), X, y)
    e32 = check_model(as_dtype(MLP([2, 16, 3], activation="tanh", seed=0), np.float32),
                      X.astype(np.float32), y)
    assert max(e64.values()) < TOL and max(e32.values()) > 1e-2


def test_error_versus_step_size_has_the_shape_the_page_describes():
    curves = sweep()
    best = {key: (STEPS[np.argmin(c)], c.min()) for key, c in curves.items()}
    h64, e64 = best["central64"]
    assert 1e-6 <= h64 <= 1e-4 and e64 < 1e-10  # "about 1e-11 near h = 1e-5"
    assert 1e-9 < best["forward64"][1] < 1e-7  # "about 1e-8"
    h32, e32 = best["central32"]
    assert 1e-3 <= h32 <= 1e-1 and 1e-6 < e32 < 1e-4  # "about 1e-5 near 1e-2"
    assert np.all(curves["central32"][STEPS < 1e-7] == pytest.approx(1.0))


def test_numerical_gradient_costs_two_forward_passes_per_parameter():
    model = CountingMLP([64, 64, 10], seed=0)
    n_params = sum(p.size for p in model.params.values())
    assert n_params == 4810
    X = np.random.default_rng(0).random((32, 64))
    y = np.arange(32) % 10
    check_model(model, X, y)
    assert model.forwards == 2 * n_params + 1 == 9621
    forward, backward = matmul_flops([64, 64, 10], 32)
    assert backward == 2 * forward


def test_torch_autograd_matches_the_worked_example():
    torch = pytest.importorskip("torch")
    v = worked_example()
    p = {k: torch.tensor(a, requires_grad=True) for k, a in worked_params().items()}
    x, t = torch.tensor(v["x"]), torch.tensor(v["t"])
    y = torch.sigmoid(torch.sigmoid(x @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"])
    (0.5 * ((y - t) ** 2).sum()).backward()
    for name, param in p.items():
        assert relative_error(param.grad.numpy(), v[f"dE/d{name}"]) < 1e-15
