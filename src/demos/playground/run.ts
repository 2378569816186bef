/**
 * The playground's run, pure: its data split (a built-in data set, or the learner's own points
 * split by the seed), its network (every technique from the settings) and a trainer that has not
 * taken a step. The runner, the twin of compare mode and the PyTorch recipe all build from here,
 * so they cannot drift apart.
 */
import { createRng, createTrainer, EngineError, makeClassification, type Dataset, type EarlyStoppingParams, type NetworkSpec, type OptimizerSpec } from '../../engine/index.ts';
import { validated } from '../settings-kit.ts';
import { mlpSpec } from '../classification-run.ts';
import { decodePoints, type Point } from './points-code.ts';
import { playgroundClash } from './clash.ts';
import { MOMENTUM, playgroundFields, type CompareKind, type PlaygroundSettings } from './settings.ts';

export interface Split { train: Dataset; val: Dataset }

function datasetOf(points: readonly Point[], order: ArrayLike<number>, from: number, to: number): Dataset {
  const n = to - from;
  const x = new Float64Array(2 * n), y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = points[order[from + i]];
    x[2 * i] = p.x;
    x[2 * i + 1] = p.y;
    y[i] = p.label;
  }
  return { x, y, n, inputs: 2, outputs: 1 };
}

/** The learner's points shuffled by the seed, the validation share held out. */
export function customSplit(points: readonly Point[], valShare: number, seed: number): Split {
  const order = Uint32Array.from({ length: points.length }, (_, i) => i);
  createRng(seed).shuffle(order);
  const nVal = Math.round(points.length * valShare);
  return { train: datasetOf(points, order, 0, points.length - nVal), val: datasetOf(points, order, points.length - nVal, points.length) };
}

export function validPlayground(raw: unknown): PlaygroundSettings {
  return validated(playgroundFields, raw, playgroundClash);
}

export function makePlaygroundSplit(s: PlaygroundSettings): Split {
  if (s.dataset === 'custom') return customSplit(decodePoints(s.data), s.valShare, s.seed);
  const { train, val } = makeClassification({ name: s.dataset, n: s.points, noise: s.noise, seed: s.seed, valFraction: s.valShare });
  if (!val) throw new EngineError('the validation share leaves no validation point');
  return { train, val };
}

function optimizer(s: PlaygroundSettings): OptimizerSpec {
  if (s.optimizer === 'adam') return { type: 'adam', lr: s.lr };
  return s.optimizer === 'momentum' ? { type: 'sgd', lr: s.lr, momentum: MOMENTUM } : { type: 'sgd', lr: s.lr };
}

/** The settings of the twin network: the same, with one technique switched off. */
export function withoutTechnique(s: PlaygroundSettings, off: CompareKind): PlaygroundSettings {
  switch (off) {
    case 'dropout': return { ...s, dropout: 0 };
    case 'l1': return { ...s, l1: 0 };
    case 'l2': return { ...s, l2: 0 };
    case 'batchnorm': return { ...s, batchnorm: false };
    case 'early-stopping': return { ...s, earlyStopping: false };
    default: return s;
  }
}

/**
 * The network: dropout layers are always there (p may be 0), so p can change while it trains;
 * they draw no random numbers at p = 0, so the initial weights and batches do not depend on it.
 */
export function networkSpec(s: PlaygroundSettings): NetworkSpec {
  return mlpSpec(
    { hidden: s.hidden, layers: s.layers, activation: s.activation, dropout: s.dropout, batchnorm: s.batchnorm },
    { loss: 'bce_with_logits', optimizer: optimizer(s), penalty: { l1: s.l1, l2: s.l2 }, seed: s.seed },
  );
}

/** Keras' EarlyStopping(monitor="val_loss", ...) with the learner's settings, or null when it is off. */
export function earlyStoppingParams(s: PlaygroundSettings): Required<EarlyStoppingParams> | null {
  if (!s.earlyStopping) return null;
  return { mode: 'min', min_delta: s.minDelta, patience: s.patience, baseline: null, restore_best_weights: s.restoreBest, start_from_epoch: 0 };
}

/** The run these (validated) settings start: the data split and a trainer that has not taken a step. */
export function buildRun(s: PlaygroundSettings, split: Split = makePlaygroundSplit(s)) {
  const trainer = createTrainer({ network: networkSpec(s), train: split.train, val: split.val, batchSize: Math.min(s.batch, split.train.n), seed: s.seed, evaluateEachEpoch: false });
  return { split, trainer };
}
