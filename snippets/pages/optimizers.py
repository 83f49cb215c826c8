"""Set-up block of the optimizers page."""
# --8<-- [start:setup]
import functools

import numpy as np

from snippets.optimizers import AdaGrad, Adam, Nesterov, RMSprop
from snippets.surfaces import SURFACES, valley

np.set_printoptions(precision=4, suppress=True)
# --8<-- [end:setup]

__all__ = ["functools", "np", "AdaGrad", "Adam", "Nesterov", "RMSprop", "SURFACES", "valley"]
