"""Helpers for tests/test_interactive.py: run the site's JavaScript in node, and its seeded noise in Python.

The interactive figures (overrides/assets/interactive/) compute in the reader's browser what the NumPy
code of snippets/ computes. To compare the two on the same random inputs, both sides need the same random
numbers. NumPy's generator (PCG64 and its ziggurat normals) has no small JavaScript twin, so the figures
use a tiny generator written twice, here and in optimizers.js: mulberry32 (32-bit integer arithmetic,
the same bits in both) for uniforms, and Box–Muller for normals. Box–Muller calls log, cos and sqrt; sqrt is
exact in both, while log and cos may differ in the last bit between V8 and the C library (the standard asks
for neither to be correctly rounded), so normals agree to about 1e-16 relative, which the tolerances allow.
"""
import json
import math
import shutil
import subprocess

import pytest

from conftest import ROOT

JS = ROOT / "overrides" / "assets" / "interactive"
NODE = shutil.which("node")


def run_js(script):
    """Run the ES module `script` in node (it may import './x.js' from JS) and return what it prints, as JSON."""
    if NODE is None:
        pytest.fail("no node on PATH (Node.js is needed to build the site as well)")
    done = subprocess.run([NODE, "--disable-warning=MODULE_TYPELESS_PACKAGE_JSON", "--input-type=module"],
                          input=script.replace("'./", f"'{JS.as_uri()}/"), capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def mulberry32(seed):
    """Uniform numbers in [0, 1), the same sequence as `uniform` in optimizers.js."""
    state = seed & 0xFFFFFFFF
    while True:
        state = (state + 0x6D2B79F5) & 0xFFFFFFFF
        z = state
        z = ((z ^ (z >> 15)) * (z | 1)) & 0xFFFFFFFF
        z ^= (z + ((z ^ (z >> 7)) * (z | 61))) & 0xFFFFFFFF
        yield (z ^ (z >> 14)) / 4294967296


def random_normals(seed):
    """A function that returns the next N(0, 1) number, the same sequence as randomNormals(seed) in JS."""
    uniforms = mulberry32(seed)

    def normal():
        u1, u2 = 1 - next(uniforms), next(uniforms)
        return math.sqrt(-2 * math.log(u1)) * math.cos(2 * math.pi * u2)
    return normal


def noisy(grad, noise, seed):
    """`grad` plus noise·N(0, 1) on each component (x first), as runPath(..., {noise, seed}) in JS."""
    normal = random_normals(seed)

    def noisy_grad(x, y):
        dx, dy = grad(x, y)
        return dx + noise * normal(), dy + noise * normal()
    return noisy_grad
