"""The numbers the optimizer chapters state in their prose (docs/*/optimizers.md, adaptive-optimizers.md,
optimizers-in-practice.md), computed by the same snippet functions, so the text cannot drift from the code."""
import numpy as np
import pytest

from snippets import adaptive_experiments, practice_experiments
from snippets import optimizer_experiments as ex
from snippets.framework_rules import BookNesterov, KerasAdam, KerasMomentum
from snippets.optimizers import Adam, Momentum, Nesterov
from snippets.surfaces import SURFACES, valley


def test_minibatch_noise_falls_like_one_over_sqrt_b():
    noise = ex.gradient_noise([1, 10, 100, 1000])
    assert round(noise[1], 2) == 1.85  # "1.85 times the gradient"
    assert noise[1000] < 1e-12  # the whole set: only rounding
    assert noise[10] / noise[100] == pytest.approx(np.sqrt(10), rel=0.15)


def test_minibatch_runs_after_one_epoch_and_the_noise_floor():
    X, y = ex.least_squares()
    best = ex.ls_loss(np.linalg.lstsq(X, y, rcond=None)[0], X, y)
    assert round(best, 4) == 0.1236
    after_one = {B: losses[seen == 1000][0]
                 for B, lr in ex.MINIBATCH_RUNS for seen, losses in [ex.minibatch_run(B, 20, lr)]}
    assert (round(after_one[1000], 2), round(after_one[32], 2), round(after_one[1], 2)) == (1.53, 0.19, 0.15)


def test_divergence_threshold_on_the_valley():
    lams = np.array([0.1, 2.0])
    assert 2 / lams.max() == 1.0
    assert round(2 / lams.sum(), 3) == 0.952 and round(19 / 21, 3) == 0.905
    final = {lr: valley(ex.gd_on_quadratic(lr, 0.1, 30, -7.0)[-1], ex.gd_on_quadratic(lr, 2.0, 30, 2.0)[-1])
             for lr in [0.1, 0.95, 1.0, 1.05]}
    assert round(final[0.1], 2) == 1.34 and round(final[1.05]) == 1218
    assert final[0.95] < final[0.1] < final[1.0] < final[1.05]
    path = ex.gd_on_quadratic(1.0, 2.0, 4, 2.0)
    assert path.tolist() == [2.0, -2.0, 2.0, -2.0, 2.0]  # "y flips between 2 and −2"


def test_momentum_overshoots_where_sgd_does_not():
    paths = ex.surface_paths()["valley"]
    assert paths["SGD"][:, 0].max() < 0
    assert round(paths["Momentum"][:, 0].max(), 2) == 1.07


@pytest.mark.parametrize("kappa", ex.KAPPAS)
def test_heavy_ball_rate_matches_theory_within_one_percent(kappa):
    measured, theory, gd, gd_measured = ex.heavy_ball_rate(kappa)
    assert theory <= measured <= 1.01 * theory  # "slightly above, by less than 1%"
    assert gd_measured == pytest.approx(gd, rel=1e-6)


def test_momentum_vs_gd_steps_at_kappa_1e4():
    r_mom, r_gd = 99 / 101, (1e4 - 1) / (1e4 + 1)
    assert round(np.log(1e-6) / np.log(r_gd), -4) == 70000  # "about 70,000"
    assert round(np.log(1e-6) / np.log(r_mom), -2) == 700  # "about 700"


def test_book_nesterov_first_step():
    steps = []
    for optimizer in [Nesterov(lr=0.1, momentum=0.9), BookNesterov(lr=0.1, momentum=0.9)]:
        params = {"w": np.array(0.0)}
        optimizer.update(params, {"w": np.array(1.0)})
        steps.append(-params["w"])
    assert steps == pytest.approx([(1 + 0.9) * 0.1, (1 + 0.9 + 0.81) * 0.1])


def test_adam_bias_correction_numbers():
    rows = adaptive_experiments.adam_moments()
    t, g, m, m_hat, v, v_hat = rows.T
    assert m[0] == pytest.approx(0.1 * g[0]) and m_hat[0] == pytest.approx(g[0])
    true_second_moment = 1 + 0.5**2  # E[g²] for mean 1, standard deviation 0.5: "about 1.25"
    assert round(v[-1], 2) == 0.03 and 35 < true_second_moment / v[-1] < 45  # "a fortieth"


def test_adam_epsilon_placement_first_step():
    steps = []
    for rule in (Adam, KerasAdam):
        params = {"w": np.array(0.0)}
        rule(lr=1.0, eps=1e-7).update(params, {"w": np.array(1e-6)})
        steps.append(round(float(-params["w"]), 3))
    assert steps == [0.909, 0.240]


def test_lr_sweep_claims():
    sweeps = practice_experiments.sweeps()
    valley_runs, rosen = sweeps["valley"], sweeps["rosenbrock"]
    assert practice_experiments.good_range(valley_runs["SGD"]) == (pytest.approx(0.5623, rel=1e-3),) * 2
    start = valley(*SURFACES["valley"][2])
    assert practice_experiments.LEARNING_RATES[valley_runs["SGD"] > start].min() == pytest.approx(1.778, rel=1e-3)
    assert practice_experiments.good_range(rosen["SGD"]) is None
    lo, hi = practice_experiments.good_range(rosen["Momentum"])
    assert (round(lo, 5), round(hi, 4)) == (0.00056, 0.0018)
    lo, hi = practice_experiments.good_range(rosen["Adam"])
    assert (round(lo, 3), round(hi, 1)) == (0.018, 5.6)  # the decades: tests/test_prose_claims.py
    for surface in sweeps:
        assert practice_experiments.good_range(sweeps[surface]["Adadelta"]) is None


def test_digits_claims():
    results = practice_experiments.digits_runs()
    loss = {name: runs[0][:, -1].mean() for name, runs in results.items()}
    acc = {name: runs[1][:, -1] for name, runs in results.items()}
    assert min(loss, key=loss.get) == "AdaGrad" and round(loss["AdaGrad"], 2) == 0.08
    assert max(loss, key=loss.get) in ("Adam", "AdamW") and round(loss["Adam"], 2) == 0.34
    assert abs(loss["Momentum"] - loss["SGD"]) < 0.01  # same effective learning rate
    assert all(0.92 <= round(a.mean(), 2) <= 0.96 for a in acc.values())
    spreads = [a.std() for a in acc.values()]
    assert round(min(spreads), 3) == 0.001 and round(max(spreads), 3) == 0.017


def test_momentum_rules_part_under_a_schedule():
    """"When the learning rate drops tenfold, PyTorch's step is ten times shorter at once; in Keras the
    accumulated step shrinks only by μ per step": the last step before the drop and the first after it,
    under a constant gradient (the values both rules print are checked by the page and parity tests)."""
    ratios = []
    for optimizer in [Momentum(lr=0.1, momentum=0.9), KerasMomentum(lr=0.1, momentum=0.9)]:
        params, steps = {"w": np.array(0.0)}, []
        for t in range(11):
            optimizer.lr = 0.1 if t < 10 else 0.01
            before = float(params["w"])
            optimizer.update(params, {"w": np.array(1.0)})
            steps.append(before - float(params["w"]))
        ratios.append(steps[-1] / steps[-2])
    torch_rule, keras_rule = ratios
    # PyTorch: 0.01·(μv + g) / (0.1·v) = 0.1·(μ + g/v) with v = 1 + μ + … + μ⁹ ≈ 6.5, so just above 0.1;
    # Keras: (μu − 0.01g) / u = μ + 0.01/0.651, just above μ
    assert 0.1 < torch_rule < 0.11 and 0.9 < keras_rule < 0.92, ratios
