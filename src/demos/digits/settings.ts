import type { Fields, SettingsOf } from '../settings-kit.ts';

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
  lr: { kind: 'number', effect: 'restart', label: 'Learning rate', min: 0.0001, max: 1, log: true, default: 0.01, help: 'Adam step size. Very large values make training diverge.' },
  batch: { kind: 'int', effect: 'restart', label: 'Batch size', min: 1, max: 200, step: 1, default: 20 },
  epochs: { kind: 'int', effect: 'restart', label: 'Epochs to train', min: 5, max: 1000, step: 5, default: 100 },
  seed: { kind: 'int', effect: 'restart', label: 'Seed', min: 0, max: 999999, step: 1, default: 1, help: 'Same seed, same split, same initial weights, same batches: the same run.' },
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
