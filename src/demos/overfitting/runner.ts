import type { Runner } from '../../training/runner.ts';
import { validated } from '../settings-kit.ts';
import { classificationView, guardExplosion, makeSplit, makeTrainer, mlpSpec, pointsOf, type ClassificationView } from '../classification-run.ts';
import { GRID, overfittingFields, VALIDATION_POINTS, type OverfittingSettings } from './settings.ts';
import type { NetworkSpec } from '../../engine/index.ts';
import { createChangeLog } from '../../reproduce/changes.ts';
import type { RunLog } from '../../reproduce/types.ts';

export interface OverfittingSnapshot extends ClassificationView {
  epoch: number;
  maxEpochs: number;
  train: number[];          // training loss after each epoch (index 0 = before training)
  val: number[];            // validation loss after each epoch
  bestEpoch: number;        // epoch of the lowest validation loss so far
  noise: number;            // the label-flip fraction the data was drawn with
  valLogits: Float64Array;  // the network's logit for each validation point (the verdict's coverage check)
  /** The settings this run started from and the live changes since: "Reproduce in PyTorch". */
  reproduce: RunLog;
}

export function networkSpec(s: OverfittingSettings): NetworkSpec {
  return mlpSpec(
    { hidden: s.hidden, layers: s.layers, activation: s.activation },
    { loss: 'bce_with_logits', optimizer: { type: 'adam', lr: s.lr }, seed: s.seed },
  );
}

export function validSettings(raw: unknown): OverfittingSettings {
  return validated(overfittingFields, raw);
}

/** The run these settings start: the data split and a trainer that has not taken a step. */
export function buildRun(s: OverfittingSettings) {
  const split = makeSplit({ dataset: s.dataset, noise: s.noise, points: s.points, valPoints: VALIDATION_POINTS, seed: s.seed });
  return { split, trainer: makeTrainer(split, networkSpec(s), s.batch, s.seed) };
}

/** Chapter 1's demo: a too-large network on few noisy points, one epoch per unit of work. */
export function overfittingRunner(raw: unknown): Runner {
  const s = validSettings(raw);
  const { split, trainer } = buildRun(s);
  const net = trainer.network;
  const log = createChangeLog(s, { lr: s.lr });
  const train = [net.loss(split.train.x, split.train.y, split.train.n, 'eval')];
  const val = [net.loss(split.val.x, split.val.y, split.val.n, 'eval')];
  let bestEpoch = 0;
  const points = { trainPoints: pointsOf(split.train), valPoints: pointsOf(split.val) };

  return {
    advance() {
      if (trainer.epoch >= s.epochs) return false;
      const rec = trainer.runEpoch();
      guardExplosion(trainer.epoch, rec.trainLoss, train[0]);
      train.push(rec.trainLoss);
      val.push(rec.valLoss ?? NaN);
      if ((rec.valLoss ?? Infinity) < val[bestEpoch]) bestEpoch = val.length - 1;
      return trainer.epoch < s.epochs;
    },
    update(patch) {
      if (typeof patch.lr === 'number') {
        const lr = validSettings({ ...s, lr: patch.lr }).lr;
        net.setLearningRate(lr);
        log.record(trainer.steps, trainer.epoch, { lr });
        s.lr = lr;
      }
    },
    snapshot(): OverfittingSnapshot {
      return {
        epoch: trainer.epoch,
        maxEpochs: s.epochs,
        train: train.slice(),
        val: val.slice(),
        bestEpoch,
        noise: s.noise,
        valLogits: net.forward(split.val.x, split.val.n, 'eval').slice(),
        ...classificationView(trainer, split, GRID, points),
        reproduce: log.run(),
      };
    },
  };
}
