/**
 * The playground's views in words: status line and the text alternatives of its charts, from a
 * snapshot. Pure, no DOM.
 */
import type { NetView, PlaygroundSnapshot } from './runner.ts';
import { NEAR_ZERO, type CompareKind } from './settings.ts';

export const f3 = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(3));
export const pct = (v: number) => `${Math.round(v * 100)}%`;

export const OFF_LABEL: Record<CompareKind, string> = {
  none: '',
  dropout: 'without dropout',
  l1: 'without L1',
  l2: 'without L2',
  batchnorm: 'without batch norm',
  'early-stopping': 'without early stopping',
};

export function stopText(v: NetView): string {
  if (v.stoppedAt !== null) {
    return `early stopping stopped training after epoch ${v.stoppedAt}` + (v.restoredFrom !== null ? ` and restored the weights of epoch ${v.restoredFrom}` : '');
  }
  if (v.done && v.restoredFrom !== null) return `training ended; the weights of epoch ${v.restoredFrom} (lowest validation loss) were restored`;
  return v.done ? 'training ended' : '';
}

export function lossSummary(s: PlaygroundSnapshot, twinName: string): string {
  const m = s.main, last = m.train.length - 1;
  let text = `After ${m.epoch} epochs: training loss ${f3(m.train[last])}, validation loss ${f3(m.val[last])}; lowest validation loss ${f3(m.val[m.bestEpoch])} at epoch ${m.bestEpoch}.`;
  const stop = stopText(m);
  if (stop) text += ` ${stop[0].toUpperCase()}${stop.slice(1)}.`;
  if (s.twin) {
    const t = s.twin, tl = t.train.length - 1;
    text += ` Twin ${twinName}: after ${t.epoch} epochs training loss ${f3(t.train[tl])}, validation loss ${f3(t.val[tl])}, lowest ${f3(t.val[t.bestEpoch])} at epoch ${t.bestEpoch}.`;
  }
  return text;
}

export function histogramSummary(v: NetView): string {
  const n = v.weights.length;
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < n; i++) {
    lo = Math.min(lo, v.weights[i]);
    hi = Math.max(hi, v.weights[i]);
  }
  return `${n} weights from ${lo.toFixed(2)} to ${hi.toFixed(2)}; ${v.nearZero[v.nearZero.length - 1]} have |w| < ${NEAR_ZERO}, ${v.exactZero[v.exactZero.length - 1]} are exactly 0.`;
}

export function networkSummary(s: PlaygroundSnapshot): string {
  const hidden = s.widths.slice(1, -1);
  const dropped = s.main.masks ? s.main.masks.map((m) => m.filter((k) => k === 0).length) : null;
  return `A network with 2 inputs, ${hidden.length} hidden layer${hidden.length > 1 ? 's' : ''} of ${hidden[0]} neurons${s.settings.batchnorm ? ' (each with batch normalization)' : ''} and one output. ` +
    (dropped ? `The last training step’s dropout mask for its first example dropped ${dropped.join(', ')} neuron${dropped.length > 1 ? 's' : ''} (layer by layer).` : 'No neuron is dropped (dropout p is 0).');
}

/** The mask as text (one string of 1s and 0s per hidden layer), for tests and the alternative. */
export function maskText(masks: number[][] | null): string {
  return masks ? masks.map((m) => m.join('')).join('|') : '';
}
