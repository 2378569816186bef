// "Reproduce in PyTorch" for chapter 4's demos. Each compares several networks trained from the
// same initial weights on the same batches, which the one-network script does not describe, so
// each writes its own script (reproduce-<demo>.ts) and replays the demo's own run for the
// engine's lines. None of them changes the run while it trains (the layer, feature and mode
// controls only choose what is shown), so a run is its settings: `changes` is always empty.
import { defineReproduction } from '../../reproduce/recipe.ts';
import type { RecipeProgram } from '../../reproduce/types.ts';
import { dropoutBody, dropoutProgram, dropoutShown } from './reproduce-dropout.ts';
import { gridBody, gridProgram, gridShown } from './reproduce-grid.ts';
import { histogramBody, histogramProgram, histogramShown } from './reproduce-histogram.ts';
import { runningBody, runningProgram, runningShown } from './reproduce-running.ts';
import { batchNormDropoutDemo, batchNormHistogramDemo, batchNormLearningRateDemo, batchNormRunningStatsDemo } from './demo.ts';

const body = (program: RecipeProgram, data: unknown) => ({ library: 'pytorch' as const, program, body: data });

export const histogramReproductions = [
  defineReproduction(batchNormHistogramDemo, {
    library: 'pytorch',
    recipe: (s) => body(histogramProgram, histogramBody(s)),
    shown: histogramShown,
    quick: { points: 64, steps: 100 },
  }),
];

export const gridReproductions = [
  defineReproduction(batchNormLearningRateDemo, {
    library: 'pytorch',
    recipe: (s) => body(gridProgram, gridBody(s)),
    shown: gridShown,
    quick: { points: 64, layers: 2, hidden: 8, epochs: 5 },
  }),
];

export const runningReproductions = [
  defineReproduction(batchNormRunningStatsDemo, {
    library: 'pytorch',
    recipe: (s) => body(runningProgram, runningBody(s)),
    shown: runningShown,
    quick: { points: 64, steps: 50 },
  }),
];

export const dropoutReproductions = [
  defineReproduction(batchNormDropoutDemo, {
    library: 'pytorch',
    recipe: (s) => body(dropoutProgram, dropoutBody(s)),
    shown: dropoutShown,
    quick: { epochs: 20 },
  }),
];
