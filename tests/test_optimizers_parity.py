"""The optimizers of snippets/optimizers.py: behaviour in NumPy, and parity with PyTorch and Keras.

Every parity test runs the NumPy reference and a framework optimizer side by side for 100 steps on
the same float64 problem (three parameter tensors of different shapes; each side's gradient is
computed from its own current parameters) and checks max |θ_numpy − θ_framework| ≤ 1e-10 after
every step. The tests named `*_differ*` pin down, with numbers, where the frameworks' rules differ
from each other, so the chapter can state the differences exactly.

Parameter names (NumPy reference ↔ PyTorch ↔ Keras):
    lr ↔ lr ↔ learning_rate          momentum ↔ momentum ↔ momentum
    rho (RMSprop) ↔ alpha ↔ rho      rho (Adadelta) ↔ rho ↔ rho
    beta1, beta2 ↔ betas=(β1, β2) ↔ beta_1, beta_2
    eps ↔ eps ↔ epsilon              weight_decay ↔ weight_decay ↔ weight_decay
    momentum_decay (NAdam) ↔ momentum_decay ↔ (none: Keras's Nadam behaves as momentum_decay=1)
Keras stores the learning rate in a float32 variable, so Keras tests use learning rates that are
exact in float32 (0.0625, 0.015625, …); PyTorch keeps it as a Python float, so any value works.
"""
import functools
import inspect
import os

import numpy as np
import pytest

from frameworks import require
from snippets import optimizers as opt
from snippets.framework_rules import (BookNesterov, KerasAdaGrad, KerasAdam, KerasAdamW,
                                      KerasMomentum, KerasRMSprop)
from snippets.schedules import step_decay
from snippets.surfaces import valley, valley_grad

STEPS = 100
TOL = 1e-10

# keras.ops.convert_to_numpy calls np.array(torch tensor); numpy 2 warns that torch's __array__
# takes no `copy` argument. Harmless here (we copy), and not ours to fix.
pytestmark = pytest.mark.filterwarnings(
    "ignore:__array__ implementation doesn't accept a copy keyword:DeprecationWarning")


# ---------------------------------------------------------------------------------------------
# The problem: least squares in (W, b) plus a double well in a; gradients depend on the parameters.

def _problem(seed=0):
    rng = np.random.default_rng(seed)
    X, Y = rng.standard_normal((16, 4)), rng.standard_normal((16, 3))
    init = {"W": 0.5 * rng.standard_normal((4, 3)), "b": 0.1 * rng.standard_normal(3),
            "a": rng.standard_normal((2, 2, 2))}
    return X, Y, init


X, Y, INIT = _problem()


def loss(params):
    """L = ½·mean over rows of ‖X·W + b − Y‖² + ¼·Σ(a² − 1)²."""
    residual = X @ params["W"] + params["b"] - Y
    return 0.5 * np.mean(np.sum(residual**2, axis=1)) + 0.25 * np.sum((params["a"] ** 2 - 1) ** 2)


def gradient(params):
    r = (X @ params["W"] + params["b"] - Y) / len(X)
    return {"W": X.T @ r, "b": r.sum(axis=0), "a": params["a"] * (params["a"] ** 2 - 1)}


def fresh_params():
    return {key: val.copy() for key, val in INIT.items()}


# ---------------------------------------------------------------------------------------------
# Trajectories: the parameters after each of `steps` updates, as a list of dicts of arrays.

def numpy_run(optimizer, steps=STEPS, schedule=None, grad=gradient):
    params, path = fresh_params(), []
    for t in range(steps):
        if schedule is not None:
            optimizer.lr = schedule(t)
        optimizer.update(params, grad(params))
        path.append({key: val.copy() for key, val in params.items()})
    return path


def torch_run(torch, make_optimizer, steps=STEPS, schedule=None):
    tensors = {key: torch.tensor(val, dtype=torch.float64, requires_grad=True)
               for key, val in INIT.items()}
    optimizer = make_optimizer(list(tensors.values()))
    path = []
    for t in range(steps):
        if schedule is not None:
            for group in optimizer.param_groups:
                group["lr"] = schedule(t)
        grads = gradient({key: p.detach().numpy() for key, p in tensors.items()})
        for key, p in tensors.items():
            p.grad = torch.from_numpy(grads[key])
        optimizer.step()
        path.append({key: p.detach().numpy().copy() for key, p in tensors.items()})
    return path


def keras_run(keras, optimizer, steps=STEPS, schedule=None):
    variables = {key: keras.Variable(val, dtype="float64") for key, val in INIT.items()}
    path = []
    for t in range(steps):
        if schedule is not None:
            optimizer.learning_rate = schedule(t)
        grads = gradient({key: keras.ops.convert_to_numpy(v.value) for key, v in variables.items()})
        optimizer.apply_gradients(
            [(keras.ops.convert_to_tensor(grads[key], dtype="float64"), v)
             for key, v in variables.items()])
        path.append({key: keras.ops.convert_to_numpy(v.value).copy() for key, v in variables.items()})
    return path


def max_diffs(path_a, path_b):
    """max |a − b| over all parameters, after each step."""
    return np.array([max(np.max(np.abs(a[key] - b[key])) for key in a)
                     for a, b in zip(path_a, path_b, strict=True)])


def assert_same(path_a, path_b, label):
    diffs = max_diffs(path_a, path_b)
    print(f"\n{label}: max |Δθ| over {len(diffs)} steps = {diffs.max():.3g}")
    worst = int(np.argmax(diffs))
    assert diffs.max() <= TOL, f"{label}: step {worst + 1} differs by {diffs[worst]:.3g}"
    moved = max(np.max(np.abs(path_a[-1][k] - INIT[k])) for k in INIT)
    assert moved > 0.01, f"{label}: the parameters hardly moved ({moved:.3g}); the test is vacuous"


def assert_differ(path_a, path_b, label, at_least):
    diffs = max_diffs(path_a, path_b)
    print(f"\n{label}: max |Δθ| after step 1, 10, 100 = "
          f"{diffs[0]:.3g}, {diffs[9]:.3g}, {diffs[-1]:.3g}; largest {diffs.max():.3g}")
    assert diffs.max() >= at_least, f"{label}: expected a difference ≥ {at_least}"
    return diffs


# ---------------------------------------------------------------------------------------------
# Frameworks: skipped when missing, failing in CI (see tests/frameworks.py).

@pytest.fixture
def torch():
    """PyTorch with float64 as the default dtype (NAdam keeps mu_product in it); restored after."""
    torch = require("torch")
    previous = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64)
    yield torch
    torch.set_default_dtype(previous)


@pytest.fixture(scope="module")
def keras():
    os.environ.setdefault("KERAS_BACKEND", "torch")  # read once, when keras is first imported
    return require("keras")


# ---------------------------------------------------------------------------------------------
# Parity with PyTorch. Hyperparameters are not the defaults, so that each one is exercised; ε is
# large enough (1e-3) that putting it in the wrong place would show.

TORCH_CASES = {
    "SGD": (lambda: opt.SGD(lr=0.05),
            lambda torch, p: torch.optim.SGD(p, lr=0.05)),
    "Momentum": (lambda: opt.Momentum(lr=0.05, momentum=0.8),
                 lambda torch, p: torch.optim.SGD(p, lr=0.05, momentum=0.8)),
    "Nesterov": (lambda: opt.Nesterov(lr=0.05, momentum=0.8),
                 lambda torch, p: torch.optim.SGD(p, lr=0.05, momentum=0.8, nesterov=True)),
    "AdaGrad": (lambda: opt.AdaGrad(lr=0.1, eps=1e-3),
                lambda torch, p: torch.optim.Adagrad(p, lr=0.1, eps=1e-3)),
    "RMSprop": (lambda: opt.RMSprop(lr=0.003, rho=0.95, eps=1e-3),
                lambda torch, p: torch.optim.RMSprop(p, lr=0.003, alpha=0.95, eps=1e-3)),
    "Adadelta": (lambda: opt.Adadelta(lr=0.5, rho=0.8, eps=1e-4),
                 lambda torch, p: torch.optim.Adadelta(p, lr=0.5, rho=0.8, eps=1e-4)),
    "Adam": (lambda: opt.Adam(lr=0.01, beta1=0.8, beta2=0.99, eps=1e-3),
             lambda torch, p: torch.optim.Adam(p, lr=0.01, betas=(0.8, 0.99), eps=1e-3)),
    "AdamW": (lambda: opt.AdamW(lr=0.01, beta1=0.8, beta2=0.99, eps=1e-3, weight_decay=0.5),
              lambda torch, p: torch.optim.AdamW(p, lr=0.01, betas=(0.8, 0.99), eps=1e-3,
                                                 weight_decay=0.5)),
    "NAdam": (lambda: opt.NAdam(lr=0.01, beta1=0.8, beta2=0.99, eps=1e-3, momentum_decay=0.004),
              lambda torch, p: torch.optim.NAdam(p, lr=0.01, betas=(0.8, 0.99), eps=1e-3,
                                                 momentum_decay=0.004)),
}


@pytest.mark.parametrize("name", TORCH_CASES)
def test_matches_pytorch(torch, name):
    make_numpy, make_torch = TORCH_CASES[name]
    assert_same(numpy_run(make_numpy()), torch_run(torch, lambda p: make_torch(torch, p)),
                f"{name} vs torch.optim")


def test_defaults_are_pytorchs(torch):
    """Every default hyperparameter is PyTorch's, except momentum (PyTorch's 0 means none)."""
    pairs = {opt.SGD: torch.optim.SGD, opt.Momentum: torch.optim.SGD,
             opt.Nesterov: torch.optim.SGD, opt.AdaGrad: torch.optim.Adagrad,
             opt.RMSprop: torch.optim.RMSprop, opt.Adadelta: torch.optim.Adadelta,
             opt.Adam: torch.optim.Adam, opt.AdamW: torch.optim.AdamW, opt.NAdam: torch.optim.NAdam}
    names = {"rho": "alpha"}  # RMSprop's ρ is PyTorch's alpha (Adadelta's rho is rho)
    for ours, theirs in pairs.items():
        mine = {k: v.default for k, v in inspect.signature(ours).parameters.items()}
        torch_defaults = {k: v.default for k, v in inspect.signature(theirs).parameters.items()}
        for key, value in mine.items():
            if key == "momentum":
                assert value == 0.9 and torch_defaults["momentum"] == 0
            elif key in ("beta1", "beta2"):
                assert value == torch_defaults["betas"][key == "beta2"], (ours, key)
            else:
                theirs_key = names.get(key, key) if ours is opt.RMSprop else key
                assert value == torch_defaults[theirs_key], (ours, key)


# ---------------------------------------------------------------------------------------------
# Parity with Keras 3 where the rule is the same.

KERAS_CASES = {
    "SGD": (lambda: opt.SGD(lr=0.0625),
            lambda k: k.optimizers.SGD(learning_rate=0.0625)),
    "Momentum": (lambda: opt.Momentum(lr=0.0625, momentum=0.8),
                 lambda k: k.optimizers.SGD(learning_rate=0.0625, momentum=0.8)),
    "Nesterov": (lambda: opt.Nesterov(lr=0.0625, momentum=0.8),
                 lambda k: k.optimizers.SGD(learning_rate=0.0625, momentum=0.8, nesterov=True)),
    "Adadelta": (lambda: opt.Adadelta(lr=0.5, rho=0.8, eps=1e-4),
                 lambda k: k.optimizers.Adadelta(learning_rate=0.5, rho=0.8, epsilon=1e-4)),
    # Keras's Nadam is PyTorch's NAdam with momentum_decay = 1:
    "NAdam(momentum_decay=1)": (
        lambda: opt.NAdam(lr=0.015625, beta1=0.8, beta2=0.99, eps=1e-3, momentum_decay=1.0),
        lambda k: k.optimizers.Nadam(learning_rate=0.015625, beta_1=0.8, beta_2=0.99,
                                     epsilon=1e-3)),
    # With ε = 0 the ε placement cannot matter: then Keras computes exactly our rules.
    # (Keras's Adagrad starts its sum at 0.1 by default; PyTorch's and ours at 0.)
    "AdaGrad(eps=0)": (
        lambda: opt.AdaGrad(lr=0.125, eps=0.0),
        lambda k: k.optimizers.Adagrad(learning_rate=0.125, initial_accumulator_value=0.0,
                                       epsilon=0.0)),
    "RMSprop(eps=0)": (
        lambda: opt.RMSprop(lr=0.00390625, rho=0.95, eps=0.0),
        lambda k: k.optimizers.RMSprop(learning_rate=0.00390625, rho=0.95, epsilon=0.0)),
    "Adam(eps=0)": (
        lambda: opt.Adam(lr=0.015625, beta1=0.8, beta2=0.99, eps=0.0),
        lambda k: k.optimizers.Adam(learning_rate=0.015625, beta_1=0.8, beta_2=0.99, epsilon=0.0)),
    "AdamW(eps=0)": (
        lambda: opt.AdamW(lr=0.015625, beta1=0.8, beta2=0.99, eps=0.0, weight_decay=0.5),
        lambda k: k.optimizers.AdamW(learning_rate=0.015625, beta_1=0.8, beta_2=0.99,
                                     epsilon=0.0, weight_decay=0.5)),
}


@pytest.mark.parametrize("name", KERAS_CASES)
def test_matches_keras(keras, name):
    make_numpy, make_keras = KERAS_CASES[name]
    assert_same(numpy_run(make_numpy()), keras_run(keras, make_keras(keras)),
                f"{name} vs keras.optimizers")


# The Keras rules where ε sits elsewhere are written out in snippets/framework_rules.py. The book's
# AdaGrad and RMSprop put ε where PyTorch does (with ε = 1e-7); the book's Adam is KerasAdam with
# ε = 1e-7.

KERAS_VARIANTS = {
    "AdaGrad": (functools.partial(KerasAdaGrad, initial=0.0), opt.AdaGrad, dict(lr=0.125, eps=1e-3),
                lambda k: k.optimizers.Adagrad(learning_rate=0.125, initial_accumulator_value=0.0,
                                               epsilon=1e-3)),
    "RMSprop": (KerasRMSprop, opt.RMSprop, dict(lr=0.00390625, rho=0.95, eps=1e-3),
                lambda k: k.optimizers.RMSprop(learning_rate=0.00390625, rho=0.95, epsilon=1e-3)),
    "Adam": (KerasAdam, opt.Adam, dict(lr=0.015625, beta1=0.8, beta2=0.99, eps=1e-3),
             lambda k: k.optimizers.Adam(learning_rate=0.015625, beta_1=0.8, beta_2=0.99,
                                         epsilon=1e-3)),
    "AdamW": (KerasAdamW, opt.AdamW,
              dict(lr=0.015625, beta1=0.8, beta2=0.99, eps=1e-3, weight_decay=0.5),
              lambda k: k.optimizers.AdamW(learning_rate=0.015625, beta_1=0.8, beta_2=0.99,
                                           epsilon=1e-3, weight_decay=0.5)),
}


@pytest.mark.parametrize("name", KERAS_VARIANTS)
def test_keras_epsilon_placement(keras, name):
    """Keras follows the written-out Keras rule exactly, and that rule differs from PyTorch's."""
    keras_rule, pytorch_rule, hyper, make_keras = KERAS_VARIANTS[name]
    keras_path = keras_run(keras, make_keras(keras))
    assert_same(numpy_run(keras_rule(**hyper)), keras_path, f"Keras-rule {name} vs keras")
    assert_differ(numpy_run(pytorch_rule(**hyper)), keras_path,
                  f"PyTorch-rule {name} vs keras, same ε = 1e-3", at_least=1e-6)


def test_adam_epsilon_differs_most_for_small_gradients():
    """First Adam step for a constant g = 1e-6 with ε = 1e-7 (Keras's default) in both rules.

    PyTorch divides by √v̂ + ε = 1e-6 + 1e-7; Keras by (√v + ε)/√(1 − β₂) = 1e-6 + 1e-7/√0.001.
    """
    steps = {}
    for rule in (opt.Adam, KerasAdam):
        params = {"w": np.array([0.0])}
        rule(lr=1.0, eps=1e-7).update(params, {"w": np.array([1e-6])})
        steps[rule.__name__] = -params["w"][0]
    print(f"\nfirst Adam step / lr for g = 1e-6, ε = 1e-7: {steps}")
    assert steps["Adam"] == pytest.approx(1e-6 / (1e-6 + 1e-7), rel=1e-12)  # 0.909
    assert steps["KerasAdam"] == pytest.approx(1e-6 / (1e-6 + 1e-7 / np.sqrt(1e-3)), rel=1e-12)
    assert steps["KerasAdam"] < 0.25 < 0.9 < steps["Adam"]


# ---------------------------------------------------------------------------------------------
# Differences between the frameworks, measured.

def halve_every_10(t):
    return step_decay(t, 0.0625, 10, 0.5)  # 0.0625, 0.03125, …: exact in float32


def test_momentum_pytorch_and_keras_differ_under_a_schedule(torch, keras):
    """(a) Equal while η is constant; under a step schedule they part (PyTorch rescales at once)."""
    def torch_sgd(p):
        return torch.optim.SGD(p, lr=0.0625, momentum=0.9)

    def keras_sgd():
        return keras.optimizers.SGD(learning_rate=0.0625, momentum=0.9)

    assert_same(torch_run(torch, torch_sgd), keras_run(keras, keras_sgd()),
                "torch vs keras momentum, constant lr")
    torch_path = torch_run(torch, torch_sgd, schedule=halve_every_10)
    keras_path = keras_run(keras, keras_sgd(), schedule=halve_every_10)
    diffs = assert_differ(torch_path, keras_path, "torch vs keras momentum, lr halved every 10",
                          at_least=1e-4)
    assert diffs[9] <= TOL < diffs[10]  # identical until the first change of lr, at step 11
    # each framework follows its own rule under the schedule too
    assert_same(numpy_run(opt.Momentum(momentum=0.9), schedule=halve_every_10), torch_path,
                "Momentum vs torch, lr halved every 10")
    assert_same(numpy_run(KerasMomentum(momentum=0.9), schedule=halve_every_10), keras_path,
                "Keras-rule Momentum vs keras, lr halved every 10")


def test_adam_weight_decay_is_l2_not_adamw(torch):
    """(b) PyTorch Adam(weight_decay=λ) adds λθ to g (L2); AdamW decays θ outside m and v."""
    adam_l2 = torch_run(torch, lambda p: torch.optim.Adam(p, lr=0.01, weight_decay=0.5))
    adamw = torch_run(torch, lambda p: torch.optim.AdamW(p, lr=0.01, weight_decay=0.5))
    assert_differ(adam_l2, adamw, "torch Adam(weight_decay=0.5) vs AdamW(weight_decay=0.5)",
                  at_least=1e-3)

    def l2_gradient(params):
        g = gradient(params)
        return {key: g[key] + 0.5 * params[key] for key in g}

    assert_same(numpy_run(opt.Adam(lr=0.01), grad=l2_gradient), adam_l2,
                "Adam on g + λθ vs torch Adam(weight_decay)")
    assert_same(numpy_run(opt.AdamW(lr=0.01, weight_decay=0.5)), adamw, "AdamW vs torch AdamW")


def test_torch_adam_with_decoupled_weight_decay_is_adamw(torch):
    """PyTorch 2.13's Adam(decoupled_weight_decay=True) is AdamW, bit for bit; NAdam and RAdam take
    the same flag, and for them too it changes the path (decay outside m and v instead of L2)."""
    adamw = torch_run(torch, lambda p: torch.optim.AdamW(p, lr=0.01, weight_decay=0.5))
    decoupled = torch_run(torch, lambda p: torch.optim.Adam(p, lr=0.01, weight_decay=0.5,
                                                            decoupled_weight_decay=True))
    assert max_diffs(decoupled, adamw).max() == 0.0
    for name in ("NAdam", "RAdam"):
        rule = getattr(torch.optim, name)
        l2 = torch_run(torch, lambda p: rule(p, lr=0.01, weight_decay=0.5))
        flag = torch_run(torch, lambda p: rule(p, lr=0.01, weight_decay=0.5, decoupled_weight_decay=True))
        assert_differ(l2, flag, f"torch {name} L2 vs decoupled_weight_decay=True", at_least=1e-3)


def test_keras_weight_decay_is_decoupled_for_every_optimizer(torch, keras):
    """Keras's weight_decay shrinks θ by (1 − ηλ) before any optimizer's step: Adam + it = AdamW."""
    adam = keras_run(keras, keras.optimizers.Adam(learning_rate=0.015625, weight_decay=0.5))
    adamw = keras_run(keras, keras.optimizers.AdamW(learning_rate=0.015625, weight_decay=0.5))
    assert max_diffs(adam, adamw).max() == 0.0  # bit for bit
    # momentum SGD: Keras decays θ, PyTorch adds λθ into the velocity
    keras_path = keras_run(keras, keras.optimizers.SGD(learning_rate=0.0625, momentum=0.9,
                                                       weight_decay=0.5))
    torch_path = torch_run(torch, lambda p: torch.optim.SGD(p, lr=0.0625, momentum=0.9,
                                                             weight_decay=0.5))
    assert_differ(keras_path, torch_path, "keras vs torch SGD(momentum=0.9, weight_decay=0.5)",
                  at_least=1e-3)


def test_book_nesterov_differs_from_the_frameworks():
    """(c) The book's first step is (1 + μ + μ²)·η·g, PyTorch's/Keras's/CS231n's (1 + μ)·η·g."""
    lr, mu = 0.0625, 0.9
    ours, book = numpy_run(opt.Nesterov(lr, mu)), numpy_run(BookNesterov(lr, mu))
    diffs = assert_differ(ours, book, "book Nesterov vs Nesterov (PyTorch/Keras)", at_least=1e-3)
    g = gradient(fresh_params())
    assert diffs[0] == pytest.approx(mu**2 * lr * max(np.max(np.abs(v)) for v in g.values()))


def test_keras_nadam_differs_from_pytorch_nadam():
    """PyTorch's μₜ uses 0.96^(0.004·t), Keras's 0.96^t: same rule, different momentum schedule."""
    hyper = dict(lr=0.015625, beta1=0.9, beta2=0.999, eps=1e-7)
    assert_differ(numpy_run(opt.NAdam(**hyper)), numpy_run(opt.NAdam(**hyper, momentum_decay=1.0)),
                  "NAdam momentum_decay 0.004 (PyTorch) vs 1 (Keras)", at_least=1e-3)


def test_pytorch_nadam_in_float32_default_dtype_drifts():
    """With the default dtype float32, PyTorch NAdam's mu_product is float32: ~1e-9 off and more."""
    torch = require("torch")
    assert torch.get_default_dtype() == torch.float32
    make = TORCH_CASES["NAdam"]
    diffs = max_diffs(numpy_run(make[0]()), torch_run(torch, lambda p: make[1](torch, p)))
    print(f"\nNAdam vs torch NAdam, default dtype float32: max |Δθ| = {diffs.max():.3g}")
    assert diffs.max() > TOL


def test_keras_learning_rate_is_float32(keras):
    """lr = 0.05 is stored as float32(0.05): Keras then follows η = 0.0500000007…, exactly."""
    keras_path = keras_run(keras, keras.optimizers.SGD(learning_rate=0.05))
    assert_differ(numpy_run(opt.SGD(lr=0.05)), keras_path, "SGD(0.05) vs keras SGD(0.05)",
                  at_least=1e-10)
    assert_same(numpy_run(opt.SGD(lr=float(np.float32(0.05)))), keras_path,
                "SGD(float32(0.05)) vs keras SGD(0.05)")


def test_keras_rejects_lr(keras):
    with pytest.raises(ValueError, match="not recognized"):
        keras.optimizers.SGD(lr=0.1)


def test_framework_defaults(torch, keras):
    """The defaults the chapter's table quotes (PyTorch | Keras)."""
    def defaults(cls):
        return {k: v.default for k, v in inspect.signature(cls).parameters.items()}

    t, k = torch.optim, keras.optimizers
    assert defaults(t.SGD)["lr"] == 1e-3 and defaults(k.SGD)["learning_rate"] == 1e-2
    assert defaults(t.Adagrad)["initial_accumulator_value"] == 0
    assert defaults(k.Adagrad)["initial_accumulator_value"] == 0.1
    assert (defaults(t.Adagrad)["eps"], defaults(k.Adagrad)["epsilon"]) == (1e-10, 1e-7)
    assert (defaults(t.RMSprop)["alpha"], defaults(k.RMSprop)["rho"]) == (0.99, 0.9)
    assert (defaults(t.RMSprop)["eps"], defaults(k.RMSprop)["epsilon"]) == (1e-8, 1e-7)
    assert (defaults(t.Adadelta)["lr"], defaults(k.Adadelta)["learning_rate"]) == (1.0, 1e-3)
    assert (defaults(t.Adadelta)["rho"], defaults(k.Adadelta)["rho"]) == (0.9, 0.95)
    assert (defaults(t.Adadelta)["eps"], defaults(k.Adadelta)["epsilon"]) == (1e-6, 1e-7)
    assert (defaults(t.Adam)["eps"], defaults(k.Adam)["epsilon"]) == (1e-8, 1e-7)
    assert (defaults(t.AdamW)["weight_decay"], defaults(k.AdamW)["weight_decay"]) == (1e-2, 4e-3)
    assert (defaults(t.NAdam)["lr"], defaults(k.Nadam)["learning_rate"]) == (2e-3, 1e-3)


# ---------------------------------------------------------------------------------------------
# Pure NumPy: no framework needed.

ALL = {
    "SGD": lambda: opt.SGD(lr=0.95),
    "Momentum": lambda: opt.Momentum(lr=0.1),
    "Nesterov": lambda: opt.Nesterov(lr=0.1),
    "AdaGrad": lambda: opt.AdaGrad(lr=1.5),
    "RMSprop": lambda: opt.RMSprop(lr=0.1),
    "Adadelta": lambda: opt.Adadelta(lr=1.0),
    "Adam": lambda: opt.Adam(lr=0.3),
    "AdamW": lambda: opt.AdamW(lr=0.3),
    "NAdam": lambda: opt.NAdam(lr=0.3),
}


def test_every_class_is_covered():
    classes = {name for name, obj in vars(opt).items()
               if inspect.isclass(obj) and obj.__module__ == opt.__name__}
    assert classes == set(ALL) == set(TORCH_CASES)


@pytest.mark.parametrize("name", ALL)
def test_decreases_the_valley_loss(name):
    optimizer, params = ALL[name](), {"x": np.array(-7.0), "y": np.array(2.0)}
    losses = [valley(params["x"], params["y"])]
    for _ in range(30):
        dx, dy = valley_grad(params["x"], params["y"])
        optimizer.update(params, {"x": dx, "y": dy})
        losses.append(valley(params["x"], params["y"]))
    assert losses[-1] < losses[0]
    if name != "Adadelta":  # Adadelta's steps start at about √ε: it has only begun to move
        assert losses[-1] < 0.2 * losses[0]


@pytest.mark.parametrize("name", ALL)
def test_decreases_the_least_squares_loss(name):
    path = numpy_run(TORCH_CASES[name][0]())
    assert loss(path[-1]) < loss(INIT)


@pytest.mark.parametrize("name", ALL)
def test_update_is_in_place(name):
    params = fresh_params()
    arrays = dict(params)  # the same array objects, as a layer would hold them
    before = {key: val.copy() for key, val in params.items()}
    ALL[name]().update(params, gradient(params))
    for key in params:
        assert params[key] is arrays[key]
        assert not np.array_equal(arrays[key], before[key])


def _state(optimizer):
    """The optimizer's per-parameter state: its attributes that are dicts."""
    return {name: val for name, val in vars(optimizer).items() if isinstance(val, dict)}


@pytest.mark.parametrize("name", [n for n in ALL if n != "SGD"])
def test_state_is_per_instance_and_per_parameter(name):
    first, second = ALL[name](), ALL[name]()
    assert all(val is None for val in vars(first).values() if not np.isscalar(val))  # lazy
    params_1, params_2 = fresh_params(), {"w": np.ones(5)}
    first.update(params_1, gradient(params_1))
    second.update(params_2, {"w": np.full(5, 0.5)})
    state_1, state_2 = _state(first), _state(second)
    assert state_1 and state_1.keys() == state_2.keys()
    for table in state_1.values():
        assert table.keys() == params_1.keys()
        for key, val in table.items():
            assert val.shape == params_1[key].shape and val is not params_1[key]
    for table in state_2.values():
        assert table.keys() == {"w"}


@pytest.mark.parametrize("name", ALL)
def test_works_on_float32(name):
    params = {key: val.astype(np.float32) for key, val in fresh_params().items()}
    grads = {key: val.astype(np.float32) for key, val in gradient(fresh_params()).items()}
    ALL[name]().update(params, grads)
    assert all(val.dtype == np.float32 for val in params.values())


def test_momentum_equals_keras_form_while_lr_is_constant():
    """v ← μv + g; θ ← θ − ηv and u ← μu − ηg; θ ← θ + u are the same steps (u = −ηv)."""
    for lr in (0.0625, 0.05):  # a power of 2 scales exactly: then bit for bit
        diffs = max_diffs(numpy_run(opt.Momentum(lr, 0.9)), numpy_run(KerasMomentum(lr, 0.9)))
        assert diffs.max() <= (0.0 if lr == 0.0625 else 1e-13)


def test_keras_adagrad_defaults_start_the_sum_at_0_1(keras):
    """KerasAdaGrad's defaults (s₀ = 0.1, ε = 1e-7) are Keras's, and s₀ = 0.1 shortens the steps."""
    keras_path = keras_run(keras, keras.optimizers.Adagrad(learning_rate=0.125))
    assert_same(numpy_run(KerasAdaGrad(lr=0.125)), keras_path, "KerasAdaGrad() vs keras Adagrad()")
    assert_differ(numpy_run(opt.AdaGrad(lr=0.125, eps=1e-7)), keras_path,
                  "AdaGrad (s₀ = 0) vs keras Adagrad (s₀ = 0.1)", at_least=1e-3)
