import type { Runner } from '../../training/runner.ts';
import { validated } from '../settings-kit.ts';
import { accuracy, boundaryGrid, guardExplosion, makeSplit, makeTrainer, pointsOf } from '../classification-run.ts';
import { DivergenceError, type Trainer } from '../../engine/index.ts';
import type { RunLog } from '../../reproduce/types.ts';
import { compareSeedsRunner } from './compare-seeds.ts';
import { dropoutNetworkSpec } from './network.ts';
import { compareFields, GRID, VALIDATION_POINTS, type CompareSettings } from './settings.ts';

export interface CompareCurves {
  train: number[];          // training loss after each epoch (eval mode; index 0 = before training)
  val: number[];            // validation loss after each epoch
  trainAccuracy: number;    // the accuracies and the grid are of the network now, after `steps` steps
  valAccuracy: number;
  steps: number;            // optimizer steps taken (a network may be part-way into an epoch)
  grid: Float32Array;       // probabilities of class 1 on a GRID x GRID grid over [-1, 1]^2
}

export interface CompareSnapshot {
  epoch: number;            // epochs both networks have finished
  maxEpochs: number;
  stepsPerEpoch: number;    // mini-batches per epoch (a unit of work is one network's step)
  p: number;
  plain: CompareCurves;     // without dropout
  dropout: CompareCurves;   // with nn.Dropout(p) after every hidden activation
  gridSize: number;
  trainPoints: { xy: Float64Array; labels: Float64Array };
  valPoints: { xy: Float64Array; labels: Float64Array };
  /** "Reproduce in PyTorch": the settings of the run (every change retrains both: no live changes). */
  reproduce: RunLog;
}

export const validCompare = (raw: unknown): CompareSettings => validated(compareFields, raw);

/** The whole comparison from the settings: one split, two trainers with the same seed. */
export function buildCompareRun(raw: unknown) {
  const s = validCompare(raw);
  const split = makeSplit({ dataset: s.dataset, noise: s.noise, points: s.points, valPoints: VALIDATION_POINTS, seed: s.seed });
  return {
    settings: s,
    split,
    plain: makeTrainer(split, dropoutNetworkSpec(s), s.batch, s.seed),
    dropout: makeTrainer(split, dropoutNetworkSpec(s, s.p), s.batch, s.seed),
  };
}

/** A divergence names the network it happened to. */
function named<T>(who: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof DivergenceError) throw new DivergenceError(`${who}, ${e.message}`, e.step, e.value);
    throw e;
  }
}

/**
 * "Does it help?": the two networks train in lockstep on the same mini-batches in the same order,
 * one network's step per unit of work, so a unit stays short whatever the settings; the curves
 * get a point per epoch.
 */
export function dropoutCompareRunner(raw: unknown): Runner {
  // Several seeds: the two networks on every seed, compared by their final numbers.
  if (validCompare(raw).seeds > 1) return compareSeedsRunner(validCompare(raw));
  const run = buildCompareRun(raw);
  const { settings: s, split } = run;
  const stepsPerEpoch = Math.ceil(split.train.n / Math.min(s.batch, split.train.n));
  const start = (t: Trainer) => ({
    t,
    steps: 0,
    train: [t.network.loss(split.train.x, split.train.y, split.train.n, 'eval')],
    val: [t.network.loss(split.val.x, split.val.y, split.val.n, 'eval')],
    // Accuracies and the boundary grid (thousands of forward rows) change only with the weights:
    // measured once per network state, not at every snapshot.
    measured: null as { steps: number; trainAccuracy: number; valAccuracy: number; grid: Float32Array } | null,
  });
  const plain = start(run.plain);
  const dropout = start(run.dropout);
  const who = { plain: 'the network without dropout', dropout: `the network with dropout (p = ${s.p})` };

  const stepOne = (r: typeof plain, name: string) =>
    named(name, () => {
      const { epochDone } = r.t.step();
      r.steps++;
      if (!epochDone) return;
      guardExplosion(epochDone.epoch + 1, epochDone.trainLoss, r.train[0]);
      r.train.push(epochDone.trainLoss);
      r.val.push(epochDone.valLoss ?? NaN);
    });

  const curves = (r: typeof plain): CompareCurves => {
    if (r.measured?.steps !== r.steps) {
      r.measured = { steps: r.steps, trainAccuracy: accuracy(r.t, split.train), valAccuracy: accuracy(r.t, split.val), grid: boundaryGrid(r.t, GRID) };
    }
    const { trainAccuracy, valAccuracy, grid } = r.measured;
    return { train: r.train.slice(), val: r.val.slice(), trainAccuracy, valAccuracy, steps: r.steps, grid };
  };
  let units = 0;
  const trainPoints = pointsOf(split.train);
  const valPoints = pointsOf(split.val);
  const reproduce: RunLog = { settings: { ...s }, changes: [] };

  return {
    // Units alternate: even ones step the network without dropout, odd ones the one with it, on
    // the same mini-batch; an epoch is 2 x stepsPerEpoch units.
    advance() {
      if (dropout.t.epoch >= s.epochs) return false;
      if (units % 2 === 0) stepOne(plain, who.plain);
      else stepOne(dropout, who.dropout);
      units++;
      return dropout.t.epoch < s.epochs;
    },
    snapshot(): CompareSnapshot {
      return {
        epoch: dropout.t.epoch,
        maxEpochs: s.epochs,
        stepsPerEpoch,
        p: s.p,
        plain: curves(plain),
        dropout: curves(dropout),
        gridSize: GRID,
        trainPoints,
        valPoints,
        reproduce,
      };
    },
  };
}
