// "Reproduce in PyTorch" for the playground: the run buildRun() starts (the data, drawn or
// uploaded points included, the initial weights, batches and dropout masks), with the live changes
// of lr, dropout p, L1 and L2 and, when it is on, Keras' early-stopping rule stopping the run.
import { classificationBody } from '../classification-recipe.ts';
import { defineReproduction } from '../../reproduce/recipe.ts';
import type { Line } from '../../reproduce/types.ts';
import { buildRun, earlyStoppingParams, validPlayground } from './run.ts';
import type { PlaygroundSnapshot } from './runner.ts';
import { playgroundDemo } from './demo.ts';

export const reproductions = [
  defineReproduction(playgroundDemo, {
    library: 'pytorch',
    recipe(raw, changes) {
      const s = validPlayground(raw);
      const es = earlyStoppingParams(s);
      return classificationBody(buildRun(s), s, changes, es ? { earlyStopping: { monitor: 'val_loss', action: 'stop', kerasMode: 'min', params: es } } : {});
    },
    /** The main network's loss curves (index 0: before training), as the chart shows them. */
    shown(snapshot) {
      const m = (snapshot as PlaygroundSnapshot).main;
      return m.train.map((t, i): Line => ({ epoch: i, train_loss: t, val_loss: m.val[i] }));
    },
    quick: { epochs: 12, points: 100, dropout: 0.2, l2: 0.001, earlyStopping: true, patience: 3 },
    runner: { livePatch: { dropout: 0.3, l1: 0.001 }, afterUnits: 3 },
  }),
];
