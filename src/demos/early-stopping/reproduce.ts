// "Reproduce in PyTorch" for chapter 5's demos: the run buildRun() starts, then Keras' rule with
// the learner's settings: stopping it (the stepper), or replayed once per patience over every
// epoch (the savings table). See src/reproduce/ and docs/writing-a-demo.md.
import { defineReproduction, torchBody } from '../../reproduce/recipe.ts';
import type { Line } from '../../reproduce/types.ts';
import { decide, kerasParams, monitoredValues } from './rule.ts';
import { buildRun, type EarlyStoppingRunSnapshot } from './runner.ts';
import { earlyStoppingDemo, earlyStoppingSavingsDemo } from './demo.ts';
import { pickRule, pickRun, TABLE_PATIENCES, type EarlyStoppingSettings } from './settings.ts';


function body(s: EarlyStoppingSettings, action: 'stop' | 'compare') {
  const run = pickRun(s), rule = pickRule(s);
  const { split, trainer } = buildRun(run);
  return torchBody({
    trainer, data: split, batchSize: run.batch, shuffleSeed: run.seed, epochs: run.epochs, changes: [],
    figures: { accuracy: true },
    earlyStopping: {
      monitor: rule.monitor, params: kerasParams(rule), kerasMode: rule.mode, action,
      ...(action === 'compare' ? { patiences: [...TABLE_PATIENCES] } : {}),
    },
  });
}

/** Every trained epoch's losses and accuracies (epoch 0: the validation loss before training). */
function epochLines(snap: EarlyStoppingRunSnapshot): Line[] {
  return [
    { epoch: 0, val_loss: snap.initialVal },
    ...snap.train.map((t, i) => ({
      epoch: i + 1, train_loss: t, val_loss: snap.val[i], train_accuracy: snap.trainAccuracy[i], val_accuracy: snap.valAccuracy[i],
    })),
  ];
}

export const stepperReproductions = [
  defineReproduction(earlyStoppingDemo, {
    library: 'pytorch',
    recipe: (s) => body(s, 'stop'),
    /** The epochs' numbers, with the wait counter and best value the stepper shows at each. */
    shown(snapshot, s) {
      const snap = snapshot as EarlyStoppingRunSnapshot;
      const rule = pickRule(s);
      const events = decide(monitoredValues(snap, rule.monitor), kerasParams(rule)).events;
      return epochLines(snap).map((l, i) => (i > 0 && events[i - 1] ? { ...l, wait: events[i - 1].wait, best: events[i - 1].best } : l));
    },
    quick: { epochs: 20, patience: 2 },
  }),
];

export const savingsReproductions = [
  defineReproduction(earlyStoppingSavingsDemo, {
    library: 'pytorch',
    recipe: (s) => body(s, 'compare'),
    shown: (snapshot) => epochLines(snapshot as EarlyStoppingRunSnapshot),
    quick: { epochs: 20 },
  }),
];
