// The depth explorer: one forward and one backward pass through a deep MLP with random weights, and the
// size of each layer's weight gradient ‖∂L/∂W_l‖ — what gradient_norms in snippets/deep_nets.py measures,
// for the reader's activation, initialization, depth, width and residual connections. The layers are
// those of snippets/layers.py (Dense, Sigmoid, Tanh, ReLU, SoftmaxCrossEntropy) and snippets/residual.py,
// the network is DeepNet's; tests/test_interactive.py gives NumPy the same weights and compares.
// Random numbers come from randomNormals (optimizers.js), which tests/jsref.py repeats in Python.
import { mulberry32, randomNormals } from "./optimizers.js";
import { axes, formatTick, html, scale, svg } from "./plot.js";

// snippets/mlp.py init_std
export function initStd(init, nIn, nOut) {
  if (init === "he") return Math.sqrt(2.0 / nIn);
  if (init === "xavier") return Math.sqrt(2.0 / (nIn + nOut));
  return Number(init);
}

// Matrices are {rows, cols, data: Float64Array} in row-major order.
const matrix = (rows, cols) => ({ rows, cols, data: new Float64Array(rows * cols) });

function matmul(a, b, transposeA = false, transposeB = false) {   // a·b, aᵀ·b or a·bᵀ
  const n = transposeA ? a.cols : a.rows, k = transposeA ? a.rows : a.cols, m = transposeB ? b.rows : b.cols;
  const out = matrix(n, m), A = a.data, B = b.data, O = out.data;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) {
        sum += (transposeA ? A[p * a.cols + i] : A[i * a.cols + p]) * (transposeB ? B[j * b.cols + p] : B[p * b.cols + j]);
      }
      O[i * m + j] = sum;
    }
  }
  return out;
}

const map = (a, f) => ({ rows: a.rows, cols: a.cols, data: a.data.map(f) });
const zip = (a, b, f) => ({ rows: a.rows, cols: a.cols, data: a.data.map((v, i) => f(v, b.data[i])) });

class Dense {
  constructor(W, b) { this.W = W; this.b = b; }
  forward(x) {
    this.x = x;
    const out = matmul(x, this.W);
    for (let i = 0; i < out.rows; i++) for (let j = 0; j < out.cols; j++) out.data[i * out.cols + j] += this.b[j];
    return out;
  }
  backward(dout) {
    this.dW = matmul(this.x, dout, true, false);
    return matmul(dout, this.W, false, true);
  }
}

class Sigmoid {
  forward(x) {
    this.out = map(x, (v) => { const e = Math.exp(-Math.abs(v)); return v >= 0 ? 1 / (1 + e) : e / (1 + e); });
    return this.out;
  }
  backward(dout) { return zip(dout, this.out, (d, y) => d * y * (1 - y)); }
}

class Tanh {
  forward(x) { this.out = map(x, Math.tanh); return this.out; }
  backward(dout) { return zip(dout, this.out, (d, y) => d * (1 - y ** 2)); }
}

class ReLU {
  forward(x) { this.x = x; return map(x, (v) => (v > 0 ? v : 0.0)); }
  backward(dout) { return zip(dout, this.x, (d, v) => (v > 0 ? d : 0.0)); }
}

export const ACTIVATIONS = { sigmoid: Sigmoid, tanh: Tanh, relu: ReLU };

class Residual {                                   // y = x + F(x); dx = dout + F′ᵀ·dout
  constructor(layers) { this.layers = layers; }
  forward(x) {
    let out = x;
    for (const layer of this.layers) out = layer.forward(out);
    return zip(x, out, (a, b) => a + b);
  }
  backward(dout) {
    let d = dout;
    for (const layer of [...this.layers].reverse()) d = layer.backward(d);
    return zip(dout, d, (a, b) => a + b);
  }
}

// DeepNet([width] * (depth + 1) + [classes], activation, init, residual=...) of snippets/deep_nets.py,
// its weights std·N(0, 1) drawn in order W1, W2, … (each row by row) from randomNormals(seed).
export function deepNet({ activation, init, depth, width, classes = 10, residual = false, seed = 0 }) {
  const sizes = [...Array(depth + 1).fill(width), classes], normal = randomNormals(seed);
  const branchScale = 1 / Math.sqrt(Math.max(sizes.length - 3, 1));
  const layers = [], dense = [];
  for (let i = 1; i < sizes.length; i++) {
    const W = matrix(sizes[i - 1], sizes[i]), std = initStd(init, sizes[i - 1], sizes[i]);
    for (let k = 0; k < W.data.length; k++) W.data[k] = std * normal();
    const layer = new Dense(W, new Float64Array(sizes[i]));
    dense.push(layer);
    if (i === sizes.length - 1) { layers.push(layer); break; }
    const hidden = [layer, new ACTIVATIONS[activation]()];
    if (residual && i > 1) {
      for (let k = 0; k < W.data.length; k++) W.data[k] *= branchScale;
      layers.push(new Residual(hidden));
    } else {
      layers.push(...hidden);
    }
  }
  return { layers, dense };
}

// random_batch of snippets/deep_nets.py with this generator: x ~ N(0, 1) from randomNormals(seed),
// labels ⌊10·u⌋ from mulberry32(seed + 1).
export function randomBatch(n, width, classes = 10, seed = 0) {
  const normal = randomNormals(seed), uniform = mulberry32(seed + 1), X = matrix(n, width);
  for (let k = 0; k < X.data.length; k++) X.data[k] = normal();
  return { X, labels: Array.from({ length: n }, () => Math.floor(uniform() * classes)) };
}

// One forward and backward pass: ‖∂L/∂W_l‖ for every layer (gradient_norms), the standard deviation
// of every hidden layer's output (hidden_outputs), and the loss.
export function gradientNorms(net, X, labels) {
  const stds = [];
  let h = X;
  net.layers.forEach((layer, i) => {
    h = layer.forward(h);
    if (i < net.layers.length - 1 && !(layer instanceof Dense)) stds.push(std(h.data));
  });
  // SoftmaxCrossEntropy: forward, then backward with dout = 1
  const n = h.rows, c = h.cols, dscores = matrix(n, c);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const row = h.data.subarray(i * c, (i + 1) * c), top = Math.max(...row);
    let sum = 0;
    for (let j = 0; j < c; j++) sum += Math.exp(row[j] - top);
    const logSum = Math.log(sum);
    for (let j = 0; j < c; j++) dscores.data[i * c + j] = Math.exp(row[j] - top - logSum);
    loss -= (row[labels[i]] - top - logSum) / n;
    dscores.data[i * c + labels[i]] -= 1;
  }
  let d = map(dscores, (v) => v * (1.0 / n));
  for (const layer of [...net.layers].reverse()) d = layer.backward(d);
  const norms = net.dense.map((layer) => Math.sqrt(layer.dW.data.reduce((s, v) => s + v * v, 0)));
  return { norms, stds, loss };
}

function std(values) {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
}

const TEXT = {
  ko: {
    activation: "활성화 함수", init: "초기화", depth: "은닉층 수", width: "층의 뉴런 수", residual: "잔차 연결",
    seed: "가중치 시드", sigmoid: "시그모이드", tanh: "하이퍼볼릭 탄젠트", relu: "ReLU",
    inits: { 1: "표준편차 1", 0.01: "표준편차 0.01", xavier: "Xavier", he: "He" },
    norms: "층별 가중치 기울기 노름 ‖∂L/∂W_l‖ (로그 눈금)", stds: "은닉층 출력의 표준편차 (로그 눈금)",
    layer: "층 l (1 = 입력 쪽)", ratio: (r) => `입력 쪽 첫 층과 출력층의 기울기 노름 비: ${r}`,
    hint: "계산은 브라우저에서 snippets/layers.py의 층과 같은 규칙으로 합니다. 샘플 64개, 클래스 10개, 입력과 가중치는 시드로 만든 정규분포 난수입니다.",
  },
  en: {
    activation: "activation", init: "initialization", depth: "hidden layers", width: "neurons per layer", residual: "residual connections",
    seed: "weight seed", sigmoid: "sigmoid", tanh: "tanh", relu: "ReLU",
    inits: { 1: "std 1", 0.01: "std 0.01", xavier: "Xavier", he: "He" },
    norms: "weight gradient norm per layer ‖∂L/∂W_l‖ (log scale)", stds: "standard deviation of each hidden layer's output (log scale)",
    layer: "layer l (1 = input side)", ratio: (r) => `gradient norm of the first layer over the output layer's: ${r}`,
    hint: "The browser computes with the rules of the layers in snippets/layers.py. 64 samples, 10 classes; inputs and weights are seeded normal random numbers.",
  },
};
const BATCH = 64, W = 400, H = 240, M = { left: 52, right: 10, top: 28, bottom: 40 };
const power = (v) => (v === 0 ? "1" : `10${String(v).replace("-", "⁻").replace(/\d/g, (d) => "⁰¹²³⁴⁵⁶⁷⁸⁹"[d])}`);

export function mount(figure) {
  const lang = document.documentElement.lang === "en" ? "en" : "ko", text = TEXT[lang];
  const widget = html("div", { class: "dl-widget dl-depth", lang }, figure);
  const plots = html("div", { class: "dl-plots" }, widget);
  const normPlot = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "dl-plot", role: "img", "aria-label": text.norms }, plots);
  const stdPlot = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "dl-plot", role: "img", "aria-label": text.stds }, plots);
  const readout = html("p", { class: "dl-readout", "aria-live": "polite" }, widget);
  const controls = html("div", { class: "dl-controls" }, widget);
  const field = (label, tag, attrs, options = null) => {
    const row = html("div", { class: "dl-control" }, controls);
    const id = `dl-${Math.random().toString(36).slice(2, 9)}`;
    const input = html(tag, { id, ...attrs });
    if (attrs.type === "checkbox") { row.classList.add("dl-check"); row.append(input); html("label", { for: id }, row, label); }
    else { html("label", { for: id }, row, label); row.append(input); }
    if (options) for (const [value, name] of options) html("option", { value }, input, name);
    const output = attrs.type === "range" ? html("output", { for: id }, row) : null;
    return { input, output };
  };
  const activation = field(text.activation, "select", {}, ["sigmoid", "tanh", "relu"].map((a) => [a, text[a]]));
  const init = field(text.init, "select", {}, Object.entries(text.inits));
  const depth = field(text.depth, "input", { type: "range", min: 1, max: 50, step: 1 });
  const width = field(text.width, "select", {}, [16, 32, 64, 100].map((w) => [w, String(w)]));
  const seed = field(text.seed, "input", { type: "range", min: 0, max: 20, step: 1 });
  const residual = field(text.residual, "input", { type: "checkbox" });
  html("p", { class: "dl-hint" }, widget, text.hint);

  Object.assign(activation.input, { value: "sigmoid" });
  init.input.value = "xavier"; depth.input.value = 20; width.input.value = "64"; seed.input.value = 0;
  let queued = false;
  const update = () => {
    queued = false;
    depth.output.textContent = depth.input.value;
    seed.output.textContent = seed.input.value;
    const settings = { activation: activation.input.value, init: init.input.value, depth: Number(depth.input.value),
                       width: Number(width.input.value), residual: residual.input.checked, seed: Number(seed.input.value) };
    const { X, labels } = randomBatch(BATCH, settings.width, 10, 1000 + settings.seed);
    const result = gradientNorms(deepNet(settings), X, labels);
    figure.dataset.run = JSON.stringify({ ...settings, batch: BATCH, dataSeed: 1000 + settings.seed, ...result });
    draw(normPlot, result.norms, text.norms);
    draw(stdPlot, result.stds, text.stds);
    const ratio = result.norms[0] / result.norms[result.norms.length - 1];
    readout.textContent = text.ratio(Number.isFinite(ratio) ? formatTick(+ratio.toPrecision(3)) : "–");
  };
  const later = () => { if (!queued) { queued = true; requestAnimationFrame(update); } };
  for (const c of [activation, init, width, residual]) c.input.addEventListener("change", later);
  for (const c of [depth, seed]) c.input.addEventListener("input", later);

  function draw(plot, values, label) {
    plot.replaceChildren();
    const logs = values.map((v) => Math.log10(Math.max(v, 1e-300)));
    const lo = Math.floor(Math.min(...logs, -1)), hi = Math.ceil(Math.max(...logs, 1));
    const x = scale(0.5, values.length + 0.5, M.left, W - M.right), y = scale(lo, hi, H - M.bottom, M.top);
    const step = Math.max(1, Math.ceil((hi - lo) / 6));
    const yTicks = []; for (let v = lo; v <= hi; v += step) yTicks.push(v);
    const xTicks = [...new Set([1, ...Array.from({ length: 10 }, (_, k) => Math.round((k + 1) * values.length / 10)), values.length])];
    axes(plot, { x, y, xTicks: xTicks.filter((t, i, a) => i === 0 || x(t) - x(a[i - 1]) > 18), yTicks,
                 xLabel: text.layer, yFormat: power });
    svg("text", { x: 4, y: 12, class: "dl-small" }, plot).textContent = label;
    svg("polyline", { points: logs.map((v, i) => `${x(i + 1).toFixed(1)},${y(v).toFixed(1)}`).join(" "), class: "dl-path dl-line-0" }, plot);
    logs.forEach((v, i) => svg("circle", { cx: x(i + 1).toFixed(1), cy: y(v).toFixed(1), r: 2.5, class: "dl-dot" }, plot));
  }
  update();
  figure.classList.add("dl-live");
}
