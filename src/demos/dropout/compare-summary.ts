/**
 * What the "Does it help?" demo says about its two runs, in numbers. Pure: the island and the
 * unit tests call the same functions.
 */
import type { CompareSnapshot } from './compare-runner.ts';

const f3 = (v: number) => v.toFixed(3);
const lastOf = (a: number[]) => a[a.length - 1];

/** The train/validation gap at the last epoch: validation loss minus training loss. */
export function lastGap(c: { train: number[]; val: number[] }): number {
  return lastOf(c.val) - lastOf(c.train);
}

/** A shared top for the two loss charts: a little above the highest loss of either run. */
export function sharedTop(curves: number[][]): number | undefined {
  let top = -Infinity;
  for (const c of curves) for (const v of c) if (Number.isFinite(v)) top = Math.max(top, v);
  if (!Number.isFinite(top)) return undefined;
  const step = top > 2 ? 0.5 : 0.1;
  return Math.ceil((top * 1.05) / step) * step;
}

/** Gaps below this are noise: neither network has started to overfit. */
const SMALL_GAP = 0.05;

/** One or two sentences comparing the runs so far, or null before there is anything to say. */
export function compareVerdict(s: CompareSnapshot): string | null {
  const { plain, dropout } = s;
  if (s.epoch === 0) {
    return `Both networks start from the same initial weights: the same training loss, ${f3(plain.train[0])}, and validation loss, ${f3(plain.val[0])}.`;
  }
  if (s.p === 0) return 'With p = 0 nothing is dropped: the two networks are the same and train identically. Move p to compare.';
  const g1 = lastGap(plain), g2 = lastGap(dropout);
  const n = Math.min(plain.val.length, dropout.val.length) - 1;
  if (!(g1 > SMALL_GAP) && !(g2 > SMALL_GAP)) {
    return `After ${n} epochs both gaps are still small (${f3(g1)} without dropout, ${f3(g2)} with it): neither network has started to overfit yet.`;
  }
  const losses = `validation loss ${f3(lastOf(plain.val))} without dropout, ${f3(lastOf(dropout.val))} with it`;
  if (g2 <= 0 && g1 > 0) {
    return `After ${n} epochs the gap between validation and training loss is ${f3(g1)} without dropout; with dropout at p = ${s.p} there is none ` +
      `(its validation loss is ${f3(-g2)} below its training loss; ${losses}).`;
  }
  if (g2 < g1) {
    return `After ${n} epochs the gap between validation and training loss is ${f3(g1)} without dropout and ${f3(g2)} with dropout at p = ${s.p}: ` +
      `${Math.round((1 - g2 / g1) * 100)}% smaller (${losses}).`;
  }
  return `After ${n} epochs dropout has not made the gap smaller on this run: ${f3(g1)} without dropout, ${f3(g2)} with p = ${s.p} (${losses}).`;
}
