"""Lighthouse scores and page weight:
`.venv/bin/python -m bench.lighthouse [SITE_DIR] [--only PATTERN] [--runs N] [--form mobile|desktop]
[--cpu N|auto] [--method simulate|devtools]`.

Builds the site (or takes SITE_DIR, already built), serves it on 127.0.0.1 with gzip as a static host
would, and runs Lighthouse 12.2.3 (npm devDependency, node_modules/.bin/lighthouse) with Debian's
Chromium on the home page, every chapter and every lab of both languages, as a phone (Lighthouse's
default: Moto G Power, simulated slow 4G) and as a desktop (--preset=desktop). Prints a table of the
four category scores per page and form factor, and the bytes transferred on load per page (search
index excluded; figures below the fold load lazily and are not in that number).
Targets: performance >= 90 on a phone and 100 on a desktop, accessibility, best practices and SEO 100,
<= 500 KB a chapter.
Numbers, not assertions (a loaded machine lowers the performance score). With --runs N each page and form
is measured N times and the median of each score is printed, with the range of the performance score:
on a 2-core machine one run of the same page can differ by 10 points or more from the next. --form
measures one form factor only.
The last column is Lighthouse's benchmarkIndex of this machine (median): the phone's CPU is simulated as
4 times slower than this machine, so a slower machine gives lower phone scores for the same page.
Lighthouse's docs/throttling.md calls 1500-2000 a high-end desktop, the class that 4x was chosen for.
--cpu N sets that slowdown (Lighthouse's --throttling.cpuSlowdownMultiplier) for the phone; --cpu auto
first measures the benchmarkIndex (median of 3 runs on the home page) and takes the multiplier that
Lighthouse's CPU throttling calculator gives for it (calibrated_slowdown below), so that machines of
different speed simulate the same phone. The multiplier is printed above the table.
Two columns tell how the page was first painted: "early" counts the runs in which Chromium painted it
while it was still parsing it (observed first contentful paint before DOMContentLoaded), and "perf early"
is the median performance of those runs. In the other runs Chromium painted nothing until the whole page
was parsed and Material's script had started; Lighthouse's simulation then puts all that work before the
first paint and the largest one, and an early paint puts more of it into the blocking time instead. Which
of the two happens changes from run to run of the same page and build: read the two columns together.
--method devtools: Lighthouse slows the CPU and network while the page really loads, instead of
simulating a slow load from a fast one (its default, "simulate"; docs/throttling.md compares the two).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.build_site import built_site
from bench.static_server import serve
from sitebuild import site as site_model

ROOT = Path(__file__).resolve().parent.parent

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 90, "accessibility": 100, "best-practices": 100, "seo": 100}


def pages():
    """Home, chapters and labs of both languages, as (lang, name), from the nav (sitebuild/site.py)."""
    return site_model.sources()


def calibrated_slowdown(benchmark_index):
    """The phone's CPU slowdown for a host of this benchmarkIndex, as computed by the calculator that
    Lighthouse's docs/throttling.md links (github.com/patrickhulce/lighthouse-cpu-throttling-calculator,
    pages/index.js): piecewise linear through 150 -> 1x, 800 -> 2x, 1300 -> 3x, 1533 -> 4x, 2000 -> 6x."""
    if benchmark_index < 150:
        sys.exit(f"benchmarkIndex {benchmark_index:.0f}: this machine is too slow to simulate Lighthouse's phone")
    for low, high, slowdown in ((150, 800, 1), (800, 1300, 2)):
        if benchmark_index < high:
            return slowdown + (benchmark_index - low) / (high - low)
    return 3 + (benchmark_index - 1300) / 233


def run(url, desktop, out, slowdown=None, method="simulate"):
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}",
               "--max-wait-for-load=30000", f"--throttling-method={method}"]
    if desktop:
        command.append("--preset=desktop")
    elif slowdown:
        command.append(f"--throttling.cpuSlowdownMultiplier={slowdown:.2f}")
    subprocess.run(command, check=True, env=dict(os.environ, CHROME_PATH=CHROME), capture_output=True, text=True)
    report = json.loads(Path(out).read_text())
    scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    items = report["audits"]["network-requests"]["details"]["items"]
    weight = sum(i.get("transferSize", 0) for i in items if "search_index" not in i["url"])
    failing = sorted(f"{c}:{a['id']}" for c in CATEGORIES for ref in report["categories"][c]["auditRefs"]
                     if ref["weight"] > 0 and (a := report["audits"][ref["id"]])["score"] is not None
                     and a["score"] < 0.9)
    observed = report["audits"]["metrics"]["details"]["items"][0]
    early = observed["observedFirstContentfulPaint"] < observed["observedDomContentLoaded"]
    return scores, weight, failing, report["environment"]["benchmarkIndex"], early


def median_run(url, desktop, out, runs, slowdown=None, method="simulate"):
    """Median of each score over `runs` runs, the performance range, the weight, the failing audits of
    all, the median benchmarkIndex, and the performance of the runs painted early (see above)."""
    results = [run(url, desktop, out, slowdown, method) for _ in range(runs)]
    scores = {c: round(statistics.median(r[0][c] for r in results)) for c in CATEGORIES}
    spread = [r[0]["performance"] for r in results]
    weight = statistics.median(r[1] for r in results)
    failing = sorted({f for r in results for f in r[2]})
    early = [r[0]["performance"] for r in results if r[4]]
    return (scores, (min(spread), max(spread)), weight, failing, round(statistics.median(r[3] for r in results)),
            early)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", nargs="?", help="the built site (built now if not given)")
    parser.add_argument("--only", default="", help="only pages whose address contains this")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--form", choices=("mobile", "desktop"))
    parser.add_argument("--cpu", help="the phone's CPU slowdown: a number, or auto")
    parser.add_argument("--method", choices=("simulate", "devtools"), default="simulate")
    args = parser.parse_args(argv)
    only, runs, cpu, method = args.only, args.runs, args.cpu, args.method
    forms = [args.form] if args.form else ["mobile", "desktop"]
    if not LIGHTHOUSE.exists():
        sys.exit("no node_modules/.bin/lighthouse: run `npm ci` (Lighthouse 12.2.3 is a devDependency)")
    with tempfile.TemporaryDirectory() as tmp:
        site = built_site(args.site, tmp)
        with serve(site) as base:
            slowdown = float(cpu) if cpu not in (None, "auto") else None
            if cpu == "auto":
                index = statistics.median(run(base, False, Path(tmp) / "report.json", method=method)[3]
                                          for _ in range(3))
                slowdown = calibrated_slowdown(index)
                print(f"benchmarkIndex {index:.0f}: phone CPU slowdown {slowdown:.2f}x", flush=True)
            elif slowdown:
                print(f"phone CPU slowdown {slowdown:.2f}x", flush=True)
            header = (f"{'page':<36} {'form':<8} {'perf':>4} {'range':>7} {'early':>5} {'perf early':>10} {'a11y':>4} {'bp':>4} {'seo':>4} {'KB':>6} {'cpu':>5}"
                      f"  below target (median of {runs})")
            print(header)
            print("-" * len(header))
            for lang, name in pages():
                path = site_model.url(name, lang)
                if only not in "/" + path:
                    continue
                for form in forms:
                    url = base.rstrip("/") + "/" + path
                    report = Path(tmp) / "report.json"
                    scores, spread, weight, failing, index, early = median_run(url, form == "desktop", report, runs,
                                                                               slowdown, method)
                    below = [c for c in CATEGORIES if scores[c] < TARGETS[c]]
                    kb = weight / 1024
                    if kb > 500 and name != "index.md":
                        below.append("weight")
                    early_perf = f"{statistics.median(early):.0f}" if early else "-"
                    print(f"{'/' + path:<36} {form:<8} {scores['performance']:>4} {spread[0]:>3}-{spread[1]:<3} "
                          + f"{f'{len(early)}/{runs}':>5} {early_perf:>10} "
                          + " ".join(f"{scores[c]:>4}" for c in CATEGORIES[1:])
                          + f" {kb:>6.0f} {index:>5}  " + (", ".join(below) + (f"  ({'; '.join(failing)})" if failing else "")
                                                if below or failing else "ok"), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
