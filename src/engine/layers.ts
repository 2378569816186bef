// Layers on batches: every buffer is a flat row-major Float64Array of n rows x features,
// allocated once per network capacity (rows) and reused for every batch of up to that size.
// Each layer keeps its forward output `out` (what the chapters plot) and, after backward,
// `gradIn` = dLoss/d(its input).

import { matmulAB, matmulABt, matmulAtB, columnSums } from './linalg.ts';
import type { Rng } from './rng.ts';

const EMPTY: Float64Array = /* @__PURE__ */ new Float64Array(0);

/** nn.Linear: y = x W^T + b, W stored out x in. Parameters are views into the network's flat buffers. */
export class Linear {
  readonly kind = 'linear';
  readonly inF: number;
  readonly outF: number;
  W = EMPTY; b = EMPTY; // parameters (views)
  gW = EMPTY; gb = EMPTY; // gradients (views)
  out = EMPTY;
  gradIn = EMPTY;

  constructor(inF: number, outF: number) {
    this.inF = inF;
    this.outF = outF;
  }

  resize(rows: number): void {
    this.out = new Float64Array(rows * this.outF);
    this.gradIn = new Float64Array(rows * this.inF);
  }

  forward(x: Float64Array, n: number): Float64Array {
    matmulABt(x, this.W, this.b, this.out, n, this.inF, this.outF);
    return this.out;
  }

  /** dW = dY^T x, db = sum over rows of dY, dx = dY W (skipped for the first layer). */
  backward(x: Float64Array, dY: Float64Array, n: number, needGradIn: boolean): Float64Array {
    matmulAtB(dY, x, this.gW, n, this.inF, this.outF);
    columnSums(dY, n, this.outF, this.gb);
    if (needGradIn) matmulAB(dY, this.W, this.gradIn, n, this.inF, this.outF);
    return this.gradIn;
  }
}

// tanh(x) = 1 - 2 / (e^(2x) + 1) with a table-driven e^z: z = k ln2/256 + r, |r| <= ln2/512,
// e^z = 2^(k>>8) * 2^((k&255)/256) * (1 + r + r^2/2 + r^3/6 + r^4/24) (the next term is below
// 4e-17). Absolute error < 5e-16 (checked against Math.tanh in the unit tests); V8's Math.tanh
// costs about 4x more, and tanh is most of the work in the small Playground networks. |x| >= 19
// gives +-1 exactly, as in float64.
const EXP2_FRAC = /* @__PURE__ */ Float64Array.from({ length: 256 }, (_, j) => 2 ** (j / 256));
const POW2 = /* @__PURE__ */ Float64Array.from({ length: 129 }, (_, i) => 2 ** (i - 64));
const K_PER_UNIT = 256 / Math.LN2;
const UNIT_PER_K = Math.LN2 / 256;
const ROUND = 6755399441055744; // 1.5 * 2^52: (v + ROUND) - ROUND rounds v to the nearest integer

export function tanh(x: number): number {
  const y = new Float64Array(1);
  tanhArray(Float64Array.of(x), y, 1);
  return y[0];
}

/** y[i] = tanh(x[i]) for i < len, the formula above written inside the loop (a call per element
 *  would depend on V8 inlining it, and box every result when it does not). */
function tanhArray(x: Float64Array, y: Float64Array, len: number): void {
  for (let i = 0; i < len; i++) {
    const v = x[i];
    const z = 2 * (v > 19 ? 19 : v < -19 ? -19 : v);
    const kf = z * K_PER_UNIT + ROUND - ROUND;
    const r = z - kf * UNIT_PER_K;
    const k = kf | 0;
    const e = POW2[(k >> 8) + 64] * EXP2_FRAC[k & 255] * (1 + r * (1 + r * (1 / 2 + r * (1 / 6 + r * (1 / 24)))));
    y[i] = 1 - 2 / (e + 1);
  }
}

/** Logistic sigmoid, stable for large |z| (never exp of a positive number). */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

export type ActivationKind = 'relu' | 'tanh' | 'sigmoid';

/** Elementwise activation. Backward uses the stored output y:
 *  relu' = [y > 0] (PyTorch's threshold_backward), tanh' = 1 - y^2, sigmoid' = y (1 - y). */
export class Activation {
  readonly kind: ActivationKind;
  readonly features: number;
  out = EMPTY;
  gradIn = EMPTY;

  constructor(kind: ActivationKind, features: number) {
    this.kind = kind;
    this.features = features;
  }

  resize(rows: number): void {
    this.out = new Float64Array(rows * this.features);
    this.gradIn = new Float64Array(rows * this.features);
  }

  forward(x: Float64Array, n: number): Float64Array {
    const y = this.out, len = n * this.features;
    if (this.kind === 'relu') for (let i = 0; i < len; i++) { const v = x[i]; y[i] = v > 0 ? v : 0; }
    else if (this.kind === 'tanh') tanhArray(x, y, len);
    else for (let i = 0; i < len; i++) y[i] = sigmoid(x[i]);
    return y;
  }

  backward(dY: Float64Array, n: number): Float64Array {
    const y = this.out, dX = this.gradIn, len = n * this.features;
    if (this.kind === 'relu') for (let i = 0; i < len; i++) dX[i] = y[i] > 0 ? dY[i] : 0;
    else if (this.kind === 'tanh') for (let i = 0; i < len; i++) { const t = y[i]; dX[i] = dY[i] * (1 - t * t); }
    else for (let i = 0; i < len; i++) { const s = y[i]; dX[i] = dY[i] * s * (1 - s); }
    return dX;
  }
}

/** nn.Dropout(p): train mode y = x * mask / (1 - p) (all zeros when p = 1); eval mode y = x.
 *  Masks are drawn row-major, one rng.next() per element, kept when next() >= p
 *  (no draws when p = 0 or p = 1). */
export class Dropout {
  readonly kind = 'dropout';
  readonly features: number;
  p: number;
  mask: Uint8Array = new Uint8Array(0); // 1 = kept
  out = EMPTY;
  gradIn = EMPTY;
  lastTrain = false; // whether the last forward was in train mode (mask meaningful)

  constructor(p: number, features: number) {
    this.p = p;
    this.features = features;
  }

  resize(rows: number): void {
    this.out = new Float64Array(rows * this.features);
    this.gradIn = new Float64Array(rows * this.features);
    this.mask = new Uint8Array(rows * this.features);
  }

  private scale(): number {
    return this.p < 1 ? 1 / (1 - this.p) : 0;
  }

  forward(x: Float64Array, n: number, train: boolean, rng: Rng, given: Uint8Array | undefined): Float64Array {
    const y = this.out, m = this.mask, len = n * this.features, p = this.p;
    this.lastTrain = train;
    if (!train) {
      y.set(x.subarray(0, len));
      return y;
    }
    if (given !== undefined) for (let i = 0; i < len; i++) m[i] = given[i] === 0 ? 0 : 1;
    else if (p === 0) m.fill(1, 0, len);
    else if (p === 1) m.fill(0, 0, len);
    else for (let i = 0; i < len; i++) m[i] = +(rng.next() >= p); // branch-free: the outcome is a coin flip
    const scale = this.scale();
    for (let i = 0; i < len; i++) y[i] = x[i] * (m[i] * scale);
    return y;
  }

  backward(dY: Float64Array, n: number): Float64Array {
    const dX = this.gradIn, m = this.mask, len = n * this.features;
    if (!this.lastTrain) {
      dX.set(dY.subarray(0, len));
      return dX;
    }
    const scale = this.scale();
    for (let i = 0; i < len; i++) dX[i] = dY[i] * (m[i] * scale);
    return dX;
  }
}

/**
 * nn.BatchNorm1d over the batch dimension. Train mode: x_hat = (x - mean) / sqrt(var + eps) with the
 * batch mean and biased batch variance, y = gamma x_hat + beta; the running statistics move by
 * running = (1 - momentum) running + momentum * stat, with the unbiased variance var * n / (n - 1)
 * (applied by the network once the step succeeded: commitRunningStats). Eval mode normalises with
 * the running statistics.
 */
export class BatchNorm {
  readonly kind = 'batchnorm1d';
  readonly features: number;
  readonly eps: number;
  readonly momentum: number;
  gamma = EMPTY; beta = EMPTY; // parameters (views)
  gGamma = EMPTY; gBeta = EMPTY; // gradients (views)
  readonly runningMean: Float64Array;
  readonly runningVar: Float64Array;
  readonly batchMean: Float64Array;
  readonly batchVar: Float64Array; // biased
  private readonly invStd: Float64Array; // 1 / sqrt(var + eps) of the last forward
  lastTrain = false;
  lastN = 0;
  xhat = EMPTY;
  out = EMPTY;
  gradIn = EMPTY;

  constructor(features: number, eps: number, momentum: number, runningMean: Float64Array, runningVar: Float64Array) {
    this.features = features;
    this.eps = eps;
    this.momentum = momentum;
    this.runningMean = runningMean;
    this.runningVar = runningVar;
    this.batchMean = new Float64Array(features);
    this.batchVar = new Float64Array(features);
    this.invStd = new Float64Array(features);
  }

  resize(rows: number): void {
    this.xhat = new Float64Array(rows * this.features);
    this.out = new Float64Array(rows * this.features);
    this.gradIn = new Float64Array(rows * this.features);
  }

  // Loops run feature by feature (column j of the n x f batch, stride f), so each feature's
  // statistics and coefficients stay in registers.
  forward(x: Float64Array, n: number, train: boolean): Float64Array {
    const f = this.features, len = n * f, xh = this.xhat, y = this.out;
    for (let j = 0; j < f; j++) {
      let mean = this.runningMean[j], vr = this.runningVar[j];
      if (train) {
        let s = 0;
        for (let i = j; i < len; i += f) s += x[i];
        mean = s / n;
        let ss = 0;
        for (let i = j; i < len; i += f) { const d = x[i] - mean; ss += d * d; }
        vr = ss / n; // biased: what the batch is normalised with
        this.batchMean[j] = mean;
        this.batchVar[j] = vr;
      }
      const inv = 1 / Math.sqrt(vr + this.eps), g = this.gamma[j], b = this.beta[j];
      this.invStd[j] = inv;
      for (let i = j; i < len; i += f) {
        const h = (x[i] - mean) * inv;
        xh[i] = h;
        y[i] = g * h + b;
      }
    }
    this.lastTrain = train;
    this.lastN = n;
    return y;
  }

  /** running = (1 - momentum) running + momentum * batch statistic (unbiased variance), as PyTorch. */
  commitRunningStats(): void {
    if (!this.lastTrain) return;
    const mom = this.momentum, n = this.lastN, unbias = n / (n - 1);
    for (let j = 0; j < this.features; j++) {
      this.runningMean[j] = (1 - mom) * this.runningMean[j] + mom * this.batchMean[j];
      this.runningVar[j] = (1 - mom) * this.runningVar[j] + mom * this.batchVar[j] * unbias;
    }
  }

  /**
   * dbeta = sum_i dy, dgamma = sum_i dy x_hat. Train mode (the statistics depend on x):
   * dx = gamma invStd (dy - mean_i(dy) - x_hat mean_i(dy x_hat)); eval mode: dx = gamma invStd dy.
   */
  backward(dY: Float64Array, n: number, needGradIn: boolean): Float64Array {
    const f = this.features, len = n * f, xh = this.xhat, dX = this.gradIn;
    for (let j = 0; j < f; j++) {
      let sb = 0, sg = 0;
      for (let i = j; i < len; i += f) { const d = dY[i]; sb += d; sg += d * xh[i]; }
      this.gBeta[j] = sb;
      this.gGamma[j] = sg;
      if (!needGradIn) continue;
      const k = this.gamma[j] * this.invStd[j];
      const mb = this.lastTrain ? sb / n : 0, mg = this.lastTrain ? sg / n : 0;
      for (let i = j; i < len; i += f) dX[i] = k * (dY[i] - mb - xh[i] * mg);
    }
    return dX;
  }
}

export type Layer = Linear | Activation | Dropout | BatchNorm;
