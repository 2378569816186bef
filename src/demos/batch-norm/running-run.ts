import { validated } from '../settings-kit.ts';
/**
 * Demo 3: one network with batch norm trains with plain SGD, one step per unit of work. After each
 * step the runner keeps, for every BatchNorm1d feature, the batch mean and variance it normalised
 * with and the running averages PyTorch's update moved (before and after the step), plus the
 * validation loss in train mode (each batch's own statistics) and in eval mode (the running ones).
 */
import type { Runner } from '../../training/runner.ts';
import type { RunLog } from '../../reproduce/types.ts';
import { createTrainer, makeClassification, type Dataset, type Trainer } from '../../engine/index.ts';
import { guardExplosion } from '../classification-run.ts';
import { checkBatches, hiddenLayerIndex, shapeSpec, thin, type MlpShape } from './networks.ts';
import { RUNNING_VALIDATION_POINTS, RUNNING_VIEW, runningFields, runPart, type RunningSettings } from './settings.ts';

export type RunningRunSettings = Omit<RunningSettings, (typeof RUNNING_VIEW)[number]>;

/** One feature's numbers at the last step: what the momentum update did. */
export interface UpdateNumbers {
  momentum: number;
  n: number;               // rows of the batch
  batchMean: number;       // mu_B
  batchVar: number;        // sigma_B^2, biased (what the batch was normalised with)
  runningMeanBefore: number;
  runningVarBefore: number;
  runningMean: number;     // after the update
  runningVar: number;
}

/** One validation point evaluated inside two different batches, in each mode. */
export interface TwoBatches {
  train: [number, number]; // probability of class 1 in batch A and in batch B, train mode
  eval: [number, number];
}

export interface RunningSnapshot {
  settings: RunningRunSettings;
  step: number;
  maxSteps: number;
  layer: number;          // 1-based batch norm layer shown
  neuron: number;         // 1-based feature shown
  /** The shown feature at every recorded step (thinned); index 0 = before training. */
  steps: number[];
  batchMean: number[];
  batchVarUnbiased: number[];   // n/(n-1) sigma_B^2: what the running variance averages
  runningMean: number[];
  runningVar: number[];
  valLossTrain: number[];       // validation loss, model.train() (the validation set as one batch)
  valLossEval: number[];        // validation loss, model.eval()
  last: UpdateNumbers | null;   // null before the first step
  twoBatches: TwoBatches;
  valAccuracy: { train: number; eval: number };
  batchRows: number;            // rows in each of the two batches of twoBatches
  /** The settings the run started from (it has no live changes): "Reproduce in PyTorch". */
  reproduce: RunLog;
}

const HISTORY_POINTS = 600;

export function validRunning(raw: unknown): RunningSettings {
  return validated(runningFields, raw);
}

export function runningShape(s: RunningRunSettings): MlpShape {
  return { layers: s.layers, hidden: s.hidden, activation: 'relu', batchnorm: true, momentum: s.momentum };
}

/** The pure run builder: training and validation data and the trainer. */
export function buildRunningRun(s: RunningRunSettings): { train: Dataset; val: Dataset; trainer: Trainer } {
  checkBatches(s.points, s.batch);
  const n = s.points + RUNNING_VALIDATION_POINTS;
  const { train, val } = makeClassification({ name: s.dataset, n, noise: 0, seed: s.seed, valFraction: RUNNING_VALIDATION_POINTS / n });
  // No full-set evaluation inside the trainer: lastBatchSize() must stay the training batch's.
  const trainer = createTrainer({ network: shapeSpec(runningShape(s), { type: 'sgd', lr: s.lr }, s.seed), train, batchSize: Math.min(s.batch, train.n), seed: s.seed, evaluateEachEpoch: false });
  return { train, val: val!, trainer };
}

/** Rows [from, from + count) of a data set, with row `first` put in front. */
function rows(d: Dataset, first: number, from: number, count: number): Float64Array {
  const out = new Float64Array(count * 2);
  out[0] = d.x[2 * first];
  out[1] = d.x[2 * first + 1];
  for (let r = 1; r < count; r++) {
    const i = from + r - 1;
    out[2 * r] = d.x[2 * i];
    out[2 * r + 1] = d.x[2 * i + 1];
  }
  return out;
}

function accuracy(logits: Float64Array, y: Float64Array, n: number): number {
  let right = 0;
  for (let i = 0; i < n; i++) if ((logits[i] > 0 ? 1 : 0) === y[i]) right++;
  return right / n;
}

/** The worker's runner: the run itself is a Runner (advance, update, snapshot). */
export const runningRunner = (raw: unknown): Runner => createRunningRun(raw);

export function createRunningRun(raw: unknown) {
  const all = validRunning(raw);
  const s = runPart(all, RUNNING_VIEW) as RunningRunSettings;
  const shape = runningShape(s);
  const { train, val, trainer } = buildRunningRun(s);
  const net = trainer.network;
  const initialLoss = net.loss(train.x, train.y, train.n, 'eval');
  const F = s.hidden, L = s.layers;
  const bnIndex = Array.from({ length: L }, (_, k) => hiddenLayerIndex(shape, k).bn);
  // Per layer, per feature: five series (batch mean, unbiased batch var, running mean, running var).
  const series = Array.from({ length: L }, () => Array.from({ length: F }, () => ({ bm: [NaN] as number[], bv: [NaN] as number[], rm: [0] as number[], rv: [1] as number[] })));
  const before = Array.from({ length: L }, () => ({ mean: new Float64Array(F), variance: new Float64Array(F).fill(1) }));
  const lastBatch = Array.from({ length: L }, () => ({ mean: new Float64Array(F), variance: new Float64Array(F) }));
  const valTrain = [net.loss(val.x, val.y, val.n, 'train')];
  const valEval = [net.loss(val.x, val.y, val.n, 'eval')];
  const steps = [0];
  let step = 0;
  let lastRows = 0;
  let layer = Math.min(all.layer, L);
  let neuron = Math.min(all.neuron, F);

  return {
    settings: s,
    advance(): boolean {
      if (step >= s.steps) return false;
      for (let k = 0; k < L; k++) {
        const st = net.batchNormStats(bnIndex[k]);
        before[k].mean.set(st.runningMean);
        before[k].variance.set(st.runningVar);
      }
      const r = trainer.step();
      step++;
      guardExplosion(step, r.dataLoss, initialLoss, 'step');
      lastRows = net.lastBatchSize();
      const unbias = lastRows / (lastRows - 1);
      // Copy the statistics now: the validation passes below run the batch norm layers again.
      for (let k = 0; k < L; k++) {
        const st = net.batchNormStats(bnIndex[k]);
        lastBatch[k].mean.set(st.batchMean);
        lastBatch[k].variance.set(st.batchVar);
        for (let j = 0; j < F; j++) {
          const f = series[k][j];
          f.bm.push(st.batchMean[j]);
          f.bv.push(st.batchVar[j] * unbias);
          f.rm.push(st.runningMean[j]);
          f.rv.push(st.runningVar[j]);
        }
      }
      valTrain.push(net.loss(val.x, val.y, val.n, 'train'));
      valEval.push(net.loss(val.x, val.y, val.n, 'eval'));
      steps.push(step);
      return step < s.steps;
    },
    show(view: { layer?: unknown; neuron?: unknown }): void {
      if (Number.isInteger(view.layer) && (view.layer as number) >= 1) layer = Math.min(view.layer as number, L);
      if (Number.isInteger(view.neuron) && (view.neuron as number) >= 1) neuron = Math.min(view.neuron as number, F);
    },
    /** The live `layer` and `neuron` settings (Runner.update): only what the snapshots follow. */
    update(patch: Record<string, unknown>): void {
      this.show(patch);
    },
    snapshot(): RunningSnapshot {
      const k = layer - 1, j = neuron - 1;
      const f = series[k][j];
      const th = (a: number[]) => thin(a, steps, HISTORY_POINTS).values;
      const st = net.batchNormStats(bnIndex[k]);
      // Validation point 0 inside batch A (points 0..B-1) and batch B (point 0 with points B..2B-2).
      const B = Math.max(2, Math.min(s.batch, Math.floor(val.n / 2)));
      const a = rows(val, 0, 1, B), b = rows(val, 0, B, B);
      const p = (x: Float64Array, mode: 'train' | 'eval') => 1 / (1 + Math.exp(-net.forward(x, B, mode)[0]));
      const twoBatches: TwoBatches = { train: [p(a, 'train'), p(b, 'train')], eval: [p(a, 'eval'), p(b, 'eval')] };
      const valAccuracy = {
        train: accuracy(net.forward(val.x, val.n, 'train'), val.y, val.n),
        eval: accuracy(net.forward(val.x, val.n, 'eval'), val.y, val.n),
      };
      return {
        settings: { ...s },
        reproduce: { settings: { ...s }, changes: [] },
        step,
        maxSteps: s.steps,
        layer,
        neuron,
        steps: thin(steps, steps, HISTORY_POINTS).values,
        batchMean: th(f.bm),
        batchVarUnbiased: th(f.bv),
        runningMean: th(f.rm),
        runningVar: th(f.rv),
        valLossTrain: th(valTrain),
        valLossEval: th(valEval),
        last: step === 0 ? null : {
          momentum: s.momentum,
          n: lastRows,
          batchMean: lastBatch[k].mean[j],
          batchVar: lastBatch[k].variance[j],
          runningMeanBefore: before[k].mean[j],
          runningVarBefore: before[k].variance[j],
          runningMean: st.runningMean[j],
          runningVar: st.runningVar[j],
        },
        twoBatches,
        valAccuracy,
        batchRows: B,
      };
    },
  };
}
