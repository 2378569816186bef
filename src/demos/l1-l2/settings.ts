import { keysWithEffect, runKeyOf, type Fields, type SettingsOf } from '../settings-kit.ts';
import { activation, batch, dataset, epochs, hidden, layers, noise, points, seed, seeds } from '../common-fields.ts';

/**
 * Settings of chapter 3's demos (L1 and L2 regularization). Three groups, one per demo:
 *
 * - `penaltyFields`: a network trained live under a penalty. `penalty`, `strength` and `lr`
 *   change while it trains (runner.update, logged with their step); the others start a new run.
 * - `pathFields`: the Lasso / Ridge regularization path on a regression data set. The data
 *   settings recompute the path; the two marker alphas only refit at the marker.
 * - `geometryFields`: the two-weight picture (no training: exact solutions, on the page).
 */

/** Penalties of the network demo. 'l1-prox' is not a loss term: see proximal-l1.ts. */
export const PENALTIES = ['none', 'l1', 'l2', 'l1-prox'] as const;
export type PenaltyKind = (typeof PENALTIES)[number];

export const PENALTY_LABELS: Record<PenaltyKind, string> = {
  none: 'None',
  l1: 'L1',
  l2: 'L2',
  'l1-prox': 'L1, proximal step',
};

export const penaltyFields = {
  penalty: { kind: 'enum', effect: 'live', label: 'Penalty', options: PENALTIES, default: 'l1', help: 'none; L1 = λ·Σ|w| added to the loss; L2 = λ·Σw² added to the loss; L1 with a proximal step = soft-thresholding after each SGD step (exact zeros; not what an L1 term in a PyTorch loss does).' },
  strength: { kind: 'number', effect: 'live', label: 'Strength λ', min: 0.00001, max: 1, log: true, default: 0.001, help: 'The penalty’s weight λ in the loss. Changes while the network trains.' },
  lr: { kind: 'number', effect: 'live', label: 'Learning rate', min: 0.001, max: 10, log: true, default: 0.1, help: 'Step size of the optimizer. Changes while the network trains; too large and training diverges.' },
  optimizer: { kind: 'enum', effect: 'restart', label: 'Optimizer', options: ['sgd', 'adam'] as const, default: 'sgd', help: 'Plain SGD (no momentum), or Adam. Adam wants a smaller learning rate, about 0.01.' },
  dataset: { ...dataset, default: 'xor' },
  noise: { ...noise, default: 0.1 },
  points: { ...points, default: 100 },
  hidden: { ...hidden, max: 32, default: 16 },
  layers,
  activation: { ...activation, options: ['tanh', 'relu'] as const, default: 'tanh' },
  batch,
  epochs,
  seed,
  // Several seeds: no penalty against the chosen one, from the start, seed by seed (a change of the
  // penalty, λ or the learning rate then trains every seed again: the runs compare whole runs).
  seeds: { ...seeds, help: '1: one run, whose penalty you change while it trains. 2 to 20: the network without a penalty and with the chosen one, from the start, on that many seeds (the seed and the ones after it), each seed giving both the same data, initial weights and batches; bands, per-seed dots and a verdict say whether the difference is larger than the seed-to-seed spread.' },
} satisfies Fields;

export type PenaltySettings = SettingsOf<typeof penaltyFields>;
/** The settings that change while the network trains (runner.update), never restarting it. */
export type LiveKey = 'penalty' | 'strength' | 'lr';
export const LIVE_KEYS = keysWithEffect(penaltyFields, 'live') as LiveKey[];

/** The proximal step is defined for plain SGD (threshold lr·λ per step); Adam's steps have no such threshold. */
export function combinationProblem(s: Pick<PenaltySettings, 'penalty' | 'optimizer'>): string | null {
  return s.penalty === 'l1-prox' && s.optimizer !== 'sgd'
    ? `"${PENALTY_LABELS['l1-prox']}" works with plain SGD only (its threshold is lr·λ per step); choose the optimizer sgd, or the L1 penalty in the loss`
    : null;
}

/** Validation points: same distribution, never trained on. */
export const VALIDATION_POINTS = 300;
/** Resolution of the decision-boundary grid. */
export const GRID = 40;
/**
 * "Near zero" means |w| below this. Plain (sub)gradient L1 never lands a weight on exactly 0:
 * each step moves it by lr·λ·sign(w) plus the data gradient, so it hops across zero with an
 * amplitude of about lr·λ (1e-4 on the default run). 0.01 is far above that and far below the
 * weights that matter (0.5 to 4 here).
 */
export const NEAR_ZERO = 0.01;

export const pathFields = {
  samples: { kind: 'int', effect: 'restart', label: 'Samples', min: 20, max: 200, step: 10, default: 60, help: 'Rows of the regression data set.' },
  informative: { kind: 'int', effect: 'restart', label: 'Informative features', min: 1, max: 4, step: 1, default: 3, help: 'Features with a true coefficient of size 1 to 3 (x1, x2, …).' },
  useless: { kind: 'int', effect: 'restart', label: 'Useless features', min: 1, max: 12, step: 1, default: 7, help: 'Features whose true coefficient is 0: pure noise to the target.' },
  noise: { kind: 'number', effect: 'restart', label: 'Target noise', min: 0, max: 3, step: 0.1, default: 1, help: 'Standard deviation of the noise added to the target.' },
  seed: { kind: 'int', effect: 'restart', label: 'Seed', min: 0, max: 999999, step: 1, default: 7 },
  lassoAlpha: { kind: 'number', effect: 'live', label: 'Lasso alpha', min: 0.001, max: 10, log: true, default: 0.3, help: 'Where the marker stands on the Lasso path (scikit-learn’s alpha).' },
  ridgeAlpha: { kind: 'number', effect: 'live', label: 'Ridge alpha', min: 0.01, max: 100000, log: true, default: 100, help: 'Where the marker stands on the Ridge path (scikit-learn’s alpha).' },
} satisfies Fields;

export type PathSettings = SettingsOf<typeof pathFields>;
/** The settings that only move a marker (refit at one alpha), never recompute the path. */
export const MARKER_KEYS = ['lassoAlpha', 'ridgeAlpha'] as const satisfies readonly (keyof PathSettings)[];
/** Identifies a path's data set: snapshots of an older data set are not drawn. */
export function pathDataKey(s: PathSettings): string {
  return runKeyOf(pathFields, s);
}
/** Path grid: points per decade of alpha (the path's x range is the markers' range). */
export const PATH_PER_DECADE = 12;

export const geometryFields = {
  w1: { kind: 'number', effect: 'view', label: 'Unpenalized w₁', min: -2, max: 2, step: 0.05, default: 1.5, help: 'First coordinate of the data loss’s minimum (the optimum without a penalty).' },
  w2: { kind: 'number', effect: 'view', label: 'Unpenalized w₂', min: -2, max: 2, step: 0.05, default: 0.6, help: 'Second coordinate of the data loss’s minimum.' },
  strength: { kind: 'number', effect: 'view', label: 'Strength λ', min: 0, max: 3, step: 0.05, default: 0.5, help: 'Weight of the penalty: λ(|w₁| + |w₂|) for L1, λ(w₁² + w₂²) for L2.' },
  tilt: { kind: 'int', effect: 'view', label: 'Ellipse tilt (degrees)', min: 0, max: 180, step: 5, default: 25, help: 'Direction of the long axis of the data loss’s contours.' },
  stretch: { kind: 'number', effect: 'view', label: 'Ellipse stretch', min: 1, max: 4, step: 0.1, default: 2, help: 'How much longer the contours are than wide (1 = circles).' },
} satisfies Fields;

export type GeometrySettings = SettingsOf<typeof geometryFields>;
