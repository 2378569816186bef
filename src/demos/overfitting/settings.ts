import type { Fields, SettingsOf } from '../settings-kit.ts';
import { activation, adamLr, batch, dataset, epochs, hidden, layers, noise, points, seed } from '../common-fields.ts';

/**
 * Settings of the "watch a network overfit" demo (chapter 1). The defaults (circle, seed 19, 30
 * points) are chosen so that every claim and "thing to try" of the chapter holds on them, and the
 * training points cover the whole plane, so the validation loss rises from memorised noise, not
 * from regions without data (tests/unit/overfitting-demo.test.ts runs each of them).
 */
export const overfittingFields = {
  dataset,
  noise,
  points: { ...points, default: 30 },
  hidden,
  layers: { ...layers, max: 4 },
  activation,
  lr: { ...adamLr, effect: 'live' },
  batch,
  epochs,
  seed: { ...seed, default: 19 },
} satisfies Fields;

export type OverfittingSettings = SettingsOf<typeof overfittingFields>;

/** Validation points are drawn from the same distribution and never trained on. */
export const VALIDATION_POINTS = 300;
/** Resolution of the decision-boundary grid. */
export const GRID = 48;
