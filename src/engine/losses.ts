// Losses with PyTorch's default mean reduction over all n * outputs values.
//   mse:             L = mean (o - y)^2,                          dL/do = 2 (o - y) / len
//   bce_with_logits: L = mean max(z, 0) - z y + log(1 + e^-|z|),  dL/dz = (sigmoid(z) - y) / len
// The BCE form is BCEWithLogitsLoss's log-sum-exp trick: finite for any logit z.

import type { LossName } from './types.ts';

export const LOSSES: readonly LossName[] = ['mse', 'bce_with_logits'];

/** Mean loss of outputs `out` against targets `y` (first len values); writes dL/dout into grad. */
export function lossAndGrad(name: LossName, out: Float64Array, y: Float64Array, len: number, grad: Float64Array): number {
  let sum = 0;
  if (name === 'mse') {
    for (let i = 0; i < len; i++) {
      const d = out[i] - y[i];
      sum += d * d;
      grad[i] = (2 * d) / len;
    }
  } else {
    for (let i = 0; i < len; i++) {
      const z = out[i], t = y[i];
      const e = Math.exp(-Math.abs(z)); // in (0, 1]
      sum += (z > 0 ? z : 0) - z * t + Math.log1p(e);
      const s = z >= 0 ? 1 / (1 + e) : e / (1 + e); // sigmoid(z)
      grad[i] = (s - t) / len;
    }
  }
  return sum / len;
}

/** Mean loss only (evaluation). */
export function lossValue(name: LossName, out: Float64Array, y: Float64Array, len: number): number {
  let sum = 0;
  if (name === 'mse') {
    for (let i = 0; i < len; i++) { const d = out[i] - y[i]; sum += d * d; }
  } else {
    for (let i = 0; i < len; i++) {
      const z = out[i];
      sum += (z > 0 ? z : 0) - z * y[i] + Math.log1p(Math.exp(-Math.abs(z)));
    }
  }
  return sum / len;
}
