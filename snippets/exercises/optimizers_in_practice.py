"""Exercises of the optimizers-in-practice page: checks at the top, the page's blocks in exercises().

Run `python -m snippets.exercises.optimizers_in_practice`: each check prints TODO for its stub, then PASS.
"""
from snippets.exercises import report
from snippets.schedules import cosine, linear_warmup


def warmup_cosine_problem(warmup_cosine):
    """None if warmup_cosine(t, lr, warmup_steps, total_steps) is linear warm-up, then cosine decay."""
    lr, warmup, total = 0.1, 10, 100
    for t in range(total + 5):  # a few steps past the end, where it must stay at 0
        want = linear_warmup(t, lr, warmup) if t < warmup else cosine(t - warmup, lr, total - warmup)
        got = float(warmup_cosine(t, lr, warmup, total))
        if not abs(got - want) <= 1e-12:  # the same formula in another order: a few ulps of 0.1
            return (f"at t = {t} (lr {lr}, {warmup} warm-up steps, {total} steps in all) it gives"
                    f" {got:.6f}, not {want:.6f}")
    return None


def check_warmup_cosine(warmup_cosine):
    report("warmup_cosine", lambda: warmup_cosine_problem(warmup_cosine),
           "linear_warmup for t < warmup_steps, then cosine over the remaining steps, t = 0 … 104")


def exercises():
    """The page's blocks in page order: each check prints TODO for its stub, then PASS."""
    # --8<-- [start:imports]
    import numpy as np

    from snippets.exercises.optimizers_in_practice import check_warmup_cosine
    from snippets.framework_rules import KerasMomentum
    from snippets.optimizers import Momentum
    from snippets.schedules import cosine, linear_warmup, step_decay
    from snippets.surfaces import valley, valley_grad
    # --8<-- [end:imports]

    # --8<-- [start:schedule_values]
    print(f"step decay at t = 60:  {step_decay(60, 0.1, 25, 0.5):.4f}")
    print(f"cosine at t = 100/3:   {cosine(100 / 3, 0.1, 100):.4f}")
    print(f"warm-up at t = 3:      {linear_warmup(3, 0.1, 10):.4f}")
    # --8<-- [end:schedule_values]

    # --8<-- [start:warmup_cosine_stub]
    def warmup_cosine(t, lr, warmup_steps, total_steps):
        raise NotImplementedError  # 0 → lr in a straight line, then cosine down to 0 at total_steps
    # --8<-- [end:warmup_cosine_stub]

    # --8<-- [start:warmup_cosine_check]
    check_warmup_cosine(warmup_cosine)
    # --8<-- [end:warmup_cosine_check]

    # --8<-- [start:warmup_cosine_solution]
    def warmup_cosine(t, lr, warmup_steps, total_steps):
        if t < warmup_steps:
            return linear_warmup(t, lr, warmup_steps)
        return cosine(t - warmup_steps, lr, total_steps - warmup_steps)  # its own clock from 0
    # --8<-- [end:warmup_cosine_solution]

    check_warmup_cosine(warmup_cosine)

    # --8<-- [start:step_after_drop]
    def steps_after_drop(optimizer, drop_at=10, steps=80):
        """Step lengths on a slope with gradient 1: lr 0.1 for drop_at steps, then 0.01."""
        params, lengths = {"w": np.array(0.0)}, []
        for t in range(steps):
            optimizer.lr = 0.1 if t < drop_at else 0.01
            before = float(params["w"])
            optimizer.update(params, {"w": np.array(1.0)})
            lengths.append(abs(float(params["w"]) - before))
        return np.array(lengths)

    torch_steps = steps_after_drop(Momentum(momentum=0.9))
    keras_steps = steps_after_drop(KerasMomentum(momentum=0.9))
    print(f"step 10 (last at lr 0.1): PyTorch {torch_steps[9]:.4f}, Keras {keras_steps[9]:.4f}")
    print(f"step 11 (first at 0.01):  PyTorch {torch_steps[10]:.4f}, Keras {keras_steps[10]:.4f}")
    # --8<-- [end:step_after_drop]

    # --8<-- [start:forgetting]
    close = np.abs(keras_steps / torch_steps - 1) < 0.1
    first = next(t for t in range(10, 80) if close[t:].all())
    print(f"Keras's steps are within 10% of PyTorch's from step {first + 1} on,"
          f" {first - 9} steps after the drop")
    print(f"0.9^k·0.6513 (the old velocity left after k steps) < 0.1·0.1 from k = "
          f"{int(np.ceil(np.log(0.01 / 0.6513) / np.log(0.9)))}")
    # --8<-- [end:forgetting]

    # --8<-- [start:schedules_valley]
    schedules = {
        "constant 0.1": lambda t: 0.1,
        "step, halve every 10": lambda t: step_decay(t, 0.1, 10, 0.5),
        "cosine over 50": lambda t: cosine(t, 0.1, 50),
        "warm-up 5 + cosine 45": lambda t: warmup_cosine(t, 0.1, 5, 50),
    }
    for name, schedule in schedules.items():
        optimizer, params = Momentum(momentum=0.9), {"x": np.array(-7.0), "y": np.array(2.0)}
        for t in range(50):
            optimizer.lr = schedule(t)
            dx, dy = valley_grad(params["x"], params["y"])
            optimizer.update(params, {"x": dx, "y": dy})
        print(f"{name:22s} f after 50 steps {valley(params['x'], params['y']):.6f}")
    # --8<-- [end:schedules_valley]


if __name__ == "__main__":
    exercises()
