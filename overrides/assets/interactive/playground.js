// The optimizer playground: the chapter's optimizers race on its test surfaces, computed live by
// optimizers.js (snippets/optimizers.py and snippets/surfaces.py in JavaScript, tested against them).
// It replaces the static figure optimizer_paths on screen; the figure stays for print and without JavaScript.
import { OPTIMIZERS, SURFACES, runPath } from "./optimizers.js";
import { axes, contourPath, formatTick, html, scale, starPoints, svg, ticks } from "./plot.js";

// The chapter's settings: steps and learning rates of PATH_SETTINGS (snippets/optimizer_experiments.py),
// the view of snippets/figures/optimizer_paths.py. Optimizers the static figure leaves out start unchecked,
// with Adam's learning rate (AdamW, NAdam) or PyTorch's default (Adadelta).
export const SETTINGS = {
  valley: { steps: 60, view: [[-8, 8], [-2.5, 2.5]],
            lr: { SGD: 0.95, Momentum: 0.1, Nesterov: 0.1, AdaGrad: 1.5, RMSprop: 0.1, Adam: 0.3 } },
  rosenbrock: { steps: 1500, view: [[-2, 2], [-1, 3]],
                lr: { SGD: 0.001, Momentum: 0.001, Nesterov: 0.001, AdaGrad: 0.5, RMSprop: 0.01, Adam: 0.05 } },
  saddle: { steps: 40, view: [[-2, 2], [-2, 2]],
            lr: { SGD: 0.05, Momentum: 0.05, Nesterov: 0.05, AdaGrad: 0.5, RMSprop: 0.05, Adam: 0.1 } },
  beale: { steps: 500, view: [[-0.5, 4], [-1, 2]],
           lr: { SGD: 0.01, Momentum: 0.001, Nesterov: 0.001, AdaGrad: 0.5, RMSprop: 0.01, Adam: 0.05 } },
};
// The static figure's order (its colours), then the three it leaves out.
const NAMES = ["SGD", "Momentum", "Nesterov", "AdaGrad", "RMSprop", "Adam", "Adadelta", "AdamW", "NAdam"];
const EXTRA_LR = (lr) => ({ Adadelta: 1.0, AdamW: lr.Adam, NAdam: lr.Adam });

const TEXT = {
  ko: {
    surface: "곡면", valley: "골짜기 x²/20 + y²", rosenbrock: "로젠브록", saddle: "안장 x² − y²", beale: "빌(Beale)",
    Momentum: "모멘텀", Nesterov: "네스테로프",
    steps: "반복 횟수", noise: "기울기 잡음의 표준편차 σ", seed: "잡음 시드", startX: "시작점 x", startY: "시작점 y",
    mu: "모멘텀 계수 μ (모멘텀, 네스테로프)", beta1: "β₁ (Adam, AdamW, NAdam)", beta2: "β₂ (Adam, AdamW, NAdam)",
    optimizers: "옵티마이저와 학습률 η", lrOf: (name) => `${name}의 학습률`, reset: "처음 설정으로",
    hint: "등고선 그림을 누르면 그 점에서 출발합니다. 그림의 계산은 브라우저에서 snippets/optimizers.py와 같은 규칙으로 합니다.",
    paths: (surface) => `${surface} 등고선 위의 옵티마이저 경로`, lossPlot: "반복에 따른 손실",
    step: "반복", loss: "손실", name: "옵티마이저", final: "마지막 점 (x, y)", finalLoss: "마지막 손실",
    diverged: (step) => `${step}번째 반복에서 발산`, start: "시작점", min: "최솟값",
    caption: (steps) => `${steps}번 반복한 뒤`,
  },
  en: {
    surface: "surface", valley: "valley x²/20 + y²", rosenbrock: "Rosenbrock", saddle: "saddle x² − y²", beale: "Beale",
    Momentum: "momentum", Nesterov: "Nesterov",
    steps: "steps", noise: "gradient noise, standard deviation σ", seed: "noise seed", startX: "start x", startY: "start y",
    mu: "momentum μ (momentum, Nesterov)", beta1: "β₁ (Adam, AdamW, NAdam)", beta2: "β₂ (Adam, AdamW, NAdam)",
    optimizers: "optimizers and learning rates η", lrOf: (name) => `learning rate of ${name}`, reset: "reset",
    hint: "Click or tap the contour plot to start from that point. The browser computes every path with the rules of snippets/optimizers.py.",
    paths: (surface) => `optimizer paths on the contours of ${surface}`, lossPlot: "loss against step",
    step: "step", loss: "loss", name: "optimizer", final: "last point (x, y)", finalLoss: "last loss",
    diverged: (step) => `diverged at step ${step}`, start: "start", min: "minimum",
    caption: (steps) => `after ${steps} steps`,
  },
};

const LR_MIN = -4, LR_MAX = 1;                               // the learning-rate sliders: log10 η
const lrFromSlider = (value) => Number((10 ** Number(value)).toPrecision(2));   // two digits: 0.95, 0.001
const FAR = 1e6;                                             // points beyond this are not drawn (SVG is float32)
const W = 400, H = 300, M = { left: 44, right: 8, top: 10, bottom: 40 };
const LW = 400, LH = 190;

function control(parent, label, attrs, format = (v) => v) {
  const row = html("div", { class: "dl-control" }, parent);
  const id = `dl-${Math.random().toString(36).slice(2, 9)}`;
  html("label", { for: id }, row, label);
  const input = html(attrs.type === "select" ? "select" : "input", attrs.type === "select" ? { id } : { id, ...attrs }, row);
  const output = html("output", { for: id }, row);
  const show = () => { output.textContent = format(input.value); };
  input.addEventListener("input", show);
  return { input, output, show };
}

function optimizerKwargs(name, lr, { mu, beta1, beta2 }) {
  if (name === "Momentum" || name === "Nesterov") return { lr, momentum: mu };
  if (name === "Adam" || name === "AdamW" || name === "NAdam") return { lr, beta1, beta2 };
  return { lr };
}

export function mount(figure) {
  const lang = document.documentElement.lang === "en" ? "en" : "ko";
  const text = TEXT[lang];
  const label = (name) => text[name] || name;
  const widget = html("div", { class: "dl-widget dl-playground", lang }, figure);
  const plots = html("div", { class: "dl-plots" }, widget);
  const plot = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "dl-plot dl-contours", role: "img" }, plots);
  const lossPlot = svg("svg", { viewBox: `0 0 ${LW} ${LH}`, class: "dl-plot dl-loss", role: "img", "aria-label": text.lossPlot }, plots);
  html("p", { class: "dl-hint" }, widget, text.hint);
  const table = html("table", { class: "dl-results" }, widget);
  const caption = html("caption", {}, table);
  const head = html("tr", {}, html("thead", {}, table));
  for (const h of [text.name, text.final, text.finalLoss]) html("th", { scope: "col" }, head, h);
  const body = html("tbody", {}, table);
  const controls = html("div", { class: "dl-controls" }, widget);

  const surface = control(controls, text.surface, { type: "select" });
  for (const name of Object.keys(SETTINGS)) html("option", { value: name }, surface.input, text[name]);
  surface.output.remove();
  const steps = control(controls, text.steps, { type: "range", min: 10, max: 3000, step: 10 });
  const startX = control(controls, text.startX, { type: "range", step: 0.01 });
  const startY = control(controls, text.startY, { type: "range", step: 0.01 });
  const noise = control(controls, text.noise, { type: "range", min: 0, max: 2, step: 0.05 });
  const seed = control(controls, text.seed, { type: "range", min: 0, max: 20, step: 1 });
  const mu = control(controls, text.mu, { type: "range", min: 0, max: 0.99, step: 0.01 });
  const beta1 = control(controls, text.beta1, { type: "range", min: 0, max: 0.99, step: 0.01 });
  const beta2 = control(controls, text.beta2, { type: "range", min: 0.9, max: 0.9999, step: 0.0001 });

  const fieldset = html("fieldset", { class: "dl-optimizers" }, widget);
  html("legend", {}, fieldset, text.optimizers);
  const rows = {};
  NAMES.forEach((name, i) => {
    const row = html("div", { class: "dl-optimizer" }, fieldset);
    const id = `dl-${Math.random().toString(36).slice(2, 9)}`;
    const check = html("input", { type: "checkbox", id: `${id}-on` }, row);
    html("label", { for: `${id}-on`, class: `dl-swatch dl-line-${i % 8}${i % 2 ? " dl-dashed" : ""}` }, row, label(name));
    const slider = html("input", { type: "range", id, min: LR_MIN, max: LR_MAX, step: 0.01, "aria-label": text.lrOf(label(name)) }, row);
    const output = html("output", { for: id }, row);
    rows[name] = { check, slider, output, lr: 0, index: i };
    slider.addEventListener("input", () => { rows[name].lr = lrFromSlider(slider.value); update(); });
    check.addEventListener("change", update);
  });
  const reset = html("button", { type: "button", class: "dl-button" }, widget, text.reset);


  let x, y, clip;
  function setSurface(name, keepStart = false) {
    const s = SETTINGS[name], [[x0, x1], [y0, y1]] = s.view;
    for (const [slider, [lo, hi]] of [[startX, [x0, x1]], [startY, [y0, y1]]]) {
      slider.input.min = lo; slider.input.max = hi;
    }
    if (!keepStart) {
      [startX.input.value, startY.input.value] = SURFACES[name].start;
      steps.input.value = s.steps;
      const lrs = { ...s.lr, ...EXTRA_LR(s.lr) };
      for (const n of NAMES) {
        rows[n].lr = lrs[n];
        rows[n].slider.value = Math.log10(lrs[n]).toFixed(2);
        rows[n].check.checked = n in s.lr;
      }
    }
    x = scale(x0, x1, M.left, W - M.right);
    y = scale(y0, y1, H - M.bottom, M.top);
    drawBackground(name);
  }

  function drawBackground(name) {
    plot.replaceChildren();
    plot.setAttribute("aria-label", text.paths(text[name]));
    const { f } = SURFACES[name], [[x0, x1], [y0, y1]] = SETTINGS[name].view, n = 90;
    const xs = Array.from({ length: n }, (_, i) => x0 + (x1 - x0) * i / (n - 1));
    const ys = Array.from({ length: n }, (_, j) => y0 + (y1 - y0) * j / (n - 1));
    let z = ys.map((yv) => xs.map((xv) => f(xv, yv)));
    let levels;
    if (name === "saddle") {                                 // as the static figure: 17 levels from −4 to 4
      levels = Array.from({ length: 17 }, (_, k) => -4 + k * 0.5);
    } else {                                                 // 16 levels, log-spaced, above the grid's minimum
      const low = Math.min(...z.flat());
      z = z.map((row) => row.map((v) => Math.log10(v - low + 1e-3)));
      levels = Array.from({ length: 16 }, (_, k) => -2 + k * 6 / 15);
    }
    const id = `dl-clip-${Math.random().toString(36).slice(2, 9)}`;
    svg("rect", { x: M.left, y: M.top, width: W - M.left - M.right, height: H - M.top - M.bottom },
        svg("clipPath", { id }, svg("defs", {}, plot)));
    clip = svg("g", { "clip-path": `url(#${id})` }, plot);
    svg("path", { d: contourPath(z, xs, ys, levels, x, y), class: "dl-contour" }, clip);
    axes(plot, { x, y, xTicks: ticks(x0, x1, 6), yTicks: ticks(y0, y1, 5), xLabel: "x", yLabel: "y" });
  }

  function update() {
    const name = surface.input.value, s = SURFACES[name];
    const start = [Number(startX.input.value), Number(startY.input.value)];
    const hyper = { mu: Number(mu.input.value), beta1: Number(beta1.input.value), beta2: Number(beta2.input.value) };
    const run = { surface: name, start, steps: Number(steps.input.value), noise: Number(noise.input.value),
                  seed: Number(seed.input.value), runs: [] };
    for (const c of [steps, startX, startY, noise, seed, mu, beta1, beta2]) c.show();
    for (const n of NAMES) {
      rows[n].output.textContent = String(rows[n].lr);
      rows[n].slider.setAttribute("aria-valuetext", String(rows[n].lr));
    }
    const [sx, sy] = [(x(1) - x(0)), (y(1) - y(0))];
    for (const old of clip.querySelectorAll(".dl-run")) old.remove();
    for (const old of plot.querySelectorAll(".dl-marker")) old.remove();
    const group = svg("g", { class: "dl-run", transform: `matrix(${sx} 0 0 ${sy} ${x(0)} ${y(0)})` }, clip);
    const results = [];
    for (const n of NAMES) {
      if (!rows[n].check.checked) continue;
      const kwargs = optimizerKwargs(n, rows[n].lr, hyper);
      const path = runPath(new OPTIMIZERS[n](kwargs), s.grad, start, run.steps, { noise: run.noise, seed: run.seed });
      const far = path.findIndex(([px, py]) => Math.abs(px) > FAR || Math.abs(py) > FAR);
      const drawn = far < 0 ? path : path.slice(0, far);
      run.runs.push({ name: n, kwargs });
      const i = rows[n].index, cls = `dl-path dl-line-${i % 8}${i % 2 ? " dl-dashed" : ""}`;
      svg("polyline", { points: drawn.map((p) => p.join(",")).join(" "), class: cls, "data-optimizer": n,
                        "vector-effect": "non-scaling-stroke" }, group);
      results.push({ n, path: drawn, diverged: drawn.length < run.steps + 1, cls });
    }
    svg("circle", { cx: x(start[0]), cy: y(start[1]), r: 4, class: "dl-marker dl-start" }, plot)
      .append(Object.assign(svg("title"), { textContent: text.start }));
    if (s.minimum) {
      svg("polygon", { points: starPoints(x(s.minimum[0]), y(s.minimum[1]), 7), class: "dl-marker dl-minimum" }, plot)
        .append(Object.assign(svg("title"), { textContent: text.min }));
    }
    figure.dataset.run = JSON.stringify(run);
    drawLoss(name, run.steps, results);
    caption.textContent = `${text[name]}, ${text.caption(run.steps)}`;
    body.replaceChildren();
    for (const { n, path, diverged } of results) {
      const tr = html("tr", {}, body);
      const [lx, ly] = path[path.length - 1];
      html("th", { scope: "row" }, tr, label(n));
      html("td", {}, tr, diverged ? text.diverged(path.length) : `(${formatTick(+lx.toPrecision(4))}, ${formatTick(+ly.toPrecision(4))})`);
      html("td", {}, tr, diverged ? "–" : formatTick(+s.f(lx, ly).toPrecision(4)));
    }
  }

  function drawLoss(name, stepCount, results) {
    lossPlot.replaceChildren();
    const f = SURFACES[name].f, linear = name === "saddle";
    const lx = scale(0, stepCount, M.left, LW - M.right);
    const [lo, hi] = linear ? [-4, 2.5] : [-8, Math.max(1, Math.ceil(Math.log10(Math.max(
      ...results.map((r) => f(...r.path[0])), 1))))];
    const ly = scale(lo, hi, LH - M.bottom, M.top);
    const yTicks = linear ? ticks(lo, hi, 5) : ticks(lo, hi, 5).filter(Number.isInteger);
    axes(lossPlot, { x: lx, y: ly, xTicks: ticks(0, stepCount, 5), yTicks, xLabel: text.step, yLabel: text.loss,
                     yFormat: linear ? formatTick : (v) => (v === 0 ? "1" : `10${String(v).replace("-", "⁻").replace(/\d/g, (d) => "⁰¹²³⁴⁵⁶⁷⁸⁹"[d])}`) });
    for (const { path, cls } of results) {
      const values = path.map(([px, py]) => {
        const v = f(px, py);
        return Math.min(hi, Math.max(lo, linear ? v : Math.log10(Math.max(v, 1e-300))));
      });
      svg("polyline", { points: values.map((v, t) => `${lx(t).toFixed(1)},${ly(v).toFixed(1)}`).join(" "),
                        class: cls, "vector-effect": "non-scaling-stroke" }, lossPlot);
    }
  }

  plot.addEventListener("click", (event) => {
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(plot.getScreenCTM().inverse());
    const [px, py] = [x.invert(point.x), y.invert(point.y)];
    const [[x0, x1], [y0, y1]] = SETTINGS[surface.input.value].view;
    if (px < x0 || px > x1 || py < y0 || py > y1) return;
    startX.input.value = px.toFixed(2);
    startY.input.value = py.toFixed(2);
    update();
  });
  surface.input.addEventListener("change", () => { setSurface(surface.input.value); update(); });
  for (const c of [steps, startX, startY, noise, seed, mu, beta1, beta2]) c.input.addEventListener("input", update);
  reset.addEventListener("click", () => {
    [noise.input.value, seed.input.value, mu.input.value, beta1.input.value, beta2.input.value] = [0, 0, 0.9, 0.9, 0.999];
    setSurface(surface.input.value);
    update();
  });

  [noise.input.value, seed.input.value, mu.input.value, beta1.input.value, beta2.input.value] = [0, 0, 0.9, 0.9, 0.999];
  surface.input.value = "valley";
  setSurface("valley");
  update();
  figure.classList.add("dl-live");
}
