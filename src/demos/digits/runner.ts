import type { Runner } from '../../training/runner.ts';
import type { RunLog } from '../../reproduce/types.ts';
import { validated } from '../settings-kit.ts';
import { firstLayer, misclassified, type Misclassified } from './run.ts';
import { startDigitsTraining } from './training.ts';
import { digitsFields, type DigitsSettings } from './settings.ts';

export interface DigitsSnapshot {
  settings: DigitsSettings;
  /** Epochs trained and evaluated; index i of the curves is after i epochs (index 0: before training). */
  epoch: number;
  /** Units of work per epoch (its mini-batch steps and its evaluation): what "Step one epoch" asks for. */
  unitsPerEpoch: number;
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

/** A mini-batch step (or an epoch's evaluation) per unit of work; early stopping (Keras' rule on val_loss, best weights restored) ends the run early. */
export function digitsRunner(raw: unknown): Runner {
  const s = validSettings(raw);
  const d = startDigitsTraining(s);
  const { split, trainer } = d.run;
  return {
    advance: () => d.advance(),
    snapshot(): DigitsSnapshot {
      const shownAt = d.shownEpoch();
      const mis = misclassified(split, d.predicted());
      return {
        settings: s,
        epoch: d.epochs(),
        unitsPerEpoch: d.unitsPerEpoch,
        maxEpochs: s.epochs,
        train: d.train.slice(), val: d.val.slice(), trainAccuracy: d.trainAccuracy.slice(), valAccuracy: d.valAccuracy.slice(),
        bestEpoch: d.bestEpoch(),
        early: d.early(),
        trainCount: split.train.n,
        valCount: split.val.n,
        shownValLoss: d.val[shownAt],
        shownValAccuracy: d.valAccuracy[shownAt],
        wrong: mis.count,
        misclassified: mis.shown,
        hidden: s.hidden,
        ...firstLayer(trainer),
        reproduce: { settings: { ...s }, changes: [] },
      };
    },
  };
}

