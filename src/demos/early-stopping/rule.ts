/**
 * The early-stopping rule over a recorded run: what the stepper and the "what it saves" table
 * show. Pure, no DOM. The decisions themselves are the engine's (`runEarlyStopping`, Keras 3.15
 * semantics); this file only chooses the inputs, reads the events back and writes them as
 * equations with the current numbers.
 */
import { runEarlyStopping, type EarlyStoppingEvent, type EarlyStoppingParams } from '../../engine/early-stopping.ts';
import type { RuleSettings } from './settings.ts';

export type Decision = ReturnType<typeof runEarlyStopping>;
export type Direction = 'min' | 'max';

/** The per-epoch numbers the rule can watch (a subset of the runner's snapshot). */
export interface RunRecord {
  val: number[];
  valAccuracy: number[];
  train: number[];
  steps: number[];
  maxEpochs: number;
  trained: number;
}

/** Keras' mode="auto": minimise a loss, maximise an accuracy. */
export function resolveMode(r: Pick<RuleSettings, 'monitor' | 'mode'>): Direction {
  if (r.mode === 'min' || r.mode === 'max') return r.mode;
  return r.monitor === 'val_accuracy' ? 'max' : 'min';
}

/** A mode that contradicts the monitored quantity: legal in Keras, almost always a mistake. */
export function modeWarning(r: Pick<RuleSettings, 'monitor' | 'mode'>): string | null {
  if (r.monitor === 'val_loss' && r.mode === 'max') {
    return 'mode="max" on val_loss counts a rising validation loss as an improvement: the rule now rewards overfitting. Use "min" (or "auto") for a loss.';
  }
  if (r.monitor === 'val_accuracy' && r.mode === 'min') {
    return 'mode="min" on val_accuracy counts a falling accuracy as an improvement. Use "max" (or "auto") for an accuracy.';
  }
  return null;
}

/** A baseline that cannot mean anything for the monitored quantity. */
export function baselineWarning(r: Pick<RuleSettings, 'monitor' | 'useBaseline' | 'baseline'>): string | null {
  if (r.useBaseline && r.monitor === 'val_accuracy' && r.baseline > 1) {
    return `An accuracy is at most 1, so a baseline of ${r.baseline} can never be beaten: the wait counter never resets.`;
  }
  return null;
}

/** The settings as the engine (and Keras) take them. */
export function kerasParams(r: RuleSettings): Required<EarlyStoppingParams> {
  return {
    mode: resolveMode(r),
    min_delta: r.min_delta,
    patience: r.patience,
    baseline: r.useBaseline ? r.baseline : null,
    restore_best_weights: r.restore_best_weights,
    start_from_epoch: r.start_from_epoch,
  };
}

export function monitoredValues(rec: Pick<RunRecord, 'val' | 'valAccuracy'>, monitor: RuleSettings['monitor']): number[] {
  return monitor === 'val_accuracy' ? rec.valAccuracy : rec.val;
}

/** The engine's verdict over the epochs recorded so far. */
export function decide(values: number[], params: EarlyStoppingParams): Decision {
  return runEarlyStopping(params, values);
}

/** What the stepper shows after `cursor` epochs have been revealed. */
export interface StepView {
  /** Epochs shown: min(cursor, epochs the rule lets run). */
  shown: number;
  /** The rule's event at the last shown epoch (null before the first epoch). */
  event: EarlyStoppingEvent | null;
  /** wait and best just before that epoch (what the rule compared with). */
  waitBefore: number;
  bestBefore: number;
  /** Best epoch so far among the shown epochs (0-based), or null before any monitored epoch. */
  bestEpoch: number | null;
  /** 0-based epoch at which the rule stopped, if it did within the shown epochs. */
  stoppedEpoch: number | null;
  /** True once the stepper cannot go further: stopped, or every epoch of fit has run. */
  ended: boolean;
}

export function stepView(decision: Decision, cursor: number, maxEpochs: number, mode: Direction): StepView {
  const events = decision.events;
  const shown = Math.max(0, Math.min(cursor, events.length));
  const event = shown > 0 ? events[shown - 1] : null;
  let waitBefore = 0;
  let bestBefore = mode === 'min' ? Infinity : -Infinity;
  let bestEpoch: number | null = null;
  for (let i = 0; i < shown - 1; i++) {
    const e = events[i];
    if (!e.monitored) continue;
    waitBefore = e.wait;
    bestBefore = e.best ?? bestBefore;
  }
  for (let i = 0; i < shown; i++) if (events[i].monitored) bestEpoch = events[i].bestEpoch;
  const stoppedEpoch = event?.stop ? event.epoch : null;
  return { shown, event, waitBefore, bestBefore, bestEpoch, stoppedEpoch, ended: stoppedEpoch !== null || shown >= maxEpochs };
}

/**
 * Enough decimals to tell two numbers apart (4 at least, 7 at most), so "0.3981 < 0.3981"
 * never appears when the engine saw a difference.
 */
export function decimalsFor(...xs: number[]): number {
  const finite = xs.filter((x) => Number.isFinite(x));
  for (let d = 4; d < 7; d++) {
    const seen = new Set(finite.map((x) => x.toFixed(d)));
    if (seen.size === new Set(finite).size) return d;
  }
  return 7;
}

function num(x: number, d: number): string {
  if (Number.isNaN(x)) return '\\text{NaN}';
  if (x === Infinity) return '+\\infty';
  if (x === -Infinity) return '-\\infty';
  if (x === 0) return '0';
  return x.toFixed(d);
}

function plain(x: number, d: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+infinity' : '-infinity';
  return x === 0 ? '0' : x.toFixed(d);
}

/** The value watched, as written in the equations. */
function symbol(monitor: RuleSettings['monitor']): string {
  return monitor === 'val_accuracy' ? '\\mathrm{acc}' : 'v';
}

/** One step of the rule: an equation (KaTeX source, may be empty) and its conclusion in words. */
export interface RuleLine {
  tex: string;
  note: string;
  /** The conclusion that decides the epoch (drawn bold). */
  strong?: boolean;
}

export interface RuleLines {
  /** Improvement test, wait update, stop test (or the warm-up line). */
  lines: RuleLine[];
  /** The whole epoch in one sentence (screen readers, tests). */
  text: string;
  verdict: 'warm-up' | 'improved' | 'continue' | 'stop';
}

/** The three steps of the rule in general form, before any epoch is shown. */
export function generalRule(mode: Direction, baseline: boolean): RuleLine[] {
  const op = mode === 'min' ? '<' : '>';
  const sign = mode === 'min' ? '-' : '+';
  return [
    { tex: `v_t ${op} \\mathrm{best} ${sign} \\delta`, note: `improvement test at epoch t (δ = min_delta, ${mode === 'min' ? 'lower' : 'higher'} is better)` },
    {
      tex: baseline
        ? `\\mathrm{wait} \\leftarrow \\begin{cases} 0 & \\text{improvement and } v_t ${op} \\text{baseline} ${sign} \\delta \\\\ \\mathrm{wait} + 1 & \\text{otherwise} \\end{cases}`
        : `\\mathrm{wait} \\leftarrow \\begin{cases} 0 & \\text{improvement} \\\\ \\mathrm{wait} + 1 & \\text{otherwise} \\end{cases}`,
      note: 'the wait update',
    },
    { tex: `\\text{no improvement and } \\mathrm{wait} \\ge \\mathrm{patience}`, note: 'stop training' },
  ];
}

/**
 * The rule at one epoch, with its numbers. Keras 3.15, mode min (max mirrors it):
 *   improvement:  v_t + δ < best (written v_t < best − δ)
 *   if improved:  best ← v_t, and wait ← 0 unless a baseline is set and v_t + δ ≥ baseline
 *   otherwise:    wait ← wait + 1; stop once wait ≥ patience (never at the first epoch).
 */
export function ruleLines(view: StepView, params: Required<EarlyStoppingParams>, monitor: RuleSettings['monitor']): RuleLines | null {
  const e = view.event;
  if (!e) return null;
  const n = e.epoch + 1;
  const v = `${symbol(monitor)}_{${n}}`;
  const min = params.mode === 'min';
  const δ = params.min_delta;
  const name = monitor === 'val_accuracy' ? 'validation accuracy' : 'validation loss';
  if (!e.monitored) {
    return {
      lines: [{ tex: `\\text{index } ${e.epoch} < \\texttt{start\\_from\\_epoch} = ${params.start_from_epoch}`, note: 'warm-up: this epoch is not monitored', strong: true }],
      text: `Epoch ${n} is a warm-up epoch (index ${e.epoch} is below start_from_epoch ${params.start_from_epoch}): the rule ignores it.`,
      verdict: 'warm-up',
    };
  }
  const b = view.bestBefore;
  const ref = min ? b - δ : b + δ;
  const d = decimalsFor(e.value, b, ref, ...(δ ? [δ] : []));
  const op = min ? '<' : '>';
  const notOp = min ? '\\not<' : '\\not>';
  const sign = min ? '-' : '+';
  const word = min ? 'below' : 'above';
  const refTex = Number.isFinite(b)
    ? `\\mathrm{best} ${sign} \\delta = ${num(b, d)} ${sign} ${num(δ, d)} = ${num(ref, d)}`
    : `\\mathrm{best} = ${num(b, d)}`;
  const refText = Number.isFinite(b) ? `best ${plain(b, d)} ${min ? '−' : '+'} min_delta ${plain(δ, d)} = ${plain(ref, d)}` : 'best (nothing seen yet)';
  const w0 = view.waitBefore;
  if (e.improved) {
    const lines: RuleLine[] = [{ tex: `${v} = ${num(e.value, d)} ${op} ${refTex}`, note: `improvement: best ← ${plain(e.value, d)}` }];
    const baselineHeld = params.baseline !== null && e.wait !== 0;
    if (baselineHeld) {
      const bref = min ? params.baseline! - δ : params.baseline! + δ;
      lines.push({ tex: `${v} ${notOp} \\text{baseline} ${sign} \\delta = ${num(bref, d)}`, note: 'the baseline is not beaten yet, so wait is not reset' });
      lines.push({ tex: `\\mathrm{wait} \\leftarrow ${w0} + 1 = ${e.wait}`, note: '' });
    } else {
      lines.push({ tex: `\\mathrm{wait} \\leftarrow 0`, note: 'reset' });
    }
    lines.push({ tex: '', note: 'an improvement never stops training: continue', strong: true });
    return {
      lines,
      text: `Epoch ${n}: ${name} ${plain(e.value, d)} is ${word} ${refText}: an improvement, the new best. ` +
        (baselineHeld ? `It does not beat the baseline ${params.baseline}, so wait goes on counting: ${e.wait}. ` : 'wait is reset to 0. ') +
        'Training continues.',
      verdict: 'improved',
    };
  }
  const lines: RuleLine[] = [
    { tex: `${v} = ${num(e.value, d)}\\ ${notOp}\\ ${refTex}`, note: Number.isNaN(e.value) ? 'NaN is never an improvement' : 'no improvement' },
    { tex: `\\mathrm{wait} \\leftarrow ${w0} + 1 = ${e.wait}`, note: '' },
  ];
  let verdict: RuleLines['verdict'];
  let end: string;
  if (e.stop) {
    lines.push({ tex: `\\mathrm{wait} = ${e.wait} \\ge \\mathrm{patience} = ${params.patience}`, note: 'stop training', strong: true });
    verdict = 'stop';
    end = `which reaches the patience ${params.patience}: training stops.`;
  } else if (e.wait >= params.patience) {
    // Only possible at the very first epoch: Keras never stops at epoch index 0.
    lines.push({ tex: `\\mathrm{wait} = ${e.wait} \\ge \\mathrm{patience} = ${params.patience}`, note: 'but Keras never stops at the first epoch: continue', strong: true });
    verdict = 'continue';
    end = 'but the first epoch never stops training: training continues.';
  } else {
    lines.push({ tex: `\\mathrm{wait} = ${e.wait} < \\mathrm{patience} = ${params.patience}`, note: 'continue', strong: true });
    verdict = 'continue';
    end = `below the patience ${params.patience}: training continues.`;
  }
  return {
    lines,
    text: `Epoch ${n}: ${name} ${plain(e.value, d)} is not ${word} ${refText}: no improvement. wait = ${w0} + 1 = ${e.wait}, ${end}`,
    verdict,
  };
}

/** One row of the "what it saves" table: the same run, the same rule, another patience. */
export interface SavingsRow {
  patience: number;
  stoppedEpoch: number | null;   // 0-based; null: ran to the end
  epochsRun: number;
  epochsSaved: number;
  stepsRun: number;
  stepsSaved: number;
  savedFraction: number;         // of the epochs of fit
  keptEpoch: number;             // the epoch whose weights the model ends with (0-based)
  valLossKept: number;
  valAccuracyKept: number;
  valLossAtStop: number;         // the last epoch's validation loss
}

export function savingsRow(rec: RunRecord, rule: RuleSettings, patience: number): SavingsRow {
  const params = { ...kerasParams(rule), patience };
  const d = decide(monitoredValues(rec, rule.monitor), params);
  const E = rec.maxEpochs;
  const last = d.epochs_run - 1;
  const kept = rule.restore_best_weights && d.restored_epoch !== null && d.events.some((e) => e.monitored) ? d.restored_epoch : last;
  let stepsRun = 0;
  let stepsAll = 0;
  for (let i = 0; i < rec.steps.length; i++) {
    stepsAll += rec.steps[i];
    if (i < d.epochs_run) stepsRun += rec.steps[i];
  }
  return {
    patience,
    stoppedEpoch: d.stopped_epoch,
    epochsRun: d.epochs_run,
    epochsSaved: E - d.epochs_run,
    stepsRun,
    stepsSaved: stepsAll - stepsRun,
    savedFraction: (E - d.epochs_run) / E,
    keptEpoch: kept,
    valLossKept: rec.val[kept],
    valAccuracyKept: rec.valAccuracy[kept],
    valLossAtStop: rec.val[last],
  };
}

/** The reference points: training to the end, and the best epoch in hindsight. */
export function runSummary(rec: RunRecord) {
  let best = 0;
  for (let i = 1; i < rec.val.length; i++) if (rec.val[i] < rec.val[best]) best = i;
  const last = rec.val.length - 1;
  return { lastEpoch: last, valLossLast: rec.val[last], valAccuracyLast: rec.valAccuracy[last], bestEpoch: best, valLossBest: rec.val[best] };
}
