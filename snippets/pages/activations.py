"""Set-up block of the activations page."""
# --8<-- [start:setup]
import math

import numpy as np

np.set_printoptions(precision=4)
# --8<-- [end:setup]

__all__ = ["math", "np"]
