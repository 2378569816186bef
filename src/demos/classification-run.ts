import {
  DivergenceError,
  createTrainer, makeClassification, mlpLayers,
  type Dataset, type Network, type NetworkSpec, type Trainer,
} from '../engine/index.ts';

/**
 * Shared by the classification demos (overfitting, dropout, L1/L2, batch norm, early stopping):
 * a 2-D data set split into train/validation, an MLP trainer, the decision-boundary grid and
 * accuracies. Pure engine code, runs in the worker.
 */
export interface ClassificationSetup {
  dataset: 'circle' | 'xor' | 'gauss' | 'spiral';
  noise: number;
  points: number;        // training points
  valPoints: number;     // validation points
  seed: number;
}

export function makeSplit(s: ClassificationSetup): { train: Dataset; val: Dataset } {
  const n = s.points + s.valPoints;
  const { train, val } = makeClassification({ name: s.dataset, n, noise: s.noise, seed: s.seed, valFraction: s.valPoints / n });
  if (!val) throw new Error('validation split is empty');
  return { train, val };
}

/** Probabilities of class 1 on a size x size grid over [-1, 1]^2, row 0 at the top (y = +1). */
export function boundaryGrid(trainer: Trainer, size: number): Float32Array {
  return networkBoundary(trainer.network, size);
}

/** boundaryGrid for a network without a trainer (a restored or probe network). */
export function networkBoundary(net: Network, size: number): Float32Array {
  const xs = gridInputs(size);
  const logits = net.forward(xs, size * size, 'eval');
  const out = new Float32Array(size * size);
  for (let i = 0; i < out.length; i++) out[i] = 1 / (1 + Math.exp(-logits[i]));
  return out;
}

const gridCache = new Map<number, Float64Array>();
function gridInputs(size: number): Float64Array {
  let xs = gridCache.get(size);
  if (!xs) {
    xs = new Float64Array(size * size * 2);
    for (let r = 0; r < size; r++) {
      for (let c = 0; c < size; c++) {
        const i = r * size + c;
        xs[2 * i] = -1 + (2 * (c + 0.5)) / size;
        xs[2 * i + 1] = 1 - (2 * (r + 0.5)) / size;
      }
    }
    gridCache.set(size, xs);
  }
  return xs;
}

/** Every linear layer's weights in one array (what a weight histogram bins), copied. */
export function allWeights(net: Network): Float64Array {
  const ws = net.weightMatrices();
  const out = new Float64Array(ws.reduce((n, w) => n + w.length, 0));
  let o = 0;
  for (const w of ws) {
    out.set(w, o);
    o += w.length;
  }
  return out;
}

/** Fraction of points classified correctly (logit > 0 means class 1), in eval mode. */
export function accuracy(trainer: Trainer, d: Dataset): number {
  return networkAccuracy(trainer.network, d);
}

export function networkAccuracy(net: Network, d: Dataset): number {
  const logits = net.forward(d.x, d.n, 'eval');
  let right = 0;
  for (let i = 0; i < d.n; i++) if ((logits[i] > 0 ? 1 : 0) === d.y[i]) right++;
  return d.n ? right / d.n : 0;
}

export interface MlpChoice {
  hidden: number;
  layers: number;
  activation: 'relu' | 'tanh' | 'sigmoid';
  dropout?: number;
  batchnorm?: boolean;
}

export function mlpSpec(m: MlpChoice, rest: Omit<NetworkSpec, 'layers'>): NetworkSpec {
  const widths = [2, ...Array.from({ length: m.layers }, () => m.hidden), 1];
  return { ...rest, layers: mlpLayers({ widths, activation: m.activation, dropout: m.dropout, batchnorm: m.batchnorm }) };
}

/** `evaluateEachEpoch: false` leaves the epoch-end loss passes to the caller (the dropout mask
 *  viewer reads the step's masks first: an eval pass would replace them). */
export function makeTrainer(split: { train: Dataset; val: Dataset }, network: NetworkSpec, batchSize: number, seed: number, evaluateEachEpoch = true): Trainer {
  return createTrainer({ network, train: split.train, val: split.val, batchSize: Math.min(batchSize, split.train.n), seed, evaluateEachEpoch });
}

/** The points as plain arrays for the views. */
export function pointsOf(d: Dataset): { xy: Float64Array; labels: Float64Array } {
  return { xy: d.x.slice(), labels: d.y.slice() };
}

/** A training loss above factor x max(initial loss, floor) counts as diverged (see guardExplosion). */
export const EXPLOSION = { factor: 20, floor: 0.05 };

/** What a classification demo's snapshot shows of its network: accuracies, the boundary grid, the points. */
export interface ClassificationView {
  trainAccuracy: number;
  valAccuracy: number;
  grid: Float32Array;
  gridSize: number;
  trainPoints: { xy: Float64Array; labels: Float64Array };
  valPoints: { xy: Float64Array; labels: Float64Array };
}

/** The view of the trainer's network now (pass the points once copied, to skip copying them again). */
export function classificationView(
  trainer: Trainer,
  split: { train: Dataset; val: Dataset },
  gridSize: number,
  points: Pick<ClassificationView, 'trainPoints' | 'valPoints'> = { trainPoints: pointsOf(split.train), valPoints: pointsOf(split.val) },
): ClassificationView {
  return {
    trainAccuracy: accuracy(trainer, split.train),
    valAccuracy: accuracy(trainer, split.val),
    grid: boundaryGrid(trainer, gridSize),
    gridSize,
    ...points,
  };
}

/**
 * The engine stops at NaN/Infinity; a run whose loss merely explodes (an Adam step of 10 sends the
 * logits to thousands) is just as broken for a learner. Treat a training loss 20x above where it
 * started as diverged, with a message that says so. `unit` names what `at` counts (epochs by
 * default; the batch-norm demos check every step).
 */
export function guardExplosion(at: number, trainLoss: number, initialLoss: number, unit: 'epoch' | 'step' = 'epoch'): void {
  if (!exploded(trainLoss, initialLoss)) return;
  throw new DivergenceError(
    `at ${unit} ${at} the training loss reached ${Number.isFinite(trainLoss) ? trainLoss.toPrecision(3) : trainLoss}, ` +
      `over 20 times its starting value ${initialLoss.toPrecision(3)}: the steps are too large and training has diverged.`,
    at,
    trainLoss,
  );
}

/** Whether a loss counts as diverged by guardExplosion's rule (not finite, or 20x its start). */
export function exploded(trainLoss: number, initialLoss: number): boolean {
  return !Number.isFinite(trainLoss) || trainLoss > EXPLOSION.factor * Math.max(initialLoss, EXPLOSION.floor);
}
