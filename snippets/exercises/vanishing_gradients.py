"""Exercises of the vanishing-gradients page: checks at the top, the page's blocks in exercises().

Run `python -m snippets.exercises.vanishing_gradients`: each check prints TODO for its stub, then PASS.
"""
import numpy as np

from snippets.exercises import report


def he_normal_problem(he_normal):
    """None if he_normal(n_in, n_out, rng) draws N(0, 2/n_in) weights of shape (n_in, n_out)."""
    for n_in, n_out in [(200, 800), (800, 200)]:  # not square: n_in and n_out must not be mixed up
        W = np.asarray(he_normal(n_in, n_out, np.random.default_rng(0)))
        if W.shape != (n_in, n_out):
            return f"he_normal({n_in}, {n_out}, rng) has shape {W.shape}, not {(n_in, n_out)}"
        want = np.sqrt(2 / n_in)
        # 160,000 draws: the sample std is within 0.2% of the true one (one standard error), so a
        # 2% tolerance never fails a right answer and catches every other usual scale (≥ 29% off)
        if abs(W.std() / want - 1) > 0.02 or abs(W.mean()) > 0.02 * want:
            return (f"for n_in = {n_in}, n_out = {n_out} the weights have mean {W.mean():.3g} and std"
                    f" {W.std():.4g}; He initialization has mean 0 and std √(2/n_in) = {want:.4g}")
    return None


def check_he_normal(he_normal):
    report("he_normal", lambda: he_normal_problem(he_normal),
           "shape (n_in, n_out), mean 0 and std √(2/n_in) within 2%")


def clip_problem(clip_by_global_norm):
    """None if clip_by_global_norm(grads, max_norm) scales all gradients together to max_norm."""
    rng = np.random.default_rng(0)
    grads = {"W": rng.standard_normal((3, 4)), "b": rng.standard_normal(4)}
    norm = np.sqrt(sum(np.sum(g**2) for g in grads.values()))
    for max_norm in (norm / 4, 2 * norm):
        before = {name: g.copy() for name, g in grads.items()}
        clipped, reported_norm = clip_by_global_norm(grads, max_norm)
        if any(not np.array_equal(grads[name], before[name]) for name in grads):
            return "it changed the gradients it was given; return new arrays instead"
        if not np.isclose(reported_norm, norm, rtol=1e-9):
            return f"it returns the norm {reported_norm:.6g}; the norm before clipping is {norm:.6g}"
        scale = min(1.0, max_norm / norm)
        for name, g in grads.items():
            # rtol 1e-5 allows a small ε added to the norm, as torch's clip_grad_norm_ (1e-6) does
            if not np.allclose(clipped[name], scale * g, rtol=1e-5, atol=0):
                return (f"with ‖g‖ = {norm:.4g} and max_norm = {max_norm:.4g}, {name} should be"
                        f" multiplied by {scale:.4g} (every gradient by the same factor)")
    return None


def check_clip_by_global_norm(clip_by_global_norm):
    report("clip_by_global_norm", lambda: clip_problem(clip_by_global_norm),
           "scales every gradient by min(1, max_norm / ‖g‖) and returns ‖g‖")


def exercises():
    """The page's blocks in page order: each check prints TODO for its stub, then PASS."""
    # --8<-- [start:imports]
    import numpy as np

    from snippets.deep_nets import DeepNet, deep_mlp, gradient_norms, random_batch, variance_ratios
    from snippets.exercises.vanishing_gradients import check_clip_by_global_norm, check_he_normal
    # --8<-- [end:imports]

    # --8<-- [start:depth_bound]
    for name, factor in [("sigmoid, best case", 0.25), ("tanh at z = 1", 1 - np.tanh(1.0)**2)]:
        depth = int(np.ceil(np.log(1e-6) / np.log(factor)))
        print(f"{name}: factor {factor:.4f}, below 1e-6 from L = {depth} ({factor**depth:.2e})")
    # --8<-- [end:depth_bound]

    # --8<-- [start:he_stub]
    def he_normal(n_in, n_out, rng):
        raise NotImplementedError  # weights of shape (n_in, n_out) for a ReLU layer
    # --8<-- [end:he_stub]

    # --8<-- [start:he_check]
    check_he_normal(he_normal)
    # --8<-- [end:he_check]

    # --8<-- [start:he_solution]
    def he_normal(n_in, n_out, rng):
        return np.sqrt(2.0 / n_in) * rng.standard_normal((n_in, n_out))  # Var(w) = 2 / n_in
    # --8<-- [end:he_solution]

    check_he_normal(he_normal)

    # --8<-- [start:relu_variance]
    ratios, var = variance_ratios("relu", "xavier")  # width 500: Xavier's Var(w) = 1/500
    print(f"predicted: ratio 0.5 per layer, Var(z_20)/Var(z_1) = 0.5^19 = {0.5**19:.2g}")
    print(f"measured:  mean ratio {ratios.mean():.3f}, Var(z_20)/Var(z_1) = {var[-1] / var[0]:.2g}")
    # --8<-- [end:relu_variance]

    # --8<-- [start:clip_stub]
    def clip_by_global_norm(grads, max_norm):
        raise NotImplementedError  # return (clipped gradients as a new dict, ‖g‖ before clipping)
    # --8<-- [end:clip_stub]

    # --8<-- [start:clip_check]
    check_clip_by_global_norm(clip_by_global_norm)
    # --8<-- [end:clip_check]

    # --8<-- [start:clip_solution]
    def clip_by_global_norm(grads, max_norm):
        norm = np.sqrt(sum(np.sum(g**2) for g in grads.values()))  # one norm over all arrays
        scale = min(1.0, max_norm / norm)  # never scale up
        return {name: g * scale for name, g in grads.items()}, norm
    # --8<-- [end:clip_solution]

    check_clip_by_global_norm(clip_by_global_norm)

    # --8<-- [start:depth_sweep]
    X, y = random_batch()
    for depth in (5, 10, 20, 40):
        g = gradient_norms(deep_mlp("sigmoid", "xavier", depth), X, y)
        print(f"{depth:2d} hidden layers: ‖∂L/∂W_1‖ = {g[0]:.1e}, output layer {g[-1]:.1e}")
    # --8<-- [end:depth_sweep]

    # --8<-- [start:residual_norms]
    for residual in (False, True):
        model = DeepNet([100] * 21 + [10], "sigmoid", "xavier", seed=0, residual=residual)
        g = gradient_norms(model, X, y)
        print(f"residual={residual!s:5}: ‖∂L/∂W_1‖ = {g[0]:.1e}, output layer {g[-1]:.1e},"
              f" ratio {g[0] / g[-1]:.1e}")
    # --8<-- [end:residual_norms]


if __name__ == "__main__":
    exercises()
