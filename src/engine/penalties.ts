// Explicit weight penalties added to the loss, over the weight matrices of linear layers only
// (never biases or batch-norm parameters):
//   penalty(W) = l1 * sum |W| + l2 * sum W^2,   d penalty / dW = l1 * sign(W) + 2 l2 W
// sign(0) = 0, as torch.sign, so an exactly-zero weight gets no L1 push. The optimizers call
// addPenaltyGradient on a penalised range before their update rule (see optim.ts).

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

/**
 * G[j] += l1 sign(P[j]) + 2 l2 P[j] for j in [start, end); returns the penalty of the range,
 * l1 sum |P| + l2 sum P^2, before any update. Kept out of the optimizers' loops because the
 * unpenalised case (most ranges, most runs) then costs nothing.
 */
export function addPenaltyGradient(P: Float64Array, G: Float64Array, start: number, end: number, l1: number, l2: number): number {
  let penalty = 0;
  for (let j = start; j < end; j++) {
    const w = P[j];
    G[j] = G[j] + l1 * (w > 0 ? 1 : w < 0 ? -1 : 0) + 2 * l2 * w;
    penalty += l1 * Math.abs(w) + l2 * w * w;
  }
  return penalty;
}

/**
 * The proximal step of an L1 penalty (proximal gradient descent, ISTA), in place on the weight
 * matrices: w <- sign(w) * max(|w| - threshold, 0), with threshold = lr * lambda after a plain
 * step on the data loss. It is the exact minimiser of lambda |w| + (1 / 2 lr) (w - w_step)^2 (the
 * operator scikit-learn's Lasso applies per coordinate), so a weight within the threshold of 0
 * lands on exactly 0 (+0). Not part of trainStep: an L1 term in the loss (`penalty.l1`) adds
 * lambda sign(w) to the gradient instead and never lands on 0. A threshold <= 0 changes nothing.
 */
export function softThreshold(weights: Float64Array[], threshold: number): void {
  if (!(threshold > 0)) return;
  for (const W of weights) {
    for (let i = 0; i < W.length; i++) {
      const w = W[i];
      W[i] = w > threshold ? w - threshold : w < -threshold ? w + threshold : 0;
    }
  }
}
