"""Who restyles the whole page while it loads: `.venv/bin/python -m bench.restyles [SITE_DIR] [--only PATTERN]
[--cpu N]`.

Loads each page (home, chapters, labs of both languages; --only: those whose address contains PATTERN) in
Debian's Chromium as a phone (412 x 823, CPU slowed N times, 3 by default) with a performance trace, and
prints the style recalculations that restyled at least half of the page's elements, each with its duration
and the script function that forced it, and what set it off: a change of the page's colour scheme, an
attribute or class set on <html> or <body> that every element's style depends on. On a long chapter these
full passes are most of a phone's load (bench/lighthouse.py scores it), and their cost grows with the
number of elements (bench/page_elements.py counts them).
Numbers, not assertions. Builds the site first unless SITE_DIR (already built) is given.
"""
import argparse
import sys
import tempfile

from bench.build_site import built_site
from bench.lighthouse import CHROME, pages
from bench.static_server import serve
from sitebuild import site as site_model

CATEGORIES = ",".join(["devtools.timeline", "disabled-by-default-devtools.timeline",
                       "disabled-by-default-devtools.timeline.stack",
                       "disabled-by-default-devtools.timeline.invalidationTracking"])
CAUSES = ("StyleRecalcInvalidationTracking", "ScheduleStyleInvalidationTracking")


def trace(browser, url, cpu):
    """The trace events of one load of `url` on a phone-sized page with the CPU slowed `cpu` times."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, device_scale_factor=1.75,
                                  is_mobile=True, has_touch=True)
    tab = context.new_page()
    session = context.new_cdp_session(tab)
    session.send("Emulation.setCPUThrottlingRate", {"rate": cpu})
    events, done = [], []
    session.on("Tracing.dataCollected", lambda message: events.extend(message["value"]))
    session.on("Tracing.tracingComplete", lambda message: done.append(True))
    session.send("Tracing.start", {"categories": CATEGORIES, "transferMode": "ReportEvents"})
    tab.goto(url, wait_until="load")
    tab.wait_for_timeout(2000)        # Material's start-up and the search worker finish after load
    session.send("Tracing.end")
    while not done:
        tab.wait_for_timeout(50)
    context.close()
    return events


def _where(stack):
    frame = (stack or [{}])[0]
    return f"{frame.get('url', '').rsplit('/', 1)[-1]}:{frame.get('functionName') or '(anonymous)'}" if frame else "-"


def full_passes(events):
    """[(ms, elements, forced by, set off by)] for each style recalculation of at least half the elements
    of the largest one: the passes over the whole page."""
    recalcs = [e for e in events if e.get("name") == "UpdateLayoutTree" and e.get("ph") == "X"]
    most = max((e["args"].get("elementCount", 0) for e in recalcs), default=0)
    causes = sorted((e for e in events if e.get("name") in CAUSES), key=lambda e: e["ts"])
    found, seen = [], 0
    for recalc in sorted(recalcs, key=lambda e: e["ts"]):
        before = [e for e in causes[seen:] if e["ts"] <= recalc["ts"]]
        seen += len(before)
        if recalc["args"].get("elementCount", 0) * 2 < most:
            continue
        found.append((recalc["dur"] / 1000, recalc["args"]["elementCount"],
                      _where((recalc["args"].get("beginData") or {}).get("stackTrace")), _cause(before)))
    return found


def _cause(events):
    """What, among the invalidations since the last pass, can restyle everything: a colour-scheme change
    of the page, or an attribute or class set on <html> or <body>."""
    said = []
    for event in events:
        data = event["args"].get("data", {})
        node = data.get("nodeName", "").split(" ")[0]
        if data.get("reason") == "PlatformColorChange":
            text = "colour scheme changed"
        elif node in ("HTML", "BODY") and data.get("changedAttribute"):
            text = f"<{node.lower()} {data['changedAttribute']}>"
        else:
            continue
        text += f" by {_where(data.get('stackTrace'))}"
        if text not in said:
            said.append(text)
    return "; ".join(said) or "-"


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", nargs="?", help="the built site (built now if not given)")
    parser.add_argument("--only", default="", help="only pages whose address contains this")
    parser.add_argument("--cpu", type=float, default=3.0, help="CPU slowdown")
    args = parser.parse_args(argv)
    only, cpu = args.only, args.cpu
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        site = built_site(args.site, tmp)
        browser = playwright.chromium.launch(executable_path=CHROME, args=["--no-sandbox"])
        with serve(site) as base:
            for lang, name in pages():
                path = "/" + site_model.url(name, lang)
                if only not in path:
                    continue
                passes = full_passes(trace(browser, base + path.lstrip("/"), cpu))
                print(f"{path}: {len(passes)} passes over the whole page, {sum(p[0] for p in passes):.0f} ms "
                      f"(CPU {cpu:g}x slower)")
                for ms, elements, forced_by, set_off_by in passes:
                    print(f"    {ms:6.0f} ms  {elements:>5} elements  forced by {forced_by:<28} after: {set_off_by}")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1:])
