import { defaults, type Fields, type SettingsOf } from '../settings-kit.ts';
import { adamLr, seed } from '../common-fields.ts';

/** The regularization a digits run uses (one at a time, so its effect is the only difference). */
export const METHODS = ['none', 'dropout', 'l2', 'l1', 'batchnorm', 'early-stopping'] as const;
export type Method = (typeof METHODS)[number];

export const METHOD_NAMES: Record<Method, string> = {
  none: 'none', dropout: 'dropout', l2: 'L2 penalty', l1: 'L1 penalty', batchnorm: 'batch norm', 'early-stopping': 'early stopping',
};

/** Settings of the handwritten-digits demo: an MLP 64-h-10 on a small part of the 1,797 digits. */
export const digitsFields = {
  method: {
    kind: 'enum', effect: 'restart', label: 'Regularization', options: METHODS, default: 'none',
    help: 'none, dropout (after the hidden layer), an L2 or L1 penalty on the weights, batch norm (before the activation), or early stopping on the validation loss.',
  },
  p: { kind: 'number', effect: 'restart', label: 'Dropout rate p', min: 0, max: 0.9, step: 0.05, default: 0.5, help: 'With dropout: the probability that each hidden neuron is dropped at a training step.' },
  l2: { kind: 'number', effect: 'restart', label: 'L2 strength', min: 0.00001, max: 1, log: true, default: 0.001, help: 'With the L2 penalty: the loss gains l2 × (sum of the squared weights).' },
  l1: { kind: 'number', effect: 'restart', label: 'L1 strength', min: 0.00001, max: 1, log: true, default: 0.0003, help: 'With the L1 penalty: the loss gains l1 × (sum of the absolute weights).' },
  patience: { kind: 'int', effect: 'restart', label: 'Patience (epochs)', min: 1, max: 100, step: 1, default: 10, help: 'With early stopping: epochs without a lower validation loss before training stops (the best epoch\'s weights are kept).' },
  trainSize: { kind: 'int', effect: 'restart', label: 'Training images', min: 50, max: 1500, step: 50, default: 200, help: 'How many of the 1,797 digits the network trains on; all the others are the validation set.' },
  hidden: { kind: 'int', effect: 'restart', label: 'Hidden neurons', min: 4, max: 128, step: 4, default: 64 },
  lr: { ...adamLr, max: 1 },
  batch: { kind: 'int', effect: 'restart', label: 'Batch size', min: 1, max: 200, step: 1, default: 20 },
  epochs: { kind: 'int', effect: 'restart', label: 'Epochs to train', min: 5, max: 1000, step: 5, default: 100 },
  seed: { ...seed, default: 1, help: 'Same seed, same split, same initial weights, same batches: the same run.' },
} satisfies Fields;

export type DigitsSettings = SettingsOf<typeof digitsFields>;

/** |w| below this counts as "near zero" in the first-layer weight images (initial weights reach 1/8). */
export const NEAR_ZERO = 0.01;
/** How many misclassified validation digits a snapshot carries (the first ones, in validation order). */
export const MISCLASSIFIED_SHOWN = 24;

/** The several-seeds comparison: no regularization against the chosen one, on `seeds` seeds from `seed`. */
export const seedsFields = {
  ...digitsFields,
  method: { ...digitsFields.method, options: METHODS.filter((m) => m !== 'none') as Exclude<Method, 'none'>[], default: 'dropout' as const, help: 'The regularization compared with none, seed by seed.' },
  seeds: { kind: 'int', effect: 'restart', label: 'Seeds', min: 1, max: 20, step: 1, default: 5, help: 'How many seeds: each gives both networks the same split, initial weights and batches.' },
  seed: { ...digitsFields.seed, label: 'First seed', help: 'The seeds are this one and the ones after it.' },
} satisfies Fields;

export type SeedsSettings = SettingsOf<typeof seedsFields>;

/** The settings of one run of a comparison: the baseline (no regularization) or the variant, on one seed. */
export function runSettings(s: SeedsSettings, variant: 'none' | 'method', seed: number): DigitsSettings {
  const { seeds: _seeds, ...rest } = s;
  return { ...rest, method: variant === 'none' ? 'none' : s.method, seed };
}

/** The strengths a sweep tries: 0 (no regularization), then from light to far too strong. */
export const SWEEP_VALUES = {
  l2: [0, 0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1],
  dropout: [0, 0.1, 0.2, 0.3, 0.5, 0.7, 0.8, 0.9],
} as const;

/** The sweep: validation loss against the strength of L2 or of dropout, a run per strength and seed. */
export const sweepFields = {
  knob: { kind: 'enum', effect: 'restart', label: 'Sweep', options: ['l2', 'dropout'] as const, default: 'l2', help: 'Which strength to sweep: the L2 penalty (0 to 0.1) or the dropout rate p (0 to 0.9).' },
  seeds: { ...seedsFields.seeds, max: 10, default: 3, help: 'Runs per strength, each on its own seed (the same seeds for every strength).' },
  trainSize: digitsFields.trainSize,
  hidden: digitsFields.hidden,
  lr: digitsFields.lr,
  batch: digitsFields.batch,
  epochs: digitsFields.epochs,
  seed: seedsFields.seed,
} satisfies Fields;

export type SweepSettings = SettingsOf<typeof sweepFields>;

/** The run of a sweep at one strength and seed (strength 0: no regularization). */
export function sweepRunSettings(s: SweepSettings, value: number, seed: number): DigitsSettings {
  const base = { ...defaults(digitsFields), trainSize: s.trainSize, hidden: s.hidden, lr: s.lr, batch: s.batch, epochs: s.epochs, seed };
  if (value === 0) return { ...base, method: 'none' };
  return s.knob === 'l2' ? { ...base, method: 'l2', l2: value } : { ...base, method: 'dropout', p: value };
}
