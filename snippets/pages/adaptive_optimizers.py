"""Set-up block of the adaptive-optimizers page."""
# --8<-- [start:setup]
import numpy as np

np.set_printoptions(precision=4, suppress=True)
# --8<-- [end:setup]

__all__ = ["np"]
