// Numbers as the course prints them, without Intl. chart.js formats every axis tick with
// Intl.NumberFormat, one formatter per number of decimals, and building one costs tens of
// milliseconds on a slow phone (250 ms at 4x CPU throttling for a page's first chart, the load's
// longest task). These give the same text ("1,234.5", "0.25", "1.0E-5") from toFixed.

/** An integer part with thousands separators, as Intl's en-US: "12,345", "-1,000.25". */
export function grouped(n: number, decimals = 0): string {
  const [int, frac] = Math.abs(n).toFixed(decimals).split('.');
  const sign = n < 0 && Number(Math.abs(n).toFixed(decimals)) !== 0 ? '-' : '';
  return sign + int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
}

/**
 * chart.js's numeric tick label (Ticks.formatters.numeric in chart.js 4): as many decimals as the
 * step between ticks needs, scientific notation when the axis spans tiny or huge values.
 */
export function tickLabel(value: number | string, _index: number, ticks: { value: number }[]): string {
  const v = Number(value);
  if (v === 0) return '0';
  let delta = v;
  let scientific = false;
  if (ticks.length > 1) {
    const max = Math.max(Math.abs(ticks[0].value), Math.abs(ticks[ticks.length - 1].value));
    scientific = max < 1e-4 || max > 1e15;
    delta = ticks.length > 3 ? ticks[2].value - ticks[1].value : ticks[1].value - ticks[0].value;
    if (Math.abs(delta) >= 1 && v !== Math.floor(v)) delta = v - Math.floor(v);
  }
  const log = Math.log10(Math.abs(delta));
  const decimals = Number.isNaN(log) ? 1 : Math.max(Math.min(-1 * Math.floor(log), 20), 0);
  return scientific ? v.toExponential(decimals).toUpperCase().replace('E+', 'E') : grouped(v, decimals);
}

/**
 * chart.js's default label on a log axis (Ticks.formatters.logarithmic): the ticks at 1, 2, 3 and 5
 * times a power of ten, and the last fifth of them, read as tickLabel does; the others blank.
 */
export function logAxisTickLabel(value: number | string, index: number, ticks: { value: number }[]): string {
  const v = Number(value);
  const mantissa = v / 10 ** Math.floor(Math.log10(v));
  return [1, 2, 3, 5].some((m) => Math.abs(mantissa - m) < 1e-9) || index > 0.8 * ticks.length ? tickLabel(value, index, ticks) : '';
}
