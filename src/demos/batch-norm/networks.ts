/**
 * What the batch-norm demos share: the MLPs with and without nn.BatchNorm1d (same widths, so the
 * same seed gives them the same initial linear weights), where each hidden layer sits in the
 * engine's layer list, per-layer statistics, and the batch-size check batch norm needs.
 * Pure engine code, runs in the worker.
 */
import { DivergenceError, EngineError, mlpLayers, type LayerSpec, type NetworkSpec, type OptimizerSpec, type Trainer } from '../../engine/index.ts';
import { exploded } from '../classification-run.ts';
import { loneBatchProblem } from './settings.ts';

export interface MlpShape {
  layers: number;   // hidden layers
  hidden: number;   // neurons per hidden layer
  activation: 'relu' | 'tanh';
  batchnorm: boolean;
  dropout?: number; // nn.Dropout(p) after every activation when given
  momentum?: number; // BatchNorm1d momentum (PyTorch convention), default 0.1
}

/** Linear -> [BatchNorm1d] -> activation -> [Dropout] per hidden layer, then Linear(hidden, 1). */
export function shapeLayers(m: MlpShape): LayerSpec[] {
  const widths = [2, ...Array.from({ length: m.layers }, () => m.hidden), 1];
  const layers = mlpLayers({ widths, activation: m.activation, batchnorm: m.batchnorm, dropout: m.dropout });
  if (m.momentum === undefined) return layers;
  return layers.map((l) => (l.type === 'batchnorm1d' ? { ...l, momentum: m.momentum } : l));
}

export function shapeSpec(m: MlpShape, optimizer: OptimizerSpec, seed: number, initScale = 1): NetworkSpec {
  return { layers: shapeLayers(m), loss: 'bce_with_logits', optimizer, seed, initScale };
}

/** Engine layer indices of hidden layer k (0-based): its linear layer, and its batch norm (or -1). */
export function hiddenLayerIndex(m: Pick<MlpShape, 'batchnorm' | 'dropout'>, k: number): { linear: number; bn: number } {
  const stride = 2 + (m.batchnorm ? 1 : 0) + (m.dropout !== undefined ? 1 : 0);
  return { linear: k * stride, bn: m.batchnorm ? k * stride + 1 : -1 };
}

/** Mean and biased variance of all values (every row and feature of a layer's batch output). */
export function pooledStats(a: ArrayLike<number>): { mean: number; variance: number } {
  const n = a.length;
  if (n === 0) return { mean: NaN, variance: NaN };
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i];
  const mean = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) { const d = a[i] - mean; ss += d * d; }
  return { mean, variance: ss / n };
}

/** Refuses a data set whose last mini-batch would hold one point (see loneBatchProblem). */
export function checkBatches(points: number, batch: number): void {
  const problem = loneBatchProblem(points, batch);
  if (problem) throw new EngineError(problem);
}


/** The rows of the first mini-batch the trainer will take (its epoch-0 permutation). */
export function firstBatch(trainer: Trainer, x: Float64Array, n: number, batch: number): { x: Float64Array; n: number } {
  const rows = Math.min(batch, n);
  const order = trainer.batchOrder();
  const out = new Float64Array(rows * 2);
  for (let r = 0; r < rows; r++) {
    out[2 * r] = x[2 * order[r]];
    out[2 * r + 1] = x[2 * order[r] + 1];
  }
  return { x: out, n: rows };
}

/** One network's run inside a comparison: stops on its own divergence, the others go on. */
export interface Contender {
  readonly trainer: Trainer;
  readonly initialLoss: number;
  diverged: string | null;
  divergedAt: number | null; // step (or epoch) of the divergence
}

export function contender(trainer: Trainer, initialLoss: number): Contender {
  return { trainer, initialLoss, diverged: null, divergedAt: null };
}

/**
 * Runs `work` for a contender that has not diverged; a DivergenceError, or a loss that explodes
 * (20x its start, as guardExplosion), marks it diverged instead of ending the whole demo.
 * Returns the loss `work` returned, or null if the contender is (now) diverged.
 */
export function attempt(c: Contender, at: number, unit: 'step' | 'epoch', work: () => number): number | null {
  if (c.diverged !== null) return null;
  try {
    const loss = work();
    if (exploded(loss, c.initialLoss)) {
      c.diverged = `the training loss reached ${Number.isFinite(loss) ? loss.toPrecision(3) : loss} at ${unit} ${at}, over 20 times its starting value ${c.initialLoss.toPrecision(3)}`;
      c.divergedAt = at;
      return null;
    }
    return loss;
  } catch (e) {
    if (!(e instanceof DivergenceError)) throw e;
    c.diverged = `the loss or a gradient became ${e.value} at ${unit} ${at}`;
    c.divergedAt = at;
    return null;
  }
}

/** Keeps at most `max` evenly spaced points of a long series (always the last one). */
export function thin(values: ArrayLike<number>, xs: ArrayLike<number>, max: number): { values: number[]; xs: number[] } {
  const n = values.length;
  if (n <= max) return { values: Array.from(values), xs: Array.from(xs) };
  const stride = Math.ceil(n / max);
  const v: number[] = [];
  const x: number[] = [];
  for (let i = 0; i < n; i += stride) { v.push(values[i]); x.push(xs[i]); }
  if (x[x.length - 1] !== xs[n - 1]) { v.push(values[n - 1]); x.push(xs[n - 1]); }
  return { values: v, xs: x };
}
