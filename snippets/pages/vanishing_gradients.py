"""Set-up block of the vanishing-gradients page."""
# --8<-- [start:setup]
import functools

import numpy as np

from snippets.datasets import digits, spirals
from snippets.layers import Dense, LeakyReLU, ReLU, Sigmoid, Tanh
from snippets.mlp import ACTIVATIONS, MLP, train
from snippets.optimizers import SGD
# --8<-- [end:setup]

__all__ = ["functools", "np", "digits", "spirals", "Dense", "LeakyReLU", "ReLU", "Sigmoid", "Tanh",
           "ACTIVATIONS", "MLP", "train", "SGD"]
