"""Set-up block of the backpropagation page."""
# --8<-- [start:setup]
import numpy as np

from snippets.activations import relu, sigmoid
from snippets.datasets import digits, spirals, xor
from snippets.gradcheck import check_layer
from snippets.layers import ACTIVATION_LAYERS, Dense, MeanSquaredError, Sigmoid
from snippets.mlp import MLP, init_std
# --8<-- [end:setup]

__all__ = ["np", "relu", "sigmoid", "digits", "spirals", "xor", "check_layer", "ACTIVATION_LAYERS",
           "Dense", "MeanSquaredError", "Sigmoid", "MLP", "init_std"]
