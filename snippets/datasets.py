"""Small classification data sets: synthetic ones made with NumPy, and scikit-learn's bundled digits.

Every function returns float64 inputs X of shape (N, features) and integer labels y of shape (N,).
Nothing is downloaded.
"""
# --8<-- [start:imports]
import numpy as np
# --8<-- [end:imports]


# --8<-- [start:xor]
def xor():
    """The four points of XOR: label 1 when exactly one input is 1."""
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    y = np.array([0, 1, 1, 0])
    return X, y
# --8<-- [end:xor]


# --8<-- [start:spirals]
def spirals(n_per_class=100, n_classes=3, noise=0.2, seed=0):
    """Interleaved spiral arms, one per class (the CS231n toy set)."""
    rng = np.random.default_rng(seed)
    radius = np.tile(np.linspace(0.0, 1.0, n_per_class), n_classes)
    y = np.repeat(np.arange(n_classes), n_per_class)
    angle = np.tile(np.linspace(0.0, 4.0, n_per_class), n_classes) + 4.0 * y
    angle += noise * rng.standard_normal(angle.shape)
    X = radius[:, None] * np.column_stack([np.sin(angle), np.cos(angle)])
    return X, y
# --8<-- [end:spirals]


# --8<-- [start:moons]
def moons(n_per_class=100, noise=0.1, seed=0):
    """Two interleaving half circles (like scikit-learn's make_moons)."""
    rng = np.random.default_rng(seed)
    theta = np.linspace(0.0, np.pi, n_per_class)
    upper = np.column_stack([np.cos(theta), np.sin(theta)])
    lower = np.column_stack([1.0 - np.cos(theta), 0.5 - np.sin(theta)])
    X = np.vstack([upper, lower]) + noise * rng.standard_normal((2 * n_per_class, 2))
    y = np.repeat([0, 1], n_per_class)
    return X, y
# --8<-- [end:moons]


# --8<-- [start:blobs]
def blobs(n_per_class=100, n_classes=3, std=0.5, seed=0):
    """Gaussian clouds whose centres sit evenly on a circle of radius 2."""
    rng = np.random.default_rng(seed)
    angles = 2 * np.pi * np.arange(n_classes) / n_classes
    centers = 2.0 * np.column_stack([np.cos(angles), np.sin(angles)])
    y = np.repeat(np.arange(n_classes), n_per_class)
    X = centers[y] + std * rng.standard_normal((len(y), 2))
    return X, y
# --8<-- [end:blobs]


# --8<-- [start:digits]
def digits(seed=0, test_fraction=0.25):
    """scikit-learn's 8×8 handwritten digits (1797 images, bundled), pixels scaled to [0, 1].

    Returns (X_train, y_train), (X_test, y_test), split by a fixed random permutation.
    """
    from sklearn.datasets import load_digits  # the only non-NumPy import; reads a bundled file

    data = load_digits()
    X = data.data / 16.0  # pixel values are 0..16
    y = data.target
    order = np.random.default_rng(seed).permutation(len(y))
    n_test = round(test_fraction * len(y))
    test, train = order[:n_test], order[n_test:]
    return (X[train], y[train]), (X[test], y[test])
# --8<-- [end:digits]


if __name__ == "__main__":
    # --8<-- [start:demo]
    for name, (X, y) in [("xor", xor()), ("spirals", spirals()), ("moons", moons()),
                         ("blobs", blobs())]:
        print(f"{name:8s} X {X.shape}  classes {np.bincount(y).tolist()}")
    (X_train, y_train), (X_test, y_test) = digits()
    print(f"digits   train {X_train.shape}  test {X_test.shape}  range [{X_train.min()}, {X_train.max()}]")
    # --8<-- [end:demo]
