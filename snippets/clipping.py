"""Gradient clipping by global norm, as torch.nn.utils.clip_grad_norm_ does it.

Run `python -m snippets.clipping` for a small demo.
"""
# --8<-- [start:imports]
import numpy as np
# --8<-- [end:imports]


# --8<-- [start:clip]
def global_norm(grads):
    """‖g‖ over all parameters together: √(Σ over every array of Σ g²)."""
    return float(np.sqrt(sum(np.sum(g**2) for g in grads.values())))


def clip_by_global_norm(grads, max_norm, eps=1e-6):
    """Scale every gradient by the same factor min(1, max_norm / ‖g‖): the direction is kept.

    Returns the clipped gradients (a new dict) and the norm before clipping.
    """
    norm = global_norm(grads)
    scale = min(1.0, max_norm / (norm + eps))
    return {name: g * scale for name, g in grads.items()}, norm
# --8<-- [end:clip]


# --8<-- [start:clipped_optimizer]
class Clipped:
    """Wraps an optimizer: clip the gradients by global norm, then update. Keeps the norms seen."""

    def __init__(self, optimizer, max_norm):
        self.optimizer, self.max_norm = optimizer, max_norm
        self.norms = []

    def update(self, params, grads):
        clipped, norm = clip_by_global_norm(grads, self.max_norm)
        self.norms.append(norm)
        self.optimizer.update(params, clipped)
# --8<-- [end:clipped_optimizer]


if __name__ == "__main__":
    # --8<-- [start:demo]
    grads = {"W": np.array([[3.0, 0.0], [0.0, 4.0]]), "b": np.array([12.0, 0.0])}
    clipped, norm = clip_by_global_norm(grads, max_norm=1.0)
    print(f"norm before {norm:.4f}, after {global_norm(clipped):.4f}")
    print("W:", np.round(clipped["W"], 4).tolist(), " b:", np.round(clipped["b"], 4).tolist())
    # --8<-- [end:demo]
