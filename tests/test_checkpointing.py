"""snippets/checkpointing.py and the memory section of the backpropagation page: the bytes each
layer caches (counted from the shapes, independently of the code), how they grow with depth and
batch size, and gradient checkpointing: the same floats as plain backpropagation, the number of
forward passes, the peak memory, and the numbers the page's sentences state."""
import math
import re

import numpy as np
import pytest

from prose import prose
from snippets.checkpointing import cached_bytes, checkpointed_gradients
from snippets.datasets import digits
from snippets.mlp import MLP

F64, BOOL, INT64 = 8, 1, 8  # bytes per value


@pytest.fixture(scope="module")
def batch():
    (X, y), _ = digits(seed=0)
    return X, y


def expected_cache(n, width, hidden, inputs=64, classes=10):
    """From the shapes: each Dense keeps its float64 input, each ReLU a bool mask of its input, the
    loss layer its float64 probabilities and int64 labels."""
    dense_inputs = n * inputs * F64 + hidden * n * width * F64
    masks = hidden * n * width * BOOL
    return dense_inputs + masks + n * classes * F64 + n * INT64


@pytest.mark.parametrize("hidden", [1, 2, 4, 8, 16])
@pytest.mark.parametrize("n", [32, 128])
def test_cached_bytes_are_what_the_shapes_give(batch, hidden, n):
    X, y = batch
    model = MLP([64] + [64] * hidden + [10], activation="relu", seed=0)
    model.loss(X[:n], y[:n])
    assert cached_bytes(model) == expected_cache(n, 64, hidden)


def test_a_tanh_output_shared_with_the_next_layer_is_counted_once(batch):
    """Tanh caches its output, which is also the next Dense layer's input: one array, not two."""
    X, y = batch
    model = MLP([64, 64, 10], activation="tanh", seed=0)
    model.loss(X[:32], y[:32])
    assert cached_bytes(model) == 32 * 64 * F64 * 2 + 32 * 10 * F64 + 32 * INT64


SIZES = [64] + [64] * 15 + [10]  # the page's L = 16


@pytest.fixture(scope="module")
def plain(batch):
    X, y = batch[0][:32], batch[1][:32]
    model = MLP(SIZES, activation="relu", seed=0)
    loss = model.loss(X, y)
    peak = cached_bytes(model)
    return loss, model.backward(), peak


@pytest.fixture(scope="module")
def runs(batch):
    X, y = batch[0][:32], batch[1][:32]
    return {k: checkpointed_gradients(MLP(SIZES, activation="relu", seed=0), X, y, k)
            for k in range(1, 17)}


@pytest.mark.parametrize("k", range(1, 17))
def test_checkpointed_gradients_are_the_same_floats(plain, runs, k):
    loss, grads, _ = plain
    loss_k, grads_k, _, _ = runs[k]
    assert loss_k == loss
    assert grads_k.keys() == grads.keys()
    for name in grads:
        assert np.array_equal(grads_k[name], grads[name]), name


@pytest.mark.parametrize("k", range(1, 17))
def test_forward_passes(runs, k):
    """One pass over the 16 layers, then every segment but the last is run again."""
    L = len(SIZES) - 1
    last = L - (math.ceil(L / k) - 1) * k
    assert runs[k][3] == L + (L - last)


def test_peak_memory(plain, runs):
    peak = plain[2]
    assert runs[16][2] == peak  # one segment: nothing dropped, plain backpropagation
    assert all(runs[k][2] < peak for k in range(1, 16))
    # Chen et al.: smallest near k = sqrt(L) = 4 (here k = 3 is smallest, k = 4 within 3% of it)
    best = min(runs[k][2] for k in runs)
    assert min(runs, key=lambda k: runs[k][2]) in (3, 4, 5)
    assert runs[4][2] <= 1.03 * best
    # k = 1: at its peak (just after the loss) memory holds the 16 Dense inputs as checkpoints
    # and the loss layer's caches; every ReLU mask but the last segment's has been dropped, and
    # the last segment is the output layer alone, which has no mask
    assert runs[1][2] == 16 * 32 * 64 * F64 + 32 * 10 * F64 + 32 * INT64
    assert peak - runs[1][2] == 15 * 32 * 64 * BOOL  # "it saves only ReLU's masks"


def numbers(lang, pattern):
    matches = re.findall(pattern, prose(lang, "backprop.md"))
    assert len(matches) == 1, f"docs/{lang}/backprop.md: {len(matches)} sentences match {pattern!r}"
    groups = matches[0] if isinstance(matches[0], tuple) else (matches[0],)
    return [int(g.replace(",", "")) for g in groups]


N = r"([\d,]+)"


def test_the_sentences_state_the_measured_numbers(batch, plain, runs):
    per_layer = {"ko": numbers("ko", rf"캐시는 은닉층 하나마다 {N}바이트"),
                 "en": numbers("en", rf"The cache grows by {N} bytes per hidden layer")}
    one_layer = expected_cache(32, 64, 2) - expected_cache(32, 64, 1)
    assert per_layer == {"ko": [one_layer], "en": [one_layer]}
    k4 = {"ko": numbers("ko", rf"\$k = 4\$이면 메모리가 {N}바이트에서 {N}바이트로 줄고, "
                              rf"순전파는 {N}번에서 {N}번으로"),
          "en": numbers("en", rf"With \$k = 4\$ memory falls from {N} bytes to {N} bytes, and the "
                              rf"forward passes rise from {N} to {N}")}
    for found in k4.values():
        assert found == [plain[2], runs[4][2], len(SIZES) - 1, runs[4][3]]
    k1 = {"ko": numbers("ko", rf"순전파는 {N}번으로 가장 많습니다"),
          "en": numbers("en", rf"needs the most forward passes, {N}")}
    for found in k1.values():
        assert found == [runs[1][3]] == [max(r[3] for r in runs.values())]


def test_the_cache_is_more_than_twice_the_parameters_at_batch_128(batch):
    """"at batch size 128 the cache is more than twice the parameters", for every depth shown."""
    X, y = batch
    for hidden in (1, 2, 4, 8, 16):
        model = MLP([64] + [64] * hidden + [10], activation="relu", seed=0)
        model.loss(X[:128], y[:128])
        assert cached_bytes(model) > 2 * sum(p.nbytes for p in model.params.values())


def test_the_small_network_caches_almost_as_much_as_its_parameters(batch):
    """"Even in this small network the cache is almost as large as the parameters": within 10%."""
    X, y = batch
    model = MLP([64, 64, 10], activation="relu", seed=0)
    model.loss(X[:32], y[:32])
    ratio = cached_bytes(model) / sum(p.nbytes for p in model.params.values())
    assert 0.9 < ratio < 1


def test_pytorch_checkpoint_restores_the_random_state_by_default():
    """The page: "PyTorch's torch.utils.checkpoint does so by default" (restores the random state,
    so a dropout layer inside a checkpointed segment drops the same neurons when recomputed)."""
    from frameworks import require

    torch = require("torch")
    from torch.utils.checkpoint import checkpoint

    torch.manual_seed(0)
    layer = torch.nn.Sequential(torch.nn.Linear(8, 8), torch.nn.Dropout(0.5), torch.nn.Tanh()).double()
    x = torch.randn(4, 8, dtype=torch.float64)

    def weight_grad(checkpointed, **options):
        layer.zero_grad()
        torch.manual_seed(1)
        y = checkpoint(layer, x, use_reentrant=False, **options) if checkpointed else layer(x)
        y.sum().backward()
        return layer[0].weight.grad.clone()

    plain = weight_grad(False)
    assert torch.equal(weight_grad(True), plain)  # by default: the same dropout masks
    assert not torch.equal(weight_grad(True, preserve_rng_state=False), plain)  # other masks
