"""The vanishing-gradients chapter: the numbers its prose states, measured by the functions it shows.

Batch norm and residual blocks are checked against central differences (float64) and PyTorch;
clipping against torch.nn.utils.clip_grad_norm_.
"""
import numpy as np
import pytest

from frameworks import require
from snippets.batchnorm import BatchNorm
from snippets.clipping import Clipped, clip_by_global_norm, global_norm
from snippets.deep_nets import (DeepNet, exploding_run, glorot_saturation, gradient_norm_table,
                                max_derivative, sigmoid_chain, training_run, variance_ratios)
from snippets.gradcheck import check_layer, check_model
from snippets.layers import Dense, ReLU, Sigmoid, Tanh
from snippets.residual import Residual

TOL = 1e-7


# ---- the chain of local derivatives ------------------------------------------------------------

def test_largest_local_derivatives():
    assert max_derivative("sigmoid") == (pytest.approx(0.25), 0.0)
    assert max_derivative("tanh") == (pytest.approx(1.0), 0.0)   # 1 only at z = 0
    assert max_derivative("relu")[0] == 1.0


@pytest.mark.parametrize("depth", [1, 5, 10, 20])
def test_sigmoid_chain_bound_holds(depth):
    grads, bound = sigmoid_chain(depth)
    assert np.all(np.abs(grads) <= bound)


def test_tanh_derivative_is_below_one_away_from_zero():
    z = np.linspace(0.1, 5, 50)
    layer = Tanh()
    layer.forward(z)
    assert np.all(layer.backward(np.ones_like(z)) < 1)


# ---- gradient norms per layer (the chapter's signature figure) ---------------------------------

def test_gradient_norms_per_layer():
    g = gradient_norm_table()
    sig = g[("sigmoid", "Xavier")]
    assert sig[0] / sig[-1] < 1e-10     # vanishes by more than ten orders of magnitude
    assert g[("relu", "std 1")][0] > 1e15        # explodes
    assert g[("tanh", "std 1")][0] > 1e6 * g[("tanh", "std 1")][-1]
    assert g[("relu", "std 0.01")].max() < 1e-20
    for key in [("relu", "He"), ("tanh", "Xavier")]:
        assert 0.1 < g[key][0] / g[key][-1] < 10     # within one order of magnitude


# ---- variance ratios: He et al. 2015 and Glorot & Bengio 2010 -----------------------------------

def test_he_keeps_relu_variance():
    ratios, var = variance_ratios("relu", "he")
    assert len(ratios) == 19
    assert np.all(np.abs(ratios - 1) < 0.2)
    xavier, _ = variance_ratios("relu", "xavier")
    assert np.all(np.abs(xavier - 0.5) < 0.1)   # Xavier halves it under ReLU


def test_xavier_keeps_tanh_variance_near_zero():
    ratios, _ = variance_ratios("tanh", "xavier", input_std=0.1)
    assert np.all(np.abs(ratios - 1) < 0.2)
    unit, _ = variance_ratios("tanh", "xavier", input_std=1.0)
    assert unit[0] < 0.5   # from unit variance tanh squeezes it first


def test_glorot_top_layer_saturates():
    steps, means, stds, accuracy = glorot_saturation()
    assert abs(means[0, -1] - 0.5) < 0.02
    assert means[-1, -1] < 0.25          # the top hidden layer drifts towards 0
    assert abs(means[-1, 0] - 0.5) < 0.05  # the first stays near 0.5
    assert accuracy < 0.2


# ---- training a deep net -----------------------------------------------------------------------

def test_training_results():
    final = {name: training_run(name)["loss"][-1] for name in
             ["sigmoid", "tanh", "relu", "sigmoid+bn", "relu+bn", "sigmoid+res", "relu+res"]}
    assert final["sigmoid"] > 1.05                     # stalls near ln 3 = 1.0986
    assert training_run("sigmoid")["accuracy"][-1] < 0.4
    for name in ["relu", "sigmoid+bn", "relu+bn", "relu+res"]:
        assert final[name] < 0.15, name
        assert training_run(name)["accuracy"][-1] > 0.95, name
    assert 0.15 < final["tanh"] < 0.9                  # learns, slowly
    assert final["sigmoid+res"] > 1.0                  # barely leaves ln 3


# ---- batch normalization -----------------------------------------------------------------------

@pytest.mark.parametrize("training", [True, False])
def test_batchnorm_backward_matches_finite_differences(training):
    rng = np.random.default_rng(1)
    bn = BatchNorm(5)
    bn.params["gamma"][:] = rng.uniform(0.5, 2, 5)
    bn.params["beta"][:] = rng.standard_normal(5)
    bn.running_mean, bn.running_var = rng.standard_normal(5), rng.uniform(0.5, 2, 5)
    bn.training = training
    x = 2.0 + 3.0 * rng.standard_normal((8, 5))
    errors = check_layer(bn, x)
    assert max(errors.values()) < TOL, errors


def test_batchnorm_normalizes_and_tracks_running_stats():
    rng = np.random.default_rng(0)
    bn = BatchNorm(3)
    x = 4 + 2 * rng.standard_normal((500, 3))
    y = bn.forward(x)
    assert np.allclose(y.mean(axis=0), 0, atol=1e-12) and np.allclose(y.std(axis=0), 1, atol=1e-4)
    for _ in range(200):
        bn.forward(x)
    assert np.allclose(bn.running_mean, x.mean(axis=0))
    assert np.allclose(bn.running_var, x.var(axis=0, ddof=1))


def test_batchnorm_matches_pytorch():
    torch = require("torch")
    rng = np.random.default_rng(2)
    x = rng.standard_normal((16, 4)) * 3 + 1
    dout = rng.standard_normal((16, 4))
    bn = BatchNorm(4)
    ref = torch.nn.BatchNorm1d(4, dtype=torch.float64)
    xt = torch.tensor(x, requires_grad=True)
    yt = ref(xt)
    yt.backward(torch.tensor(dout))
    y = bn.forward(x)
    dx = bn.backward(dout)
    assert np.allclose(y, yt.detach().numpy(), atol=1e-12)
    assert np.allclose(dx, xt.grad.numpy(), atol=1e-12)
    assert np.allclose(bn.grads["gamma"], ref.weight.grad.numpy(), atol=1e-12)
    assert np.allclose(bn.running_var, ref.running_var.numpy(), atol=1e-12)
    assert np.allclose(bn.running_mean, ref.running_mean.numpy(), atol=1e-12)
    bn.training = False
    ref.eval()
    assert np.allclose(bn.forward(x), ref(torch.tensor(x)).detach().numpy(), atol=1e-12)


# ---- residual blocks ---------------------------------------------------------------------------

@pytest.mark.parametrize("activation", [ReLU, Tanh, Sigmoid])
def test_residual_backward_matches_finite_differences(activation):
    rng = np.random.default_rng(3)
    block = Residual([Dense(rng.standard_normal((4, 4)), rng.standard_normal(4)), activation(),
                      Dense(rng.standard_normal((4, 4)), rng.standard_normal(4))])
    errors = check_layer(block, rng.standard_normal((6, 4)))
    assert max(errors.values()) < TOL, errors


def test_residual_identity_path():
    block = Residual([Dense(np.zeros((3, 3)), np.zeros(3))])
    x = np.arange(6.0).reshape(2, 3)
    assert np.array_equal(block.forward(x), x)
    dout = np.ones((2, 3))
    assert np.array_equal(block.backward(dout), dout)


@pytest.mark.parametrize("batchnorm,residual", [(False, False), (True, False), (False, True),
                                                (True, True)])
def test_deep_net_gradients(batchnorm, residual):
    rng = np.random.default_rng(4)
    X, y = rng.standard_normal((7, 3)), np.array([0, 1, 2, 0, 1, 2, 0])
    model = DeepNet([3, 4, 4, 4, 3], "tanh", "xavier", 0, batchnorm, residual)
    errors = check_model(model, X, y)
    model.loss(X, y)
    grads = model.backward()
    for name, err in errors.items():
        if batchnorm and name.startswith("b") and not name.startswith("beta") and name != "b4":
            assert np.abs(grads[name]).max() < 1e-12   # a bias before batch norm has no effect
        else:
            assert err < 1e-6, (name, err)


# ---- clipping ----------------------------------------------------------------------------------

def test_clipping_caps_the_global_norm():
    rng = np.random.default_rng(5)
    grads = {"W": 100 * rng.standard_normal((5, 5)), "b": rng.standard_normal(5)}
    clipped, norm = clip_by_global_norm(grads, 1.0)
    assert norm == pytest.approx(global_norm(grads))
    assert global_norm(clipped) <= 1.0
    cos = sum(np.sum(grads[k] * clipped[k]) for k in grads) / (norm * global_norm(clipped))
    assert cos == pytest.approx(1.0)        # direction unchanged
    small = {"W": np.full((2, 2), 0.1)}
    assert np.array_equal(clip_by_global_norm(small, 1.0)[0]["W"], small["W"])


def test_clipping_matches_pytorch():
    torch = require("torch")
    rng = np.random.default_rng(6)
    grads = {"W": 10 * rng.standard_normal((4, 3)), "b": rng.standard_normal(3)}
    tensors = [torch.zeros(g.shape, dtype=torch.float64, requires_grad=True) for g in grads.values()]
    for t, g in zip(tensors, grads.values()):
        t.grad = torch.tensor(g)
    total = torch.nn.utils.clip_grad_norm_(tensors, 2.0)
    clipped, norm = clip_by_global_norm(grads, 2.0)
    assert norm == pytest.approx(float(total), rel=1e-12)
    for t, g in zip(tensors, clipped.values()):
        assert np.allclose(t.grad.numpy(), g, rtol=1e-12, atol=0)


def test_clipping_tames_the_exploding_run():
    history, norms = exploding_run()
    clipped_history, clipped_norms = exploding_run(1.0)
    assert norms[0] > 100 and not np.all(np.isfinite(norms))   # blows up
    assert history["accuracy"][-1] < 0.4
    assert np.all(np.isfinite(clipped_norms))
    assert clipped_history["accuracy"][-1] > 0.9


def test_clipped_optimizer_steps_are_bounded():
    class Record:
        def update(self, params, grads):
            self.seen = grads

    inner = Record()
    opt = Clipped(inner, 0.5)
    opt.update({"w": np.zeros(3)}, {"w": np.array([3.0, 4.0, 0.0])})
    assert opt.norms == [5.0] and global_norm(inner.seen) <= 0.5


# ---- the numbers the page's prose quotes -------------------------------------------------------

def test_numbers_quoted_in_the_prose():
    from snippets.deep_nets import typical_derivative
    assert typical_derivative("tanh") == pytest.approx(0.61, abs=0.005)
    assert typical_derivative("tanh") ** 20 == pytest.approx(4e-5, rel=0.2)
    assert typical_derivative("relu") == pytest.approx(0.5, abs=0.01)
    g = gradient_norm_table()
    assert g[("tanh", "std 1")][0] / g[("tanh", "std 1")][-1] == pytest.approx(2.5e7, rel=0.05)
    ratios, var = variance_ratios("relu", "he")
    assert (round(ratios.min(), 3), round(ratios.max(), 3), round(ratios.mean(), 3)) == (0.848, 1.103, 0.975)
    assert var[-1] / var[0] == pytest.approx(0.6, abs=0.05)
    assert variance_ratios("tanh", "xavier", input_std=1.0)[0][0] == pytest.approx(0.40, abs=0.01)
    steps, means, _, accuracy = glorot_saturation()
    assert (steps[-1], round(means[-1, -1], 2), round(accuracy, 3)) == (1200, 0.21, 0.087)
    quoted = {"tanh": (0.419, None), "relu": (0.024, None), "sigmoid+bn": (0.134, 0.987),
              "sigmoid+res": (1.043, None), "relu+res": (0.034, None)}
    for name, (loss, accuracy) in quoted.items():
        history = training_run(name)
        assert round(history["loss"][-1], 3) == loss
        assert accuracy is None or round(history["accuracy"][-1], 3) == accuracy
    history, norms = exploding_run()
    assert 1e64 < norms[10] < 1e65 and (np.flatnonzero(~np.isfinite(norms)) + 1).tolist() == [12, 13, 14, 15]
    assert round(exploding_run(1.0)[0]["accuracy"][-1], 3) == 0.977
