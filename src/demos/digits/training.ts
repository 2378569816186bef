// One digits run epoch by epoch: the curves the demos draw, Keras' early stopping where it is
// chosen (best weights restored when training ends), and the model shown at the end. Shared by
// the single-run demo (runner.ts) and the several-seeds comparison (seeds-runner.ts).
import { createEarlyStopping, type ParamsJSON } from '../../engine/index.ts';
import { guardExplosion } from '../classification-run.ts';
import { buildRun, evaluate, type DigitsSplit } from './run.ts';
import type { DigitsSettings } from './settings.ts';

export interface DigitsTraining {
  readonly settings: DigitsSettings;
  readonly run: ReturnType<typeof buildRun>;
  /** Index i: after i epochs (0: before training). */
  readonly train: number[];
  readonly val: number[];
  readonly trainAccuracy: number[];
  readonly valAccuracy: number[];
  /** Predicted class of every validation digit, by the model shown (the kept one once early stopping has ended the run). */
  predicted(): Uint8Array;
  bestEpoch(): number;
  /** With early stopping: where it stopped (null while training or when it never did) and the epoch kept. */
  early(): { stoppedAt: number | null; keptEpoch: number; wait: number } | null;
  /**
   * One unit of work: a mini-batch step, or, after an epoch's last step, the evaluation of both
   * sets (so no unit holds the worker long: an epoch is unitsPerEpoch units). False once the run
   * has ended (all epochs, or stopped early).
   */
  advance(): boolean;
  readonly unitsPerEpoch: number;
  /** Epochs trained and evaluated (the curves' last index). */
  epochs(): number;
  readonly done: boolean;
  /** The curve index of the model shown: the last epoch, or the kept one after early stopping. */
  shownEpoch(): number;
}

export function startDigitsTraining(s: DigitsSettings, given?: DigitsSplit): DigitsTraining {
  const run = buildRun(s, given);
  const { split, trainer } = run;
  const net = trainer.network;
  const t0 = evaluate(trainer, split.train), v0 = evaluate(trainer, split.val);
  const train = [t0.loss], val = [v0.loss], trainAccuracy = [t0.accuracy], valAccuracy = [v0.accuracy];
  let predicted = v0.predicted;
  let bestEpoch = 0;
  const stopper = s.method === 'early-stopping' ? createEarlyStopping({ patience: s.patience, restore_best_weights: true }) : null;
  let best: { epoch: number; params: ParamsJSON } | null = null;
  let stoppedAt: number | null = null;
  let done = false;
  let evaluateNext = false; // the epoch's steps are done; its evaluation is the next unit

  /** Keras loads the best weights back when training ends, stopped or not. */
  function finish() {
    done = true;
    if (best) {
      net.loadParams(best.params);
      predicted = evaluate(trainer, split.val).predicted;
    }
  }

  return {
    settings: s, run, train, val, trainAccuracy, valAccuracy,
    predicted: () => predicted,
    bestEpoch: () => bestEpoch,
    early: () => (stopper ? { stoppedAt, keptEpoch: best ? best.epoch + 1 : trainer.epoch, wait: stopper.state.wait } : null),
    get done() { return done; },
    unitsPerEpoch: Math.ceil(split.train.n / Math.min(s.batch, split.train.n)) + 1,
    epochs: () => val.length - 1,
    shownEpoch: () => (done && best ? best.epoch + 1 : val.length - 1),
    advance() {
      if (done) return false;
      if (!evaluateNext) {
        evaluateNext = trainer.step().epochDone !== null;
        return true;
      }
      evaluateNext = false;
      const t = evaluate(trainer, split.train), v = evaluate(trainer, split.val);
      train.push(t.loss); val.push(v.loss); trainAccuracy.push(t.accuracy); valAccuracy.push(v.accuracy);
      guardExplosion(trainer.epoch, t.loss, train[0]); // after the push: the curves end with the epoch that exploded
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
  };
}
