"""A residual block y = x + F(x) (He et al., 2016) built from the layers in `snippets.layers`.

Run `python -m snippets.residual` for a small demo.
"""
# --8<-- [start:imports]
import numpy as np
# --8<-- [end:imports]


# --8<-- [start:residual]
class Residual:
    """y = x + F(x), where F is a list of layers applied in order (its output has x's shape).

    Backward adds the two paths: dx = dout + F'ᵀ·dout. The first term is the identity path, so
    dout reaches x undiminished however small F's contribution is.
    """

    def __init__(self, layers):
        self.layers = layers
        # the inner layers' own arrays, named "<index>.<name>": an optimizer updates them in place
        self.params = {f"{i}.{k}": v for i, layer in enumerate(layers)
                       for k, v in getattr(layer, "params", {}).items()}

    @property
    def grads(self):
        return {f"{i}.{k}": v for i, layer in enumerate(self.layers)
                for k, v in getattr(layer, "grads", {}).items()}

    def forward(self, x):
        out = x
        for layer in self.layers:
            out = layer.forward(out)
        return x + out

    def backward(self, dout):
        d_branch = dout
        for layer in reversed(self.layers):
            d_branch = layer.backward(d_branch)
        return dout + d_branch  # identity path + branch
# --8<-- [end:residual]


if __name__ == "__main__":
    # --8<-- [start:demo]
    from snippets.gradcheck import check_layer, summary
    from snippets.layers import Dense, ReLU

    rng = np.random.default_rng(0)
    n = 5
    block = Residual([Dense(0.5 * rng.standard_normal((n, n)), np.zeros(n)), ReLU()])
    errors = check_layer(block, rng.standard_normal((6, n)))
    print("gradient check:", summary(errors))
    # --8<-- [end:demo]
