import type { Runner, RunnerFactory } from '../../training/runner.ts';
import { createEarlyStopping, type ParamsJSON } from '../../engine/index.ts';
import { loadDigits } from '../../data/digits/digits.ts';
import type { RunLog } from '../../reproduce/types.ts';
import { guardExplosion } from '../classification-run.ts';
import { validated } from '../settings-kit.ts';
import { buildRun, evaluate, firstLayer, misclassified, type Misclassified } from './run.ts';
import { digitsFields, type DigitsSettings } from './settings.ts';

export interface DigitsSnapshot {
  settings: DigitsSettings;
  /** Epochs trained; index i of the curves is after i epochs (index 0: before training). */
  epoch: number;
  maxEpochs: number;
  train: number[];
  val: number[];
  trainAccuracy: number[];
  valAccuracy: number[];
  /** Index of the lowest validation loss so far. */
  bestEpoch: number;
  /** With early stopping: where it stopped (curve index, null while training) and the epoch whose weights it kept. */
  early: { stoppedAt: number | null; keptEpoch: number; wait: number } | null;
  trainCount: number;
  valCount: number;
  /** The model shown (the kept one after early stopping): its validation loss and accuracy, its mistakes. */
  shownValLoss: number;
  shownValAccuracy: number;
  wrong: number;
  misclassified: Misclassified[];
  /** First-layer weights, hidden x 64 (row o: neuron o's 8 x 8 image). */
  hidden: number;
  weights: Float32Array;
  nearZero: number;
  meanAbs: number;
  reproduce: RunLog;
}

export const validSettings = (raw: unknown): DigitsSettings => validated(digitsFields, raw);

/** One epoch per unit of work; early stopping (Keras' rule on val_loss, best weights restored) ends the run early. */
export function digitsRunner(raw: unknown): Runner {
  const s = validSettings(raw);
  const { split, trainer } = buildRun(s);
  const net = trainer.network;
  const first0 = evaluate(trainer, split.train), val0 = evaluate(trainer, split.val);
  const train = [first0.loss], val = [val0.loss], trainAccuracy = [first0.accuracy], valAccuracy = [val0.accuracy];
  let predicted = val0.predicted;
  let bestEpoch = 0;
  const stopper = s.method === 'early-stopping' ? createEarlyStopping({ patience: s.patience, restore_best_weights: true }) : null;
  let best: { epoch: number; params: ParamsJSON } | null = null;
  let stoppedAt: number | null = null;
  let done = false;

  /** Keras loads the best weights back when training ends, stopped or not. */
  function finish() {
    done = true;
    if (best) {
      net.loadParams(best.params);
      predicted = evaluate(trainer, split.val).predicted;
    }
  }

  return {
    advance() {
      if (done) return false;
      trainer.runEpoch();
      const t = evaluate(trainer, split.train), v = evaluate(trainer, split.val);
      guardExplosion(trainer.epoch, t.loss, train[0]);
      train.push(t.loss); val.push(v.loss); trainAccuracy.push(t.accuracy); valAccuracy.push(v.accuracy);
      predicted = v.predicted;
      if (v.loss < val[bestEpoch]) bestEpoch = val.length - 1;
      if (stopper) {
        const hadBest = stopper.state.hasBestWeights;
        const ev = stopper.update(trainer.epoch - 1, v.loss);
        if (ev.improved || (!hadBest && stopper.state.hasBestWeights)) best = { epoch: trainer.epoch - 1, params: net.params() };
        if (ev.stop) stoppedAt = trainer.epoch;
      }
      if (stoppedAt !== null || trainer.epoch >= s.epochs) finish();
      return !done;
    },
    snapshot(): DigitsSnapshot {
      const keptEpoch = best ? best.epoch + 1 : trainer.epoch;
      const shownAt = done && best ? keptEpoch : val.length - 1;
      const mis = misclassified(split, predicted);
      return {
        settings: s,
        epoch: trainer.epoch,
        maxEpochs: s.epochs,
        train: train.slice(), val: val.slice(), trainAccuracy: trainAccuracy.slice(), valAccuracy: valAccuracy.slice(),
        bestEpoch,
        early: stopper ? { stoppedAt, keptEpoch, wait: stopper.state.wait } : null,
        trainCount: split.train.n,
        valCount: split.val.n,
        shownValLoss: val[shownAt],
        shownValAccuracy: valAccuracy[shownAt],
        wrong: mis.count,
        misclassified: mis.shown,
        hidden: s.hidden,
        ...firstLayer(trainer),
        reproduce: { settings: { ...s }, changes: [] },
      };
    },
  };
}

const digitsFactory: RunnerFactory = Object.assign(digitsRunner, { preload: loadDigits });

export const runners = { digits: digitsFactory };
