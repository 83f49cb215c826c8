"""Set-up block of the backpropagation page."""
# --8<-- [start:setup]
import numpy as np

from snippets.datasets import digits, spirals, xor
from snippets.gradcheck import check_layer
from snippets.layers import Dense, MeanSquaredError, Sigmoid
from snippets.mlp import ACTIVATIONS, MLP, init_std
# --8<-- [end:setup]

__all__ = ["np", "digits", "spirals", "xor", "check_layer", "Dense", "MeanSquaredError", "Sigmoid",
           "ACTIVATIONS", "MLP", "init_std"]
