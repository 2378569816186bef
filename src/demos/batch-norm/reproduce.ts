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
import { dropoutFields, gridFields, histogramFields, runningFields } from './settings.ts';

const chapter = { slug: 'batch-normalization', title: 'Batch normalization' };
const body = (program: RecipeProgram, data: unknown) => ({ library: 'pytorch' as const, program, body: data });

export const reproductions = [
  defineReproduction({
    id: 'bn-histogram',
    library: 'pytorch',
    title: 'Inside a layer, with and without batch norm',
    chapter,
    fields: histogramFields,
    recipe: (s) => body(histogramProgram, histogramBody(s)),
    shown: histogramShown,
    quick: { points: 64, steps: 100 },
    runner: { kind: 'bn-histogram' },
  }),
  defineReproduction({
    id: 'bn-learning-rates',
    library: 'pytorch',
    title: 'Higher learning rates, any initial weights',
    chapter,
    fields: gridFields,
    recipe: (s) => body(gridProgram, gridBody(s)),
    shown: gridShown,
    quick: { points: 64, layers: 2, hidden: 8, epochs: 5 },
    runner: { kind: 'bn-learning-rates' },
  }),
  defineReproduction({
    id: 'bn-running-stats',
    library: 'pytorch',
    title: 'Train mode, eval mode and the running statistics',
    chapter,
    fields: runningFields,
    recipe: (s) => body(runningProgram, runningBody(s)),
    shown: runningShown,
    quick: { points: 64, steps: 50 },
    runner: { kind: 'bn-running-stats' },
  }),
  defineReproduction({
    id: 'bn-dropout',
    library: 'pytorch',
    title: 'Batch norm and dropout against overfitting',
    chapter,
    fields: dropoutFields,
    recipe: (s) => body(dropoutProgram, dropoutBody(s)),
    shown: dropoutShown,
    quick: { epochs: 20 },
    runner: { kind: 'bn-dropout' },
  }),
];
