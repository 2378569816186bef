// Losses with PyTorch's default mean reduction.
//   mse:             L = mean over all n * width values of (o - y)^2,        dL/do = 2 (o - y) / (n width)
//   bce_with_logits: L = mean over all n * width values of
//                        max(z, 0) - z y + log(1 + e^-|z|),                  dL/dz = (sigmoid(z) - y) / (n width)
//   cross_entropy:   nn.CrossEntropyLoss on logits o (n rows of width classes), targets given as
//                    one-hot rows (the class index is the position of the row's 1):
//                    L = mean over the n rows of logsumexp(o) - o[class],    dL/do = (softmax(o) - y) / n
// BCE uses BCEWithLogitsLoss's log-sum-exp trick and cross_entropy subtracts the row's largest
// logit before exponentiating, so both stay finite for any logit.

import { EngineError } from './errors.ts';
import type { LossName } from './types.ts';

export const LOSSES: readonly LossName[] = ['mse', 'bce_with_logits', 'cross_entropy'];

/** The class index of one-hot target row r (the position of its 1); an EngineError otherwise,
 *  so a wrong target never trains silently. */
function targetClass(y: Float64Array, r: number, width: number): number {
  let c = -1;
  for (let k = 0; k < width; k++) {
    const t = y[r * width + k];
    if (t === 1 && c === -1) c = k;
    else if (t !== 0) { c = -2; break; }
  }
  if (c < 0) {
    const row = Array.from(y.subarray(r * width, (r + 1) * width)).join(', ');
    throw new EngineError(`cross_entropy targets must be one-hot rows (a single 1, the class), row ${r} is [${row}]`);
  }
  return c;
}

/** log(sum_k e^{o_k}) of row r, computed as max + log(sum e^{o_k - max}). */
function logSumExp(out: Float64Array, start: number, width: number): number {
  let m = out[start];
  for (let k = 1; k < width; k++) if (out[start + k] > m) m = out[start + k];
  let s = 0;
  for (let k = 0; k < width; k++) s += Math.exp(out[start + k] - m);
  return m + Math.log(s);
}

/** Mean loss of outputs `out` (n rows of width) against targets `y`; writes dL/dout into grad. */
export function lossAndGrad(name: LossName, out: Float64Array, y: Float64Array, n: number, width: number, grad: Float64Array): number {
  const len = n * width;
  let sum = 0;
  if (name === 'mse') {
    for (let i = 0; i < len; i++) {
      const d = out[i] - y[i];
      sum += d * d;
      grad[i] = (2 * d) / len;
    }
  } else if (name === 'bce_with_logits') {
    for (let i = 0; i < len; i++) {
      const z = out[i], t = y[i];
      const e = Math.exp(-Math.abs(z)); // in (0, 1]
      sum += (z > 0 ? z : 0) - z * t + Math.log1p(e);
      const s = z >= 0 ? 1 / (1 + e) : e / (1 + e); // sigmoid(z)
      grad[i] = (s - t) / len;
    }
  } else {
    for (let r = 0; r < n; r++) {
      const start = r * width;
      const c = targetClass(y, r, width);
      const lse = logSumExp(out, start, width);
      sum += lse - out[start + c];
      for (let k = 0; k < width; k++) grad[start + k] = (Math.exp(out[start + k] - lse) - (k === c ? 1 : 0)) / n;
    }
    return sum / n;
  }
  return sum / len;
}

/** Mean loss only (evaluation). */
export function lossValue(name: LossName, out: Float64Array, y: Float64Array, n: number, width: number): number {
  const len = n * width;
  let sum = 0;
  if (name === 'mse') {
    for (let i = 0; i < len; i++) { const d = out[i] - y[i]; sum += d * d; }
  } else if (name === 'bce_with_logits') {
    for (let i = 0; i < len; i++) {
      const z = out[i];
      sum += (z > 0 ? z : 0) - z * y[i] + Math.log1p(Math.exp(-Math.abs(z)));
    }
  } else {
    for (let r = 0; r < n; r++) sum += logSumExp(out, r * width, width) - out[r * width + targetClass(y, r, width)];
    return sum / n;
  }
  return sum / len;
}
