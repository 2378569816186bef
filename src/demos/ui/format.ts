/** How a setting's number is shown next to its slider (plain TS, so pure modules and tests can use it). */
export function formatNumber(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1000 || a < 0.001) return v.toExponential(1);
  if (a >= 10) return v.toFixed(0);
  return Number(v.toPrecision(2)).toString();
}

/** A fraction as a percentage ("74%", or "73.7%" with digits = 1); a dash when there is none yet. */
export function percent(v: number | undefined, digits = 0): string {
  return v === undefined ? '–' : `${(v * 100).toFixed(digits)}%`;
}
