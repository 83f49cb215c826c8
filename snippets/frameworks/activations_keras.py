"""Keras 3 equivalents of snippets/activations.py (run: python -m snippets.frameworks.activations_keras)."""
# --8<-- [start:functional]
import os

os.environ.setdefault("KERAS_BACKEND", "torch")  # before importing keras

import keras
import numpy as np
from keras import ops

np.set_printoptions(precision=4)
x = ops.convert_to_tensor([-2.0, 0.0, 2.0], dtype="float64")

print(ops.convert_to_numpy(keras.activations.leaky_relu(x)))  # negative_slope=0.2!
print(ops.convert_to_numpy(keras.activations.leaky_relu(x, negative_slope=0.01)))
print(ops.convert_to_numpy(keras.activations.gelu(x)))  # approximate=False: exact
print(ops.convert_to_numpy(ops.gelu(x)))  # keras.ops.gelu: approximate=True
# --8<-- [end:functional]

# --8<-- [start:layers]
model = keras.Sequential([
    keras.Input(shape=(2,)),
    keras.layers.Dense(64),
    keras.layers.LeakyReLU(negative_slope=0.01),  # the layer's default is 0.3
    keras.layers.Dense(3, activation="softmax"),  # or raw scores + from_logits=True
])
print([layer.name for layer in model.layers])
# --8<-- [end:layers]
