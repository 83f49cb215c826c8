"""Gradient checking: compare backpropagation with central finite differences, and a worked example
small enough to follow with pencil and paper."""
# --8<-- [start:imports]
import numpy as np

from snippets.layers import Dense, MeanSquaredError, Sigmoid
# --8<-- [end:imports]


# --8<-- [start:numerical_gradient]
def numerical_gradient(f, x, h=1e-5):
    """Central differences (f(x + h) − f(x − h)) / 2h for every entry of the float64 array x.

    f(x) returns a number. Each entry of x is nudged in place and then restored, so f may also
    read x indirectly (for example a weight array shared with a layer) and ignore its argument.
    """
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + h
        f_plus = f(x)
        x[idx] = old - h
        f_minus = f(x)
        x[idx] = old  # restore
        grad[idx] = (f_plus - f_minus) / (2 * h)
    return grad
# --8<-- [end:numerical_gradient]


# --8<-- [start:relative_error]
def relative_error(a, b):
    """‖a − b‖ / (‖a‖ + ‖b‖): about 1e-16 for identical float64 math, 0 when both are zero."""
    scale = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if scale == 0 else float(np.linalg.norm(a - b) / scale)
# --8<-- [end:relative_error]


# --8<-- [start:summary]
def summary(errors, tol=1e-7):
    """'ok' where the relative error is below tol, otherwise the error itself. Correct gradients
    differ from numerical ones by rounding only (about 1e-11, different on every CPU)."""
    return {name: "ok" if err < tol else f"{err:.2g}" for name, err in errors.items()}
# --8<-- [end:summary]


# --8<-- [start:check_layer]
def check_layer(layer, x, target=None, seed=0, h=1e-5):
    """Relative error of layer.backward against numerical gradients, for x and every parameter.

    A layer's output is turned into a number with fixed random weights r: L = Σ r·forward(x), so
    dL/d(output) = r. For a loss layer pass `target`: L = forward(x, target), backward(1).
    """
    if target is None:
        r = np.random.default_rng(seed).standard_normal(layer.forward(x).shape)
        def loss(_):
            return np.sum(r * layer.forward(x))
        dout = r
    else:
        def loss(_):
            return layer.forward(x, target)
        dout = 1.0
    loss(x)  # a forward pass at x, then backpropagation
    dx = layer.backward(dout)
    analytic = {"x": dx, **getattr(layer, "grads", {})}
    arrays = {"x": x, **getattr(layer, "params", {})}
    return {name: relative_error(analytic[name], numerical_gradient(loss, arrays[name], h))
            for name in arrays}
# --8<-- [end:check_layer]


# --8<-- [start:check_model]
def check_model(model, X, y, h=1e-5):
    """Relative error of model.backward against numerical gradients, per parameter."""
    model.loss(X, y)
    grads = model.backward()
    return {name: relative_error(grads[name],
                                 numerical_gradient(lambda _: model.loss(X, y), param, h))
            for name, param in model.params.items()}
# --8<-- [end:check_model]


# --8<-- [start:worked_example]
def worked_example(output="sigmoid"):
    """A 2-2-1 network with fixed weights: sigmoid hidden layer, sigmoid (or linear) output,
    squared error E = ½(y − t)². Returns every forward value and every gradient, by name."""
    x = np.array([[1.0, 0.5]])  # one example with two inputs
    t = np.array([[1.0]])  # its target
    W1 = np.array([[0.1, 0.4],
                   [-0.2, 0.3]])  # W1[i, j]: from input i to hidden unit j
    b1 = np.array([0.1, -0.1])
    W2 = np.array([[0.5],
                   [-0.6]])
    b2 = np.array([0.2])
    hidden, act, out = Dense(W1, b1), Sigmoid(), Dense(W2, b2)
    out_act = Sigmoid() if output == "sigmoid" else None
    loss_layer = MeanSquaredError()

    v = {"x": x, "t": t}
    v["z1"] = hidden.forward(x)  # z1 = x·W1 + b1
    v["h"] = act.forward(v["z1"])  # h = σ(z1)
    v["z2"] = out.forward(v["h"])  # z2 = h·W2 + b2
    v["y"] = out_act.forward(v["z2"]) if out_act else v["z2"]
    v["E"] = loss_layer.forward(v["y"], t)  # E = ½(y − t)²

    v["dE/dy"] = loss_layer.backward()  # y − t
    v["dE/dz2"] = out_act.backward(v["dE/dy"]) if out_act else v["dE/dy"]  # · y(1 − y)
    v["dE/dh"] = out.backward(v["dE/dz2"])  # dE/dz2 · W2ᵀ
    v["dE/dW2"], v["dE/db2"] = out.grads["W"], out.grads["b"]  # hᵀ · dE/dz2, dE/dz2
    v["dE/dz1"] = act.backward(v["dE/dh"])  # dE/dh · h(1 − h)
    v["dE/dx"] = hidden.backward(v["dE/dz1"])
    v["dE/dW1"], v["dE/db1"] = hidden.grads["W"], hidden.grads["b"]  # xᵀ · dE/dz1, dE/dz1
    return v
# --8<-- [end:worked_example]


if __name__ == "__main__":
    # --8<-- [start:demo]
    with np.printoptions(precision=4, floatmode="fixed", suppress=True):
        for name, value in worked_example().items():
            print(f"{name:7s} = {np.array2string(value, prefix=' ' * 10)}")
    # --8<-- [end:demo]
