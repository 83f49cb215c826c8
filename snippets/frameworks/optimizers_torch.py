"""PyTorch equivalents of snippets/optimizers.py (run: python -m snippets.frameworks.optimizers_torch).

Each section minimises the valley f = x²/20 + y² from (−7, 2) for 30 steps, with the same
hyperparameters as the NumPy demo in snippets/optimizers.py, and prints where it ends.
"""
# --8<-- [start:setup]
import torch


def valley_torch(make_optimizer, steps=30):
    p = torch.tensor([-7.0, 2.0], dtype=torch.float64, requires_grad=True)
    optimizer = make_optimizer([p])
    for _ in range(steps):
        optimizer.zero_grad()
        loss = p[0] ** 2 / 20 + p[1] ** 2
        loss.backward()
        optimizer.step()
    x, y = p.tolist()
    print(f"x = {x:7.3f}  y = {y:7.3f}  f = {x**2 / 20 + y**2:.4f}")
# --8<-- [end:setup]


# --8<-- [start:sgd]
valley_torch(lambda p: torch.optim.SGD(p, lr=0.95))
# --8<-- [end:sgd]

# --8<-- [start:momentum]
valley_torch(lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9))
# --8<-- [end:momentum]

# --8<-- [start:nesterov]
valley_torch(lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, nesterov=True))
# --8<-- [end:nesterov]

# --8<-- [start:adagrad]
valley_torch(lambda p: torch.optim.Adagrad(p, lr=1.5))
# --8<-- [end:adagrad]

# --8<-- [start:rmsprop]
valley_torch(lambda p: torch.optim.RMSprop(p, lr=0.1))  # alpha=0.99 is our rho
# --8<-- [end:rmsprop]

# --8<-- [start:adadelta]
valley_torch(lambda p: torch.optim.Adadelta(p, lr=1.0))
# --8<-- [end:adadelta]

# --8<-- [start:adam]
valley_torch(lambda p: torch.optim.Adam(p, lr=0.3))
# --8<-- [end:adam]

# --8<-- [start:adamw]
valley_torch(lambda p: torch.optim.AdamW(p, lr=0.3, weight_decay=0.1))
valley_torch(lambda p: torch.optim.Adam(p, lr=0.3, weight_decay=0.1))  # L2, not AdamW
valley_torch(lambda p: torch.optim.Adam(p, lr=0.3, weight_decay=0.1, decoupled_weight_decay=True))
# --8<-- [end:adamw]

# --8<-- [start:nadam]
valley_torch(lambda p: torch.optim.NAdam(p, lr=0.3))  # momentum_decay=0.004
valley_torch(lambda p: torch.optim.NAdam(p, lr=0.3, momentum_decay=1.0))  # Keras's Nadam
# --8<-- [end:nadam]

# --8<-- [start:schedule]
p = torch.tensor([-7.0, 2.0], dtype=torch.float64, requires_grad=True)
optimizer = torch.optim.SGD([p], lr=0.1, momentum=0.9)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=10, gamma=0.1)
for _ in range(20):
    optimizer.zero_grad()
    (p[0] ** 2 / 20 + p[1] ** 2).backward()
    optimizer.step()
    scheduler.step()  # once per step here; usually once per epoch
x, y = p.tolist()
print(f"f = {x**2 / 20 + y**2:.6f}")
# --8<-- [end:schedule]

# --8<-- [start:modern]
params = torch.nn.Linear(4, 3).parameters  # any model's .parameters
modern = {
    "SGD(lr=0.1)": torch.optim.SGD(params(), lr=0.1),
    "SGD(lr=0.1, momentum=0.9)": torch.optim.SGD(params(), lr=0.1, momentum=0.9),
    "nesterov=True": torch.optim.SGD(params(), lr=0.1, momentum=0.9, nesterov=True),
    "Adagrad(lr=0.01)": torch.optim.Adagrad(params(), lr=0.01),
    "RMSprop(lr=0.001)": torch.optim.RMSprop(params(), lr=0.001, alpha=0.9),
    "Adam(lr=0.001)": torch.optim.Adam(params(), lr=0.001),
}
adam = torch.optim.Adam(params(), lr=0.001)  # Adam(lr=0.001, decay=1e-6): lr / (1 + 1e-6·t)
decay = torch.optim.lr_scheduler.LambdaLR(adam, lambda t: 1 / (1 + 1e-6 * t))
for old, optimizer in modern.items():
    group = optimizer.param_groups[0]
    print(f"{old:26s} -> {type(optimizer).__name__}(lr={group['lr']}, "
          f"momentum={group.get('momentum', '-')}, nesterov={group.get('nesterov', '-')})")
# --8<-- [end:modern]
