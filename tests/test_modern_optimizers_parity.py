"""The optimizers of snippets/modern_optimizers.py against PyTorch, Keras 3 and `schedulefree`.

As in test_optimizers_parity.py: the NumPy reference and a framework optimizer run side by side
for 100 steps on the same float64 problem, each side computing its gradient from its own current
parameters, and max |θ_numpy − θ_framework| ≤ 1e-10 after every step. The problem here is a small
tanh network, so the loss is not quadratic and two of the three parameters are matrices (Muon and
Adafactor treat matrices differently from vectors). Muon gets only the two matrices.

Parameter names (NumPy reference ↔ PyTorch / schedulefree ↔ Keras):
    lr ↔ lr ↔ learning_rate                    beta1, beta2 ↔ betas=(β1, β2) ↔ beta_1, beta_2
    eps ↔ eps ↔ epsilon                        weight_decay ↔ weight_decay ↔ weight_decay
    AMSGrad ↔ Adam(amsgrad=True) ↔ Adam(amsgrad=True)
    Adafactor: beta2_decay ↔ beta2_decay ↔ beta_2_decay; eps1, eps2 ↔ eps=(ε1, ε2) ↔ epsilon_1,
        epsilon_2; d ↔ d ↔ clip_threshold
    Muon: momentum, nesterov, ns_steps ↔ same ↔ same; eps ↔ eps ↔ (fixed 1e-7);
        the learning-rate adjustment ↔ adjust_lr_fn=None ("original") ↔ rms_rate
    ScheduleFreeAdamW: warmup_steps ↔ warmup_steps ↔ warmup_steps
Keras stores the learning rate in float32, so Keras cases use learning rates exact in float32.
"""
import inspect
import os

import numpy as np
import pytest

from frameworks import require
from snippets import modern_optimizers as mo
from snippets.framework_rules import KerasAdamW
from snippets.optimizers import AdamW
from snippets.modern_framework_rules import (KerasAdafactor, KerasAMSGrad, KerasMuon,
                                             KerasScheduleFreeAdamW)

STEPS = 100
TOL = 1e-10  # float64 rounding differs between the two sides by ~1e-16 per operation
# Keras's Adafactor and Muon take means and norms in float32 even for float64 variables (see
# snippets/modern_framework_rules.py). The written-out rules do too, but a float32 sum in another
# order can differ by one float32 rounding (6e-8 relative) now and then: measured ≤ 3e-8 over 100
# steps; the PyTorch rules differ from Keras by 1e-6 and more where their rules differ.
KERAS_FLOAT32_TOL = 1e-7

pytestmark = pytest.mark.filterwarnings(
    "ignore:__array__ implementation doesn't accept a copy keyword:DeprecationWarning")


# ---------------------------------------------------------------------------------------------
# The problem: L = ½·mean over rows of ‖tanh(X·W1 + b1)·W2 − Y‖².

def _problem(seed=0):
    rng = np.random.default_rng(seed)
    X, Y = rng.standard_normal((16, 4)), rng.standard_normal((16, 3))
    init = {"W1": 0.5 * rng.standard_normal((4, 5)), "b1": 0.1 * rng.standard_normal(5),
            "W2": 0.5 * rng.standard_normal((5, 3))}
    return X, Y, init


X, Y, INIT = _problem()
ALL_KEYS = ("W1", "b1", "W2")
MATRICES = ("W1", "W2")  # for Muon: b1 stays at its initial value


def loss(params):
    p = {**INIT, **params}
    residual = np.tanh(X @ p["W1"] + p["b1"]) @ p["W2"] - Y
    return 0.5 * np.mean(np.sum(residual**2, axis=1))


def gradient(params):
    p = {**INIT, **params}
    h = np.tanh(X @ p["W1"] + p["b1"])
    r = (h @ p["W2"] - Y) / len(X)
    dz = (r @ p["W2"].T) * (1 - h**2)
    grads = {"W1": X.T @ dz, "b1": dz.sum(axis=0), "W2": h.T @ r}
    return {key: grads[key] for key in params}


def test_gradient_is_right():
    """Central differences, so that the parity tests run on the gradient they claim."""
    params, h = {key: val.copy() for key, val in INIT.items()}, 1e-6
    for key, g in gradient(params).items():
        for index in np.ndindex(g.shape):
            params[key][index] += h
            up = loss(params)
            params[key][index] -= 2 * h
            down = loss(params)
            params[key][index] += h
            assert abs((up - down) / (2 * h) - g[index]) < 1e-8  # O(h²) error and rounding / h


# ---------------------------------------------------------------------------------------------
# Trajectories: the parameters after each of `steps` updates.

def numpy_run(optimizer, keys=ALL_KEYS, steps=STEPS):
    params, path = {key: INIT[key].copy() for key in keys}, []
    for _ in range(steps):
        optimizer.update(params, gradient(params))
        path.append({key: val.copy() for key, val in params.items()})
    return path


def torch_run(torch, make_optimizer, keys=ALL_KEYS, steps=STEPS):
    tensors = {key: torch.tensor(INIT[key], dtype=torch.float64, requires_grad=True)
               for key in keys}
    optimizer = make_optimizer(list(tensors.values()))
    path = []
    for _ in range(steps):
        grads = gradient({key: p.detach().numpy() for key, p in tensors.items()})
        for key, p in tensors.items():
            p.grad = torch.from_numpy(grads[key])
        optimizer.step()
        path.append({key: p.detach().numpy().copy() for key, p in tensors.items()})
    return path


def keras_run(keras, optimizer, keys=ALL_KEYS, steps=STEPS):
    variables = {key: keras.Variable(INIT[key], dtype="float64", name=key) for key in keys}
    path = []
    for _ in range(steps):
        grads = gradient({key: keras.ops.convert_to_numpy(v.value) for key, v in variables.items()})
        optimizer.apply_gradients(
            [(keras.ops.convert_to_tensor(grads[key], dtype="float64"), v)
             for key, v in variables.items()])
        path.append({key: keras.ops.convert_to_numpy(v.value).copy() for key, v in variables.items()})
    return path


def max_diffs(path_a, path_b):
    return np.array([max(np.max(np.abs(a[key] - b[key])) for key in a)
                     for a, b in zip(path_a, path_b, strict=True)])


def assert_same(path_a, path_b, label, tol=TOL):
    diffs = max_diffs(path_a, path_b)
    print(f"\n{label}: max |Δθ| over {len(diffs)} steps = {diffs.max():.3g}")
    worst = int(np.argmax(diffs))
    assert diffs.max() <= tol, f"{label}: step {worst + 1} differs by {diffs[worst]:.3g}"
    moved = max(np.max(np.abs(path_a[-1][k] - INIT[k])) for k in path_a[-1])
    assert moved > 0.01, f"{label}: the parameters hardly moved ({moved:.3g}); the test is vacuous"


def assert_differ(path_a, path_b, label, at_least):
    diffs = max_diffs(path_a, path_b)
    print(f"\n{label}: max |Δθ| after step 1, 10, 100 = "
          f"{diffs[0]:.3g}, {diffs[9]:.3g}, {diffs[-1]:.3g}; largest {diffs.max():.3g}")
    assert diffs.max() >= at_least, f"{label}: expected a difference ≥ {at_least}"
    return diffs


@pytest.fixture
def torch():
    torch = require("torch")
    previous = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64)  # RAdam, Adafactor keep their step count in it
    yield torch
    torch.set_default_dtype(previous)


@pytest.fixture(scope="module")
def keras():
    os.environ.setdefault("KERAS_BACKEND", "torch")
    return require("keras")


@pytest.fixture
def schedulefree():
    return require("schedulefree")


@pytest.fixture
def torch_muon_in_float64(torch, monkeypatch):
    """torch.optim.Muon with its Newton–Schulz iteration in float64 instead of bfloat16.

    The iteration's source with the one cast `grad.bfloat16()` replaced by `grad.clone()`: the
    rest of PyTorch's rule runs unchanged, so the parity test checks the rule, not the precision.
    """
    module = torch.optim._muon
    source = inspect.getsource(module._zeropower_via_newtonschulz)
    assert source.count("grad.bfloat16()") == 1, "PyTorch's Muon changed: re-read it"
    namespace = dict(vars(module))
    exec(source.replace("grad.bfloat16()", "grad.clone()"), namespace)
    monkeypatch.setattr(module, "_zeropower_via_newtonschulz",
                        namespace["_zeropower_via_newtonschulz"])
    return torch


# ---------------------------------------------------------------------------------------------
# Parity with PyTorch and schedulefree. Hyperparameters are not the defaults, so each one counts.

TORCH_CASES = {
    "AMSGrad": (lambda: mo.AMSGrad(lr=0.01, beta1=0.8, beta2=0.99, eps=1e-3),
                lambda torch, p: torch.optim.Adam(p, lr=0.01, betas=(0.8, 0.99), eps=1e-3,
                                                  amsgrad=True)),
    "RAdam": (lambda: mo.RAdam(lr=0.01, beta1=0.8, beta2=0.99, eps=1e-3),
              lambda torch, p: torch.optim.RAdam(p, lr=0.01, betas=(0.8, 0.99), eps=1e-3)),
    "Adafactor": (lambda: mo.Adafactor(lr=0.05, beta2_decay=-0.7, eps1=1e-3, eps2=1e-2, d=1.5,
                                       weight_decay=0.5),
                  lambda torch, p: torch.optim.Adafactor(p, lr=0.05, beta2_decay=-0.7,
                                                         eps=(1e-3, 1e-2), d=1.5, weight_decay=0.5)),
    "Adafactor()": (lambda: mo.Adafactor(), lambda torch, p: torch.optim.Adafactor(p)),
}


@pytest.mark.parametrize("name", TORCH_CASES)
def test_matches_pytorch(torch, name):
    make_numpy, make_torch = TORCH_CASES[name]
    assert_same(numpy_run(make_numpy()), torch_run(torch, lambda p: make_torch(torch, p)),
                f"{name} vs torch.optim")


@pytest.mark.parametrize("nesterov", [True, False])
def test_muon_matches_pytorch_with_float64_newton_schulz(torch_muon_in_float64, nesterov):
    torch = torch_muon_in_float64
    ours = numpy_run(mo.Muon(lr=0.02, weight_decay=0.5, momentum=0.9, nesterov=nesterov, ns_steps=4),
                     MATRICES)
    theirs = torch_run(torch, lambda p: torch.optim.Muon(p, lr=0.02, weight_decay=0.5, momentum=0.9,
                                                         nesterov=nesterov, ns_steps=4), MATRICES)
    assert_same(ours, theirs, f"Muon(nesterov={nesterov}) vs torch Muon, NS in float64")


def test_pytorch_muon_in_bfloat16_differs(torch):
    """The real torch.optim.Muon rounds the iteration to bfloat16 (8 significant bits)."""
    hyper = dict(lr=0.02, weight_decay=0.5, momentum=0.9)
    diffs = assert_differ(numpy_run(mo.Muon(**hyper), MATRICES),
                          torch_run(torch, lambda p: torch.optim.Muon(p, **hyper), MATRICES),
                          "Muon (float64) vs torch Muon (bfloat16)", at_least=1e-5)
    # One step moves θ by η·√max(1, rows/cols)·O, |O| ≲ 1. bfloat16 rounds each of the 5
    # iterations' products to 2⁻⁸ relative, and the iteration amplifies small singular values,
    # so the first step agrees to a few percent (2⁻⁴), not to the float64 1e-10.
    assert diffs[0] < 0.02 * np.sqrt(5 / 4) * 2**-4


@pytest.mark.parametrize("foreach", [True, False])
@pytest.mark.parametrize("warmup_steps", [0, 10])
def test_schedule_free_matches_reference(torch, schedulefree, foreach, warmup_steps):
    hyper = dict(lr=0.02, eps=1e-3, weight_decay=0.5, warmup_steps=warmup_steps)

    def make(p):
        optimizer = schedulefree.AdamWScheduleFree(p, betas=(0.8, 0.99), foreach=foreach, **hyper)
        optimizer.train()  # the reference refuses to step in eval mode
        return optimizer

    assert_same(numpy_run(mo.ScheduleFreeAdamW(beta1=0.8, beta2=0.99, **hyper)),
                torch_run(torch, make), f"ScheduleFreeAdamW vs schedulefree (warm-up {warmup_steps})")


def test_schedule_free_eval_gives_x(torch, schedulefree):
    """eval() sets θ to x, train() back to y, in both; x is the average and differs from y."""
    params = {key: INIT[key].copy() for key in ALL_KEYS}
    ours = mo.ScheduleFreeAdamW(lr=0.02)
    tensors = {key: torch.tensor(INIT[key], requires_grad=True) for key in ALL_KEYS}
    theirs = schedulefree.AdamWScheduleFree(list(tensors.values()), lr=0.02)
    theirs.train()
    for _ in range(20):
        ours.update(params, gradient(params))
        grads = gradient({key: p.detach().numpy() for key, p in tensors.items()})
        for key, p in tensors.items():
            p.grad = torch.from_numpy(grads[key])
        theirs.step()
    y = {key: val.copy() for key, val in params.items()}
    ours.eval(params)
    theirs.eval()
    for key in ALL_KEYS:
        assert np.max(np.abs(params[key] - tensors[key].detach().numpy())) <= TOL
    assert max(np.max(np.abs(params[key] - y[key])) for key in y) > 1e-3
    ours.train(params)
    assert max(np.max(np.abs(params[key] - y[key])) for key in y) <= TOL


def _defaults(cls):
    return {k: v.default for k, v in inspect.signature(cls).parameters.items()
            if v.default is not inspect.Parameter.empty}


def test_defaults_are_the_references(torch, keras, schedulefree):
    """Every default is PyTorch's (AMSGrad, RAdam, Adafactor, Muon), schedulefree's or Keras's (Lion)."""
    pairs = [(mo.AMSGrad, torch.optim.Adam), (mo.RAdam, torch.optim.RAdam),
             (mo.Adafactor, torch.optim.Adafactor), (mo.Muon, torch.optim.Muon),
             (mo.ScheduleFreeAdamW, schedulefree.AdamWScheduleFree)]
    for ours, theirs in pairs:
        mine, reference = _defaults(ours), _defaults(theirs)
        for key, value in mine.items():
            if key in ("beta1", "beta2"):
                assert value == reference["betas"][key == "beta2"], (ours, key)
            elif key in ("eps1", "eps2"):
                assert value == reference["eps"][key == "eps2"], (ours, key)
            else:
                assert value == reference[key], (ours, key)
    lion, keras_lion = _defaults(mo.Lion), _defaults(keras.optimizers.Lion)
    assert (lion["lr"], lion["beta1"], lion["beta2"]) == (
        keras_lion["learning_rate"], keras_lion["beta_1"], keras_lion["beta_2"])
    assert lion["weight_decay"] == 0.0 and keras_lion["weight_decay"] is None  # None: no decay


# ---------------------------------------------------------------------------------------------
# Parity with Keras 3: the same rule, or the written-out Keras rule.

KERAS_CASES = {
    "Lion": (lambda: mo.Lion(lr=0.0078125, beta1=0.8, beta2=0.95, weight_decay=0.5),
             lambda k: k.optimizers.Lion(learning_rate=0.0078125, beta_1=0.8, beta_2=0.95,
                                         weight_decay=0.5)),
    # Keras's default 0.001 is float32(0.001) = 0.0010000000474974513…
    "Lion()": (lambda: mo.Lion(lr=float(np.float32(0.001))), lambda k: k.optimizers.Lion()),
    # With ε = 0 the ε placement cannot matter: then Keras's AMSGrad is PyTorch's.
    "AMSGrad(eps=0)": (lambda: mo.AMSGrad(lr=0.015625, beta1=0.8, beta2=0.99, eps=0.0),
                       lambda k: k.optimizers.Adam(learning_rate=0.015625, beta_1=0.8, beta_2=0.99,
                                                   epsilon=0.0, amsgrad=True)),
    "KerasAMSGrad": (lambda: KerasAMSGrad(lr=0.015625, beta1=0.8, beta2=0.99, eps=1e-3),
                     lambda k: k.optimizers.Adam(learning_rate=0.015625, beta_1=0.8, beta_2=0.99,
                                                 epsilon=1e-3, amsgrad=True)),
    "KerasScheduleFreeAdamW": (
        lambda: KerasScheduleFreeAdamW(lr=0.015625, beta1=0.8, beta2=0.99, eps=1e-3,
                                       weight_decay=0.5, warmup_steps=10),
        lambda k: k.optimizers.ScheduleFreeAdamW(learning_rate=0.015625, beta_1=0.8, beta_2=0.99,
                                                 epsilon=1e-3, weight_decay=0.5, warmup_steps=10)),
}


@pytest.mark.parametrize("name", KERAS_CASES)
def test_matches_keras(keras, name):
    make_numpy, make_keras = KERAS_CASES[name]
    assert_same(numpy_run(make_numpy()), keras_run(keras, make_keras(keras)),
                f"{name} vs keras.optimizers")


KERAS_FLOAT32_CASES = {
    "KerasAdafactor": (
        lambda: KerasAdafactor(lr=0.0625, beta2_decay=-0.7, eps1=1e-3, eps2=1e-2, d=1.5,
                               weight_decay=0.5),
        lambda k: k.optimizers.Adafactor(learning_rate=0.0625, beta_2_decay=-0.7, epsilon_1=1e-3,
                                         epsilon_2=1e-2, clip_threshold=1.5, weight_decay=0.5)),
    "KerasAdafactor()": (lambda: KerasAdafactor(lr=float(np.float32(0.001))),
                         lambda k: k.optimizers.Adafactor()),
}


@pytest.mark.parametrize("name", KERAS_FLOAT32_CASES)
def test_matches_keras_up_to_its_float32_means(keras, name):
    make_numpy, make_keras = KERAS_FLOAT32_CASES[name]
    assert_same(numpy_run(make_numpy()), keras_run(keras, make_keras(keras)),
                f"{name} vs keras.optimizers", tol=KERAS_FLOAT32_TOL)


@pytest.mark.parametrize("nesterov", [True, False])
def test_keras_muon_matches_the_keras_rule(keras, nesterov):
    hyper = dict(momentum=0.9, nesterov=nesterov, ns_steps=4)
    assert_same(numpy_run(KerasMuon(lr=0.015625, weight_decay=0.5, **hyper), MATRICES),
                keras_run(keras, keras.optimizers.Muon(learning_rate=0.015625, weight_decay=0.5,
                                                       **hyper), MATRICES),
                f"KerasMuon(nesterov={nesterov}) vs keras Muon", tol=KERAS_FLOAT32_TOL)


def test_keras_muon_sends_vectors_to_its_adamw(keras):
    """Keras Muon on W1, b1, W2: the matrices follow KerasMuon, b1 Keras's AdamW rule."""
    ours = mo.MuonAdamW(MATRICES, KerasMuon(lr=0.015625, weight_decay=0.5),
                        KerasAdamW(weight_decay=0.25, lr=0.015625, eps=1e-7))
    theirs = keras.optimizers.Muon(learning_rate=0.015625, weight_decay=0.5, adam_weight_decay=0.25)
    assert_same(numpy_run(ours), keras_run(keras, theirs), "Muon + AdamW vs keras Muon",
                tol=KERAS_FLOAT32_TOL)


# ---------------------------------------------------------------------------------------------
# Differences between the frameworks, measured.

def test_muon_pytorch_and_keras_differ(torch_muon_in_float64, keras):
    """Same lr: Keras's step is 0.2·√max(rows, cols) times η (0.45 for 5×3 and 4×5), PyTorch's
    √max(1, rows/cols) times η (1.29 for 5×3, 1 for 4×5); weight decay 0.1 against 0.004."""
    torch = torch_muon_in_float64
    assert_differ(torch_run(torch, lambda p: torch.optim.Muon(p, lr=0.015625), MATRICES),
                  keras_run(keras, keras.optimizers.Muon(learning_rate=0.015625), MATRICES),
                  "torch Muon() vs keras Muon(), same lr", at_least=1e-3)
    # Keras's rule with PyTorch's settings: the rest is the momentum form and ε, which NS absorbs
    class KerasRuleTorchScale(KerasMuon):
        def update(self, params, grads):
            for key in params:
                params[key] *= 1 - self.lr * self.weight_decay
                self.m = self.m or {k: np.zeros_like(v) for k, v in params.items()}
                self.m[key] = self.momentum * self.m[key] + grads[key]
                u = grads[key] + self.momentum * self.m[key]
                O = mo.newton_schulz(u, self.ns_steps)
                params[key] -= self.adjusted_lr(params[key].shape) * O

    diffs = max_diffs(numpy_run(KerasRuleTorchScale(lr=0.015625, weight_decay=0.1), MATRICES),
                      torch_run(torch, lambda p: torch.optim.Muon(p, lr=0.015625), MATRICES))
    print(f"\nμm + g (Keras) vs (1 − μ)g + μm (PyTorch), otherwise PyTorch's Muon: {diffs.max():.3g}")
    assert diffs.max() <= 1e-9  # Newton–Schulz normalises u, so only ε ~ 1e-7/‖u‖ tells them apart


def test_muon_defaults_differ(torch, keras):
    t, k = _defaults(torch.optim.Muon), _defaults(keras.optimizers.Muon)
    assert (t["lr"], k["learning_rate"]) == (1e-3, 1e-3)
    assert (t["weight_decay"], k["weight_decay"], k["adam_weight_decay"]) == (0.1, 0.004, 0.004)
    assert (t["momentum"], k["momentum"], t["nesterov"], k["nesterov"]) == (0.95, 0.95, True, True)
    assert (t["ns_steps"], k["ns_steps"], t["adjust_lr_fn"], k["rms_rate"]) == (5, 5, None, 0.2)
    assert t["ns_coefficients"] == mo.MUON_COEFFICIENTS == (k["muon_a"], k["muon_b"], k["muon_c"])


def test_adafactor_pytorch_and_keras_differ(keras):
    """Same hyperparameters, the two rules: ε₁ in another place, decay before or after RMS(θ)."""
    make_keras = KERAS_FLOAT32_CASES["KerasAdafactor"][1]
    assert_differ(numpy_run(TORCH_CASES["Adafactor"][0]()), keras_run(keras, make_keras(keras)),
                  "Adafactor (PyTorch rule) vs keras, ε₁ = 1e-3, decay 0.5", at_least=1e-5)


def test_adafactor_defaults_differ(torch, keras):
    t, k = _defaults(torch.optim.Adafactor), _defaults(keras.optimizers.Adafactor)
    assert (t["lr"], k["learning_rate"], t["eps"], k["epsilon_1"]) == (1e-2, 1e-3, (None, 1e-3), 1e-30)
    assert (t["weight_decay"], k["weight_decay"], t["d"], k["clip_threshold"]) == (0.0, None, 1.0, 1.0)


def test_schedule_free_keras_differs_from_the_reference(keras):
    """Without warm-up or decay: Keras (PyTorch backend) recovers x from the updated z."""
    hyper = dict(lr=0.015625, beta1=0.8, beta2=0.99, eps=1e-3)
    keras_path = keras_run(keras, keras.optimizers.ScheduleFreeAdamW(
        learning_rate=0.015625, beta_1=0.8, beta_2=0.99, epsilon=1e-3))
    assert_same(numpy_run(KerasScheduleFreeAdamW(**hyper)), keras_path,
                "KerasScheduleFreeAdamW vs keras, no warm-up")
    assert_differ(numpy_run(mo.ScheduleFreeAdamW(**hyper)), keras_path,
                  "ScheduleFreeAdamW (reference) vs keras, no warm-up", at_least=1e-2)


def test_schedule_free_keras_warmup_differs(schedulefree):
    """During warm-up the reference weighs step t by lr_max², Keras by 1: x is another average."""
    hyper = dict(lr=0.015625, warmup_steps=20)
    assert_differ(numpy_run(mo.ScheduleFreeAdamW(**hyper)),
                  numpy_run(KerasScheduleFreeAdamW(**hyper)),
                  "ScheduleFreeAdamW: reference vs Keras rule, warm-up 20", at_least=1e-4)


# ---------------------------------------------------------------------------------------------
# Pure NumPy.

ALL = {
    "AMSGrad": (lambda: mo.AMSGrad(lr=0.01), ALL_KEYS),
    "RAdam": (lambda: mo.RAdam(lr=0.01), ALL_KEYS),
    "Adafactor": (lambda: mo.Adafactor(lr=0.05), ALL_KEYS),
    "Lion": (lambda: mo.Lion(lr=0.003), ALL_KEYS),
    "Muon": (lambda: mo.Muon(lr=0.02), MATRICES),
    "ScheduleFreeAdamW": (lambda: mo.ScheduleFreeAdamW(lr=0.01), ALL_KEYS),
    "MuonAdamW": (lambda: mo.MuonAdamW(MATRICES, mo.Muon(lr=0.02), AdamW(lr=0.01)), ALL_KEYS),
}


def test_every_class_is_covered():
    classes = {name for name, obj in vars(mo).items()
               if inspect.isclass(obj) and obj.__module__ == mo.__name__}
    assert classes == set(ALL)


@pytest.mark.parametrize("name", ALL)
def test_decreases_the_loss(name):
    make, keys = ALL[name]
    assert loss(numpy_run(make(), keys)[-1]) < 0.8 * loss({})


@pytest.mark.parametrize("name", ALL)
def test_update_is_in_place(name):
    make, keys = ALL[name]
    params = {key: INIT[key].copy() for key in keys}
    arrays = dict(params)
    before = {key: val.copy() for key, val in params.items()}
    make().update(params, gradient(params))
    for key in params:
        assert params[key] is arrays[key]
        assert not np.array_equal(arrays[key], before[key])


@pytest.mark.parametrize("name", ALL)
def test_works_on_float32(name):
    make, keys = ALL[name]
    params = {key: INIT[key].astype(np.float32) for key in keys}
    grads = {key: val.astype(np.float32) for key, val in gradient(params).items()}
    make().update(params, grads)
    assert all(val.dtype == np.float32 for val in params.values())


def test_muon_rejects_vectors():
    with pytest.raises(ValueError, match="2-D"):
        mo.Muon().update({"b": np.zeros(3)}, {"b": np.ones(3)})


def test_adafactor_state_is_factored():
    """For an (n, m) matrix Adafactor stores n + m numbers, for a vector its length."""
    optimizer = mo.Adafactor()
    params = {"W": np.ones((40, 30)), "b": np.ones(30)}
    optimizer.update(params, {"W": np.full((40, 30), 0.1), "b": np.full(30, 0.1)})
    assert mo.state_size(optimizer) == {"W": 40 + 30, "b": 30}


def test_newton_schulz_orthogonalises():
    """Classic coefficients converge to U·Vᵀ; Muon's leave singular values in about [0.7, 1.2]."""
    G = np.random.default_rng(0).standard_normal((30, 20))
    U, _, Vt = np.linalg.svd(G, full_matrices=False)
    classic = mo.newton_schulz(G, steps=40, coefficients=(1.5, -0.5, 0.0))
    assert np.max(np.abs(classic - U @ Vt)) < 1e-10
    s = np.linalg.svd(mo.newton_schulz(G), compute_uv=False)
    assert 0.6 < s.min() and s.max() < 1.25
    transposed = mo.newton_schulz(G.T)
    assert np.max(np.abs(transposed - mo.newton_schulz(G).T)) < 1e-12


def test_radam_rectification():
    """ρₜ ≤ 5 for the first 5 steps with β₂ = 0.999 (momentum steps), then rₜ rises slowly to 1."""
    r = [mo.radam_rectification(t)[1] for t in range(1, 2001)]
    assert all(x is None for x in r[:5]) and r[5] is not None
    later = np.array(r[5:])
    assert np.all(np.diff(later) > 0) and 0.8 < later[-1] < 1  # r₂₀₀₀ = 0.83
