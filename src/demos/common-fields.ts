/**
 * The settings most demos share, written once: the 2-D data (set, label noise, training points),
 * the network's size, its training (Adam's learning rate, batch size, epochs) and the seed. A demo
 * spreads one and overrides what differs (`points: { ...points, default: 60 }`), so a learner
 * meets the same label, range and help for the same idea on every page.
 */
export const dataset = {
  kind: 'enum', effect: 'restart', label: 'Data set', options: ['circle', 'xor', 'gauss', 'spiral'] as const, default: 'circle',
  help: 'Which 2-D pattern the two classes follow.',
} as const;

export const noise = {
  kind: 'number', effect: 'restart', label: 'Label noise', min: 0, max: 0.5, step: 0.01, default: 0.2,
  help: 'Fraction of points whose label is flipped: the noise an overfitting network memorises.',
} as const;

export const points = {
  kind: 'int', effect: 'restart', label: 'Training points', min: 10, max: 400, step: 10, default: 50,
  help: 'How many labelled points the network trains on. Few points make overfitting easy.',
} as const;

export const hidden = { kind: 'int', effect: 'restart', label: 'Neurons per layer', min: 2, max: 64, step: 1, default: 40 } as const;
export const layers = { kind: 'int', effect: 'restart', label: 'Hidden layers', min: 1, max: 3, step: 1, default: 2 } as const;
export const activation = { kind: 'enum', effect: 'restart', label: 'Activation', options: ['relu', 'tanh'] as const, default: 'relu' } as const;

export const adamLr = {
  kind: 'number', effect: 'restart', label: 'Learning rate', min: 0.0001, max: 10, log: true, default: 0.01,
  help: 'Adam step size. Very large values make training diverge.',
} as const;

export const batch = { kind: 'int', effect: 'restart', label: 'Batch size', min: 1, max: 400, step: 1, default: 10 } as const;
export const epochs = { kind: 'int', effect: 'restart', label: 'Epochs to train', min: 10, max: 5000, step: 10, default: 600 } as const;

export const seed = {
  kind: 'int', effect: 'restart', label: 'Seed', min: 0, max: 999999, step: 1, default: 7,
  help: 'Same seed, same data, same initial weights, same batches: the same run.',
} as const;

/**
 * Several seeds on a comparison demo: 1 draws the one run in detail; more train every variant on
 * that many seeds (this seed and the ones after it) and compare them pair by pair.
 */
export const seeds = {
  kind: 'int', effect: 'restart', label: 'Seeds', min: 1, max: 20, step: 1, default: 1,
  help: '1: one run, drawn in detail. 2 to 20: every network trains on that many seeds (the seed and the ones after it), each seed giving them the same data, initial weights and batches; bands, per-seed dots and a verdict say whether the difference is larger than the seed-to-seed spread.',
} as const;

/**
 * Keras' EarlyStopping arguments the early-stopping chapter and the playground both offer. In the
 * chapter they only change the view (the rule is replayed over a recorded run); elsewhere they
 * restart the run (`{ ...patience, effect: 'restart' }`).
 */
export const patience = {
  kind: 'int', effect: 'view', label: 'Patience', min: 0, max: 100, step: 1, default: 5,
  help: 'How many epochs in a row without improvement training waits before it stops.',
} as const;
export const minDelta = {
  kind: 'number', effect: 'view', label: 'min_delta', min: 0, max: 1, step: 0.001, default: 0,
  help: 'Smallest change that counts as an improvement.',
} as const;
export const restoreBest = {
  kind: 'bool', effect: 'view', label: 'Restore best weights', default: true,
  help: 'At the end, load the weights of the best epoch instead of keeping the last ones.',
} as const;
