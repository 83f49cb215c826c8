// tests/test_accessibility.py: elements sticking out past the right edge of the screen, and whether a scroll box holds each one.
// `width` is the phone's: on a mobile viewport Chromium widens window.innerWidth to fit content that
// overflows, so innerWidth alone would hide the problem.
width => {
  const out = [], reported = new Set();
  for (const e of document.body.querySelectorAll("*")) {
    const box = e.getBoundingClientRect();
    if (box.right <= width + 0.5 || box.width === 0 || box.height === 0) continue;
    if (e.ownerSVGElement) continue;                               // inside an <svg>: the <svg> box is what counts
    const style = getComputedStyle(e);
    if (style.visibility === "hidden" || style.position === "fixed") continue;
    let holder = null;
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.position === "fixed") { holder = a; break; }        // off-canvas drawers, overlays
      const r = a.getBoundingClientRect();
      if (["auto", "scroll"].includes(s.overflowX) && r.right <= width + 0.5) { holder = a; break; }
      if (["hidden", "clip"].includes(s.overflowX) && r.right <= width + 0.5) {
        // visually hidden (for screen readers only)
        if (r.width <= 1 || r.height <= 1) { holder = a; break; }
        holder = "clipped"; break;
      }
    }
    if (holder && holder !== "clipped") continue;
    reported.add(e);
    if (reported.has(e.parentElement)) continue;                   // name the outermost box only
    const id = e.id ? "#" + e.id : "", cls = typeof e.className === "string" && e.className ? "." + e.className.trim().split(/\s+/).join(".") : "";
    const where = e.closest("[id]");
    out.push(`<${e.tagName.toLowerCase()}${id}${cls}> right edge at ${Math.round(box.right)}px` + (where && where !== e ? ` (in #${where.id})` : "")
             + (holder ? ", cut off by an overflow:hidden box (the reader cannot scroll to it)" : ""));
  }
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: Math.min(width, window.innerWidth), out};
}
