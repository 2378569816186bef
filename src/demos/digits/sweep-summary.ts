// What a sweep shows, in numbers: the mean over the seeds at every strength, where it is lowest,
// and the words of its text alternative. Pure (island and unit tests).
import { bandOf, type Band } from '../multi-seed.ts';
import type { SweepSnapshot } from './sweep-runner.ts';

export interface SweepSummary {
  val: Band;
  train: Band;
  /** Index of the lowest mean validation loss among the strengths every seed has finished (-1: none yet). */
  best: number;
  /** Seeds finished at every strength. */
  complete: number;
}

export function summarizeSweep(snap: SweepSnapshot): SweepSummary {
  const val = bandOf(snap.valLoss), train = bandOf(snap.trainLoss);
  const complete = snap.valLoss.filter((r) => r.every(Number.isFinite)).length;
  let best = -1;
  val.mean.forEach((m, i) => {
    if (val.count[i] === 0 || !Number.isFinite(m)) return;
    if (best < 0 || m < val.mean[best]) best = i;
  });
  return { val, train, best, complete };
}

export const strengthName = (knob: 'l2' | 'dropout') => (knob === 'l2' ? 'L2 strength' : 'dropout rate p');

/** "Lowest mean validation loss 0.207 at L2 strength 0.0003; with none 0.269; at the strongest, 2.149 (training loss 2.018: it underfits)." */
export function describeSweep(snap: SweepSnapshot, sum: SweepSummary): string {
  if (sum.best < 0) return 'No run has finished yet.';
  const f = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : 'not yet');
  const last = snap.values.length - 1;
  const name = strengthName(snap.settings.knob);
  return `Mean over the finished seeds of the validation loss the runs end with: lowest, ${f(sum.val.mean[sum.best])}, at ${name} ${snap.values[sum.best]}; ` +
    `without regularization ${f(sum.val.mean[0])} (training loss ${f(sum.train.mean[0])}${sum.val.mean[0] - sum.train.mean[0] > 0.1 ? ': it overfits' : ''}); ` +
    `at the strongest, ${snap.values[last]}, ${f(sum.val.mean[last])} (training loss ${f(sum.train.mean[last])}${sum.train.mean[last] > 0.5 ? ': it underfits' : ''}).`;
}
