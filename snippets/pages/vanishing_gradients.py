"""Set-up block of the vanishing-gradients page."""
# --8<-- [start:setup]
import functools

import numpy as np

from snippets.datasets import digits, spirals
from snippets.layers import ACTIVATION_LAYERS, Dense, Sigmoid
from snippets.mlp import MLP, train
from snippets.optimizers import SGD
# --8<-- [end:setup]

__all__ = ["functools", "np", "digits", "spirals", "ACTIVATION_LAYERS", "Dense", "Sigmoid", "MLP",
           "train", "SGD"]
