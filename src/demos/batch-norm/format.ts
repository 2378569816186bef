/** Number formats of the batch-norm demos: never "NaN" or "Infinity" on screen. */

/** Fixed decimals for ordinary values, exponent notation for tiny or huge ones, '–' when not finite. */
export function num(v: number | null | undefined, digits = 3): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  if (a !== 0 && (a < 10 ** -digits || a >= 1e4)) return v.toExponential(2);
  return v.toFixed(digits);
}

/** Four significant digits, for the statistics printed next to the histograms. */
export function sig(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e4)) return v.toExponential(2);
  return Number(v.toPrecision(3)).toString();
}

export const pct = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '–' : `${Math.round(v * 100)}%`);

/** A mean: three decimals (the float noise of an exact 0 shows as 0.000, not as 1e-17). */
export function mean3(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  if (Math.abs(v) >= 1e4) return v.toExponential(2);
  const s = v.toFixed(3);
  return s === '-0.000' ? '0.000' : s;
}
