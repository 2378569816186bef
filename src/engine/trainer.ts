// Mini-batch training loop. The trainer owns its own rng, mulberry32(spec.seed), used only for
// the epoch permutations: at the start of every epoch, order = [0, 1, ..., n-1] then
// rng.shuffle(order) (Fisher-Yates, see rng.ts). Batches are consecutive slices of `order` of
// batchSize rows; the last one may be smaller (PyTorch DataLoader with shuffle=True,
// drop_last=False).

import { EngineError, show } from './errors.ts';
import { createNetwork } from './network.ts';
import { createRng, type Rng } from './rng.ts';
import type { Dataset, Network, NetworkSpec, StepResult } from './types.ts';

export interface TrainerSpec {
  network: NetworkSpec;
  train: Dataset;
  val?: Dataset | null;
  batchSize: number;
  seed: number; // shuffling
  /** Evaluate the whole train (and val) set in eval mode after every epoch (default true).
   *  When false, EpochRecord.trainLoss is the mean data loss of the epoch's mini-batches
   *  (Keras's running 'loss') and valLoss is null: no extra forward passes. */
  evaluateEachEpoch?: boolean;
}

export interface EpochRecord {
  epoch: number; // 0-based index of the finished epoch (Keras numbering)
  trainLoss: number;
  valLoss: number | null;
  penaltyLoss: number;
  steps: number;
}

export interface Trainer {
  readonly network: Network;
  epoch: number; // number of finished epochs
  stepInEpoch: number;
  /** Optimizer steps taken so far, over all epochs (where a live change took effect). */
  readonly steps: number;
  step(): StepResult & { epochDone: EpochRecord | null };
  runEpoch(): EpochRecord;
  batchOrder(): Uint32Array;
}

function checkDataset(name: string, d: Dataset, inputs: number, outputs: number): void {
  if (typeof d !== 'object' || d === null) throw new EngineError(`${name} must be a data set {x, y, n, inputs, outputs}, got ${show(d)}`);
  if (!Number.isInteger(d.n) || d.n < 1) throw new EngineError(`${name}.n must be an integer >= 1, got ${show(d.n)}`);
  if (d.inputs !== inputs) throw new EngineError(`${name} has ${d.inputs} inputs, the network expects ${inputs}`);
  if (d.outputs !== outputs) throw new EngineError(`${name} has ${d.outputs} outputs, the network gives ${outputs}`);
  if (!(d.x instanceof Float64Array) || d.x.length !== d.n * inputs) throw new EngineError(`${name}.x must be a Float64Array of n * inputs = ${d.n * inputs} values, got ${d.x?.length}`);
  if (!(d.y instanceof Float64Array) || d.y.length !== d.n * outputs) throw new EngineError(`${name}.y must be a Float64Array of n * outputs = ${d.n * outputs} values, got ${d.y?.length}`);
  for (let k = 0; k < d.x.length; k++) if (!Number.isFinite(d.x[k])) throw new EngineError(`${name}.x holds ${d.x[k]} at row ${Math.floor(k / inputs)}, column ${k % inputs}`);
  for (let k = 0; k < d.y.length; k++) if (!Number.isFinite(d.y[k])) throw new EngineError(`${name}.y holds ${d.y[k]} at row ${Math.floor(k / outputs)}, column ${k % outputs}`);
}

export function createTrainer(spec: TrainerSpec): Trainer {
  return new MiniBatchTrainer(spec);
}

class MiniBatchTrainer implements Trainer {
  readonly network: Network;
  epoch = 0;
  stepInEpoch = 0;
  steps = 0;
  private readonly train: Dataset;
  private readonly val: Dataset | null;
  private readonly batchSize: number;
  private readonly evaluate: boolean;
  private readonly rng: Rng;
  private readonly order: Uint32Array;
  private readonly xb: Float64Array; // batch buffers, reused
  private readonly yb: Float64Array;
  private lossSum = 0; // sum of batch data loss * rows, this epoch

  constructor(spec: TrainerSpec) {
    if (typeof spec !== 'object' || spec === null) throw new EngineError(`trainer spec must be an object, got ${show(spec)}`);
    this.network = createNetwork(spec.network);
    const { inputSize, outputSize } = this.network;
    checkDataset('train', spec.train, inputSize, outputSize);
    if (spec.val) checkDataset('val', spec.val, inputSize, outputSize);
    if (!Number.isInteger(spec.batchSize) || spec.batchSize < 1) throw new EngineError(`batchSize must be an integer >= 1, got ${show(spec.batchSize)}`);
    if (!Number.isInteger(spec.seed)) throw new EngineError(`seed must be an integer, got ${show(spec.seed)}`);
    this.train = spec.train;
    this.val = spec.val ?? null;
    this.batchSize = Math.min(spec.batchSize, spec.train.n);
    this.evaluate = spec.evaluateEachEpoch ?? true;
    this.rng = createRng(spec.seed);
    this.order = new Uint32Array(this.train.n);
    this.xb = new Float64Array(this.batchSize * inputSize);
    this.yb = new Float64Array(this.batchSize * outputSize);
    this.shuffle();
  }

  private shuffle(): void {
    for (let i = 0; i < this.order.length; i++) this.order[i] = i;
    this.rng.shuffle(this.order);
  }

  /** One optimizer step on the next mini-batch (rows gathered in permutation order). */
  step(): StepResult & { epochDone: EpochRecord | null } {
    const { x, y, n } = this.train;
    const inF = this.network.inputSize, outF = this.network.outputSize;
    const start = this.stepInEpoch * this.batchSize;
    const rows = Math.min(this.batchSize, n - start);
    for (let r = 0; r < rows; r++) {
      const src = this.order[start + r];
      for (let k = 0; k < inF; k++) this.xb[r * inF + k] = x[src * inF + k];
      for (let k = 0; k < outF; k++) this.yb[r * outF + k] = y[src * outF + k];
    }
    const result = this.network.trainStep(this.xb, this.yb, rows);
    this.stepInEpoch++;
    this.steps++;
    this.lossSum += result.dataLoss * rows;
    const epochDone = start + rows >= n ? this.finishEpoch() : null;
    return { loss: result.loss, dataLoss: result.dataLoss, penaltyLoss: result.penaltyLoss, step: result.step, epochDone };
  }

  runEpoch(): EpochRecord {
    for (;;) {
      const r = this.step();
      if (r.epochDone !== null) return r.epochDone;
    }
  }

  private finishEpoch(): EpochRecord {
    const net = this.network, t = this.train, v = this.val;
    const record: EpochRecord = {
      epoch: this.epoch,
      trainLoss: this.evaluate ? net.loss(t.x, t.y, t.n, 'eval') : this.lossSum / t.n,
      valLoss: this.evaluate && v !== null ? net.loss(v.x, v.y, v.n, 'eval') : null,
      penaltyLoss: net.penaltyValue(),
      steps: this.stepInEpoch,
    };
    this.epoch++;
    this.stepInEpoch = 0;
    this.lossSum = 0;
    this.shuffle(); // next epoch's permutation
    return record;
  }

  batchOrder(): Uint32Array {
    return this.order;
  }
}
