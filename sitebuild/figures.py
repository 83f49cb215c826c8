"""Figures drawn at build time from snippets/figures/<name>.py, cached by the content of their code.

A figure's cache key hashes its own source, the source of every snippets module it imports
(transitively), this renderer, and the numpy/matplotlib versions. Unchanged figures are not re-run;
changed ones run in parallel subprocesses with a timeout. A failure raises BuildError naming the
snippet file and line; nothing stale is served in its place.
"""
import ast
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata
from pathlib import Path

from . import ROOT, site
from .errors import BuildError

SNIPPETS = ROOT / "snippets"
FIGURES = SNIPPETS / "figures"
CACHE = Path(os.environ.get("FIGURE_CACHE", ROOT / ".cache" / "figures"))
TIMEOUT = float(os.environ.get("FIGURE_TIMEOUT", 120))
VARIANTS = [f"{lang}.{theme}" for lang in site.codes() for theme in ("light", "dark")]


def figure_names():
    return sorted(p.stem for p in FIGURES.glob("*.py") if p.stem != "__init__")


def source_path(name):
    return FIGURES / f"{name}.py"


def snippet_imports(path):
    """The snippets modules that the module at `path` imports, as file paths."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        for module in modules:
            if module.split(".")[0] == "snippets":
                candidate = ROOT.joinpath(*module.split(".")).with_suffix(".py")
                if candidate.exists():
                    found.add(candidate)
    return found


def dependencies(name):
    """The figure's source and every snippets module it reaches through imports."""
    seen, todo = set(), [source_path(name)]
    while todo:
        path = todo.pop()
        if path not in seen:
            seen.add(path)
            todo.extend(snippet_imports(path))
    return sorted(seen)


def cache_key(name):
    digest = hashlib.sha256()
    for path in dependencies(name) + [Path(__file__).with_name("render_figure.py")]:
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    for package in ("numpy", "matplotlib", "koreanize-matplotlib"):
        digest.update(f"{package}=={metadata.version(package)}".encode())
    return digest.hexdigest()[:20]


def cached_dir(name):
    return CACHE / f"{name}-{cache_key(name)}"


def render(name, target):
    """Draw one figure into the cache directory `target` (unless it is there already)."""
    if target.exists():
        return target
    CACHE.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=CACHE))
    # One BLAS thread per figure: figures already run in parallel, and BLAS threads on top of
    # that made the vanishing-gradient figures ~2x slower on 2 cores.
    env = dict(os.environ, MPLBACKEND="Agg", SOURCE_DATE_EPOCH="0", PYTHONHASHSEED="0",
               PYTHONPATH=str(ROOT), OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    try:
        done = subprocess.run([sys.executable, "-m", "sitebuild.render_figure", name, str(scratch)],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=TIMEOUT)
        if done.returncode != 0:
            raise describe_failure(name, done.stderr)
        missing = [v for v in VARIANTS if not (scratch / f"{name}.{v}.svg").exists()]
        if missing:
            raise BuildError(source_path(name).relative_to(ROOT).as_posix(), f"did not draw {missing}")
        try:
            scratch.rename(target)
        except OSError:  # another build drew the same figure meanwhile
            if not target.exists():
                raise
        return target
    except subprocess.TimeoutExpired:
        raise BuildError(source_path(name).relative_to(ROOT).as_posix(), f"timed out after {TIMEOUT:g} s "
                         "(set FIGURE_TIMEOUT to change the limit)") from None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def describe_failure(name, stderr):
    """The error at 'snippets/figures/x.py:12' (the deepest snippets frame of the traceback)."""
    frames = re.findall(r'File "([^"]+)", line (\d+)', stderr)
    where = source_path(name).relative_to(ROOT).as_posix()
    for file, line in reversed(frames):
        path = Path(file).resolve()
        if path.is_relative_to(SNIPPETS):
            where = f"{path.relative_to(ROOT).as_posix()}:{line}"
            break
    last = stderr.strip().splitlines()[-1] if stderr.strip() else "(no message)"
    return BuildError(where, f"figure '{name}' failed: {last}\n{stderr}")


def render_all(names=None, jobs=None):
    """Draw every figure that is not cached, in parallel. Returns {name: directory}."""
    names = figure_names() if names is None else names
    targets = [cached_dir(name) for name in names]   # here, not in the threads: ast.parse is not thread-safe on 3.11
    jobs = jobs or os.cpu_count() or 2
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        results = dict(zip(names, pool.map(_render_or_error, names, targets)))
    errors = [r for r in results.values() if isinstance(r, BuildError)]
    if errors:
        raise BuildError("", "\n\n".join(str(e) for e in errors))
    return results


def _render_or_error(name, target):
    try:
        return render(name, target)
    except BuildError as error:
        return error


def svg_size(path):
    """(width, height) in CSS pixels of an SVG that matplotlib wrote (its root says e.g. width="720pt")."""
    head = Path(path).read_text(encoding="utf-8")[:2000]
    width, height = (float(re.search(rf'<svg[^>]* {side}="([\d.]+)pt"', head, re.DOTALL)[1])
                     for side in ("width", "height"))
    return round(width * 4 / 3), round(height * 4 / 3)
