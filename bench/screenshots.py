"""Screenshots of pages as readers see them: `.venv/bin/python -m bench.screenshots SITE_DIR [PAGE ...]`.

For each page (default: every page), both languages, light and dark, desktop and phone width,
writes PNGs into test-artifacts/screens/ to look at after a change.
"""
import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.static_server import serve
from sitebuild import site as site_model

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "test-artifacts" / "screens"
SCROLL_THROUGH = (ROOT / "bench" / "js" / "scroll_through.js").read_text(encoding="utf-8")
SIZES = {"desktop": (1280, 900), "phone": (375, 812)}


def main(site, pages):
    site = Path(site).resolve()
    pages = pages or [site_model.url(name, site_model.codes()[0]).rstrip("/") for name in site_model.pages()]
    OUT.mkdir(parents=True, exist_ok=True)
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                             args=["--headless", "--no-sandbox", "--disable-gpu",
                                                   "--disable-background-networking"])
        for page in pages:
            for language in site_model.languages():
                for scheme in ("light", "dark"):
                    for size, (width, height) in SIZES.items():
                        tab = browser.new_page(viewport={"width": width, "height": height},
                                               color_scheme=scheme)
                        url = base + language.path + (page + "/" if page else "")
                        response = tab.goto(url, wait_until="networkidle")
                        if response.status != 200:
                            sys.exit(f"{url}: HTTP {response.status}; a page is named by its address below the "
                                     "language's root, e.g. optimizers or labs/mlp-from-scratch")
                        tab.evaluate(SCROLL_THROUGH)   # lazy figures load as the reader scrolls
                        tab.wait_for_load_state("networkidle")
                        name = f"{page or 'home'}.{language.code}.{scheme}.{size}.png".replace("/", "_")
                        tab.screenshot(path=str(OUT / name), full_page=True)
                        tab.close()
        browser.close()
    print(f"screenshots in {OUT}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
