import type { Fields, SettingsOf } from '../settings-kit.ts';

/**
 * Settings of the "watch a network overfit" demo (chapter 1). The defaults (circle, seed 19, 30
 * points) are chosen so that every claim and "thing to try" of the chapter holds on them, and the
 * training points cover the whole plane, so the validation loss rises from memorised noise, not
 * from regions without data (tests/unit/overfitting-demo.test.ts runs each of them).
 */
export const overfittingFields = {
  dataset: { kind: 'enum', effect: 'restart', label: 'Data set', options: ['circle', 'xor', 'gauss', 'spiral'] as const, default: 'circle', help: 'Which 2-D pattern the two classes follow.' },
  noise: { kind: 'number', effect: 'restart', label: 'Label noise', min: 0, max: 0.5, step: 0.01, default: 0.2, help: 'Fraction of points whose label is flipped: the noise an overfit network memorises.' },
  points: { kind: 'int', effect: 'restart', label: 'Training points', min: 10, max: 400, step: 10, default: 30, help: 'How many labelled points the network trains on. Few points make overfitting easy.' },
  hidden: { kind: 'int', effect: 'restart', label: 'Neurons per layer', min: 2, max: 64, step: 1, default: 40 },
  layers: { kind: 'int', effect: 'restart', label: 'Hidden layers', min: 1, max: 4, step: 1, default: 2 },
  activation: { kind: 'enum', effect: 'restart', label: 'Activation', options: ['relu', 'tanh'] as const, default: 'relu' },
  lr: { kind: 'number', effect: 'live', label: 'Learning rate', min: 0.0001, max: 10, log: true, default: 0.01, help: 'Adam step size. Very large values make training diverge.' },
  batch: { kind: 'int', effect: 'restart', label: 'Batch size', min: 1, max: 400, step: 1, default: 10 },
  epochs: { kind: 'int', effect: 'restart', label: 'Epochs to train', min: 10, max: 5000, step: 10, default: 600 },
  seed: { kind: 'int', effect: 'restart', label: 'Seed', min: 0, max: 999999, step: 1, default: 19, help: 'Same seed, same data, same initial weights, same run.' },
} satisfies Fields;

export type OverfittingSettings = SettingsOf<typeof overfittingFields>;

/** Validation points are drawn from the same distribution and never trained on. */
export const VALIDATION_POINTS = 300;
/** Resolution of the decision-boundary grid. */
export const GRID = 48;
