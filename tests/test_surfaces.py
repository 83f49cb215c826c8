"""The test surfaces of snippets/surfaces.py: gradients by central differences, minima."""
import numpy as np
import pytest

from snippets.surfaces import SURFACES


@pytest.mark.parametrize("name", SURFACES)
def test_gradient_matches_central_differences(name):
    f, grad, start, _ = SURFACES[name]
    rng = np.random.default_rng(0)
    points = np.vstack([start, rng.uniform(-2, 2, size=(20, 2))])
    h = 1e-6
    for x, y in points:
        numeric = ((f(x + h, y) - f(x - h, y)) / (2 * h), (f(x, y + h) - f(x, y - h)) / (2 * h))
        np.testing.assert_allclose(grad(x, y), numeric, rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("name", SURFACES)
def test_gradient_vanishes_at_the_minimum(name):
    f, grad, _, minimum = SURFACES[name]
    point = minimum if minimum is not None else (0.0, 0.0)  # the saddle point
    assert np.allclose(grad(*point), 0.0, atol=1e-12)
    if minimum is not None:
        assert f(*minimum) == pytest.approx(0.0, abs=1e-12)


def test_works_on_grids():
    x, y = np.meshgrid(np.linspace(-2, 2, 7), np.linspace(-1, 3, 5))
    for f, grad, _, _ in SURFACES.values():
        dx, dy = grad(x, y)
        assert f(x, y).shape == dx.shape == dy.shape == x.shape
