// tests/test_accessibility.py: the distinct (colour, background) pairs of the text in the blocks `selector`
// finds, with their WCAG contrast (alpha composited over the first opaque background); the failing ones.
selector => {
  const rgba = c => { const v = c.match(/[\d.]+/g).map(Number); return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1]; };
  const over = (top, under) => top.slice(0, 3).map((x, i) => x * top[3] + under[i] * (1 - top[3])).concat([1]);
  const backgrounds = new Map();
  const background = e => {
    if (!e) return [255, 255, 255, 1];
    if (!backgrounds.has(e)) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      backgrounds.set(e, c[3] >= 1 ? c : c[3] > 0 ? over(c, background(e.parentElement)) : background(e.parentElement));
    }
    return backgrounds.get(e);
  };
  const luminance = c => { const l = c.slice(0, 3).map(x => { x /= 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; });
                           return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2]; };
  const seen = new Map(), failures = [];
  const blocks = [...document.querySelectorAll(selector)];
  for (const block of blocks) {
    for (const e of [block, ...block.querySelectorAll("*")]) {
      if (![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
      if (!e.getClientRects().length) continue;                 // hidden (a closed tab, a collapsed block)
      const style = getComputedStyle(e);
      if (style.visibility === "hidden") continue;
      const bg = background(e), fg = over(rgba(style.color), bg);
      const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
      const key = fg.join() + "|" + bg.join() + "|" + (size >= 24 || (size >= 18.66 && bold));
      if (seen.has(key)) continue;
      seen.set(key, true);
      const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
      const ratio = (hi + 0.05) / (lo + 0.05), needed = (size >= 24 || (size >= 18.66 && bold)) ? 3 : 4.5;
      if (ratio < needed) {
        const where = e.closest("[id]");
        failures.push(`${ratio.toFixed(2)}:1 < ${needed}:1, ${style.color} on rgb(${bg.slice(0, 3).map(Math.round)}), ` +
                      `<${e.tagName.toLowerCase()} class="${e.className}"> "${e.textContent.trim().slice(0, 30)}"` +
                      (where ? ` in #${where.id}` : ""));
      }
    }
  }
  return failures;
}
