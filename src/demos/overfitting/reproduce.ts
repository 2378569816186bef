// "Reproduce in PyTorch" for chapter 1's demo: the run buildRun() starts, with the learning-rate
// changes the learner made while it trained (see src/reproduce/ and docs/writing-a-demo.md).
import { classificationBody } from '../classification-recipe.ts';
import { defineReproduction } from '../../reproduce/recipe.ts';
import type { Line } from '../../reproduce/types.ts';
import { buildRun, type OverfittingSnapshot } from './runner.ts';
import { overfittingDemo } from './demo.ts';

export const reproductions = [
  defineReproduction(overfittingDemo, {
    library: 'pytorch',
    recipe(s, changes) {
      return classificationBody(buildRun(s), s, changes);
    },
    /** The loss curves (index 0: before training) and the accuracies of the epoch shown. */
    shown(snapshot) {
      const s = snapshot as OverfittingSnapshot;
      const lines: Line[] = s.train.map((t, i) => ({ epoch: i, train_loss: t, val_loss: s.val[i] }));
      Object.assign(lines[lines.length - 1], { train_accuracy: s.trainAccuracy, val_accuracy: s.valAccuracy });
      return lines;
    },
    quick: { epochs: 20 },
    runner: { livePatch: { lr: 0.03 }, afterUnits: 4 },
  }),
];
