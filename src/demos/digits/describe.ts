// Words for what a digits run shows: the text alternatives of its views and its status line.
import { percent } from '../ui/format.ts';
import type { Misclassified } from './run.ts';
import { METHOD_NAMES, type DigitsSettings } from './settings.ts';

export const fmt = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(3));

/** "dropout p = 0.5", "L2 penalty 0.001", "early stopping, patience 10", "no regularization". */
export function methodLabel(s: DigitsSettings): string {
  switch (s.method) {
    case 'none': return 'no regularization';
    case 'dropout': return `dropout p = ${s.p}`;
    case 'l2': return `L2 penalty ${s.l2}`;
    case 'l1': return `L1 penalty ${s.l1}`;
    case 'batchnorm': return METHOD_NAMES.batchnorm;
    case 'early-stopping': return `early stopping, patience ${s.patience}`;
  }
}

/** Text alternative of the misclassified grid: how many, and the first mistakes in words. */
export function describeMistakes(wrong: number, valCount: number, shown: Misclassified[]): string {
  if (wrong === 0) return `The network classifies all ${valCount} validation digits correctly.`;
  const list = shown.slice(0, 12).map((m) => `a ${m.label} read as ${m.predicted}`).join(', ');
  return `${wrong} of ${valCount} validation digits misclassified (${percent(wrong / valCount, 1)}). The first ones: ${list}${shown.length > 12 ? ', …' : ''}.`;
}

/** Text alternative of the weight images: how many near zero, and their typical size. */
export function describeWeights(hidden: number, nearZero: number, meanAbs: number, nearZeroBelow: number): string {
  const total = hidden * 64;
  return `The first layer's ${total} weights drawn as ${hidden} images of 8 × 8, one per hidden neuron (blue positive, orange negative). ` +
    `${nearZero} of them (${percent(nearZero / total)}) are near zero (|w| < ${nearZeroBelow}); the mean |w| is ${meanAbs.toFixed(3)}.`;
}
