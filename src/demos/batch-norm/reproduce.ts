// "Reproduce in PyTorch" for chapter 4's demos. Each compares several networks trained from the
// same initial weights on the same batches, which the one-network script does not describe, so
// each writes its own script (reproduce-<demo>.ts) and replays the demo's own run for the
// engine's lines. None of them changes the run while it trains (the layer, feature and mode
// controls only choose what is shown), so a run is its settings: `changes` is always empty.
import { defineReproduction, type ReproducedDemo } from '../../reproduce/recipe.ts';
import type { Line, RecipeProgram } from '../../reproduce/types.ts';
import type { Fields, SettingsOf } from '../settings-kit.ts';
import { dropoutBody, dropoutProgram, dropoutShown } from './reproduce-dropout.ts';
import { gridBody, gridProgram, gridShown } from './reproduce-grid.ts';
import { histogramBody, histogramProgram, histogramShown } from './reproduce-histogram.ts';
import { runningBody, runningProgram, runningShown } from './reproduce-running.ts';
import { batchNormDropoutDemo, batchNormHistogramDemo, batchNormLearningRateDemo, batchNormRunningStatsDemo } from './demo.ts';

/** A comparison's reproduction: its program writes the script and replays the demo's own run. */
function programReproduction<F extends Fields>(demo: ReproducedDemo<F>, program: RecipeProgram, body: (s: SettingsOf<F>) => unknown, shown: (snapshot: unknown, s: SettingsOf<F>) => Line[], quick: Partial<SettingsOf<F>>) {
  return [defineReproduction(demo, { library: 'pytorch', recipe: (s) => ({ library: 'pytorch' as const, program, body: body(s) }), shown, quick })];
}

export const histogramReproductions = programReproduction(batchNormHistogramDemo, histogramProgram, histogramBody, histogramShown, { points: 64, steps: 100 });
export const gridReproductions = programReproduction(batchNormLearningRateDemo, gridProgram, gridBody, gridShown, { points: 64, layers: 2, hidden: 8, epochs: 5 });
export const runningReproductions = programReproduction(batchNormRunningStatsDemo, runningProgram, runningBody, runningShown, { points: 64, steps: 50 });
export const dropoutReproductions = programReproduction(batchNormDropoutDemo, dropoutProgram, dropoutBody, dropoutShown, { epochs: 20 });
