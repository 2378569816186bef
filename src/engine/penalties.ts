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
