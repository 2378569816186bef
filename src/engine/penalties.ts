// Explicit weight penalties added to the loss, over the weight matrices of linear layers only
// (never biases or batch-norm parameters):
//   penalty(W) = l1 * sum |W| + l2 * sum W^2,   d penalty / dW = l1 * sign(W) + 2 l2 W
// sign(0) = 0, as torch.sign, so an exactly-zero weight gets no L1 push. The optimizers add this
// gradient inside their update loop (see optim.ts); these helpers are the reference forms.

import { EngineError, show } from './errors.ts';
import type { Penalty } from './types.ts';

export function validatePenalty(p: unknown): Penalty {
  if (p === undefined || p === null) return { l1: 0, l2: 0 };
  if (typeof p !== 'object') throw new EngineError(`penalty must be an object {l1, l2}, got ${show(p)}`);
  const { l1 = 0, l2 = 0 } = p as Partial<Penalty>;
  for (const [k, v] of [['l1', l1], ['l2', l2]] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new EngineError(`penalty ${k} must be a finite number >= 0, got ${show(v)}`);
  }
  for (const k of Object.keys(p)) if (k !== 'l1' && k !== 'l2') throw new EngineError(`unsupported penalty option '${k}'`);
  return { l1, l2 };
}

export function penaltyOf(W: Float64Array, p: Penalty): number {
  let a = 0, b = 0;
  for (let i = 0; i < W.length; i++) { const w = W[i]; a += Math.abs(w); b += w * w; }
  return p.l1 * a + p.l2 * b;
}

export function addPenaltyGrad(W: Float64Array, G: Float64Array, p: Penalty): void {
  for (let i = 0; i < W.length; i++) { const w = W[i]; G[i] += p.l1 * Math.sign(w) + 2 * p.l2 * w; }
}
