// The momentum explorer: heavy-ball momentum on f = ½(θ₁² + κ·θ₂²), the quadratic of heavy_ball_rate in
// snippets/optimizer_experiments.py, with κ, η and μ chosen by the reader. The steps are those of
// Momentum in snippets/optimizers.py (optimizers.js); tests/test_interactive.py compares them with NumPy.
// It replaces the static figure momentum_rate on screen; the figure stays for print and without JavaScript.
import { Momentum } from "./optimizers.js";
import { axes, contourPath, formatTick, html, scale, starPoints, svg, ticks } from "./plot.js";

// Momentum from θ = (1, 1) with g = (λ₁θ₁, λ₂θ₂), λ = (1, κ): the points θ_t and the norms ‖θ_t‖.
export function quadraticRun(kappa, lr, mu, steps) {
  const lams = [1.0, kappa], optimizer = new Momentum({ lr, momentum: mu });
  const params = { theta: Float64Array.of(1.0, 1.0) };
  const points = [[1.0, 1.0]], norms = [Math.hypot(1.0, 1.0)];
  for (let step = 0; step < steps; step++) {
    const theta = params.theta;
    optimizer.update(params, { theta: Float64Array.of(lams[0] * theta[0], lams[1] * theta[1]) });
    if (!Number.isFinite(theta[0]) || !Number.isFinite(theta[1])) break;
    points.push([theta[0], theta[1]]);
    norms.push(Math.sqrt(theta[0] * theta[0] + theta[1] * theta[1]));
  }
  return { points, norms };
}

// heavy_ball_rate's measured rate: (‖θ_T‖ / ‖θ_{T/2}‖)^(2/T).
export const measuredRate = (norms, steps) => (norms[steps] / norms[Math.floor(steps / 2)]) ** (2 / steps);

// Polyak's best η and μ for curvatures 1 … κ, and the rate they give.
export function optimal(kappa) {
  const theory = (Math.sqrt(kappa) - 1) / (Math.sqrt(kappa) + 1);
  return { lr: 4 / (Math.sqrt(kappa) + 1) ** 2, mu: theory ** 2, rate: theory };
}

// The rate for any η and μ: along a curvature λ the error follows θ_{t+1} = (1 + μ − ηλ)θ_t − μθ_{t−1},
// which shrinks like |r|^t for the larger root r of r² − (1 + μ − ηλ)r + μ = 0; the slower of λ = 1 and κ.
export function theoryRate(kappa, lr, mu) {
  let worst = 0;
  for (const lam of [1, kappa]) {
    const b = 1 + mu - lr * lam, disc = b * b - 4 * mu;
    const r = disc >= 0 ? (Math.abs(b) + Math.sqrt(disc)) / 2 : Math.sqrt(mu);
    worst = Math.max(worst, r);
  }
  return worst;
}

const TEXT = {
  ko: {
    kappa: "조건수 κ", lr: "학습률 η", mu: "모멘텀 계수 μ", steps: "반복 횟수 T", best: "Polyak의 최적 η, μ로",
    path: "θ₁–θ₂ 평면의 반복점", plane: "(η, μ) 평면: 수렴하는 영역과 지금 고른 점",
    rates: "조건수에 따른 반복당 오차 감소 비율", stable: "수렴", unstable: "발산",
    measured: "측정값 (‖θ_T‖/‖θ_T/2‖)^(2/T)", theory: "이 η, μ의 이론값", bestRate: "최적 모멘텀 (√κ − 1)/(√κ + 1)",
    gd: "경사 하강법 (κ − 1)/(κ + 1)", diverged: "발산", you: "지금 고른 점", optimum: "최적점",
    hint: "계산은 브라우저에서 snippets/optimizers.py의 Momentum과 같은 규칙으로 합니다. f = ½(θ₁² + κθ₂²), θ₀ = (1, 1).",
  },
  en: {
    kappa: "condition number κ", lr: "learning rate η", mu: "momentum μ", steps: "steps T", best: "Polyak's best η and μ",
    path: "iterates in the θ₁–θ₂ plane", plane: "the (η, μ) plane: where momentum converges, and your point",
    rates: "error reduction per step against the condition number", stable: "converges", unstable: "diverges",
    measured: "measured (‖θ_T‖/‖θ_T/2‖)^(2/T)", theory: "theory for this η and μ", bestRate: "best momentum (√κ − 1)/(√κ + 1)",
    gd: "gradient descent (κ − 1)/(κ + 1)", diverged: "diverged", you: "your point", optimum: "optimum",
    hint: "The browser computes with the rule of Momentum in snippets/optimizers.py. f = ½(θ₁² + κθ₂²), θ₀ = (1, 1).",
  },
};

const two = (v) => Number(v.toPrecision(2)), three = (v) => Number(v.toPrecision(3));
const FAR = 1e6, ETA = [-5, 0.5], S = 300, M = { left: 44, right: 10, top: 14, bottom: 40 };

function slider(parent, label, attrs) {
  const row = html("div", { class: "dl-control" }, parent);
  const id = `dl-${Math.random().toString(36).slice(2, 9)}`;
  html("label", { for: id }, row, label);
  const input = html("input", { id, type: "range", ...attrs }, row);
  const output = html("output", { for: id }, row);
  return { input, output };
}

export function mount(figure) {
  const lang = document.documentElement.lang === "en" ? "en" : "ko", text = TEXT[lang];
  const widget = html("div", { class: "dl-widget dl-momentum", lang }, figure);
  const plots = html("div", { class: "dl-plots dl-three" }, widget);
  const pathPlot = svg("svg", { viewBox: `0 0 ${S} ${S}`, class: "dl-plot", role: "img", "aria-label": text.path }, plots);
  const planePlot = svg("svg", { viewBox: `0 0 ${S} ${S}`, class: "dl-plot", role: "img", "aria-label": text.plane }, plots);
  const ratePlot = svg("svg", { viewBox: `0 0 ${S} ${S}`, class: "dl-plot", role: "img", "aria-label": text.rates }, plots);
  const readout = html("p", { class: "dl-readout", "aria-live": "polite" }, widget);
  const controls = html("div", { class: "dl-controls" }, widget);
  const kappa = slider(controls, text.kappa, { min: 0, max: 4, step: 0.05 });
  const lr = slider(controls, text.lr, { min: ETA[0], max: ETA[1], step: 0.01 });
  const mu = slider(controls, text.mu, { min: 0, max: 0.999, step: 0.001 });
  const steps = slider(controls, text.steps, { min: 20, max: 2000, step: 10 });
  const best = html("button", { type: "button", class: "dl-button" }, widget, text.best);
  html("p", { class: "dl-hint" }, widget, text.hint);

  const state = { kappa: 100, lr: 0, mu: 0, steps: 200 };
  const setBest = () => Object.assign(state, optimal(state.kappa), { rate: undefined });
  setBest();

  function update() {
    const { kappa: k, lr: eta, mu: m, steps: T } = state;
    kappa.input.value = Math.log10(k).toFixed(2); kappa.output.textContent = formatTick(k);
    lr.input.value = Math.log10(eta).toFixed(2); lr.output.textContent = formatTick(+eta.toPrecision(3));
    mu.input.value = m.toFixed(3); mu.output.textContent = formatTick(+m.toPrecision(3));
    steps.input.value = T; steps.output.textContent = T;
    for (const [c, v] of [[kappa, k], [lr, eta], [mu, m]]) c.input.setAttribute("aria-valuetext", formatTick(+v.toPrecision(3)));
    const { points, norms } = quadraticRun(k, eta, m, T);
    const far = points.findIndex(([a, b]) => Math.abs(a) > FAR || Math.abs(b) > FAR);
    const drawn = far < 0 ? points : points.slice(0, far);
    const finished = norms.length === T + 1;
    const measured = finished ? measuredRate(norms, T) : Infinity, theory = theoryRate(k, eta, m);
    figure.dataset.run = JSON.stringify({ kappa: k, lr: eta, mu: m, steps: T, measured, theory });
    drawPath(k, drawn);
    drawPlane(k, eta, m);
    drawRates(k, measured);
    const show = (v) => (Number.isFinite(v) && v < 1e6 ? formatTick(+v.toPrecision(4)) : text.diverged);
    readout.textContent = `${text.measured}: ${show(measured)} · ${text.theory}: ${show(theory)} · ` +
      `${text.bestRate}: ${formatTick(+optimal(k).rate.toPrecision(4))}`;
  }

  function frame(plot, x, y, xTicks, yTicks, labels, formats = {}) {
    plot.replaceChildren();
    const id = `dl-clip-${Math.random().toString(36).slice(2, 9)}`;
    svg("rect", { x: M.left, y: M.top, width: S - M.left - M.right, height: S - M.top - M.bottom },
        svg("clipPath", { id }, svg("defs", {}, plot)));
    const clip = svg("g", { "clip-path": `url(#${id})` }, plot);
    axes(plot, { x, y, xTicks, yTicks, xLabel: labels[0], yLabel: labels[1], ...formats });
    return clip;
  }

  function drawPath(k, drawn) {
    const x = scale(-1.2, 1.2, M.left, S - M.right), y = scale(-1.2, 1.2, S - M.bottom, M.top);
    const clip = frame(pathPlot, x, y, ticks(-1, 1, 4), ticks(-1, 1, 4), ["θ₁", "θ₂"]);
    for (const c of [0.005, 0.02, 0.08, 0.3, 1]) {                       // level sets ½(θ₁² + κθ₂²) = c
      svg("ellipse", { cx: x(0), cy: y(0), rx: x(Math.sqrt(2 * c)) - x(0), ry: y(0) - y(Math.sqrt(2 * c / k)), class: "dl-contour" }, clip);
    }
    const g = svg("g", { transform: `matrix(${x(1) - x(0)} 0 0 ${y(1) - y(0)} ${x(0)} ${y(0)})` }, clip);
    svg("polyline", { points: drawn.map((p) => p.join(",")).join(" "), class: "dl-path dl-line-1", "data-path": "momentum",
                      "vector-effect": "non-scaling-stroke" }, g);
    svg("circle", { cx: x(0), cy: y(0), r: 3, class: "dl-marker" }, clip);
  }

  function drawPlane(k, eta, m) {
    const x = scale(ETA[0], ETA[1], M.left, S - M.right), y = scale(0, 1, S - M.bottom, M.top);
    const clip = frame(planePlot, x, y, [-5, -4, -3, -2, -1, 0], ticks(0, 1, 5), ["η", "μ"],
                       { xFormat: (v) => (v === 0 ? "1" : `10${String(v).replace("-", "⁻").replace(/\d/g, (d) => "⁰¹²³⁴⁵⁶⁷⁸⁹"[d])}`) });
    const n = 60, xs = Array.from({ length: n }, (_, i) => ETA[0] + (ETA[1] - ETA[0]) * i / (n - 1));
    const ys = Array.from({ length: n }, (_, j) => 0.999 * j / (n - 1));
    const z = ys.map((mv) => xs.map((lv) => theoryRate(k, 10 ** lv, mv)));
    // The stable region, η·κ < 2(1 + μ) (and η < 2(1 + μ) for λ = 1): the rate is below 1.
    const edge = ys.map((mv) => [x(Math.min(ETA[1], Math.log10(2 * (1 + mv) / k))), y(mv)]);
    svg("polygon", { points: [[x(ETA[0]), y(0)], ...edge, [x(ETA[0]), y(0.999)]].map((p) => p.map((v) => v.toFixed(1)).join(",")).join(" "),
                     class: "dl-stable" }, clip);
    svg("path", { d: contourPath(z, xs, ys, [0.5, 0.8, 0.9, 0.95, 0.99], x, y), class: "dl-contour" }, clip);
    const best = optimal(k);
    svg("polygon", { points: starPoints(x(Math.log10(best.lr)), y(best.mu), 7), class: "dl-marker" }, clip)
      .append(Object.assign(svg("title"), { textContent: text.optimum }));
    svg("circle", { cx: x(Math.log10(eta)), cy: y(m), r: 5, class: "dl-you" }, clip)
      .append(Object.assign(svg("title"), { textContent: text.you }));
    svg("text", { x: x(ETA[0]) + 6, y: y(0.06) }, clip).textContent = text.stable;
    svg("text", { x: x(ETA[1]) - 6, y: y(0.06), "text-anchor": "end" }, clip).textContent = text.unstable;
  }

  function drawRates(k, measured) {
    const x = scale(0, 4, M.left, S - M.right), y = scale(0, 1, S - M.bottom, M.top);
    const clip = frame(ratePlot, x, y, [0, 1, 2, 3, 4], ticks(0, 1, 5), ["κ", ""],
                       { xFormat: (v) => (v === 0 ? "1" : `10${"⁰¹²³⁴"[v]}`) });
    const curve = (rate) => Array.from({ length: 81 }, (_, i) => {
      const lk = 4 * i / 80, kv = 10 ** lk;
      return `${x(lk).toFixed(1)},${y(rate(kv)).toFixed(1)}`;
    }).join(" ");
    svg("polyline", { points: curve((kv) => optimal(kv).rate), class: "dl-path dl-line-1" }, clip);
    svg("polyline", { points: curve((kv) => (kv - 1) / (kv + 1)), class: "dl-path dl-line-0 dl-dashed" }, clip);
    if (Number.isFinite(measured) && measured < 1.2) {
      svg("circle", { cx: x(Math.log10(k)), cy: y(Math.min(measured, 1.02)), r: 5, class: "dl-you" }, clip)
        .append(Object.assign(svg("title"), { textContent: text.measured }));
    }
    svg("line", { x1: x(Math.log10(k)), x2: x(Math.log10(k)), y1: y(0), y2: y(1), class: "dl-contour" }, clip);
    const legend = svg("g", { class: "dl-legend" }, ratePlot);
    [[text.bestRate, "dl-line-1"], [text.gd, "dl-line-0 dl-dashed"], [text.measured, null]].forEach(([label, cls], i) => {
      const ly = S - M.bottom - 40 + i * 15, lx = M.left + 60;      // below the curves, bottom right
      if (cls) svg("line", { x1: lx, x2: lx + 18, y1: ly - 4, y2: ly - 4, class: `dl-path ${cls}` }, legend);
      else svg("circle", { cx: lx + 9, cy: ly - 4, r: 4, class: "dl-you" }, legend);
      svg("text", { x: lx + 22, y: ly, class: "dl-small" }, legend).textContent = label;
    });
  }

  kappa.input.addEventListener("input", () => { state.kappa = three(10 ** Number(kappa.input.value)); update(); });
  lr.input.addEventListener("input", () => { state.lr = two(10 ** Number(lr.input.value)); update(); });
  mu.input.addEventListener("input", () => { state.mu = Number(mu.input.value); update(); });
  steps.input.addEventListener("input", () => { state.steps = Number(steps.input.value); update(); });
  best.addEventListener("click", () => { setBest(); update(); });
  update();
  figure.classList.add("dl-live");
}
