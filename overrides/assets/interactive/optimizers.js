// The optimizers and test surfaces of snippets/optimizers.py and snippets/surfaces.py, in JavaScript.
// Every rule is the NumPy one written out operation by operation in the same order, so that both give
// the same floating-point numbers; tests/test_interactive.py runs both and compares them step by step.
// params and grads are objects of Float64Arrays with the same keys; update() changes params in place.

const zerosLike = (params) => Object.fromEntries(Object.entries(params).map(([k, v]) => [k, new Float64Array(v.length)]));

// snippets/surfaces.py
export const SURFACES = {
  valley: {
    f: (x, y) => x ** 2 / 20 + y ** 2,
    grad: (x, y) => [x / 10, 2 * y],
    start: [-7.0, 2.0], minimum: [0.0, 0.0],
  },
  rosenbrock: {
    f: (x, y) => (1 - x) ** 2 + 100 * (y - x ** 2) ** 2,
    grad: (x, y) => [-2 * (1 - x) - 400 * x * (y - x ** 2), 200 * (y - x ** 2)],
    start: [-1.5, 2.0], minimum: [1.0, 1.0],
  },
  saddle: {
    f: (x, y) => x ** 2 - y ** 2,
    grad: (x, y) => [2 * x, -2 * y],
    start: [-1.5, 0.01], minimum: null,
  },
  beale: {
    f: (x, y) => (1.5 - x + x * y) ** 2 + (2.25 - x + x * y ** 2) ** 2 + (2.625 - x + x * y ** 3) ** 2,
    grad: (x, y) => {
      const a = 1.5 - x + x * y, b = 2.25 - x + x * y ** 2, c = 2.625 - x + x * y ** 3;
      return [2 * a * (y - 1) + 2 * b * (y ** 2 - 1) + 2 * c * (y ** 3 - 1),
              2 * a * x + 2 * b * 2 * x * y + 2 * c * 3 * x * y ** 2];
    },
    start: [1.0, 1.5], minimum: [3.0, 0.5],
  },
};

// snippets/optimizers.py: same classes, same defaults, same order of operations.
export class SGD {
  constructor({ lr = 0.001 } = {}) { this.lr = lr; }
  update(params, grads) {
    for (const key in params) {
      const p = params[key], g = grads[key];
      for (let i = 0; i < p.length; i++) p[i] -= this.lr * g[i];
    }
  }
}

export class Momentum {
  constructor({ lr = 0.001, momentum = 0.9 } = {}) { Object.assign(this, { lr, momentum, velocity: null }); }
  update(params, grads) {
    if (this.velocity === null) this.velocity = zerosLike(params);
    for (const key in params) {
      const p = params[key], g = grads[key], v = this.velocity[key];
      for (let i = 0; i < p.length; i++) {
        v[i] = this.momentum * v[i] + g[i];
        p[i] -= this.lr * v[i];
      }
    }
  }
}

export class Nesterov {
  constructor({ lr = 0.001, momentum = 0.9 } = {}) { Object.assign(this, { lr, momentum, velocity: null }); }
  update(params, grads) {
    if (this.velocity === null) this.velocity = zerosLike(params);
    for (const key in params) {
      const p = params[key], g = grads[key], v = this.velocity[key];
      for (let i = 0; i < p.length; i++) {
        v[i] = this.momentum * v[i] + g[i];
        p[i] -= this.lr * (g[i] + this.momentum * v[i]);
      }
    }
  }
}

export class AdaGrad {
  constructor({ lr = 0.01, eps = 1e-10 } = {}) { Object.assign(this, { lr, eps, sumSq: null }); }
  update(params, grads) {
    if (this.sumSq === null) this.sumSq = zerosLike(params);
    for (const key in params) {
      const p = params[key], g = grads[key], s = this.sumSq[key];
      for (let i = 0; i < p.length; i++) {
        s[i] += g[i] ** 2;
        p[i] -= this.lr * g[i] / (Math.sqrt(s[i]) + this.eps);
      }
    }
  }
}

export class RMSprop {
  constructor({ lr = 0.01, rho = 0.99, eps = 1e-8 } = {}) { Object.assign(this, { lr, rho, eps, avgSq: null }); }
  update(params, grads) {
    if (this.avgSq === null) this.avgSq = zerosLike(params);
    for (const key in params) {
      const p = params[key], g = grads[key], s = this.avgSq[key];
      for (let i = 0; i < p.length; i++) {
        s[i] = this.rho * s[i] + (1 - this.rho) * g[i] ** 2;
        p[i] -= this.lr * g[i] / (Math.sqrt(s[i]) + this.eps);
      }
    }
  }
}

export class Adadelta {
  constructor({ lr = 1.0, rho = 0.9, eps = 1e-6 } = {}) {
    Object.assign(this, { lr, rho, eps, avgSq: null, avgDeltaSq: null });
  }
  update(params, grads) {
    if (this.avgSq === null) { this.avgSq = zerosLike(params); this.avgDeltaSq = zerosLike(params); }
    for (const key in params) {
      const p = params[key], g = grads[key], s = this.avgSq[key], d = this.avgDeltaSq[key];
      for (let i = 0; i < p.length; i++) {
        s[i] = this.rho * s[i] + (1 - this.rho) * g[i] ** 2;
        const rmsDelta = Math.sqrt(d[i] + this.eps);
        const rmsG = Math.sqrt(s[i] + this.eps);
        const delta = rmsDelta / rmsG * g[i];
        d[i] = this.rho * d[i] + (1 - this.rho) * delta ** 2;
        p[i] -= this.lr * delta;
      }
    }
  }
}

export class Adam {
  constructor({ lr = 0.001, beta1 = 0.9, beta2 = 0.999, eps = 1e-8 } = {}) {
    Object.assign(this, { lr, beta1, beta2, eps, t: 0, m: null, v: null });
  }
  update(params, grads) {
    if (this.m === null) { this.m = zerosLike(params); this.v = zerosLike(params); }
    this.t += 1;
    for (const key in params) {
      const p = params[key], g = grads[key], m = this.m[key], v = this.v[key];
      for (let i = 0; i < p.length; i++) {
        m[i] = this.beta1 * m[i] + (1 - this.beta1) * g[i];
        v[i] = this.beta2 * v[i] + (1 - this.beta2) * g[i] ** 2;
        const mHat = m[i] / (1 - this.beta1 ** this.t);
        const vHat = v[i] / (1 - this.beta2 ** this.t);
        p[i] -= this.lr * mHat / (Math.sqrt(vHat) + this.eps);
      }
    }
  }
}

export class AdamW extends Adam {
  constructor({ lr = 0.001, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weight_decay = 0.01 } = {}) {
    super({ lr, beta1, beta2, eps });
    this.weight_decay = weight_decay;
  }
  update(params, grads) {
    for (const key in params) {
      const p = params[key];
      for (let i = 0; i < p.length; i++) p[i] *= 1 - this.lr * this.weight_decay;
    }
    super.update(params, grads);
  }
}

export class NAdam {
  constructor({ lr = 0.002, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, momentum_decay = 0.004 } = {}) {
    Object.assign(this, { lr, beta1, beta2, eps, momentum_decay, t: 0, muProduct: 1.0, m: null, v: null });
  }
  mu(t) { return this.beta1 * (1 - 0.5 * 0.96 ** (t * this.momentum_decay)); }
  update(params, grads) {
    if (this.m === null) { this.m = zerosLike(params); this.v = zerosLike(params); }
    this.t += 1;
    const mu = this.mu(this.t), muNext = this.mu(this.t + 1);
    this.muProduct *= mu;
    for (const key in params) {
      const p = params[key], g = grads[key], m = this.m[key], v = this.v[key];
      for (let i = 0; i < p.length; i++) {
        m[i] = this.beta1 * m[i] + (1 - this.beta1) * g[i];
        v[i] = this.beta2 * v[i] + (1 - this.beta2) * g[i] ** 2;
        const mHat = (muNext * m[i] / (1 - this.muProduct * muNext)
                      + (1 - mu) * g[i] / (1 - this.muProduct));
        const vHat = v[i] / (1 - this.beta2 ** this.t);
        p[i] -= this.lr * mHat / (Math.sqrt(vHat) + this.eps);
      }
    }
  }
}

export const OPTIMIZERS = { SGD, Momentum, Nesterov, AdaGrad, RMSprop, Adadelta, Adam, AdamW, NAdam };

// A seeded random number generator that tests/jsref.py repeats in Python, so that a noisy run is the
// same in both: mulberry32 (32-bit integer arithmetic only) for uniforms in [0, 1), Box–Muller for normals.
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6D2B79F5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomNormals(seed) {
  const uniform = mulberry32(seed);
  return () => {
    const u1 = 1 - uniform(), u2 = uniform();   // u1 in (0, 1]: log(u1) is finite
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  };
}

// snippets/optimizer_experiments.py run_path: the points (x, y) visited from `start`, steps + 1 of them.
// With noise > 0 each gradient gets noise·n added, n ~ N(0, 1) from randomNormals(seed), x first.
// A run stops early when a coordinate is no longer finite (it diverged); the rows so far are returned.
export function runPath(optimizer, grad, start, steps, { noise = 0, seed = 0 } = {}) {
  const params = { x: Float64Array.of(start[0]), y: Float64Array.of(start[1]) };
  const normal = randomNormals(seed);
  const path = [[start[0], start[1]]];
  for (let step = 0; step < steps; step++) {
    let [dx, dy] = grad(params.x[0], params.y[0]);
    if (noise > 0) { dx += noise * normal(); dy += noise * normal(); }
    optimizer.update(params, { x: Float64Array.of(dx), y: Float64Array.of(dy) });
    if (!Number.isFinite(params.x[0]) || !Number.isFinite(params.y[0])) break;
    path.push([params.x[0], params.y[0]]);
  }
  return path;
}
