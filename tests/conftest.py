"""Shared fixtures: one build of the whole site per test session, and the list of its pages."""
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from filelock import FileLock

from sitebuild import site as site_model

ROOT = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI") == "true"
LANGS = site_model.codes()   # the site's languages, the original first (from the MkDocs configs)


def page_sources():
    """Every page of the site built from a file, as (lang, path relative to docs/<lang>), both languages,
    fallbacks included (the generated pages are not: see sitebuild.site.pages)."""
    return site_model.sources()


def site_pages():
    """Every page of the site, as (lang, path relative to docs/<lang>): page_sources() and the pages the
    build generates (glossary, translation status, errata)."""
    return [(lang, name) for lang in LANGS for name in site_model.pages()]


def page_url(lang, name):
    """Path of the page's HTML file below the site root."""
    return site_model.html_file(name, lang)


def markdown_of(lang, name):
    """The file a page is built from: its own, or the other language's when it is a fallback."""
    return site_model.source(name, lang)


def page_script(name):
    """The JavaScript function in tests/js/<name>, as page.evaluate() takes it (its leading comments dropped)."""
    text = (ROOT / "tests" / "js" / name).read_text(encoding="utf-8")
    return re.sub(r"\A(?:[ \t]*//.*\n)+", "", text).strip()


def run_folder(tmp_path_factory):
    """A folder shared by every test process of this run (pytest-xdist's workers), or this process's own."""
    own = tmp_path_factory.getbasetemp()
    return own.parent if os.environ.get("PYTEST_XDIST_WORKER") else own   # workers' folders sit side by side


def full_build_lock(tmp_path_factory):
    """Held while the whole site builds: a second full build started meanwhile would draw the same
    uncached figures again (on 2 cores, twice the work for nothing)."""
    return FileLock(run_folder(tmp_path_factory) / "full-build.lock")


def built_once(tmp_path_factory, name, **env):
    """The whole site built into a folder shared by the test processes of this run (pytest-xdist's
    workers), by whichever needs it first; the others wait for it. Returns the folder, or fails the
    test with the build's output."""
    shared = run_folder(tmp_path_factory)
    out, failure = shared / name, shared / f"{name}.failed"
    with full_build_lock(tmp_path_factory):
        if not out.exists() and not failure.exists():
            done = subprocess.run([sys.executable, "-m", "sitebuild.build", str(out)], cwd=ROOT,
                                  capture_output=True, text=True, env=dict(os.environ, **env))
            if done.returncode != 0:
                shutil.rmtree(out, ignore_errors=True)
                failure.write_text(f"{done.stdout}\n{done.stderr}", encoding="utf-8")
    if failure.exists():
        pytest.fail(f"the site does not build:\n{failure.read_text(encoding='utf-8')}", pytrace=False)
    return out


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The whole site built once, both languages, into a temporary directory."""
    return built_once(tmp_path_factory, "site")


@pytest.fixture
def project(tmp_path):
    """A minimal copy of the site (machinery, no chapters) to break on purpose."""
    for config in site_model.config_files():
        text = config.read_text(encoding="utf-8")
        (tmp_path / config.name).write_text(re.sub(r"^nav:\n(?:  - .*\n)+", "nav:\n  - index.md\n", text,
                                              flags=re.MULTILINE), encoding="utf-8")
    for folder in ("hooks", "sitebuild", "overrides"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "snippets" / "figures").mkdir(parents=True)
    for name in ("__init__.py", "plotstyle.py", "figures/__init__.py"):
        shutil.copy(ROOT / "snippets" / name, tmp_path / "snippets" / name)
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    for lang in LANGS:
        write(tmp_path / "docs" / lang / "index.md", f"# Home {{ #home }}\n\nHello {lang}.\n")
    return tmp_path


def write(path, text):
    """Write dedented `text` to `path`, creating folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def build(project, **env):
    """Build the project copy into its site/ (both languages); the finished process."""
    return subprocess.run([sys.executable, "-m", "sitebuild.build", "site"], cwd=project,
                          env=dict(os.environ, **env), capture_output=True, text=True, timeout=300)



@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, so fixtures can see whether the test failed."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


# The built site in headless Chromium: ONE Playwright and browser for the whole session, shared by
# every browser test module (a second sync Playwright cannot start while one runs).
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "test-artifacts"


def need(condition, reason):
    """Skip locally, fail in CI: a missing browser must never pass CI silently."""
    if not condition:
        (pytest.fail if IN_CI else pytest.skip)(reason)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(site):
    """The built site on 127.0.0.1; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    if IN_CI:
        from playwright import sync_api
    else:
        sync_api = pytest.importorskip("playwright.sync_api")
    need(Path(CHROMIUM).exists(), f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server, request):
    """A fresh page that records console errors and every request that leaves the origin."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.errors, tab.external = [], []
    tab.on("console", lambda m: m.type == "error" and tab.errors.append(m.text))
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    origin = urlsplit(server).netloc
    tab.on("request", lambda r: urlsplit(r.url).netloc not in (origin, "")
           and not r.url.startswith(("data:", "blob:")) and tab.external.append(r.url))
    yield tab
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        safe_name = re.sub(r"[^\w.-]+", "_", request.node.name)
        tab.screenshot(path=str(ARTIFACTS / f"{safe_name}.png"), full_page=True)
    context.close()
