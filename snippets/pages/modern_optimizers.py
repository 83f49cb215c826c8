"""Set-up block of the modern-optimizers page."""
# --8<-- [start:setup]
import functools

import numpy as np

from snippets.datasets import digits
from snippets.mlp import MLP, train
from snippets.modern_optimizers import Adafactor, Muon, ScheduleFreeAdamW
from snippets.practice_experiments import one_blas_thread
from snippets.optimizers import AdamW, Momentum

np.set_printoptions(precision=3, suppress=True)
# --8<-- [end:setup]

__all__ = ["functools", "np", "digits", "MLP", "train", "Adafactor", "Muon", "ScheduleFreeAdamW",
           "one_blas_thread", "AdamW", "Momentum"]
