"""Keras 3 equivalents of snippets/optimizers.py (run: python -m snippets.frameworks.optimizers_keras).

Each section minimises the valley f = x²/20 + y² from (−7, 2) for 30 steps, with the same
hyperparameters as the NumPy demo in snippets/optimizers.py, and prints where it ends.
"""
# --8<-- [start:setup]
import os

os.environ.setdefault("KERAS_BACKEND", "torch")  # before importing keras

import warnings

import keras
import numpy as np


def valley_keras(optimizer, steps=30):
    p = keras.Variable(np.array([-7.0, 2.0]), dtype="float64")
    for _ in range(steps):
        x, y = keras.ops.convert_to_numpy(p.value)
        grad = keras.ops.convert_to_tensor([x / 10, 2 * y], dtype="float64")  # ∇f by hand
        optimizer.apply_gradients([(grad, p)])
    x, y = keras.ops.convert_to_numpy(p.value)
    print(f"x = {x:7.3f}  y = {y:7.3f}  f = {x**2 / 20 + y**2:.4f}")
# --8<-- [end:setup]


# --8<-- [start:sgd]
valley_keras(keras.optimizers.SGD(learning_rate=0.95))
# --8<-- [end:sgd]

# --8<-- [start:momentum]
valley_keras(keras.optimizers.SGD(learning_rate=0.1, momentum=0.9))
# --8<-- [end:momentum]

# --8<-- [start:nesterov]
valley_keras(keras.optimizers.SGD(learning_rate=0.1, momentum=0.9, nesterov=True))
# --8<-- [end:nesterov]

# --8<-- [start:adagrad]
valley_keras(keras.optimizers.Adagrad(learning_rate=1.5))  # starts the sum at 0.1
valley_keras(keras.optimizers.Adagrad(learning_rate=1.5, initial_accumulator_value=0.0))
# --8<-- [end:adagrad]

# --8<-- [start:rmsprop]
valley_keras(keras.optimizers.RMSprop(learning_rate=0.1, rho=0.99))  # default rho=0.9
# --8<-- [end:rmsprop]

# --8<-- [start:adadelta]
valley_keras(keras.optimizers.Adadelta(learning_rate=1.0, rho=0.9, epsilon=1e-6))
# --8<-- [end:adadelta]

# --8<-- [start:adam]
valley_keras(keras.optimizers.Adam(learning_rate=0.3))
# --8<-- [end:adam]

# --8<-- [start:adamw]
valley_keras(keras.optimizers.AdamW(learning_rate=0.3, weight_decay=0.1))
valley_keras(keras.optimizers.Adam(learning_rate=0.3, weight_decay=0.1))  # decoupled too
# --8<-- [end:adamw]

# --8<-- [start:nadam]
valley_keras(keras.optimizers.Nadam(learning_rate=0.3))  # PyTorch NAdam(momentum_decay=1)
# --8<-- [end:nadam]

# --8<-- [start:schedule]
step = keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=10, decay_rate=0.1,
                                                   staircase=True)
optimizer = keras.optimizers.SGD(learning_rate=step, momentum=0.9)
p = keras.Variable(np.array([-7.0, 2.0]), dtype="float64")
for _ in range(20):
    x, y = keras.ops.convert_to_numpy(p.value)
    optimizer.apply_gradients([(keras.ops.convert_to_tensor([x / 10, 2 * y], dtype="float64"), p)])
x, y = keras.ops.convert_to_numpy(p.value)
print(f"f = {x**2 / 20 + y**2:.6f}")
# --8<-- [end:schedule]

# --8<-- [start:old_arguments]
try:
    keras.optimizers.SGD(lr=0.1)
except ValueError as error:
    print("ValueError:", error)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    adam = keras.optimizers.Adam(learning_rate=0.001, decay=1e-6)
print("UserWarning:", caught[0].message)
# --8<-- [end:old_arguments]

# --8<-- [start:modern]
modern = {
    "SGD(lr=0.1)": keras.optimizers.SGD(learning_rate=0.1),
    "SGD(lr=0.1, momentum=0.9)": keras.optimizers.SGD(learning_rate=0.1, momentum=0.9),
    "nesterov=True": keras.optimizers.SGD(learning_rate=0.1, momentum=0.9, nesterov=True),
    "Adagrad(lr=0.01)": keras.optimizers.Adagrad(learning_rate=0.01),
    "RMSprop(lr=0.001)": keras.optimizers.RMSprop(learning_rate=0.001),
    "Adam(lr=0.001)": keras.optimizers.Adam(learning_rate=0.001),
    "Adam(lr=0.001, decay=1e-6)": keras.optimizers.Adam(
        learning_rate=keras.optimizers.schedules.InverseTimeDecay(0.001, decay_steps=1,
                                                                  decay_rate=1e-6)),
}
for old, optimizer in modern.items():
    config = optimizer.get_config()
    lr = config["learning_rate"]
    lr = lr if isinstance(lr, float) else lr["class_name"]
    print(f"{old:26s} -> {type(optimizer).__name__}(learning_rate={lr:.3g}"
          if isinstance(lr, float) else f"{old:26s} -> {type(optimizer).__name__}(learning_rate={lr}",
          end="")
    print(f", momentum={config.get('momentum', '-')}, nesterov={config.get('nesterov', '-')})")
# --8<-- [end:modern]
