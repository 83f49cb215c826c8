"""A multilayer perceptron built from the layers in `snippets.layers`, and a mini-batch training loop."""
# --8<-- [start:imports]
import numpy as np

from snippets.layers import ACTIVATION_LAYERS, Dense, SoftmaxCrossEntropy
# --8<-- [end:imports]


# --8<-- [start:init]
def init_std(init, n_in, n_out):
    """Standard deviation of the initial weights of a layer with n_in inputs and n_out outputs."""
    if init == "he":
        return np.sqrt(2.0 / n_in)  # He et al. 2015, for ReLU
    if init == "xavier":
        return np.sqrt(2.0 / (n_in + n_out))  # Glorot & Bengio 2010 (『밑바닥…』 uses √(1/n_in))
    return float(init)  # a fixed number, e.g. 0.01
# --8<-- [end:init]


# --8<-- [start:mlp]
class MLP:
    """Dense → activation → … → Dense, with softmax cross-entropy on the scores.

    sizes = [n_inputs, hidden…, n_classes]. Parameters are named W1, b1, W2, b2, …; the arrays in
    `params` are the layers' own arrays, so an optimizer that updates `params` in place trains the
    network. `slots` says where each one lives: (name, layer, key in the layer's params).
    """

    def __init__(self, sizes, activation="relu", init="he", seed=0):
        rng = np.random.default_rng(seed)
        self.params, self.slots = {}, []
        self.dense_layers, self.layers = [], []
        for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
            W = init_std(init, n_in, n_out) * rng.standard_normal((n_in, n_out))
            dense = Dense(W, np.zeros(n_out))
            self.dense_layers.append(dense)
            self.add_params(dense, i)
            if i < len(sizes) - 1:
                self.layers.extend(self.hidden_layers(dense, activation, i))
            else:  # no activation after the last layer: it gives scores
                self.layers.append(dense)
        self.loss_layer = SoftmaxCrossEntropy()

    def add_params(self, layer, i):
        """Name the layer's parameters W1, b1 (for i = 1) and so on, and keep where they live."""
        for key, array in layer.params.items():
            self.params[f"{key}{i}"] = array
            self.slots.append((f"{key}{i}", layer, key))

    def hidden_layers(self, dense, activation, i):
        """The layers of hidden layer i: its Dense layer, then the activation."""
        return [dense, ACTIVATION_LAYERS[activation]()]

    def forward(self, X):
        """Class scores (logits) for a batch X of shape (N, n_inputs)."""
        for layer in self.layers:
            X = layer.forward(X)
        return X

    def loss(self, X, y):
        """Mean cross-entropy on the batch; keeps every layer's cache for backward."""
        return self.loss_layer.forward(self.forward(X), y)

    def backward(self):
        """Gradients of the last loss(X, y), keyed like params: {"W1": dL/dW1, "b1": …}."""
        dout = self.loss_layer.backward()
        for layer in reversed(self.layers):
            dout = layer.backward(dout)
        return {name: layer.grads[key] for name, layer, key in self.slots}

    def predict(self, X):
        return self.forward(X).argmax(axis=1)

    def accuracy(self, X, y):
        return np.mean(self.predict(X) == y)
# --8<-- [end:mlp]


# --8<-- [start:train]
def train(model, X, y, optimizer, epochs, batch_size, seed=0, record=None):
    """Mini-batch training: each epoch visits every example once, in a fresh random order.

    `optimizer` is anything with update(params, grads). Returns the history per epoch: the mean
    loss over the epoch's batches, the accuracy on (X, y) after the epoch, and for each
    name: f in `record` what f(model) gives after the epoch (say, the accuracy on a test set).
    """
    rng = np.random.default_rng(seed)
    record = record or {}
    history = {"loss": [], "accuracy": [], **{name: [] for name in record}}
    for epoch in range(epochs):
        order = rng.permutation(len(y))
        total = 0.0
        for start in range(0, len(y), batch_size):
            batch = order[start:start + batch_size]
            total += model.loss(X[batch], y[batch]) * len(batch)
            optimizer.update(model.params, model.backward())
        history["loss"].append(total / len(y))
        history["accuracy"].append(model.accuracy(X, y))
        for name, f in record.items():
            history[name].append(f(model))
    return history
# --8<-- [end:train]


if __name__ == "__main__":
    # --8<-- [start:demo]
    from snippets.datasets import spirals, xor
    from snippets.optimizers import SGD

    X, y = xor()
    model = MLP([2, 4, 2], activation="tanh", init="xavier", seed=0)
    history = train(model, X, y, SGD(lr=0.5), epochs=500, batch_size=4)
    print(f"XOR:     loss {history['loss'][-1]:.4f}  accuracy {model.accuracy(X, y):.2f}")
    print("         predictions", model.predict(X), "targets", y)

    X, y = spirals(n_per_class=100, n_classes=3, noise=0.2, seed=0)
    model = MLP([2, 64, 3], activation="relu", init="he", seed=0)
    history = train(model, X, y, SGD(lr=0.5), epochs=300, batch_size=32)
    for epoch in [0, 9, 99, 299]:
        print(f"spirals: epoch {epoch + 1:3d}  loss {history['loss'][epoch]:.4f}"
              f"  accuracy {history['accuracy'][epoch]:.4f}")
    # --8<-- [end:demo]
