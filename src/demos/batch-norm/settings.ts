import type { Fields, SettingsOf } from '../settings-kit.ts';
import * as common from '../common-fields.ts';

/**
 * Settings of the batch-normalization demos (chapter 4). Each demo trains networks with and
 * without nn.BatchNorm1d that share the data, the seed and therefore the initial weights
 * (batch norm layers draw no random numbers, in PyTorch as in the engine).
 */
// Batch norm's networks train on more points, in larger batches (its statistics are per batch).
const points = { ...common.points, min: 32, max: 1000, step: 1, default: 256, help: 'How many labelled points the networks train on.' } as const;
const batch = { ...common.batch, min: 2, max: 256, default: 32, help: 'Rows per mini-batch: batch norm computes its mean and variance over them.' } as const;
const { activation, dataset, seed } = common;
// Demos 1 to 3 train with plain SGD, whose steps are far larger than Adam's.
const sgdLr = { ...common.adamLr, min: 0.001, max: 3, default: 0.1, help: 'Step size of plain SGD.' } as const;
// Demos 1 and 2: a deep network (4 hidden layers of 16 by default), deep enough for its layers' inputs to drift.
const deepLayers = { ...common.layers, min: 2, max: 6, default: 4 } as const;
const deepNet = { dataset, points, hidden: { ...common.hidden, min: 4, max: 32, default: 16 }, activation, batch, seed } as const;

/** Demo 1: the activation histogram of one hidden layer, with and without batch norm. */
export const histogramFields = {
  ...deepNet,
  layers: { ...deepLayers, min: 3 },
  lr: { ...sgdLr, help: 'Step size of plain SGD, the same for both networks.' },
  initScale: { kind: 'number', effect: 'restart', label: 'Initial weight scale', min: 0.1, max: 10, log: true, default: 1, help: 'Multiplies PyTorch’s default initial weights (1 = the default).' },
  steps: { kind: 'int', effect: 'restart', label: 'Steps to train', min: 100, max: 5000, step: 100, default: 2000, help: 'How many mini-batch steps both networks take.' },
  layer: { kind: 'int', effect: 'live', label: 'Layer shown', min: 1, max: 6, step: 1, default: 4, help: 'Which hidden layer the histograms show (1 is next to the input).' },
} satisfies Fields;

/** Demo 2: pairs of runs across learning rates and initial weight scales. */
export const gridFields = {
  ...deepNet,
  layers: deepLayers,
  epochs: { kind: 'int', effect: 'restart', label: 'Epochs per run', min: 5, max: 100, step: 5, default: 30, help: 'The training budget of every run of the grid.' },
} satisfies Fields;

/** Demo 3: running statistics, and what eval mode normalises with. */
export const runningFields = {
  dataset,
  points,
  layers: { ...common.layers, max: 4, default: 3 },
  hidden: { ...common.hidden, max: 16, default: 8 },
  lr: sgdLr,
  batch,
  momentum: { kind: 'number', effect: 'restart', label: 'BatchNorm1d momentum', min: 0.01, max: 1, step: 0.01, default: 0.1, help: 'PyTorch’s momentum: the weight of the newest batch in the running averages (0.1 by default).' },
  steps: { kind: 'int', effect: 'restart', label: 'Steps to train', min: 50, max: 2000, step: 50, default: 300 },
  seed,
  layer: { kind: 'int', effect: 'live', label: 'Batch-norm layer', min: 1, max: 4, step: 1, default: 1, help: 'Which BatchNorm1d layer the charts follow.' },
  neuron: { kind: 'int', effect: 'live', label: 'Feature', min: 1, max: 16, step: 1, default: 1, help: 'Which of its features (neurons) the charts follow.' },
  mode: { kind: 'enum', effect: 'view', label: 'Mode', options: ['train', 'eval'] as const, default: 'train', help: 'model.train(): normalise with the batch’s statistics; model.eval(): with the running averages.' },
} satisfies Fields;

/** Demo 4: the overfitting gap with batch norm and dropout, together and apart. */
export const dropoutFields = {
  dataset: { ...dataset, default: 'xor' },
  noise: common.noise,
  points: { ...points, min: 10, max: 400, default: 60, help: 'Few points make overfitting easy.' },
  layers: { ...common.layers, max: 4 },
  hidden: { ...common.hidden, min: 4 },
  p: { kind: 'number', effect: 'restart', label: 'Dropout p', min: 0.05, max: 0.8, step: 0.05, default: 0.5, help: 'Probability that nn.Dropout zeroes each neuron at a training step.' },
  lr: { ...common.adamLr, max: 0.1, help: 'Adam step size, the same for every network.' },
  batch: { ...batch, max: 100, default: 20 },
  epochs: { ...common.epochs, min: 20, max: 1000, default: 300 },
  seed,
  seeds: common.seeds,
  versus: {
    kind: 'enum', effect: 'view', label: 'Compare with neither', options: ['both', 'bn', 'dropout'] as const, default: 'both',
    help: 'With several seeds: which network the bands, the per-seed dots and the verdict set against the one with neither regularizer (both: batch norm + dropout; bn: batch norm only; dropout: dropout only).',
  },
} satisfies Fields;

export type HistogramSettings = SettingsOf<typeof histogramFields>;
export type GridSettings = SettingsOf<typeof gridFields>;
export type RunningSettings = SettingsOf<typeof runningFields>;
export type DropoutSettings = SettingsOf<typeof dropoutFields>;

/**
 * A data set whose size leaves a last mini-batch of one point cannot be batch-normalised in
 * train mode (PyTorch: "Expected more than 1 value per channel when training").
 */
export function loneBatchProblem(points: number, batch: number): string | null {
  const b = Math.min(batch, points);
  return points % b === 1
    ? `With ${points} training points and batches of ${b}, the last batch of every epoch holds a single point, ` +
        `and batch norm cannot normalise one value (PyTorch raises "Expected more than 1 value per channel when training"). ` +
        `Pick another batch size or number of points.`
    : null;
}

/** A shown layer or feature the network does not have. */
export function missingPart(s: { layer: number; layers: number; neuron?: number; hidden?: number }): string | null {
  if (s.layer > s.layers) return `"layer" (${s.layer}) must be at most "layers" (${s.layers})`;
  if (s.neuron !== undefined && s.hidden !== undefined && s.neuron > s.hidden) return `"neuron" (${s.neuron}) must be at most "hidden" (${s.hidden})`;
  return null;
}

/** The settings that only choose what is shown: changing them never retrains. */
export const HISTOGRAM_VIEW = ['layer'] as const;
export const RUNNING_VIEW = ['layer', 'neuron', 'mode'] as const;

/** The grid's axes: learning rates of plain SGD, and multipliers of PyTorch's initial weights. */
export const GRID_LRS = [0.01, 0.03, 0.1, 0.3, 1, 3, 10] as const;
export const GRID_SCALES = [0.3, 1, 3, 10] as const;

/** Validation points of the dropout demo: same distribution, never trained on. */
export const VALIDATION_POINTS = 300;
/** Validation points of the running-statistics demo (eval mode vs train mode). */
export const RUNNING_VALIDATION_POINTS = 200;

/** Only the fields that determine the run (not what is shown). */
export function runPart<S extends Record<string, unknown>>(s: S, view: readonly string[]): Omit<S, (typeof view)[number]> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) if (!view.includes(k)) out[k] = v;
  return out as Omit<S, (typeof view)[number]>;
}

/** The four networks of the dropout demo. */
export const VARIANTS = [
  { key: 'neither', label: 'neither', batchnorm: false, dropout: false },
  { key: 'bn', label: 'batch norm only', batchnorm: true, dropout: false },
  { key: 'dropout', label: 'dropout only', batchnorm: false, dropout: true },
  { key: 'both', label: 'batch norm + dropout', batchnorm: true, dropout: true },
] as const;

export type VariantKey = (typeof VARIANTS)[number]['key'];

/** A grid run whose final training loss is below this counts as "trained". */
export const TRAINED_LOSS = 0.2;

/** A finished run that made no real progress: its final loss is within 10% of the chance loss. */
export function stalled(run: { status: string; losses: number[] }, chance: number): boolean {
  return run.status === 'done' && run.losses[run.losses.length - 1] >= 0.9 * chance;
}

/** What the grid calls a finished run: diverged, stalled (no real progress), trained (below TRAINED_LOSS), or learning (in between). */
export type Outcome = 'diverged' | 'stalled' | 'trained' | 'learning';

export function outcome(run: { status: string; losses: number[] }, chance: number): Outcome | null {
  if (run.status === 'diverged') return 'diverged';
  if (run.status !== 'done') return null;
  if (stalled(run, chance)) return 'stalled';
  return run.losses[run.losses.length - 1] < TRAINED_LOSS ? 'trained' : 'learning';
}
