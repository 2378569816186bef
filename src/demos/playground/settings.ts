import type { Fields, SettingsOf } from '../settings-kit.ts';
import * as common from '../common-fields.ts';
import { POINTS_PATTERN, MAX_POINTS } from './points-code.ts';

/**
 * Settings of the Regularization Playground: one network on 2-D data with every technique of the
 * course switchable and combinable. Learning rate, dropout p and the L1 / L2 strengths change the
 * running network (live, logged with their step like chapter 3's penalty demo); everything else
 * starts a new run. `data` holds the learner's own points (points-code.ts) when `dataset` is
 * "custom": a setting like any other, so links, the reproduce script and the CLI all carry it.
 */
export const DATASETS = ['circle', 'xor', 'gauss', 'spiral', 'custom'] as const;
/** What compare mode switches off in the twin network (everything else identical). */
export const COMPARE = ['none', 'dropout', 'l1', 'l2', 'batchnorm', 'early-stopping'] as const;
export type CompareKind = (typeof COMPARE)[number];

export const playgroundFields = {
  dataset: { ...common.dataset, options: DATASETS, help: `${common.dataset.help} "custom": the points you draw or upload.` },
  noise: { ...common.noise, default: 0.1 },
  points: { kind: 'int', effect: 'restart', label: 'Points', min: 20, max: 1000, step: 10, default: 200, help: 'Points drawn from the data set, training and validation together (built-in data sets).' },
  valShare: { kind: 'number', effect: 'restart', label: 'Validation share', min: 0.1, max: 0.9, step: 0.05, default: 0.5, help: 'Fraction of the points held out for validation, never trained on.' },
  layers: { ...common.layers, max: 6 },
  hidden: { ...common.hidden, min: 1, default: 16 },
  activation: { ...common.activation, options: ['tanh', 'relu', 'sigmoid'] as const, default: 'tanh' },
  optimizer: { kind: 'enum', effect: 'restart', label: 'Optimizer', options: ['sgd', 'momentum', 'adam'] as const, default: 'adam', help: 'Plain SGD, SGD with momentum 0.9, or Adam.' },
  lr: { kind: 'number', effect: 'live', label: 'Learning rate', min: 0.0001, max: 3, log: true, default: 0.01, help: 'Step size of the optimizer. Changes while the network trains.' },
  batch: { ...common.batch, max: 500 },
  epochs: { ...common.epochs, max: 2000, default: 300 },
  seed: { ...common.seed, default: 1, help: 'Same seed, same data, same initial weights, same batches, same masks: the same run.' },
  dropout: { kind: 'number', effect: 'live', label: 'Dropout p', min: 0, max: 0.9, step: 0.05, default: 0, help: 'Probability of dropping each hidden neuron at a training step (every hidden layer). Changes while the network trains.' },
  l1: { kind: 'number', effect: 'live', label: 'L1 strength λ₁', min: 0, max: 0.05, step: 0.0005, default: 0, help: 'λ₁·Σ|w| added to the loss. Changes while the network trains.' },
  l2: { kind: 'number', effect: 'live', label: 'L2 strength λ₂', min: 0, max: 0.1, step: 0.001, default: 0, help: 'λ₂·Σw² added to the loss. Changes while the network trains.' },
  batchnorm: { kind: 'bool', effect: 'restart', label: 'Batch normalization', default: false, help: 'A BatchNorm1d layer after every hidden linear layer, before its activation.' },
  earlyStopping: { kind: 'bool', effect: 'restart', label: 'Early stopping', default: false, help: 'Stop when the validation loss has not improved for "patience" epochs (Keras’ rule).' },
  patience: { ...common.patience, effect: 'restart', min: 1, max: 200, default: 20 },
  minDelta: { ...common.minDelta, effect: 'restart', max: 0.1, help: 'A validation loss must fall by more than this to count as an improvement.' },
  restoreBest: { ...common.restoreBest, effect: 'restart' },
  compare: { kind: 'enum', effect: 'restart', label: 'Compare with a twin without', options: COMPARE, default: 'none', help: 'Trains a twin network with the same data, initial weights, batches and seed, with this technique switched off.' },
  data: { kind: 'text', effect: 'restart', label: 'Your points', default: '', maxLength: MAX_POINTS * 5, pattern: POINTS_PATTERN, help: 'The points you drew or uploaded, 5 characters each (used when the data set is "custom").' },
} satisfies Fields;

export type PlaygroundSettings = SettingsOf<typeof playgroundFields>;

/** Resolution of the decision-boundary grid. */
export const GRID = 40;

/**
 * |w| below this counts as "near zero" (plain L1 in the loss makes weights hop around 0, never
 * land on it). Here, not in runner.ts: the page shows it, and the runner's module is the engine's.
 */
export const NEAR_ZERO = 0.01;

/** Momentum of the "momentum" optimizer (PyTorch's SGD momentum). */
export const MOMENTUM = 0.9;
