"""Build times and page weight: `make bench` (or `.venv/bin/python -m bench.build_site`).

Prints: cold build (no figure cache), warm rebuild (nothing changed), rebuild after editing one
snippet module, and the bytes a browser transfers for each page (search index excluded).
Numbers, not assertions: they go in the closing notes of the work that changes them.
"""
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.static_server import serve
from sitebuild import site as site_model

ROOT = Path(__file__).resolve().parent.parent
SCROLL_THROUGH = (ROOT / "bench" / "js" / "scroll_through.js").read_text(encoding="utf-8")
CACHE = ROOT / ".cache" / "figures"
EDITED = ROOT / "snippets" / "activations.py"


def timed_build(site):
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "sitebuild.build", str(site)], cwd=ROOT, check=True,
                   capture_output=True)
    return time.perf_counter() - start


def built_site(given, tmp):
    """The built site at `given` (a path, or None), or one built now into the folder `tmp`."""
    if given:
        return Path(given)
    print("building the site …", file=sys.stderr)
    timed_build(Path(tmp) / "site")
    return Path(tmp) / "site"


def load_weight(browser, url, scroll):
    """Bytes on the wire for one visit to `url` (search index excluded), optionally scrolled to the end."""
    tab = browser.new_page()
    sizes = []
    tab.on("requestfinished", lambda r: "search_index" not in r.url and sizes.append(
        r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"]))
    tab.goto(url, wait_until="networkidle")
    if scroll:   # lazy figures load as the reader reaches them
        tab.evaluate(SCROLL_THROUGH)
        tab.wait_for_load_state("networkidle")
    tab.close()
    return sum(sizes)


def page_weights(site):
    """Bytes transferred per page in headless Chromium, search index excluded."""
    from playwright.sync_api import sync_playwright
    pages = sorted(p.relative_to(site).parent.as_posix() for p in site.rglob("index.html"))
    weights = {}
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                             args=["--headless", "--no-sandbox", "--disable-gpu",
                                                   "--disable-background-networking"])
        for page_path in pages:
            url = base + ("" if page_path == "." else page_path + "/")
            weights[url.removeprefix(base) or "/"] = [load_weight(browser, url, scroll) for scroll in (False, True)]
        browser.close()
    return weights


def main():
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        shutil.rmtree(CACHE, ignore_errors=True)
        cold = timed_build(site)
        warm = timed_build(site)
        original = EDITED.read_text(encoding="utf-8")
        try:
            EDITED.write_text(original + "\n# edited by bench/build_site.py\n", encoding="utf-8")
            edited = timed_build(site)
        finally:
            EDITED.write_text(original, encoding="utf-8")
        timed_build(site)   # back to the committed state in the cache
        print(f"cold build (no figure cache): {cold:6.1f} s")
        print(f"warm rebuild, no change:      {warm:6.1f} s  ({100 * warm / cold:.0f} % of cold)")
        print(f"rebuild after editing {EDITED.relative_to(ROOT)}: {edited:6.1f} s")
        for language in site_model.languages():
            index = site / language.path / "search" / "search_index.json"
            print(f"search index ({language.code}): {index.stat().st_size / 1024:.0f} KiB")
        print("page weight, gzip, search index excluded: on load / after scrolling to the end (all figures)")
        for url, (on_load, scrolled) in page_weights(site).items():
            print(f"  {url:32s} {on_load / 1024:6.0f} KiB / {scrolled / 1024:6.0f} KiB")


if __name__ == "__main__":
    main()
