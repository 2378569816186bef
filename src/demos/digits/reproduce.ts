// "Reproduce in PyTorch" for the handwritten-digits demo: the run buildRun() starts (the script loads
// the same rows with sklearn's load_digits()), with Keras' early-stopping rule where it is chosen.
import { classificationBody } from '../classification-recipe.ts';
import { defineReproduction, type ReproducedDemo } from '../../reproduce/recipe.ts';
import type { EarlyStoppingPlan, Line, RecipeProgram, Reproduction } from '../../reproduce/types.ts';
import type { Fields, SettingsOf } from '../settings-kit.ts';
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

/**
 * The seeds and sweep scripts write the whole comparison from the settings alone (nothing
 * embedded): every run loads the digits, seeds itself and trains (see reproduce-seeds.ts).
 */
function programReproductions<F extends Fields>(demo: ReproducedDemo<F>, program: RecipeProgram, shown: (snapshot: unknown) => Line[], quick: Partial<SettingsOf<F>>): Reproduction[] {
  return [defineReproduction(demo, { library: 'pytorch', recipe: () => ({ library: 'pytorch', program, body: null }), shown, quick, pythonModules: ['sklearn'] })];
}

export const seedsReproductions = programReproductions(digitsSeedsDemo, seedsProgram, seedsShown, { seeds: 2, epochs: 5, method: 'dropout', trainSize: 100 });
export const sweepReproductions = programReproductions(digitsSweepDemo, sweepProgram, sweepShown, { seeds: 1, epochs: 5, trainSize: 100 });
