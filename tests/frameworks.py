"""Import a framework the NumPy reference is checked against.

Locally a missing framework skips its tests; in CI (CI=true) it fails them, so a broken install
cannot turn the comparison into a silent skip.
"""
import importlib
import os

import pytest


def require(name):
    try:
        return importlib.import_module(name)
    except ImportError as error:
        message = f"{name} is not installed ({error}); the comparison with it cannot run"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " and CI=true requires it", pytrace=False)
        pytest.skip(message + "; `pip install -r requirements-test.txt` installs it")
