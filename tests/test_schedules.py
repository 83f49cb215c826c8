"""Learning-rate schedules of snippets/schedules.py: shape, and agreement with PyTorch and Keras."""
import os

import numpy as np
import pytest

from frameworks import require
from snippets.schedules import cosine, linear_warmup, step_decay

T = np.arange(120)


def test_step_decay():
    assert [step_decay(t, 0.1, 30, 0.5) for t in (0, 29, 30, 59, 60, 90)] == \
        [0.1, 0.1, 0.05, 0.05, 0.025, 0.0125]


def test_cosine_ends_at_lr_min_and_stays():
    lr = cosine(T, 0.1, 100, lr_min=0.001)
    assert lr[0] == 0.1 and lr[50] == pytest.approx(0.0505) and lr[100] == pytest.approx(0.001)
    assert np.all(np.diff(lr[:101]) < 0) and np.all(lr[100:] == lr[100])


def test_linear_warmup():
    lr = linear_warmup(T, 0.1, 10, start_factor=0.2)
    assert lr[0] == pytest.approx(0.02) and lr[5] == pytest.approx(0.06)
    assert np.all(lr[10:] == 0.1) and np.all(np.diff(lr[:11]) > 0)


def test_scalar_and_array_agree():
    for f, args in [(step_decay, (0.1, 7)), (cosine, (0.1, 50)), (linear_warmup, (0.1, 9))]:
        np.testing.assert_allclose(f(T, *args), [f(int(t), *args) for t in T], rtol=1e-15)


def torch_lrs(torch, make_scheduler, steps):
    optimizer = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
    scheduler = make_scheduler(optimizer)
    lrs = []
    for _ in range(steps):
        lrs.append(scheduler.get_last_lr()[0])
        optimizer.step()
        scheduler.step()
    return np.array(lrs)


def test_match_pytorch_schedulers():
    torch = require("torch")
    s = torch.optim.lr_scheduler
    t = np.arange(100)
    np.testing.assert_allclose(torch_lrs(torch, lambda o: s.StepLR(o, 30, gamma=0.5), 100),
                               step_decay(t, 0.1, 30, 0.5), rtol=1e-12)
    np.testing.assert_allclose(torch_lrs(torch, lambda o: s.CosineAnnealingLR(o, 100, 0.001), 100),
                               cosine(t, 0.1, 100, 0.001), rtol=1e-12)
    np.testing.assert_allclose(
        torch_lrs(torch, lambda o: s.LinearLR(o, start_factor=0.25, total_iters=10), 100),
        linear_warmup(t, 0.1, 10, start_factor=0.25), rtol=1e-12)


def test_match_keras_schedules():
    """Keras computes schedules in float32: agreement to float32 precision (~1e-8 at lr 0.1)."""
    os.environ.setdefault("KERAS_BACKEND", "torch")
    keras = require("keras")
    s = keras.optimizers.schedules
    t = np.arange(150)
    staircase = s.ExponentialDecay(0.1, decay_steps=30, decay_rate=0.5, staircase=True)
    cosine_decay = s.CosineDecay(0.1, decay_steps=100, alpha=0.01)  # floor: alpha·0.1 = 0.001
    for schedule, expected in [(staircase, step_decay(t, 0.1, 30, 0.5)),
                               (cosine_decay, cosine(t, 0.1, 100, 0.001))]:
        got = np.array([float(schedule(int(i))) for i in t])
        np.testing.assert_allclose(got, expected, rtol=1e-6, atol=1e-8)
