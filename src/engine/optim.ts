// Optimizers, matching torch.optim (1.13) update rules in float64, over one flat parameter buffer.
// The explicit penalty (penalties.ts) is added to the gradient first: for a linear weight w,
//   g = dLoss_data/dw + l1 sign(w) + 2 l2 w   (written back to the gradient buffer, so the reported
// gradients are those of the full loss), then the optimizer rule below. Each rule has one loop per
// case (momentum or not), so no loop tests a condition that is the same for every element.

import { EngineError, show } from './errors.ts';
import { addPenaltyGradient } from './penalties.ts';
import type { OptimizerSpec } from './types.ts';

export interface Optimizer {
  lr: number;
  /** Starts a step (increments the step count t). */
  begin(): void;
  /**
   * Updates P[start..end) from G with penalty coefficients l1, l2 (0 outside weight matrices).
   * Returns the penalty of the range before the update, or NaN if any updated parameter is not finite.
   */
  update(P: Float64Array, G: Float64Array, start: number, end: number, l1: number, l2: number): number;
  save(): void; // snapshot of the state, so a diverged step can be undone
  restore(): void;
}

const SGD_KEYS = ['type', 'lr', 'momentum', 'dampening', 'nesterov', 'weight_decay'];
const ADAM_KEYS = ['type', 'lr', 'betas', 'eps', 'weight_decay', 'amsgrad'];

function num(name: string, v: unknown, dflt: number, min = 0): number {
  if (v === undefined || v === null) return dflt;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min) throw new EngineError(`${name} must be a finite number >= ${min}, got ${show(v)}`);
  return v;
}

export function validateLearningRate(lr: unknown): number {
  if (typeof lr !== 'number' || !Number.isFinite(lr) || lr < 0) throw new EngineError(`learning rate must be a finite number >= 0, got ${show(lr)}`);
  return lr;
}

/** Checks an optimizer spec and fills torch.optim's defaults. */
export function validateOptimizer(spec: unknown): OptimizerSpec {
  if (typeof spec !== 'object' || spec === null) throw new EngineError(`optimizer must be an object, got ${show(spec)}`);
  const s = spec as Record<string, unknown>;
  const type = s.type;
  if (type !== 'sgd' && type !== 'adam' && type !== 'adamw') throw new EngineError(`unsupported optimizer type ${show(type)} (expected sgd, adam or adamw)`);
  const known = type === 'sgd' ? SGD_KEYS : ADAM_KEYS;
  for (const k of Object.keys(s)) if (!known.includes(k)) throw new EngineError(`unsupported optimizer option '${k}' for ${type}`);
  const lr = validateLearningRate(s.lr);
  if (type === 'sgd') {
    const momentum = num('momentum', s.momentum, 0);
    const dampening = num('dampening', s.dampening, 0);
    const nesterov = s.nesterov ?? false;
    if (typeof nesterov !== 'boolean') throw new EngineError(`nesterov must be true or false, got ${show(nesterov)}`);
    if (nesterov && (momentum <= 0 || dampening !== 0)) throw new EngineError(`nesterov momentum requires momentum > 0 and dampening 0, got momentum ${momentum}, dampening ${dampening}`);
    return { type, lr, momentum, dampening, nesterov, weight_decay: num('weight_decay', s.weight_decay, 0) };
  }
  const betas = (s.betas ?? [0.9, 0.999]) as unknown;
  if (!Array.isArray(betas) || betas.length !== 2 || !betas.every((b) => typeof b === 'number' && b >= 0 && b < 1)) {
    throw new EngineError(`betas must be two numbers in [0, 1), got ${show(betas)}`);
  }
  const amsgrad = s.amsgrad ?? false;
  if (typeof amsgrad !== 'boolean') throw new EngineError(`amsgrad must be true or false, got ${show(amsgrad)}`);
  return {
    type, lr, betas: [betas[0], betas[1]], eps: num('eps', s.eps, 1e-8), amsgrad,
    weight_decay: num('weight_decay', s.weight_decay, type === 'adamw' ? 0.01 : 0), // torch defaults
  };
}

export function createOptimizer(spec: OptimizerSpec, size: number): Optimizer {
  return spec.type === 'sgd' ? new Sgd(spec, size) : new Adam(spec, size);
}

/**
 * torch.optim.SGD:  d = g + wd w;  with momentum: buf = d on the first step, else
 * buf = momentum buf + (1 - dampening) d;  d = nesterov ? d + momentum buf : buf;  w -= lr d.
 */
class Sgd implements Optimizer {
  lr: number;
  readonly momentum: number; readonly dampening: number; readonly nesterov: boolean; readonly wd: number;
  private t = 0;
  private savedT = 0;
  private readonly buf: Float64Array;
  private readonly saved: Float64Array;

  constructor(s: Extract<OptimizerSpec, { type: 'sgd' }>, size: number) {
    this.lr = s.lr;
    this.momentum = s.momentum ?? 0;
    this.dampening = s.dampening ?? 0;
    this.nesterov = s.nesterov ?? false;
    this.wd = s.weight_decay ?? 0;
    this.buf = new Float64Array(this.momentum !== 0 ? size : 0);
    this.saved = new Float64Array(this.buf.length);
  }

  begin(): void { this.t++; }
  save(): void { this.savedT = this.t; this.saved.set(this.buf); }
  restore(): void { this.t = this.savedT; this.buf.set(this.saved); }

  update(P: Float64Array, G: Float64Array, start: number, end: number, l1: number, l2: number): number {
    const penalty = l1 !== 0 || l2 !== 0 ? addPenaltyGradient(P, G, start, end, l1, l2) : 0;
    const lr = this.lr, wd = this.wd, mom = this.momentum;
    let bad = 0;
    if (mom === 0) {
      for (let j = start; j < end; j++) {
        const w = P[j];
        const next = w - lr * (G[j] + wd * w);
        P[j] = next;
        bad += next * 0; // stays 0 unless next is +-Infinity or NaN
      }
      return penalty + bad;
    }
    const keep = 1 - this.dampening, nesterov = this.nesterov, first = this.t === 1, buf = this.buf;
    for (let j = start; j < end; j++) {
      const w = P[j];
      const d = G[j] + wd * w;
      const v = first ? d : mom * buf[j] + keep * d;
      buf[j] = v;
      const next = w - lr * (nesterov ? d + mom * v : v);
      P[j] = next;
      bad += next * 0;
    }
    return penalty + bad;
  }
}

/**
 * torch.optim.Adam / AdamW:  adam: g += wd w;  adamw: w *= 1 - lr wd (decoupled decay), then
 * m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g^2;  (amsgrad: vmax = max(vmax, v), used for v)
 * w -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps).
 */
class Adam implements Optimizer {
  lr: number;
  readonly b1: number; readonly b2: number; readonly eps: number; readonly wd: number;
  readonly decoupled: boolean; readonly amsgrad: boolean;
  private t = 0;
  private savedT = 0;
  private readonly m: Float64Array; private readonly v: Float64Array; private readonly vmax: Float64Array;
  private readonly saved: Float64Array;

  constructor(s: Extract<OptimizerSpec, { type: 'adam' | 'adamw' }>, size: number) {
    this.lr = s.lr;
    [this.b1, this.b2] = s.betas ?? [0.9, 0.999];
    this.eps = s.eps ?? 1e-8;
    this.wd = s.weight_decay ?? 0;
    this.decoupled = s.type === 'adamw';
    this.amsgrad = s.amsgrad ?? false;
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
    this.vmax = new Float64Array(this.amsgrad ? size : 0);
    this.saved = new Float64Array(3 * size);
  }

  begin(): void { this.t++; }
  save(): void {
    this.savedT = this.t;
    const n = this.m.length;
    this.saved.set(this.m, 0); this.saved.set(this.v, n); this.saved.set(this.vmax, 2 * n);
  }
  restore(): void {
    this.t = this.savedT;
    const n = this.m.length;
    this.m.set(this.saved.subarray(0, n)); this.v.set(this.saved.subarray(n, 2 * n));
    this.vmax.set(this.saved.subarray(2 * n, 2 * n + this.vmax.length));
  }

  update(P: Float64Array, G: Float64Array, start: number, end: number, l1: number, l2: number): number {
    const { lr, b1, b2, eps, wd, decoupled, amsgrad, m, v, vmax } = this;
    const stepSize = lr / (1 - b1 ** this.t);
    const bc2Sqrt = Math.sqrt(1 - b2 ** this.t);
    const shrink = decoupled ? 1 - lr * wd : 1;
    const coupled = decoupled ? 0 : wd;
    const penalty = l1 !== 0 || l2 !== 0 ? addPenaltyGradient(P, G, start, end, l1, l2) : 0;
    let bad = 0;
    for (let j = start; j < end; j++) {
      const w = P[j];
      const g = G[j] + coupled * w;
      const mj = b1 * m[j] + (1 - b1) * g;
      const vj = b2 * v[j] + (1 - b2) * g * g;
      m[j] = mj;
      v[j] = vj;
      let vh = vj;
      if (amsgrad) { vh = Math.max(vmax[j], vj); vmax[j] = vh; }
      const next = w * shrink - (stepSize * mj) / (Math.sqrt(vh) / bc2Sqrt + eps);
      P[j] = next;
      bad += next * 0;
    }
    return penalty + bad;
  }
}
