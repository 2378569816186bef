// Binning and tick labels of the histogram view, kept apart from the chart so tests can run them.

/** Counts of values in `bins` equal-width bins over [min, max]. */
export function binCounts(values: ArrayLike<number>, min: number, max: number, bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  const w = (max - min) / bins;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    const b = Math.min(bins - 1, Math.max(0, Math.floor((v - min) / w)));
    counts[b]++;
  }
  return counts;
}

/**
 * Counts with exact zeros kept apart: `counts` bins every other value as binCounts does, `zeros`
 * is how many values are exactly 0 and `zeroBin` the bin 0 falls in (where the view draws them as
 * a bar of their own: "near zero" and "exactly zero" are different claims).
 */
export function binCountsApartFromZero(values: ArrayLike<number>, min: number, max: number, bins: number): { counts: number[]; zeros: number; zeroBin: number } {
  const nonZero: number[] = [];
  let zeros = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === 0) zeros++;
    else nonZero.push(values[i]);
  }
  const w = (max - min) / bins;
  return { counts: binCounts(nonZero, min, max, bins), zeros, zeroBin: Math.min(bins - 1, Math.max(0, Math.floor((0 - min) / w))) };
}

/** The tick label of bin `index` of [min, max]: the multiple of `step` inside the bin, if any
 *  (the last bin also takes its right edge, so a symmetric axis is labelled at both ends). */
export function binTick(index: number, min: number, max: number, bins: number, step: number): string {
  const w = (max - min) / bins;
  const lo = min + index * w;
  const k = Math.ceil(lo / step - 1e-9);
  const v = k * step;
  const end = index === bins - 1 ? lo + w + 1e-9 : lo + w - 1e-9;
  return v < end ? String(Number(v.toPrecision(6))) : '';
}
