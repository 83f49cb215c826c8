"""What backpropagation keeps in memory: the bytes of the arrays each layer caches in forward for
backward, how they grow with depth and batch size, and gradient checkpointing (Chen et al., 2016),
which keeps every k-th layer's input and recomputes the rest during the backward pass.

Run `python -m snippets.checkpointing` for a small demo.
"""
# --8<-- [start:imports]
import math

import numpy as np

from snippets.layers import Dense
from snippets.mlp import MLP
# --8<-- [end:imports]


# --8<-- [start:cached_bytes]
def cache(layer):
    """The arrays a layer keeps for backward: its array attributes (params and grads are dicts)."""
    return [v for v in vars(layer).values() if isinstance(v, np.ndarray)]


def nbytes(arrays):
    """Bytes of the distinct arrays (an array kept in two places is counted once)."""
    return sum(a.nbytes for a in {id(a): a for a in arrays}.values())


def cached_bytes(model):
    """Bytes cached by every layer after model.loss(X, y), ready for model.backward()."""
    return nbytes([a for layer in model.layers + [model.loss_layer] for a in cache(layer)])
# --8<-- [end:cached_bytes]


# --8<-- [start:checkpointed]
def blocks(model):
    """The model's layers in blocks of one Dense layer and the activation after it."""
    result = []
    for layer in model.layers:
        if isinstance(layer, Dense):
            result.append([layer])
        else:
            result[-1].append(layer)
    return result


def forget(block):
    """Drop the caches of a block's layers, as a framework frees them."""
    for layer in block:
        for name, value in vars(layer).items():
            if isinstance(value, np.ndarray):
                setattr(layer, name, None)


def checkpointed_gradients(model, X, y, k):
    """Loss and gradients of an MLP, keeping only the input of every k-th block in the forward
    pass and recomputing each segment of k blocks just before its backward pass. Returns
    (loss, grads, peak bytes of checkpoints and caches, number of block forward passes)."""
    bs = blocks(model)
    starts = list(range(0, len(bs), k))  # segment s: blocks s, s+1, ..., s+k-1
    checkpoints, peak, evaluations = {}, 0, 0

    def kept():
        """Bytes held now: the checkpoints and every cache not yet dropped."""
        layers = [layer for block in bs for layer in block] + [model.loss_layer]
        return nbytes(list(checkpoints.values()) + [a for layer in layers for a in cache(layer)])

    def forward(block, h):
        nonlocal peak, evaluations
        for layer in block:
            h = layer.forward(h)
        evaluations += 1
        peak = max(peak, kept())
        return h

    h = X
    for s in starts:
        checkpoints[s] = h  # the segment's input
        for block in bs[s:s + k]:
            h = forward(block, h)
            if s != starts[-1]:
                forget(block)  # the last segment keeps its caches: it is needed first
    loss = model.loss_layer.forward(h, y)
    peak = max(peak, kept())
    dout = model.loss_layer.backward()
    forget([model.loss_layer])
    for s in reversed(starts):
        if s != starts[-1]:
            h = checkpoints[s]
            for block in bs[s:s + k]:  # recompute the segment's caches
                h = forward(block, h)
        for block in reversed(bs[s:s + k]):
            for layer in reversed(block):
                dout = layer.backward(dout)
            forget(block)
        del checkpoints[s]
    grads = {name: layer.grads[key] for name, layer, key in model.slots}
    return loss, grads, peak, evaluations
# --8<-- [end:checkpointed]


if __name__ == "__main__":
    from snippets.datasets import digits

    # --8<-- [start:demo_layers]
    (X_train, y_train), _ = digits(seed=0)
    X, y = X_train[:32], y_train[:32]  # one mini-batch of 32 images, 64 pixels each
    model = MLP([64, 64, 10], activation="relu", seed=0)
    model.loss(X, y)
    for layer in model.layers + [model.loss_layer]:
        print(f"{type(layer).__name__:19}", [(a.shape, a.dtype.name, a.nbytes) for a in cache(layer)])
    params = sum(p.nbytes for p in model.params.values())
    print(f"cached: {cached_bytes(model):,} bytes; parameters: {params:,} bytes")
    # --8<-- [end:demo_layers]

    # --8<-- [start:demo_growth]
    print("hidden layers   batch 32   batch 128   parameters")
    for depth in (1, 2, 4, 8, 16):
        model = MLP([64] + [64] * depth + [10], activation="relu", seed=0)
        row = []
        for n in (32, 128):
            model.loss(X_train[:n], y_train[:n])
            row.append(cached_bytes(model))
        params = sum(p.nbytes for p in model.params.values())
        print(f"{depth:13d} {row[0]:10,d} {row[1]:11,d} {params:12,d}")
    # --8<-- [end:demo_growth]

    # --8<-- [start:demo_checkpointing]
    sizes = [64] + [64] * 15 + [10]  # L = 16 Dense layers
    plain = MLP(sizes, activation="relu", seed=0)
    loss = plain.loss(X, y)
    peak = cached_bytes(plain)
    grads = plain.backward()
    L = len(sizes) - 1
    print(f"plain      peak {peak:8,d} bytes  forward passes {L:2d}")
    for k in (1, math.isqrt(L), L):
        model = MLP(sizes, activation="relu", seed=0)
        loss_k, grads_k, peak_k, evaluations = checkpointed_gradients(model, X, y, k)
        same = loss_k == loss and all(np.array_equal(grads_k[name], grads[name]) for name in grads)
        print(f"k = {k:2d}     peak {peak_k:8,d} bytes  forward passes {evaluations:2d}"
              f"  same floats: {same}")
    # --8<-- [end:demo_checkpointing]
