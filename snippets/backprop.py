"""The backpropagation page: graph nodes and their local gradients, the 2-2-1 worked example as a
trainable network, XOR, spirals and digits, and what gradient checking costs."""
import numpy as np

from snippets.datasets import digits, spirals, xor
from snippets.gradcheck import check_layer, check_model, summary, worked_example
from snippets.layers import Dense, MeanSquaredError, Sigmoid, SoftmaxCrossEntropy
from snippets.mlp import MLP, train
from snippets.optimizers import SGD


# --8<-- [start:nodes]
class Add:
    """z = x + y. Local gradients 1 and 1: the upstream gradient goes to both inputs unchanged."""

    def forward(self, x, y):
        return x + y

    def backward(self, dz):
        return dz, dz


class Multiply:
    """z = x·y. Local gradients y and x: each input gets dz times the OTHER input."""

    def forward(self, x, y):
        self.x, self.y = x, y
        return x * y

    def backward(self, dz):
        return dz * self.y, dz * self.x


class Max:
    """z = max(x, y). Local gradients 1 and 0: dz goes to the larger input only (x on a tie)."""

    def forward(self, x, y):
        self.x_wins = x >= y
        return np.maximum(x, y)

    def backward(self, dz):
        return np.where(self.x_wins, dz, 0.0), np.where(self.x_wins, 0.0, dz)


class Copy:
    """(a, b) = (x, x): one value used in two places. The gradients coming back are summed."""

    def forward(self, x):
        return x, x

    def backward(self, da, db):
        return da + db
# --8<-- [end:nodes]


# --8<-- [start:net_221]
def worked_params():
    """The weights of gradcheck.worked_example, as a dict we can update."""
    return {"W1": np.array([[0.1, 0.4], [-0.2, 0.3]]), "b1": np.array([0.1, -0.1]),
            "W2": np.array([[0.5], [-0.6]]), "b2": np.array([0.2])}


def loss_and_grads_221(params, x=np.array([[1.0, 0.5]]), t=np.array([[1.0]])):
    """E = ½(y − t)² of the 2-2-1 sigmoid network, and dE/dparam for every parameter."""
    hidden, act = Dense(params["W1"], params["b1"]), Sigmoid()
    out, out_act, loss_layer = Dense(params["W2"], params["b2"]), Sigmoid(), MeanSquaredError()
    E = loss_layer.forward(out_act.forward(out.forward(act.forward(hidden.forward(x)))), t)
    hidden.backward(act.backward(out.backward(out_act.backward(loss_layer.backward()))))
    grads = {"W1": hidden.grads["W"], "b1": hidden.grads["b"],
             "W2": out.grads["W"], "b2": out.grads["b"]}
    return E, grads
# --8<-- [end:net_221]


# --8<-- [start:train_tracked]
def train_tracked(model, train_set, optimizer, epochs, batch_size, test_set=None, snapshots=()):
    """train() one epoch at a time (shuffled with seed = epoch), recording after every epoch the
    training loss, the accuracy on train_set and test_set, and copies of the parameters after
    the epochs listed in `snapshots` (0 = before training)."""
    X, y = train_set
    history = {"loss": [], "accuracy": [], "test_accuracy": [], "params": {}}
    if 0 in snapshots:
        history["params"][0] = {k: v.copy() for k, v in model.params.items()}
    for epoch in range(1, epochs + 1):
        h = train(model, X, y, optimizer, epochs=1, batch_size=batch_size, seed=epoch)
        history["loss"].append(h["loss"][0])
        history["accuracy"].append(h["accuracy"][0])
        if test_set is not None:
            history["test_accuracy"].append(model.accuracy(*test_set))
        if epoch in snapshots:
            history["params"][epoch] = {k: v.copy() for k, v in model.params.items()}
    return history
# --8<-- [end:train_tracked]


# --8<-- [start:experiments]
def xor_run(epochs=300):
    """XOR with one hidden layer of 4 tanh units, full-batch gradient descent (η = 0.5)."""
    X, y = xor()
    model = MLP([2, 4, 2], activation="tanh", init="xavier", seed=0)
    history = train_tracked(model, (X, y), SGD(lr=0.5), epochs, batch_size=4,
                            snapshots=(0, 10, 30, 60, epochs))
    return model, history


def spirals_run(epochs=200):
    """Three spiral arms, 64 ReLU units; tested on a fresh draw of the same spirals (seed 1)."""
    model = MLP([2, 64, 3], activation="relu", init="he", seed=0)
    history = train_tracked(model, spirals(seed=0), SGD(lr=0.5), epochs, batch_size=32,
                            test_set=spirals(seed=1))
    return model, history


def digits_run(epochs=30):
    """8×8 digits, 64 inputs → 64 ReLU units → 10 classes; 1348 training and 449 test images."""
    train_set, test_set = digits(seed=0)
    model = MLP([64, 64, 10], activation="relu", init="he", seed=0)
    history = train_tracked(model, train_set, SGD(lr=0.1), epochs, batch_size=32,
                            test_set=test_set)
    return model, history
# --8<-- [end:experiments]


# --8<-- [start:gradcheck_helpers]
def as_dtype(model, dtype):
    """The same network with its parameters stored as `dtype` (float32 to see what rounding does)."""
    layers = [layer for layer in model.layers if hasattr(layer, "params")]  # the Dense layers
    for layer in layers:
        layer.params = {k: v.astype(dtype) for k, v in layer.params.items()}
    model.params = {f"{k}{i}": layer.params[k] for i, layer in enumerate(layers, start=1)
                    for k in ("W", "b")}
    return model


class CountingMLP(MLP):
    """An MLP that counts its forward passes."""

    forwards = 0

    def forward(self, X):
        self.forwards += 1
        return super().forward(X)
# --8<-- [end:gradcheck_helpers]


# --8<-- [start:flops]
def matmul_flops(sizes, n):
    """Floating-point operations in the matrix products of one forward and one backward pass of
    an MLP with layer sizes `sizes` on a batch of n (a product (a×b)·(b×c) costs 2·a·b·c)."""
    forward = backward = 0
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        forward += 2 * n * n_in * n_out  # Y = X·W
        backward += 2 * n * n_out * n_in  # dX = dY·Wᵀ
        backward += 2 * n_in * n * n_out  # dW = Xᵀ·dY
    return forward, backward
# --8<-- [end:flops]


if __name__ == "__main__":
    # --8<-- [start:nodes_demo]
    x, y, z = 2.0, 3.0, -1.0
    copy, add, biggest, mul = Copy(), Add(), Max(), Multiply()
    y1, y2 = copy.forward(y)  # y is used twice
    s = add.forward(x, y1)  # s = x + y
    m = biggest.forward(y2, z)  # m = max(y, z)
    f = mul.forward(s, m)  # f = s·m
    print(f"forward:  s = {s:g}, m = {m:g}, f = {f:g}")

    ds, dm = mul.backward(1.0)  # start from df/df = 1
    dx, dy1 = add.backward(ds)
    dy2, dz = biggest.backward(dm)
    dy = copy.backward(dy1, dy2)
    print(f"backward: df/ds = {ds:g}, df/dm = {dm:g}")
    print(f"          df/dx = {dx:g}, df/dy = {dy1:g} + {dy2:g} = {dy:g}, df/dz = {dz:g}")
    print(f"by hand:  f = (x + y)·y here, so df/dy = x + 2y = {x + 2 * y:g}")
    # --8<-- [end:nodes_demo]

    # --8<-- [start:worked_forward]
    v = worked_example()
    with np.printoptions(precision=4, floatmode="fixed", suppress=True):
        for name in ["x", "t", "z1", "h", "z2", "y", "E"]:
            print(f"{name:2s} = {np.array2string(np.asarray(v[name]))}")
    # --8<-- [end:worked_forward]

    # --8<-- [start:worked_backward]
    with np.printoptions(precision=4, floatmode="fixed", suppress=True):
        for name in ["dE/dy", "dE/dz2", "dE/dW2", "dE/db2", "dE/dh", "dE/dz1", "dE/dW1", "dE/db1"]:
            print(f"{name:6s} = {np.array2string(v[name], prefix=' ' * 9)}")
    # --8<-- [end:worked_backward]

    # --8<-- [start:worked_update]
    lr = 0.5  # η
    params = worked_params()
    for step in range(1, 1001):
        E, grads = loss_and_grads_221(params)  # forward, error, backward
        if step in (1, 2, 10, 100, 1000):
            print(f"step {step:4d}: E = {E:.6f}")
        for name in params:
            params[name] -= lr * grads[name]  # w ← w − η·∂E/∂w
    # --8<-- [end:worked_update]

    # --8<-- [start:dense_demo]
    rng = np.random.default_rng(0)
    X = rng.standard_normal((4, 3))  # a mini-batch: N = 4 examples, 3 inputs each
    dense = Dense(rng.standard_normal((3, 2)), rng.standard_normal(2))
    Y = dense.forward(X)
    dX = dense.backward(np.ones_like(Y))  # pretend dL/dY is all ones
    print("X", X.shape, " W", dense.params["W"].shape, " Y", Y.shape)
    print("dX", dX.shape, " dW", dense.grads["W"].shape, " db", dense.grads["b"].shape)
    print("db = column sums of dY:", dense.grads["b"])
    print("check_layer:", summary(check_layer(dense, X)))
    # --8<-- [end:dense_demo]

    # --8<-- [start:softmax_demo]
    scores = np.array([[2.0, 1.0, 0.1],
                       [0.5, 2.5, 0.3]])  # N = 2 examples, 3 classes
    labels = np.array([0, 2])
    loss_layer = SoftmaxCrossEntropy()
    loss = loss_layer.forward(scores, labels)
    with np.printoptions(precision=4, floatmode="fixed", suppress=True):
        print("p =", np.array2string(loss_layer.probs, prefix="    "))
        print("(p - y)/N =", np.array2string(loss_layer.backward(), prefix=" " * 12))
    print(f"loss = {loss:.4f}, check_layer: {summary(check_layer(loss_layer, scores, labels))}")
    # --8<-- [end:softmax_demo]

    # --8<-- [start:mlp_demo]
    model = MLP([2, 3, 2], activation="tanh", seed=0)
    print([type(layer).__name__ for layer in model.layers])
    print({name: p.shape for name, p in model.params.items()})
    X, y = xor()
    print(f"loss = {model.loss(X, y):.4f}")
    grads = model.backward()
    print({name: g.shape for name, g in grads.items()})
    # --8<-- [end:mlp_demo]

    # --8<-- [start:xor_linear]
    X, y = xor()
    linear = MLP([2, 2], seed=0)  # no hidden layer: scores = X·W + b
    train(linear, X, y, SGD(lr=0.5), epochs=2000, batch_size=4)
    p = np.exp(linear.forward(X))
    p /= p.sum(axis=1, keepdims=True)
    print(f"loss {linear.loss(X, y):.4f}  (ln 2 = {np.log(2):.4f})")
    print("P(class 1) =", np.round(p[:, 1], 3))
    # --8<-- [end:xor_linear]

    # --8<-- [start:xor_hidden]
    model, history = xor_run()
    solved = 1 + history["accuracy"].index(1.0)
    print(f"first epoch with all four right: {solved}")
    print(f"after {len(history['loss'])} epochs: loss {history['loss'][-1]:.4f}"
          f", predictions {model.predict(X)}, targets {y}")
    # --8<-- [end:xor_hidden]

    # --8<-- [start:spirals_digits]
    for name, run in [("spirals", spirals_run), ("digits", digits_run)]:
        model, history = run()
        print(f"{name:8s} epochs {len(history['loss']):3d}  loss {history['loss'][-1]:.3f}"
              f"  train accuracy {history['accuracy'][-1]:.3f}"
              f"  test accuracy {history['test_accuracy'][-1]:.3f}")
    # --8<-- [end:spirals_digits]

    # --8<-- [start:check_smooth]
    X, y = spirals(n_per_class=10, seed=0)  # 30 points, 3 classes
    print("tanh, spirals:", summary(check_model(MLP([2, 16, 3], activation="tanh", seed=0), X, y)))
    # --8<-- [end:check_smooth]

    # --8<-- [start:check_kink]
    X, y = xor()
    model = MLP([2, 16, 2], activation="relu", seed=0)
    z1 = X @ model.params["W1"] + model.params["b1"]  # biases start at 0, and x = (0, 0) ...
    print("ReLU inputs within h = 1e-5 of the kink:", np.sum(np.abs(z1) < 1e-5), "of", z1.size)
    print("relu, XOR, b1 = 0:   ", summary(check_model(model, X, y)))
    model.params["b1"][:] = 0.01  # in place: the layer holds the same array
    print("relu, XOR, b1 = 0.01:", summary(check_model(model, X, y)))
    # --8<-- [end:check_kink]

    # --8<-- [start:check_float32]
    X, y = spirals(n_per_class=10, seed=0)
    for dtype in (np.float64, np.float32):
        model = as_dtype(MLP([2, 16, 3], activation="tanh", seed=0), dtype)
        errors = check_model(model, X.astype(dtype), y)
        print(f"{np.dtype(dtype).name}: every error below 1e-7: {max(errors.values()) < 1e-7},"
              f" some error above 1e-2: {max(errors.values()) > 1e-2}")
    # --8<-- [end:check_float32]

    # --8<-- [start:cost]
    (X_train, y_train), _ = digits(seed=0)
    X, y = X_train[:32], y_train[:32]  # one mini-batch
    sizes = [64, 64, 10]
    model = CountingMLP(sizes, seed=0)
    print("parameters:", sum(p.size for p in model.params.values()))
    model.loss(X, y)
    model.backward()
    print("backpropagation:", model.forwards, "forward pass and 1 backward pass")
    model.forwards = 0
    check_model(model, X, y)
    print("check_model:", model.forwards, "forward passes")
    forward, backward = matmul_flops(sizes, n=len(y))
    print(f"FLOPs in matrix products: forward {forward:,}, backward {backward:,}")
    # --8<-- [end:cost]
