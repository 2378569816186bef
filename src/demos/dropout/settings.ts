import type { Fields, SettingsOf } from '../settings-kit.ts';
import { adamLr, dataset, hidden, layers, noise, points, seed, seeds } from '../common-fields.ts';

/**
 * Settings of the dropout demos (chapter 2). One `p` field serves both: PyTorch's nn.Dropout(p),
 * the probability that each hidden neuron is dropped at a training step. The slider stops at 0.9:
 * p = 1 drops every neuron (nothing reaches the output) and values just below leave too few
 * neurons to learn from.
 */
const pField = {
  kind: 'number', effect: 'restart', label: 'Dropout rate p', min: 0, max: 0.9, step: 0.05, default: 0.5,
  help: 'The probability that each hidden neuron is dropped (zeroed) at a training step, as in nn.Dropout(p=...). 0.5, 0.3 and 0.2 are common.',
  rangeNote: 'p is a probability below 1: p = 1 would drop every neuron at every step, so nothing would reach the output and the network could not learn',
} as const;

const run = {
  dataset,
  noise,
  points: { ...points, default: 60 },
  lr: adamLr,
  seed: { ...seed, help: 'Same seed, same data, same initial weights, same dropout masks: the same run.' },
} as const;

/** The mask viewer: a network small enough to draw every neuron, trained one mini-batch per unit. */
export const maskFields = {
  // The mask viewer changes p on the running network (the next step draws with it).
  p: { ...pField, effect: 'live' },
  mode: { kind: 'enum', effect: 'live', label: 'Mode', options: ['train', 'eval'] as const, default: 'train', help: 'train: model.train(), dropout draws a new mask at every step. eval: model.eval(), nothing is dropped or scaled.' },
  ...run,
  // Little noise: a network this small, with half its neurons dropped, learns the clean shape.
  noise: { ...run.noise, default: 0.05 },
  hidden: { ...hidden, label: 'Neurons per hidden layer', max: 12, default: 10 },
  layers,
  batch: { kind: 'int', effect: 'restart', label: 'Batch size', min: 1, max: 32, step: 1, default: 10, help: 'Examples per training step; each gets its own dropout mask.' },
} satisfies Fields;

/** "Does it help?": the same too-large network trained twice, one epoch per unit. */
export const compareFields = {
  p: pField,
  ...run,
  hidden: { ...hidden, label: 'Neurons per hidden layer' },
  layers,
  // At most 100 rows a step keeps one unit of work (a step of the largest network) short.
  batch: { kind: 'int', effect: 'restart', label: 'Batch size', min: 1, max: 100, step: 1, default: 10 },
  epochs: { kind: 'int', effect: 'restart', label: 'Epochs to train', min: 10, max: 2000, step: 10, default: 300 },
  seeds,
} satisfies Fields;

/**
 * What "Reproduce in PyTorch" reads besides the mask viewer's settings: how far the run trained.
 * The demo trains for as long as the learner lets it; its script stops at the same step.
 */
export const maskRunFields = {
  steps: {
    kind: 'int', effect: 'restart', label: 'Training steps', min: 0, max: 10_000_000, step: 1, default: 500,
    help: 'How many mini-batch steps the script trains: the steps you trained in the demo (500 if you had not trained yet).',
  },
} satisfies Fields;

export type MaskSettings = SettingsOf<typeof maskFields>;
export type MaskRunSettings = SettingsOf<typeof maskFields & typeof maskRunFields>;
export type CompareSettings = SettingsOf<typeof compareFields>;

/** The values the p slider marks: the common choices. */
export const P_MARKS = [0.2, 0.3, 0.5];
/** Validation points: drawn from the same distribution, never trained on. */
export const VALIDATION_POINTS = 300;
/** Resolution of the decision-boundary grids. */
export const GRID = 48;
/** How many recent steps the mask viewer's drop-fraction chart keeps. */
export const HISTORY_STEPS = 200;
