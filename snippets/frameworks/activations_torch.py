"""PyTorch equivalents of snippets/activations.py (run: python -m snippets.frameworks.activations_torch)."""
# --8<-- [start:functional]
import torch
import torch.nn.functional as F

torch.set_printoptions(precision=4)
x = torch.tensor([-2.0, 0.0, 2.0], dtype=torch.float64, requires_grad=True)

print(F.leaky_relu(x).detach())  # negative_slope=0.01
print(F.gelu(x).detach())  # approximate="none": the exact x * Phi(x)
print(F.gelu(x, approximate="tanh").detach())

torch.sigmoid(x).sum().backward()  # autograd computes sigmoid'(x)
print(x.grad)
# --8<-- [end:functional]

# --8<-- [start:layers]
model = torch.nn.Sequential(
    torch.nn.Linear(2, 64),
    torch.nn.LeakyReLU(0.01),  # or ReLU(), ELU(), GELU(), SiLU(), Softplus(), Tanh()
    torch.nn.Linear(64, 3),  # raw scores: CrossEntropyLoss applies the softmax itself
)
print(model)
# --8<-- [end:layers]
