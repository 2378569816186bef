/**
 * Reading dropout masks out of a network: which layers are dropout layers, and how many of a
 * batch's hidden neurons a step dropped. Pure engine-side code (runs in the worker and in tests).
 */
import type { Network } from '../../engine/index.ts';

/** Indices of the dropout layers, and of the activation each one follows (mlpLayers order). */
export function dropoutLayers(net: Network): { dropout: number; activation: number }[] {
  const out: { dropout: number; activation: number }[] = [];
  net.spec.layers.forEach((l, i) => {
    if (l.type === 'dropout') out.push({ dropout: i, activation: i - 1 });
  });
  return out;
}

/** Number of zeros among the first `len` entries of a mask (1 = kept, 0 = dropped). */
export function droppedCount(mask: ArrayLike<number>, len = mask.length): number {
  let d = 0;
  for (let i = 0; i < len; i++) if (mask[i] === 0) d++;
  return d;
}

/** Row `row` of an n x features mask: the mask one example of the batch got. */
export function maskRow(mask: ArrayLike<number>, row: number, features: number): number[] {
  return Array.from({ length: features }, (_, j) => mask[row * features + j]);
}

/** The inverted-dropout scale of the kept neurons, 1 / (1 - p) (PyTorch's nn.Dropout). */
export function keptScale(p: number): number {
  return p < 1 ? 1 / (1 - p) : 0;
}
