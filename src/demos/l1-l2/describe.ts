/**
 * The words and numbers chapter 3's views show: chart text alternatives, the zero-count note,
 * change-log lines. Pure functions of snapshots, shared by the islands and the tests.
 */
import { formatNumber } from '../ui/format.ts';
import { penaltyChanges, type PenaltyChange } from './live.ts';
import type { PenaltySnapshot } from './penalty-run.ts';
import type { PathFit } from './path-run.ts';
import { NEAR_ZERO, PENALTY_LABELS, type PenaltyKind } from './settings.ts';
import { grouped } from '../../views/number-format.ts';

export const f3 = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(3));
export const pct = (part: number, whole: number) => (whole > 0 ? `${Math.round((100 * part) / whole)}%` : '–');
/** A coefficient as text: exact zeros (also -0) as "0". */
export const coefText = (c: number) => (c === 0 ? '0' : c.toFixed(3));

/** "λ·Σ|w|" etc.: the penalty term's formula in plain text. */
export function penaltyFormula(kind: PenaltyKind): string {
  if (kind === 'l2') return 'λ·Σw²';
  if (kind === 'none') return 'none';
  return 'λ·Σ|w|';
}

/**
 * One line of the change log: "After epoch 200 (step 2,000): penalty None → L2, λ 0.001 → 0.003".
 * λ is named when it changed under a penalty (moving it while there is none changes nothing).
 */
export function changeText(c: PenaltyChange): string {
  const { from, to } = c;
  const parts: string[] = [];
  if (from.penalty !== to.penalty) parts.push(`penalty ${PENALTY_LABELS[from.penalty]} → ${PENALTY_LABELS[to.penalty]}`);
  if (from.strength !== to.strength && to.penalty !== 'none') parts.push(`λ ${formatNumber(from.strength)} → ${formatNumber(to.strength)}`);
  if (from.lr !== to.lr) parts.push(`learning rate ${formatNumber(from.lr)} → ${formatNumber(to.lr)}`);
  return `After epoch ${c.epoch} (step ${grouped(c.step)}): ${parts.join(', ')}`;
}

/** The text alternative of the weight histogram. */
export function histogramSummary(s: PenaltySnapshot): string {
  const st = s.stats;
  return `${st.count} weights after ${s.epoch} epochs, between −${f3(st.maxAbs)} and ${f3(st.maxAbs)}. ` +
    `${st.nearZero} (${pct(st.nearZero, st.count)}) have |w| < ${NEAR_ZERO}, ${st.exactZero} are exactly 0. ` +
    `Σ|w| = ${st.l1.toFixed(2)}, Σw² = ${st.l2.toFixed(2)}.`;
}

/**
 * Why the exact-zero count is what it is, for the penalty in force. Plain subgradient L1 hops
 * across 0 (steps of lr·λ), so it only counts as "near zero"; the proximal step lands on 0.
 */
export function zeroNote(s: PenaltySnapshot): string {
  const { penalty, strength, lr } = s.live;
  const hop = String(Number((lr * strength).toPrecision(2)));
  switch (penalty) {
    case 'l1':
      return s.optimizer === 'sgd'
        ? `The L1 term’s gradient λ·sign(w) moves every weight by lr·λ = ${hop} per step towards 0 and past it: weights the data do not need hop around 0 instead of landing on it, so few or none are exactly 0. That is what an L1 term in a PyTorch loss does too; count |w| < ${NEAR_ZERO}.`
        : `Adam rescales the L1 gradient λ·sign(w) to steps of about lr = ${formatNumber(lr)}: weights the data do not need hop around 0 by about that much, never landing on it. That is what an L1 term in a PyTorch loss does with Adam too.`;
    case 'l1-prox':
      return `The proximal step sets every weight with |w| ≤ lr·λ = ${hop} after the SGD step to exactly 0, so the zeros are real. (Not what an L1 term in a PyTorch loss does: it needs the extra soft-threshold lines in the code.)`;
    case 'l2':
      return s.optimizer === 'sgd'
        ? `L2 multiplies every weight by 1 − 2·lr·λ = ${(1 - 2 * lr * strength).toPrecision(4)} per step: all shrink in proportion, the ones the data do not hold up decay towards 0 geometrically, but none reaches 0 exactly.`
        : 'L2 pulls every weight towards 0 in proportion to its size (Adam rescales the pull per weight): they shrink, but none reaches 0 exactly.';
    case 'none':
      return 'No penalty: nothing pulls the weights towards 0, and they grow as the network fits the training points.';
  }
}

export function lossSummary(s: PenaltySnapshot): string {
  const i = s.dataLoss.length - 1;
  const total = s.dataLoss[i] + s.penalty[i];
  const changes = penaltyChanges(s.reproduce);
  return `After ${s.epoch} epochs: data loss ${f3(s.dataLoss[i])} on the training points, penalty term ${f3(s.penalty[i])} (${penaltyFormula(s.live.penalty)}), ` +
    `total ${f3(total)}; data loss on the validation points ${f3(s.valLoss[i])}.` +
    (changes.length ? ` ${changes.length} live change${changes.length > 1 ? 's' : ''}: ${changes.map(changeText).join('; ')}.` : '');
}

/** Sparsity at a path marker: "7 of 10 coefficients exactly 0 (x4, x5, …)". */
export function sparsityText(fit: PathFit): string {
  const names = fit.coef.map((c, j) => (c === 0 ? `x${j + 1}` : null)).filter(Boolean);
  return `${fit.zeros} of ${fit.coef.length} coefficients exactly 0${names.length ? ` (${names.join(', ')})` : ''}`;
}

export function smallestText(fit: PathFit): string {
  const nz = fit.coef.filter((c) => c !== 0).map(Math.abs);
  return nz.length ? `smallest |coefficient| ${Math.min(...nz).toPrecision(2)}` : 'all coefficients 0';
}

/**
 * The text alternative of a path chart: where the coefficients leave zero (Lasso) or how far
 * they shrink (Ridge), with the numbers at the marker.
 */
export function pathSummary(kind: 'lasso' | 'ridge', path: PathFit[], marker: PathFit, alphaMax?: number): string {
  if (path.length === 0) return 'Computing the path…';
  const d = marker.coef.length;
  const atMarker = `At the marker, alpha = ${formatNumber(marker.alpha)}: ${sparsityText(marker)}; coefficients ${marker.coef.map(coefText).join(', ')}.`;
  if (kind === 'lasso') {
    // Walking from large alpha down, the first alpha of the grid where each coefficient is nonzero.
    const entries: { j: number; alpha: number }[] = [];
    for (let j = 0; j < d; j++) {
      const k = path.findIndex((f) => f.coef[j] !== 0);
      if (k >= 0) entries.push({ j, alpha: path[k].alpha });
    }
    const order = entries.sort((p, q) => q.alpha - p.alpha || p.j - q.j).map((e) => `x${e.j + 1} at alpha ≈ ${formatNumber(e.alpha)}`);
    return `Lasso path over alpha from ${formatNumber(path[path.length - 1].alpha)} to ${formatNumber(path[0].alpha)}. ` +
      (alphaMax !== undefined ? `Every coefficient is exactly 0 for alpha ≥ ${alphaMax.toPrecision(3)}. ` : '') +
      `As alpha decreases the coefficients leave zero one by one: ${order.join(', ')}. ` + atMarker;
  }
  const norm = (f: PathFit) => Math.sqrt(f.l2).toPrecision(3);
  const zeros = path.reduce((n, f) => n + f.zeros, 0);
  return `Ridge path over alpha from ${formatNumber(path[path.length - 1].alpha)} to ${formatNumber(path[0].alpha)}: the coefficient norm shrinks from ${norm(path[path.length - 1])} to ${norm(path[0])}, ` +
    `and ${zeros === 0 ? 'no coefficient is exactly 0 at any alpha' : `${zeros} coefficient values are exactly 0`}. ` + atMarker;
}

const NICE_WIDTHS = [0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5, 1];

/**
 * Histogram bins for weights in [-range, range]: an odd number of bins of a round width, so
 * one bin sits centred on 0 (|w| < width / 2) and tick labels fall on round values.
 */
export function weightBins(range: number, target = 41): { bins: number; half: number; width: number; tickStep: number } {
  const r = Math.max(range, 0.05);
  const width = NICE_WIDTHS.find((w) => w >= (2 * r) / target) ?? 1;
  const m = Math.ceil(r / width - 0.5);
  return { bins: 2 * m + 1, half: (m + 0.5) * width, width, tickStep: r >= 2 ? 1 : r >= 1 ? 0.5 : 0.25 };
}

/**
 * One weight axis for every run of the demo, so runs under different penalties compare bar for
 * bar (a run that rescaled its own axis made L2's narrower histogram look like L1's): ±4.5, the
 * widest the default runs reach (no penalty and L1 both end near 4.1), wider only when a run's
 * weights outgrow it. `histRange` is the run's widest |w| so far (PenaltySnapshot.histRange).
 */
export const SHARED_WEIGHT_RANGE = 4.5;
export function weightAxis(histRange: number | undefined) {
  return weightBins(Math.max(SHARED_WEIGHT_RANGE, histRange ?? 0));
}

/**
 * The loss chart's markers for the change log: one per change, numbered like the log, but changes
 * closer together than 3% of the epoch axis share one marker labelled "2–4", so the numbers never
 * pile up on top of each other (the log below the chart lists each one).
 */
export function changeMarkers(changes: readonly { epoch: number }[], axisEpochs: number): { x: number; label: string }[] {
  const near = Math.max(1, Math.round(0.03 * axisEpochs));
  const out: { x: number; label: string }[] = [];
  let first = 0;
  for (let i = 1; i <= changes.length; i++) {
    if (i < changes.length && changes[i].epoch - changes[first].epoch < near) continue;
    out.push({ x: changes[first].epoch, label: i - 1 === first ? String(first + 1) : `${first + 1}–${i}` });
    first = i;
  }
  return changes.length ? out : [];
}
