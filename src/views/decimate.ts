/**
 * A long curve thinned for drawing: per bucket of consecutive points it keeps the first, the
 * lowest, the highest and the last, in their order, so at one bucket per pixel column the
 * drawn line looks the same while chart.js handles a few hundred points instead of thousands.
 * Gaps (non-finite y) are kept, so a broken curve stays broken.
 */
export interface XY { x: number; y: number | null }

export function decimate(xs: ArrayLike<number> | null, ys: ArrayLike<number>, xStart: number, buckets: number): XY[] {
  const n = ys.length;
  const x = (i: number) => (xs ? xs[i] : i + xStart);
  const point = (i: number): XY => ({ x: x(i), y: Number.isFinite(ys[i]) ? ys[i] : null });
  if (n <= buckets * 4) return Array.from({ length: n }, (_, i) => point(i));
  const out: XY[] = [];
  const size = n / buckets;
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor(b * size);
    const to = Math.min(n, Math.floor((b + 1) * size));
    let lo = -1;
    let hi = -1;
    const keep = new Set<number>([from, to - 1]);
    for (let i = from; i < to; i++) {
      const y = ys[i];
      if (!Number.isFinite(y)) {
        keep.add(i);
        continue;
      }
      if (lo < 0 || y < ys[lo]) lo = i;
      if (hi < 0 || y > ys[hi]) hi = i;
    }
    if (lo >= 0) keep.add(lo);
    if (hi >= 0) keep.add(hi);
    for (const i of [...keep].sort((a, c) => a - c)) out.push(point(i));
  }
  return out;
}

/** Whether two series hold the same numbers (NaN equal to NaN): a redraw of the same curve is skipped. */
export function sameValues(a: ArrayLike<number> | null | undefined, b: ArrayLike<number> | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !(a[i] !== a[i] && b[i] !== b[i])) return false;
  return true;
}
