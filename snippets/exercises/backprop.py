"""Exercises of the backpropagation page: checks at the top, the page's blocks in exercises().

Run `python -m snippets.exercises.backprop`: each check prints TODO for its stub, then PASS.
"""
import numpy as np

from snippets.exercises import report
from snippets.gradcheck import check_layer

TOLERANCE = 1e-7  # central differences in float64 agree with a right gradient to ~1e-10


def gradient_problem(layer, x, target=None):
    """None if the layer's backward agrees with central differences for x and every parameter."""
    layer.forward(x) if target is None else layer.forward(x, target)
    dx = layer.backward(np.ones_like(layer.forward(x)) if target is None else 1.0)
    shapes = {"x": (np.shape(dx), x.shape)}
    for name, param in getattr(layer, "params", {}).items():
        shapes[name] = (np.shape(layer.grads[name]), param.shape)
    for name, (got, want) in shapes.items():
        if got != want:
            return f"the gradient for {name} has shape {got}, but {name} has shape {want}"
    errors = check_layer(layer, x, target)
    wrong = {name: f"{error:.1e}" for name, error in errors.items() if not error < TOLERANCE}
    return f"relative errors against central differences: {wrong}" if wrong else None


def check_dense_backward(layer_class):
    rng = np.random.default_rng(0)
    layer = layer_class(rng.standard_normal((3, 2)), rng.standard_normal(2))
    report("Dense.backward", lambda: gradient_problem(layer, rng.standard_normal((4, 3))),
           "dx, dW and db agree with central differences (relative error below 1e-7)")


def check_softmax_cross_entropy_backward(layer_class):
    rng = np.random.default_rng(0)
    scores, labels = rng.standard_normal((5, 3)), np.array([0, 2, 1, 2, 2])
    report("SoftmaxCrossEntropy.backward", lambda: gradient_problem(layer_class(), scores, labels),
           "dscores agrees with central differences (relative error below 1e-7)")


def exercises():
    """The page's blocks in page order: each check prints TODO for its stub, then PASS."""
    # --8<-- [start:imports]
    import numpy as np

    from snippets.backprop import Add, Copy, Max, Multiply
    from snippets.datasets import xor
    from snippets.exercises.backprop import check_dense_backward, check_softmax_cross_entropy_backward
    from snippets.gradcheck import worked_example
    from snippets.mlp import MLP, train
    from snippets.optimizers import SGD
    # --8<-- [end:imports]

    # --8<-- [start:graph]
    x, y, z = 3.0, -2.0, 1.0
    copy, mul, biggest, add = Copy(), Multiply(), Max(), Add()
    x1, x2 = copy.forward(x)  # x is used twice
    f = add.forward(mul.forward(x1, y), biggest.forward(x2, z))  # f = x·y + max(x, z)
    dp, dm = add.backward(1.0)
    dx1, dy = mul.backward(dp)
    dx2, dz = biggest.backward(dm)
    print(f"f = {f:g}")
    print(f"df/dx = {dx1:g} + {dx2:g} = {copy.backward(dx1, dx2):g}, df/dy = {dy:g}, df/dz = {dz:g}")
    # --8<-- [end:graph]

    # --8<-- [start:dense_stub]
    class Dense:
        def __init__(self, W, b):
            self.params = {"W": W, "b": b}
            self.grads = {"W": np.zeros_like(W), "b": np.zeros_like(b)}

        def forward(self, x):
            self.x = x
            return x @ self.params["W"] + self.params["b"]

        def backward(self, dout):
            raise NotImplementedError  # set self.grads["W"] and self.grads["b"], return dL/dx
    # --8<-- [end:dense_stub]

    # --8<-- [start:dense_check]
    check_dense_backward(Dense)
    # --8<-- [end:dense_check]

    # --8<-- [start:dense_solution]
    class Dense:
        def __init__(self, W, b):
            self.params = {"W": W, "b": b}
            self.grads = {"W": np.zeros_like(W), "b": np.zeros_like(b)}

        def forward(self, x):
            self.x = x
            return x @ self.params["W"] + self.params["b"]

        def backward(self, dout):
            self.grads["W"] = self.x.T @ dout  # (n_in, N)·(N, n_out)
            self.grads["b"] = dout.sum(axis=0)  # b is added to every row: sum, not mean
            return dout @ self.params["W"].T  # (N, n_out)·(n_out, n_in)
    # --8<-- [end:dense_solution]

    check_dense_backward(Dense)

    # --8<-- [start:softmax_stub]
    class SoftmaxCrossEntropy:
        def forward(self, scores, labels):
            shifted = scores - scores.max(axis=1, keepdims=True)
            log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
            self.probs, self.labels = np.exp(log_probs), labels
            return -log_probs[np.arange(len(labels)), labels].mean()

        def backward(self, dout=1.0):
            raise NotImplementedError  # return dL/dscores, shape (N, C)
    # --8<-- [end:softmax_stub]

    # --8<-- [start:softmax_check]
    check_softmax_cross_entropy_backward(SoftmaxCrossEntropy)
    # --8<-- [end:softmax_check]

    # --8<-- [start:softmax_solution]
    class SoftmaxCrossEntropy:
        def forward(self, scores, labels):
            shifted = scores - scores.max(axis=1, keepdims=True)
            log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
            self.probs, self.labels = np.exp(log_probs), labels
            return -log_probs[np.arange(len(labels)), labels].mean()

        def backward(self, dout=1.0):
            dscores = self.probs.copy()
            dscores[np.arange(len(self.labels)), self.labels] -= 1  # p − one-hot
            return dscores * dout / len(self.labels)  # the loss is a mean over N examples
    # --8<-- [end:softmax_solution]

    check_softmax_cross_entropy_backward(SoftmaxCrossEntropy)

    # --8<-- [start:linear_output]
    v = worked_example(output="linear")
    with np.printoptions(precision=4, floatmode="fixed", suppress=True):
        for name in ["h", "y", "dE/dz2", "dE/dW2", "dE/db2"]:
            print(f"{name:6s} = {np.array2string(np.ravel(v[name]))}")
    # --8<-- [end:linear_output]

    # --8<-- [start:check_cost]
    sizes = [784, 100, 10]  # 28×28 images, 100 hidden units, 10 classes
    n_params = sum(n_in * n_out + n_out for n_in, n_out in zip(sizes[:-1], sizes[1:]))
    print(f"parameters: {n_params:,}, forward passes for one gradient check: {2 * n_params:,}")
    # --8<-- [end:check_cost]

    # --8<-- [start:xor_width]
    X, y = xor()
    for width in (2, 3, 4):
        solved = 0
        for seed in range(10):
            model = MLP([2, width, 2], activation="tanh", init="xavier", seed=seed)
            train(model, X, y, SGD(lr=0.5), epochs=300, batch_size=4)
            solved += model.accuracy(X, y) == 1.0
        print(f"{width} hidden units: all four points right for {solved} of 10 seeds")
    # --8<-- [end:xor_width]


if __name__ == "__main__":
    exercises()
