"""Shared fixtures: one build of the whole site per test session, and the list of its pages."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI") == "true"


def page_sources():
    """Every page of the site as (lang, path relative to docs/<lang>), both languages, fallbacks included."""
    names = sorted({p.relative_to(ROOT / "docs" / lang).as_posix()
                    for lang in ("ko", "en") for pattern in ("*.md", "labs/*.ipynb")
                    for p in (ROOT / "docs" / lang).glob("**/" + pattern if pattern == "*.md" else pattern)})
    return [(lang, name) for lang in ("ko", "en") for name in names]


def page_url(lang, name):
    """Path of the page's HTML file below the site root."""
    stem = name.rsplit(".", 1)[0]
    path = "index.html" if stem == "index" else f"{stem}/index.html"
    return path if lang == "ko" else f"en/{path}"


def markdown_of(lang, name):
    """The Markdown a page is built from: its own, or the other language's when it is a fallback."""
    own = ROOT / "docs" / lang / name
    return own if own.exists() else ROOT / "docs" / ("en" if lang == "ko" else "ko") / name


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The whole site built once, both languages, into a temporary directory."""
    out = tmp_path_factory.mktemp("site")
    done = subprocess.run([sys.executable, "-m", "sitebuild.build", str(out)], cwd=ROOT,
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.fail(f"the site does not build:\n{done.stdout}\n{done.stderr}", pytrace=False)
    return out


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, so fixtures can see whether the test failed."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)
