"""snippets/activations.py and snippets/dying_relu.py: derivatives against central differences,
no floating-point warnings for |x| up to 1e4, softmax, the numbers the activations page states,
agreement with PyTorch and Keras 3 in float64, and deterministic figures."""
import importlib
import io
import os
import re
import warnings

import numpy as np
import pytest

os.environ.setdefault("KERAS_BACKEND", "torch")  # must be set before keras is imported

from frameworks import require  # noqa: E402
from prose import NUMBER as STATED, agrees, stated  # noqa: E402
from snippets import activation_layers as act_layers  # noqa: E402
from snippets import activations as act  # noqa: E402
from snippets.gradcheck import check_layer  # noqa: E402
from snippets.dying_relu import RUNS, train  # noqa: E402

NAMES = list(act.ACTIVATIONS)
H = 1e-5  # finite-difference step
TOL = 1e-7  # relative error of the analytic derivative vs. central differences


def away_from_kink(seed=0, n=400):
    """Points with 0.01 <= |x| <= 4: a step of H never crosses the kink of ReLU/Leaky ReLU/ELU."""
    r = np.random.default_rng(seed)
    return r.choice([-1.0, 1.0], size=n) * r.uniform(0.01, 4.0, size=n)


def relative_error(a, b):
    """Elementwise |a - b| / max(|a|, |b|), 0 where both are 0."""
    scale = np.maximum(np.abs(a), np.abs(b))
    return np.divide(np.abs(a - b), scale, out=np.zeros_like(scale), where=scale > 0)


def no_float_warnings():
    """Overflow, division by zero and invalid results raise; underflow to 0 is the correct answer
    for e.g. sigmoid(-1e4), so it is allowed."""
    return np.errstate(over="raise", divide="raise", invalid="raise", under="ignore")


# ---- derivatives ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_derivative_matches_central_differences(name):
    f, f_grad = act.ACTIVATIONS[name]
    x = away_from_kink()
    numeric = (f(x + H) - f(x - H)) / (2 * H)
    assert relative_error(f_grad(x), numeric).max() < TOL


def test_softmax_jacobian_matches_central_differences():
    x = np.random.default_rng(1).normal(size=(3, 5))
    jac = act.softmax_grad(x)
    assert jac.shape == (3, 5, 5)
    for j in range(5):
        step = np.zeros(5)
        step[j] = H
        numeric = (act.softmax(x + step) - act.softmax(x - step)) / (2 * H)
        assert relative_error(jac[:, :, j], numeric).max() < TOL


def test_relu_family_derivative_at_zero_is_the_framework_convention():
    zero = np.array([0.0])
    assert act.relu_grad(zero)[0] == 0.0
    assert act.leaky_relu_grad(zero)[0] == 0.01
    assert act.elu_grad(zero)[0] == 1.0


# ---- numerical stability --------------------------------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_no_warnings_for_large_inputs(name):
    f, f_grad = act.ACTIVATIONS[name]
    x = np.concatenate([-np.geomspace(1e4, 1e-3, 50), [0.0], np.geomspace(1e-3, 1e4, 50)])
    with warnings.catch_warnings(), no_float_warnings():
        warnings.simplefilter("error")
        y, dy = f(x), f_grad(x)
    assert np.all(np.isfinite(y)) and np.all(np.isfinite(dy))
    assert y.dtype == dy.dtype == np.float64


def test_stable_values_at_the_extremes():
    x = np.array([-1e4, 1e4])
    with no_float_warnings():
        assert act.sigmoid(x).tolist() == [0.0, 1.0]
        assert act.softplus(x).tolist() == [0.0, 1e4]
        assert act.elu(x).tolist() == [-1.0, 1e4]
        assert act.gelu(x).tolist() == [-0.0, 1e4]
        assert act.silu(x).tolist() == [-0.0, 1e4]
        assert act.softmax(x).tolist() == [0.0, 1.0]


def test_softmax_rows_sum_to_one_and_ignore_shifts():
    # multiples of 1/8 up to 100: adding 1e4 is exact, so the shifted rows must agree to the bit
    x = np.random.default_rng(2).integers(-800, 800, size=(4, 6)) / 8
    with no_float_warnings():
        y = act.softmax(x)
        np.testing.assert_allclose(y.sum(axis=-1), 1.0, rtol=0, atol=4e-16)
        assert np.array_equal(act.softmax(x + 1e4), y)
        assert np.array_equal(act.softmax(x - 1e4), y)
    assert np.all(y >= 0)


# ---- what the page states -------------------------------------------------------------------

def test_sigmoid_and_tanh_derivative_maxima_are_attained_only_at_zero():
    x = np.linspace(-10, 10, 200_001)  # contains 0 exactly (index 100_000)
    for f_grad, peak in [(act.sigmoid_grad, 0.25), (act.tanh_grad, 1.0)]:
        d = f_grad(x)
        assert d.max() == peak
        assert np.flatnonzero(d == peak).tolist() == [100_000]
        assert x[100_000] == 0.0


def test_properties_table():
    table = act.properties()
    expected = {  # min, max, E[f(z)], zero-centred, max f', saturates
        "sigmoid": (0, 1, 0.5, False, 0.25, "both"),
        "tanh": (-1, 1, 0, True, 1, "both"),
        "relu": (0, np.inf, 0.3989, False, 1, "x<0"),
        "leaky_relu": (-np.inf, np.inf, 0.395, False, 1, "no"),
        "elu": (-1, np.inf, 0.1605, False, 1, "x<0"),
        "gelu": (-0.17, np.inf, 0.2821, False, 1.1289, "x<0"),
        "silu": (-0.2785, np.inf, 0.2066, False, 1.0998, "x<0"),
        "softplus": (0, np.inf, 0.8061, False, 1, "x<0"),
    }
    assert list(table) == list(expected)
    for name, (lo, hi, mean, centred, max_grad, sat) in expected.items():
        p = table[name]
        assert (p["min"], p["max"], p["mean"]) == (lo, hi, mean), name
        assert p["zero_centred"] == centred, name
        assert (p["max_grad"], p["saturates"]) == (max_grad, sat), name


def test_closed_forms_behind_the_table():
    table = act.properties()
    # E[relu(z)] = 1/sqrt(2 pi), E[gelu(z)] = E[phi(z)] = 1/(2 sqrt(pi))
    assert table["relu"]["mean"] == round(1 / np.sqrt(2 * np.pi), 4)
    assert table["gelu"]["mean"] == round(1 / (2 * np.sqrt(np.pi)), 4)
    # gelu' peaks at x = sqrt(2): Phi(sqrt 2) + sqrt(2) phi(sqrt 2)
    assert table["gelu"]["max_grad"] == round(float(act.gelu_grad(np.sqrt(2.0))), 4)


def test_dying_relu_experiment():
    results = {name: train(f, f_grad, lr) for name, (f, f_grad, lr) in RUNS.items()}
    final = {name: (h["negative"][-1], h["no_grad"][-1], h["accuracy"][-1])
             for name, h in results.items()}
    assert final == {
        "ReLU, lr=1": (0, 0, 1.0),
        "ReLU, lr=10": (64, 64, 0.5),
        "Leaky, lr=10": (53, 0, 1.0),
    }
    # a dead ReLU unit never comes back: from the first step with all 64 dead, nothing changes
    dead = results["ReLU, lr=10"]["no_grad"]
    first = dead.index(64)
    assert first < 30 and set(dead[first:]) == {64}


# ---- frameworks -----------------------------------------------------------------------------

def grid():
    return np.concatenate([np.linspace(-30, 30, 601), [-1e4, -1e3, 1e3, 1e4]])


def value_tolerance(name):
    if name == "softplus":  # the frameworks return x itself for x > 20: off by < 2.1e-9
        return {"rtol": 1e-10, "atol": 0}
    if name == "gelu":  # they compute 1 + erf(x/sqrt 2), which loses digits for x << 0;
        return {"rtol": 1e-14, "atol": 1e-15}  # ours (erfc) keeps them: compare absolutely
    return {"rtol": 1e-14, "atol": 0}


@pytest.fixture(scope="module")
def torch():
    torch = require("torch")
    return torch


def torch_functions(F):
    return {
        "sigmoid": F.sigmoid,
        "tanh": F.tanh,
        "relu": F.relu,
        "leaky_relu": F.leaky_relu,  # negative_slope=0.01 by default, as ours
        "elu": F.elu,
        "gelu": F.gelu,  # approximate="none": the exact erf form, as ours
        "silu": F.silu,
        "softplus": F.softplus,  # switches to x for x > 20, see the tolerance below
    }


@pytest.mark.parametrize("name", NAMES)
def test_matches_pytorch_values_and_autograd(torch, name):
    f, f_grad = act.ACTIVATIONS[name]
    x = grid()
    xt = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    yt = torch_functions(torch.nn.functional)[name](xt)
    yt.sum().backward()
    np.testing.assert_allclose(f(x), yt.detach().numpy(), **value_tolerance(name))
    np.testing.assert_allclose(f_grad(x), xt.grad.numpy(), rtol=1e-8, atol=1e-15)


def test_matches_pytorch_softmax_and_its_jacobian(torch):
    x = np.random.default_rng(3).normal(scale=5, size=(2, 4))
    np.testing.assert_allclose(
        act.softmax(x), torch.softmax(torch.tensor(x), dim=-1).numpy(), rtol=1e-14)
    jac = torch.autograd.functional.jacobian(lambda t: torch.softmax(t, dim=-1), torch.tensor(x[0]))
    np.testing.assert_allclose(act.softmax_grad(x[0]), jac.numpy(), rtol=1e-12, atol=1e-17)


@pytest.fixture(scope="module")
def keras():
    require("torch")  # the backend this suite uses for Keras
    keras = require("keras")
    assert keras.backend.backend() == "torch", "set KERAS_BACKEND=torch before importing keras"
    return keras


def keras_functions(ka):
    return {
        "sigmoid": ka.sigmoid,
        "tanh": ka.tanh,
        "relu": ka.relu,
        "leaky_relu": lambda x: ka.leaky_relu(x, negative_slope=0.01),  # Keras default: 0.2
        "elu": ka.elu,
        "gelu": ka.gelu,  # keras.activations.gelu: approximate=False (keras.ops.gelu: True)
        "silu": ka.silu,
        "softplus": ka.softplus,
    }


@pytest.mark.parametrize("name", NAMES)
def test_matches_keras_values(keras, name):
    f, _ = act.ACTIVATIONS[name]
    x = grid()
    xk = keras.ops.convert_to_tensor(x, dtype="float64")
    y = keras.ops.convert_to_numpy(keras_functions(keras.activations)[name](xk))
    assert y.dtype == np.float64
    np.testing.assert_allclose(f(x), y, **value_tolerance(name))


def test_keras_defaults_the_page_warns_about(keras):
    x = keras.ops.convert_to_tensor(np.array([-1.0, 1.0]), dtype="float64")
    to_np = keras.ops.convert_to_numpy
    assert to_np(keras.activations.leaky_relu(x)).tolist() == [-0.2, 1.0]
    assert to_np(keras.layers.LeakyReLU()(x)).tolist() == pytest.approx([-0.3, 1.0])
    exact = to_np(keras.activations.gelu(x))
    approx = to_np(keras.ops.gelu(x))
    np.testing.assert_allclose(exact, act.gelu(np.array([-1.0, 1.0])), rtol=1e-14)
    assert np.abs(exact - approx).max() > 1e-5


def test_matches_keras_softmax(keras):
    x = np.random.default_rng(4).normal(scale=5, size=(2, 4))
    y = keras.activations.softmax(keras.ops.convert_to_tensor(x, dtype="float64"))
    np.testing.assert_allclose(act.softmax(x), keras.ops.convert_to_numpy(y), rtol=1e-14)


# ---- figures --------------------------------------------------------------------------------

FIGURES = ["activation_curves", "sigmoid_chain", "dying_relu", "activation_curves_more", "selu_depth"]


def render(module, lang, theme):
    from snippets import plotstyle

    buffer = io.BytesIO()
    plotstyle.save(module.figure(lang, theme), buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("name", FIGURES)
def test_figure_is_deterministic(name):
    module = importlib.import_module(f"snippets.figures.{name}")
    for lang, theme in [("ko", "light"), ("en", "dark")]:
        assert render(module, lang, theme) == render(module, lang, theme)


# tick labels: "-2", "0.5", or log-axis labels like "$\\mathdefault{10^{-5}}$"
NUMBER = re.compile(r"^-?\d+(\.\d+)?$|^\$\\mathdefault\{10\^\{-?\d+\}\}\$$")


@pytest.mark.parametrize("name", FIGURES)
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_figure_text_comes_from_its_table(name, lang, caplog):
    from matplotlib.text import Text

    module = importlib.import_module(f"snippets.figures.{name}")
    fig = module.figure(lang, "light")
    fig.savefig(io.BytesIO(), format="svg")  # draws, so tick labels exist
    # e.g. Hangul inside $...$ is drawn as boxes and only logged, not raised
    assert not [r.getMessage() for r in caplog.records if "glyph" in r.getMessage()]
    allowed = set(module.TEXT[lang].values())
    shown = {t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()}
    stray = {s for s in shown if s not in allowed and not NUMBER.match(s)}
    assert not stray
    if lang == "ko":
        assert any(re.search("[가-힣]", s) for s in shown)


# ---- PReLU, SELU, GLU -----------------------------------------------------------------------

MORE = list(act.MORE_ACTIVATIONS)


@pytest.mark.parametrize("name", MORE)
def test_more_derivatives_match_central_differences(name):
    f, f_grad = act.MORE_ACTIVATIONS[name]
    x = away_from_kink()
    assert relative_error(f_grad(x), (f(x + H) - f(x - H)) / (2 * H)).max() < TOL


def test_prelu_slope_derivative_matches_central_differences():
    x, a = away_from_kink(), 0.25
    numeric = (act.prelu(x, a + H) - act.prelu(x, a - H)) / (2 * H)
    # prelu is linear in a: central differences are exact up to rounding, hence 1e-9
    np.testing.assert_allclose(act.prelu_grad_slope(x), numeric, rtol=0, atol=1e-9)


@pytest.mark.parametrize("name", MORE)
def test_more_no_warnings_for_large_inputs(name):
    f, f_grad = act.MORE_ACTIVATIONS[name]
    x = np.concatenate([-np.geomspace(1e4, 1e-3, 50), [0.0], np.geomspace(1e-3, 1e4, 50)])
    with warnings.catch_warnings(), no_float_warnings():
        warnings.simplefilter("error")
        y, dy = f(x), f_grad(x)
    assert np.all(np.isfinite(y)) and np.all(np.isfinite(dy))


def test_more_properties_table():
    table = act.properties(act.MORE_ACTIVATIONS)
    expected = {  # min, max, E[f(z)], zero-centred, max f', saturates
        "prelu": (-np.inf, np.inf, 0.2992, False, 1, "no"),
        "selu": (-1.7581, np.inf, 0, True, 1.7581, "x<0"),
    }
    assert list(table) == list(expected)
    for name, (lo, hi, mean, centred, max_grad, sat) in expected.items():
        p = table[name]
        assert (p["min"], p["max"], p["mean"]) == (lo, hi, mean), name
        assert (p["zero_centred"], p["max_grad"], p["saturates"]) == (centred, max_grad, sat), name


def test_closed_forms_behind_the_more_table():
    table = act.properties(act.MORE_ACTIVATIONS)
    # E[prelu(z)] = (1 - a) E[relu(z)] = 0.75 / sqrt(2 pi); SELU's minimum is -lambda alpha
    assert table["prelu"]["mean"] == round(0.75 / np.sqrt(2 * np.pi), 4)
    # "its mean is closer to 0 than Leaky ReLU's" (slope 0.25 against 0.01)
    assert 0 < table["prelu"]["mean"] < act.properties({"leaky_relu": act.ACTIVATIONS["leaky_relu"]})["leaky_relu"]["mean"]
    assert table["selu"]["min"] == round(-act.SELU_SCALE * act.SELU_ALPHA, 4)
    assert table["selu"]["max_grad"] == round(act.SELU_SCALE * act.SELU_ALPHA, 4)
    # "apart from tanh, SELU is the only zero-centred function of this chapter"
    every = {**act.properties(), **table}
    assert [name for name, p in every.items() if p["zero_centred"]] == ["tanh", "selu"]


def test_selu_constants_are_the_fixed_point_mean_0_variance_1():
    z = np.linspace(-12, 12, 240_001)
    w = act.normal_pdf(z)
    # trapezoid rule on [-12, 12] with step 1e-4 and constants rounded to 17 digits: 1e-9
    assert abs(np.trapezoid(act.selu(z) * w, z)) < 1e-9
    assert abs(np.trapezoid(act.selu(z) ** 2 * w, z) - 1) < 1e-9


def test_selu_constants_in_the_formula():
    found = stated("activations.md", {lang: rf"\\alpha \\approx ({STATED}), \\quad \\lambda \\approx ({STATED})"
                                      for lang in ("ko", "en")})
    for alpha, scale in found.values():
        assert agrees(alpha, act.SELU_ALPHA) and agrees(scale, act.SELU_SCALE)


def test_selu_derivative_jumps_at_zero_and_the_code_takes_the_left_value():
    left, right = act.selu_grad(np.array([-1e-12, 1e-12]))
    assert left == pytest.approx(act.SELU_SCALE * act.SELU_ALPHA) and right == act.SELU_SCALE
    assert act.selu_grad(np.array([0.0]))[0] == pytest.approx(act.SELU_SCALE * act.SELU_ALPHA)
    assert act.prelu_grad(np.array([0.0]))[0] == 0.25


def test_prelu_slope_gradient_is_the_sum_of_the_negative_inputs():
    x = np.random.default_rng(0).standard_normal((8, 3))
    layer = act_layers.PReLU(3)
    layer.backward(np.ones_like(layer.forward(x)))
    np.testing.assert_allclose(layer.grads["a"], np.minimum(x, 0).sum(axis=0), rtol=1e-15)


def layer_cases():
    rng = np.random.default_rng(5)
    W, V = rng.standard_normal((3, 4)), rng.standard_normal((3, 4))
    return {"prelu": (act_layers.PReLU(4, a=0.1), rng.standard_normal((6, 4))),
            "glu": (act_layers.GLU(W.copy(), V.copy(), "sigmoid"), rng.standard_normal((6, 3))),
            "swiglu": (act_layers.GLU(W.copy(), V.copy(), "silu"), rng.standard_normal((6, 3)))}


@pytest.mark.parametrize("name", ["prelu", "glu", "swiglu"])
def test_layer_backward_passes_the_gradient_check(name):
    layer, x = layer_cases()[name]
    errors = check_layer(layer, x)
    assert set(errors) == {"x", *layer.params}
    assert max(errors.values()) < TOL, errors


def test_glu_layer_is_the_function_and_its_shape():
    rng = np.random.default_rng(0)
    x, W, V = rng.standard_normal((4, 3)), rng.standard_normal((3, 5)), rng.standard_normal((3, 5))
    assert np.array_equal(act_layers.GLU(W, V, "silu").forward(x), act.swiglu(x, W, V))
    y = act_layers.GLU(W, V, "sigmoid").forward(x)
    assert np.array_equal(y, act.glu(x, W, V)) and y.shape == (4, 5)
    # not elementwise: y depends on two numbers per output; with W = V SwiGLU is x·W times SiLU(x·W)
    np.testing.assert_allclose(act.swiglu(x, W, W), act.silu(x @ W) * (x @ W), rtol=1e-15)


@pytest.fixture(scope="module")
def depth_stats():
    return {name: act_layers.depth_statistics(f, s) for name, (f, s) in act_layers.STACKS.items()}


def test_selu_stays_near_mean_0_variance_1_and_relu_he_does_not(depth_stats):
    means, variances = depth_stats["selu, LeCun"]
    assert np.abs(means).max() < 0.02 and np.abs(variances - 1).max() < 0.06
    means, variances = depth_stats["relu, He"]
    assert means.min() > 0.5  # never zero-centred
    assert variances.max() - variances.min() > 0.8  # wanders: 0.64 to 1.55 here


def test_depth_sentences_state_the_measured_ranges(depth_stats):
    found = stated("activations.md", {
        "ko": rf"SELU는 32층을 지나는 동안 평균이 ({STATED})에서 ({STATED}) 사이, 분산이 ({STATED})에서 "
              rf"({STATED}) 사이에 머뭅니다",
        "en": rf"Over the 32 layers SELU's mean stays between ({STATED}) and ({STATED}) and its variance "
              rf"between ({STATED}) and ({STATED})"})
    means, variances = depth_stats["selu, LeCun"]
    for numbers in found.values():
        for text, value in zip(numbers, [means.min(), means.max(), variances.min(), variances.max()],
                               strict=True):
            assert agrees(text, value), text
    found = stated("activations.md", {
        "ko": rf"평균은 ({STATED})에서 ({STATED}) 사이로 0이 되지 않고, 분산은 ({STATED})에서 ({STATED}) 사이를",
        "en": rf"their mean, between ({STATED}) and ({STATED}), is never 0, and their variance wanders "
              rf"between ({STATED}) and ({STATED})"})
    means, variances = depth_stats["relu, He"]
    for numbers in found.values():
        for text, value in zip(numbers, [means.min(), means.max(), variances.min(), variances.max()],
                               strict=True):
            assert agrees(text, value), text


def test_more_match_pytorch(torch):
    F = torch.nn.functional
    x = grid()
    xt = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    F.selu(xt).sum().backward()
    np.testing.assert_allclose(act.selu(x), F.selu(xt).detach().numpy(), rtol=1e-14)
    np.testing.assert_allclose(act.selu_grad(x), xt.grad.numpy(), rtol=1e-12, atol=1e-300)
    xt = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    a = torch.tensor([0.25], dtype=torch.float64, requires_grad=True)
    F.prelu(xt, a).sum().backward()
    np.testing.assert_allclose(act.prelu(x), F.prelu(xt, a).detach().numpy(), rtol=1e-15)
    np.testing.assert_allclose(act.prelu_grad(x), xt.grad.numpy(), rtol=1e-15)
    assert a.grad.item() == pytest.approx(act.prelu_grad_slope(x).sum(), rel=1e-12)


def test_pytorch_prelu_and_selu_defaults_the_page_warns_about(torch):
    prelu = torch.nn.PReLU()
    assert prelu.weight.shape == (1,) and prelu.weight.item() == 0.25  # one shared slope
    assert torch.nn.PReLU(num_parameters=7).weight.shape == (7,)
    assert torch.nn.init.calculate_gain("selu") == 0.75
    w = torch.empty(400, 2500, dtype=torch.float64)  # (n_out, n_in): fan_in = 2500
    torch.manual_seed(0)
    torch.nn.init.kaiming_normal_(w, nonlinearity="linear")
    # std of 10^6 draws: within 1% of 1/sqrt(n_in) = 0.02
    assert w.std().item() == pytest.approx(1 / np.sqrt(2500), rel=0.01)


def test_more_match_keras(keras):
    x = grid()
    y = keras.activations.selu(keras.ops.convert_to_tensor(x, dtype="float64"))
    np.testing.assert_allclose(act.selu(x), keras.ops.convert_to_numpy(y), rtol=1e-14)


def test_keras_prelu_and_selu_defaults_the_page_warns_about(keras):
    layer = keras.layers.PReLU()
    layer.build((None, 3))
    alpha = keras.ops.convert_to_numpy(layer.alpha)
    assert alpha.shape == (3,) and np.all(alpha == 0)  # one slope per neuron, starting as ReLU
    assert isinstance(keras.initializers.get("lecun_normal"), keras.initializers.LecunNormal)
