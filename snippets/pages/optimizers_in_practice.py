"""Set-up block of the optimizers-in-practice page."""
# --8<-- [start:setup]
import contextlib
import functools

import numpy as np

from snippets.datasets import digits
from snippets.framework_rules import BookNesterov
from snippets.mlp import MLP, train
from snippets.optimizers import (SGD, AdaGrad, Adadelta, Adam, AdamW, Momentum, NAdam, Nesterov,
                                 RMSprop)
from snippets.surfaces import valley, valley_grad

np.set_printoptions(precision=4, suppress=True)
# --8<-- [end:setup]

__all__ = ["contextlib", "functools", "np", "digits", "BookNesterov", "MLP", "train", "SGD",
           "AdaGrad", "Adadelta", "Adam", "AdamW", "Momentum", "NAdam", "Nesterov", "RMSprop",
           "valley", "valley_grad"]
