/**
 * The equations of the running-statistics demo as KaTeX source, filled in with the current
 * numbers. Pure string building (unit-tested against the engine's update).
 */
import type { UpdateNumbers } from './running-run.ts';

/** A number in TeX, negative ones in parentheses so "(1-m) * (-0.3)" reads right. */
export function texNum(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return '\\text{–}';
  const s = Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-4) ? v.toExponential(2).replace(/e([+-]?)(\d+)/, (_, sign, e) => `\\times 10^{${sign === '-' ? '-' : ''}${e}}`) : v.toFixed(digits);
  return v < 0 ? `(${s})` : s;
}

/** PyTorch's running-statistics update, general or with the last step's numbers. */
export function updateLines(u: UpdateNumbers | null): string[] {
  const mean = '\\hat\\mu \\leftarrow (1-m)\\,\\hat\\mu + m\\,\\mu_B';
  const variance = '\\hat\\sigma^2 \\leftarrow (1-m)\\,\\hat\\sigma^2 + m\\,\\tfrac{n}{n-1}\\,\\sigma_B^2';
  if (!u) return [`${mean}, \\qquad \\hat\\mu_0 = 0`, `${variance}, \\qquad \\hat\\sigma^2_0 = 1`];
  const m = texNum(u.momentum, 2), keep = texNum(1 - u.momentum, 2);
  return [
    `${mean} = ${keep}\\cdot${texNum(u.runningMeanBefore)} + ${m}\\cdot${texNum(u.batchMean)} = ${texNum(u.runningMean)}`,
    `${variance} = ${keep}\\cdot${texNum(u.runningVarBefore)} + ${m}\\cdot\\tfrac{${u.n}}{${u.n - 1}}\\cdot${texNum(u.batchVar)} = ${texNum(u.runningVar)}`,
  ];
}

/** What a feature is normalised with in each mode (epsilon = 1e-5, PyTorch's default). */
export function modeLine(mode: 'train' | 'eval', u: UpdateNumbers | null): string {
  if (mode === 'train') {
    const general = '\\hat x = \\dfrac{x - \\mu_B}{\\sqrt{\\sigma_B^2 + \\epsilon}}';
    return u ? `${general} = \\dfrac{x - ${texNum(u.batchMean)}}{\\sqrt{${texNum(u.batchVar)} + 10^{-5}}}` : general;
  }
  const general = '\\hat x = \\dfrac{x - \\hat\\mu}{\\sqrt{\\hat\\sigma^2 + \\epsilon}}';
  return u ? `${general} = \\dfrac{x - ${texNum(u.runningMean)}}{\\sqrt{${texNum(u.runningVar)} + 10^{-5}}}` : `${general} = \\dfrac{x - 0}{\\sqrt{1 + 10^{-5}}}`;
}
