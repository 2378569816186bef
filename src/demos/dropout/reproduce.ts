// "Reproduce in PyTorch" for chapter 2's demos (see src/reproduce/ and docs/writing-a-demo.md).
// The mask viewer: the steps the learner trained, with the p changes they made, printing each
// step's batch loss and the masks the engine drew. The comparison: one script per network (a
// button each), the same data, initial weights and batches, with and without the dropout layers.
import { EXPLOSION } from '../classification-run.ts';
import { classificationBody } from '../classification-recipe.ts';
import { defineReproduction, torchBody } from '../../reproduce/recipe.ts';
import type { Line } from '../../reproduce/types.ts';
import type { CompareCurves, CompareSnapshot } from './compare-runner.ts';
import { buildCompareRun } from './compare-runner.ts';
import { buildMaskRun, maskSettingsOf, type MaskSnapshot } from './mask-runner.ts';
import { dropoutCompareDemo, dropoutMaskDemo } from './demo.ts';
import { maskRunFields } from './settings.ts';

/**
 * The mask viewer's numbers: every step it still charts (the last HISTORY_STEPS) with its p,
 * dropped units and batch loss, and the losses of the last finished epoch at the step it ended.
 */
function maskShown(snap: MaskSnapshot): Line[] {
  const h = snap.history;
  const lines = new Map<number, Line>();
  h.steps.forEach((step, i) => lines.set(step, { step, p: h.p[i], dropped: h.dropped[i], units: h.units[i], batch_loss: h.loss[i] }));
  if (snap.trainLoss !== null && snap.epoch > 0) {
    const step = snap.epoch * snap.batchesPerEpoch;
    lines.set(step, { ...(lines.get(step) ?? { step }), train_loss: snap.trainLoss, val_loss: snap.valLoss });
  }
  return [...lines.values()].sort((a, b) => (a.step as number) - (b.step as number));
}

/** A compared network's curves (index 0: before training), and its accuracies at an epoch's end. */
function curveLines(c: CompareCurves, stepsPerEpoch: number): Line[] {
  const lines: Line[] = c.train.map((t, i) => ({ epoch: i, train_loss: t, val_loss: c.val[i] }));
  const epoch = lines.length - 1;
  // The accuracies are measured on the network as it is; that is an epoch's line only between epochs.
  if (c.steps === epoch * stepsPerEpoch) Object.assign(lines[epoch], { train_accuracy: c.trainAccuracy, val_accuracy: c.valAccuracy });
  return lines;
}

function compareReproduction(which: 'plain' | 'dropout') {
  const without = which === 'plain';
  return defineReproduction(dropoutCompareDemo, {
    id: without ? 'dropout-compare-without' : 'dropout-compare-with',
    library: 'pytorch',
    title: without ? 'Does it help? The network without dropout' : 'Does it help? The network with dropout',
    recipe(s) {
      const run = buildCompareRun(s);
      return classificationBody({ split: run.split, trainer: run[which] }, s, []);
    },
    shown(snapshot) {
      const snap = snapshot as CompareSnapshot;
      return curveLines(snap[which], snap.stepsPerEpoch);
    },
    quick: { epochs: 10 },
  });
}

export const maskReproductions = [
  defineReproduction(dropoutMaskDemo, {
    library: 'pytorch',
    runFields: maskRunFields,
    recipe(s, changes) {
      const { split, trainer } = buildMaskRun(maskSettingsOf(s));
      const perEpoch = Math.ceil(split.train.n / Math.min(s.batch, split.train.n));
      return torchBody({
        trainer, data: split, batchSize: s.batch, shuffleSeed: s.seed,
        epochs: Math.ceil(s.steps / perEpoch), stopAfterSteps: s.steps, changes,
        figures: { perStep: { masks: true } }, divergence: EXPLOSION,
      });
    },
    shown: (snapshot) => maskShown(snapshot as MaskSnapshot),
    quick: { steps: 20 },
    runner: { livePatch: { p: 0.3 }, afterUnits: 8, units: 20 },
  }),
];

/** One script per network of the comparison (a button each). */
export const compareReproductions = [compareReproduction('plain'), compareReproduction('dropout')];
