"""Two-variable test functions for optimizers, with their gradients.

Each `f(x, y)` and `f_grad(x, y)` works on numbers and, element-wise, on arrays (for contour plots).
`SURFACES` lists them with a usual starting point and the minimum (None where there is none).
"""
# --8<-- [start:imports]
import numpy as np
# --8<-- [end:imports]


# --8<-- [start:valley]
def valley(x, y):
    """f = x²/20 + y²: a long narrow valley, 20 times steeper across (y) than along (x)."""
    return x**2 / 20 + y**2


def valley_grad(x, y):
    return x / 10, 2 * y
# --8<-- [end:valley]


# --8<-- [start:rosenbrock]
def rosenbrock(x, y):
    """f = (1 − x)² + 100·(y − x²)²: a curved, flat-bottomed valley; minimum 0 at (1, 1)."""
    return (1 - x) ** 2 + 100 * (y - x**2) ** 2


def rosenbrock_grad(x, y):
    return -2 * (1 - x) - 400 * x * (y - x**2), 200 * (y - x**2)
# --8<-- [end:rosenbrock]


# --8<-- [start:saddle]
def saddle(x, y):
    """f = x² − y²: a minimum along x, a maximum along y; the gradient is 0 at the saddle (0, 0)."""
    return x**2 - y**2


def saddle_grad(x, y):
    return 2 * x, -2 * y
# --8<-- [end:saddle]


# --8<-- [start:beale]
def beale(x, y):
    """f = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²; minimum 0 at (3, 0.5)."""
    return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2 + (2.625 - x + x * y**3) ** 2


def beale_grad(x, y):
    a, b, c = 1.5 - x + x * y, 2.25 - x + x * y**2, 2.625 - x + x * y**3
    dx = 2 * a * (y - 1) + 2 * b * (y**2 - 1) + 2 * c * (y**3 - 1)
    dy = 2 * a * x + 2 * b * 2 * x * y + 2 * c * 3 * x * y**2
    return dx, dy
# --8<-- [end:beale]


# --8<-- [start:surfaces]
SURFACES = {  # name: (f, gradient, start, minimum)
    "valley": (valley, valley_grad, (-7.0, 2.0), (0.0, 0.0)),
    "rosenbrock": (rosenbrock, rosenbrock_grad, (-1.5, 2.0), (1.0, 1.0)),
    "saddle": (saddle, saddle_grad, (-1.5, 0.01), None),
    "beale": (beale, beale_grad, (1.0, 1.5), (3.0, 0.5)),
}
# --8<-- [end:surfaces]


if __name__ == "__main__":
    # --8<-- [start:demo]
    for name, (f, grad, start, minimum) in SURFACES.items():
        dx, dy = grad(*start)
        print(f"{name:10s} f{start} = {f(*start):9.4f}  gradient = ({dx:9.4f}, {dy:9.4f})")
    x, y = np.meshgrid(np.linspace(-10, 10, 5), np.linspace(-3, 3, 3))
    print(np.round(valley(x, y), 2))  # works element-wise on grids
    # --8<-- [end:demo]
