// "Reproduce in PyTorch" for the handwritten-digits demo: the run buildRun() starts (the script loads
// the same rows with sklearn's load_digits()), with Keras' early-stopping rule where it is chosen.
import { classificationBody } from '../classification-recipe.ts';
import { defineReproduction } from '../../reproduce/recipe.ts';
import type { EarlyStoppingPlan, Line } from '../../reproduce/types.ts';
import { buildRun } from './run.ts';
import type { DigitsSnapshot } from './runner.ts';
import type { DigitsSettings } from './settings.ts';
import { digitsDemo, digitsSeedsDemo, digitsSweepDemo } from './demo.ts';
import { seedsProgram, seedsShown, sweepProgram, sweepShown } from './reproduce-seeds.ts';

/** Keras' EarlyStopping(monitor="val_loss", patience, restore_best_weights=True), as the runner applies it. */
export function earlyStoppingPlan(s: DigitsSettings): EarlyStoppingPlan {
  return {
    monitor: 'val_loss', action: 'stop', kerasMode: 'min',
    params: { mode: 'min', min_delta: 0, patience: s.patience, baseline: null, restore_best_weights: true, start_from_epoch: 0 },
  };
}

export function digitsRecipe(s: DigitsSettings) {
  const run = buildRun(s);
  return classificationBody(run, s, [], {
    dataSource: { kind: 'sklearn-digits', trainRows: run.split.trainRows, valRows: run.split.valRows },
    ...(s.method === 'early-stopping' ? { earlyStopping: earlyStoppingPlan(s) } : {}),
  });
}

/** Every trained epoch's losses and accuracies (epoch 0: before training). */
export function digitsShown(snapshot: unknown): Line[] {
  const s = snapshot as DigitsSnapshot;
  return s.train.map((t, i) => ({ epoch: i, train_loss: t, val_loss: s.val[i], train_accuracy: s.trainAccuracy[i], val_accuracy: s.valAccuracy[i] }));
}

export const digitsReproductions = [
  defineReproduction(digitsDemo, {
    library: 'pytorch',
    recipe: (s) => digitsRecipe(s),
    shown: digitsShown,
    quick: { epochs: 8, method: 'dropout', trainSize: 100 },
    pythonModules: ['sklearn'],
  }),
];

export const seedsReproductions = [
  defineReproduction(digitsSeedsDemo, {
    library: 'pytorch',
    // The whole comparison from the seeds alone (nothing embedded but the settings): see reproduce-seeds.ts.
    recipe: () => ({ library: 'pytorch', program: seedsProgram, body: null }),
    shown: seedsShown,
    quick: { seeds: 2, epochs: 5, method: 'dropout', trainSize: 100 },
    pythonModules: ['sklearn'],
  }),
];

export const sweepReproductions = [
  defineReproduction(digitsSweepDemo, {
    library: 'pytorch',
    recipe: () => ({ library: 'pytorch', program: sweepProgram, body: null }),
    shown: sweepShown,
    quick: { seeds: 1, epochs: 5, trainSize: 100 },
    pythonModules: ['sklearn'],
  }),
];
