"""PyTorch autograd on the 2-2-1 worked example (run: python -m snippets.frameworks.backprop_torch)."""
# --8<-- [start:worked_example]
import numpy as np
import torch

x = torch.tensor([[1.0, 0.5]], dtype=torch.float64)
t = torch.tensor([[1.0]], dtype=torch.float64)
W1 = torch.tensor([[0.1, 0.4], [-0.2, 0.3]], dtype=torch.float64, requires_grad=True)
b1 = torch.tensor([0.1, -0.1], dtype=torch.float64, requires_grad=True)
W2 = torch.tensor([[0.5], [-0.6]], dtype=torch.float64, requires_grad=True)
b2 = torch.tensor([0.2], dtype=torch.float64, requires_grad=True)

y = torch.sigmoid(torch.sigmoid(x @ W1 + b1) @ W2 + b2)  # autograd records the graph
E = 0.5 * ((y - t) ** 2).sum()
E.backward()  # walks the graph backwards and fills .grad

with np.printoptions(precision=4, floatmode="fixed", suppress=True):
    for name, p in [("W2", W2), ("b2", b2), ("W1", W1), ("b1", b1)]:
        print(f"dE/d{name} = {np.array2string(p.grad.numpy(), prefix=' ' * 9)}")
# --8<-- [end:worked_example]
