// Small SVG helpers shared by the interactive figures: elements, scales, ticks, axes, contour lines.
// Colours are CSS variables (interactive.css), so a figure follows Material's light/dark switch by itself.

const SVG_NS = "http://www.w3.org/2000/svg";

export function svg(tag, attrs = {}, parent = null) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (parent) parent.append(node);
  return node;
}

export function html(tag, attrs = {}, parent = null, text = "") {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text) node.textContent = text;
  if (parent) parent.append(node);
  return node;
}

// A linear map from [d0, d1] to [r0, r1].
export function scale(d0, d1, r0, r1) {
  const f = (v) => r0 + (v - d0) / (d1 - d0) * (r1 - r0);
  f.invert = (p) => d0 + (p - r0) / (r1 - r0) * (d1 - d0);
  f.range = [r0, r1];
  return f;
}

// About `count` round tick values between lo and hi (1, 2 or 5 times a power of ten apart).
export function ticks(lo, hi, count = 5) {
  const raw = (hi - lo) / count, power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : +v.toPrecision(12));
  return out;
}

export const formatTick = (v) => String(+v.toPrecision(6)).replace("-", "−");

// Axes with ticks and labels for a plot area (x0..x1, y0..y1 in pixels).
export function axes(parent, { x, y, xTicks, yTicks, xLabel = "", yLabel = "", xFormat = formatTick, yFormat = formatTick }) {
  const g = svg("g", { class: "dl-axes" }, parent);
  const [left, right] = x.range, [bottom, top] = y.range;
  svg("rect", { x: left, y: top, width: right - left, height: bottom - top, class: "dl-frame" }, g);
  for (const v of xTicks) {
    const p = x(v);
    svg("line", { x1: p, x2: p, y1: bottom, y2: bottom + 4 }, g);
    svg("text", { x: p, y: bottom + 16, "text-anchor": "middle" }, g).textContent = xFormat(v);
  }
  for (const v of yTicks) {
    const p = y(v);
    svg("line", { x1: left - 4, x2: left, y1: p, y2: p }, g);
    svg("text", { x: left - 6, y: p + 4, "text-anchor": "end" }, g).textContent = yFormat(v);
  }
  if (xLabel) svg("text", { x: (left + right) / 2, y: bottom + 32, "text-anchor": "middle" }, g).textContent = xLabel;
  if (yLabel) svg("text", { x: left, y: top - 8, "text-anchor": "start" }, g).textContent = yLabel;
  return g;
}

// Contour lines of the grid z[j][i] (row j at ys[j], column i at xs[i]) at each level, by marching
// squares, as one SVG path string in the pixel coordinates given by the scales x and y.
export function contourPath(z, xs, ys, levels, x, y) {
  const parts = [];
  const at = (a, b, va, vb, level) => a + (level - va) / (vb - va) * (b - a);
  for (const level of levels) {
    for (let j = 0; j + 1 < ys.length; j++) {
      for (let i = 0; i + 1 < xs.length; i++) {
        const v = [z[j][i], z[j][i + 1], z[j + 1][i + 1], z[j + 1][i]];  // corners counter-clockwise
        const c = [[xs[i], ys[j]], [xs[i + 1], ys[j]], [xs[i + 1], ys[j + 1]], [xs[i], ys[j + 1]]];
        const crossings = [];
        for (let k = 0; k < 4; k++) {
          const a = v[k], b = v[(k + 1) % 4];
          if ((a < level) !== (b < level)) {
            const [p, q] = [c[k], c[(k + 1) % 4]];
            crossings.push([at(p[0], q[0], a, b, level), at(p[1], q[1], a, b, level)]);
          }
        }
        for (let k = 0; k + 1 < crossings.length; k += 2) {
          const [a, b] = [crossings[k], crossings[k + 1]];
          parts.push(`M${x(a[0]).toFixed(1)} ${y(a[1]).toFixed(1)}L${x(b[0]).toFixed(1)} ${y(b[1]).toFixed(1)}`);
        }
      }
    }
  }
  return parts.join("");
}

// The points of a five-pointed star of radius r around (cx, cy), for an SVG polygon (a minimum, an optimum).
export function starPoints(cx, cy, r) {
  return Array.from({ length: 10 }, (_, k) => {
    const a = Math.PI / 2 + k * Math.PI / 5, rr = k % 2 ? r * 0.45 : r;
    return `${(cx + rr * Math.cos(a)).toFixed(1)},${(cy - rr * Math.sin(a)).toFixed(1)}`;
  }).join(" ");
}
