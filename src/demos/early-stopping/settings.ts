import type { Fields, SettingsOf } from '../settings-kit.ts';
import { adamLr, batch, dataset, hidden, layers, minDelta, noise, patience, points, restoreBest, seed, seeds } from '../common-fields.ts';

/**
 * Settings of the early-stopping demos (chapter 5). Two groups:
 *
 * - `runFields`: the training run (data, network, optimizer, seed). Changing one trains a new
 *   run in the worker; the runner validates only these.
 * - `ruleFields`: Keras' `EarlyStopping` arguments. They never retrain: the rule is evaluated
 *   again over the recorded run, instantly, by the engine's early-stopping monitor.
 */
// The worker keeps every epoch's weights (restore best weights, for any rule setting): the
// largest network (3 x 64) over 500 epochs is about 35 MB of float64, the default one 3 MB.
export const runFields = {
  dataset,
  noise: { ...noise, default: 0.1 },
  points,
  hidden,
  layers,
  lr: { ...adamLr, max: 1, default: 0.005 },
  batch,
  epochs: { kind: 'int', effect: 'restart', label: 'Epochs to train at most', min: 10, max: 500, step: 10, default: 200, help: 'The epochs argument of fit: how long training would run without early stopping.' },
  seed,
} satisfies Fields;

export const ruleFields = {
  monitor: { kind: 'enum', effect: 'view', label: 'Monitor', options: ['val_loss', 'val_accuracy'] as const, default: 'val_loss', help: 'The quantity watched after every epoch, measured on the validation set.' },
  mode: { kind: 'enum', effect: 'view', label: 'Mode', options: ['auto', 'min', 'max'] as const, default: 'auto', help: 'min: lower is better (a loss). max: higher is better (an accuracy). auto: min for a loss, max for an accuracy.' },
  patience,
  min_delta: minDelta,
  restore_best_weights: restoreBest,
  useBaseline: { kind: 'bool', effect: 'view', label: 'Use a baseline', default: false, help: 'Only reset the wait counter once the monitored value beats the baseline.' },
  baseline: { kind: 'number', effect: 'view', label: 'baseline', min: 0, max: 10, step: 0.01, default: 0.5, help: 'The value the monitored quantity has to beat before improvements reset the wait counter.' },
  start_from_epoch: { kind: 'int', effect: 'view', label: 'start_from_epoch', min: 0, max: 1000, step: 1, default: 0, help: 'Warm-up: epochs with a lower index (0-based) are not monitored at all.' },
} satisfies Fields;

export const earlyStoppingFields = { ...runFields, ...ruleFields } satisfies Fields;

/**
 * "What it saves" adds Seeds: with more than one, the run trains on every seed and the rule (its
 * patience) is set against training all the epochs, seed by seed.
 */
export const savingsFields = { ...earlyStoppingFields, seeds } satisfies Fields;
/** What the savings demo's runner receives: the run, and on how many seeds. */
export const savingsRunFields = { ...runFields, seeds } satisfies Fields;

export type SavingsSettings = SettingsOf<typeof savingsFields>;
export type SavingsRunSettings = SettingsOf<typeof savingsRunFields>;
export type RunSettings = SettingsOf<typeof runFields>;
export type RuleSettings = SettingsOf<typeof ruleFields>;
export type EarlyStoppingSettings = SettingsOf<typeof earlyStoppingFields>;

/** Validation points: drawn from the same distribution, never trained on. */
export const VALIDATION_POINTS = 300;
/** Resolution of the decision-boundary grid of the "model you keep" panel. */
export const GRID = 40;
/** Patience values compared by the "what it saves" table. */
export const TABLE_PATIENCES = [0, 1, 2, 3, 5, 10, 20, 50] as const;
/** The savings chart's patience axis runs from 0 to this. */
export const CHART_MAX_PATIENCE = 60;

export function pickRun(s: EarlyStoppingSettings | RunSettings): RunSettings {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(runFields)) out[k] = (s as Record<string, unknown>)[k];
  return out as RunSettings;
}

export function pickRule(s: EarlyStoppingSettings): RuleSettings {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(ruleFields)) out[k] = (s as Record<string, unknown>)[k];
  return out as RuleSettings;
}
