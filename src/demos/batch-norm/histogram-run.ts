import { validated } from '../settings-kit.ts';
/**
 * Demo 1: two identical deep MLPs (same data, seed, initial weights and batch order), one with
 * nn.BatchNorm1d after every hidden linear layer, train side by side with plain SGD, one
 * mini-batch step per unit of work. After every step the runner keeps each hidden layer's
 * pre-activations on that batch (Network.layerOutput of the linear layer, and of the batch norm
 * layer for "after BN") and their mean and variance, so the learner can pick any layer.
 */
import type { Runner } from '../../training/runner.ts';
import type { RunLog } from '../../reproduce/types.ts';
import { createTrainer, makeClassification, type Dataset } from '../../engine/index.ts';
import { attempt, checkBatches, contender, firstBatch, hiddenLayerIndex, pooledStats, shapeSpec, thin, type Contender, type MlpShape } from './networks.ts';
import { HISTOGRAM_VIEW, histogramFields, runPart, type HistogramSettings } from './settings.ts';

export type HistogramRunSettings = Omit<HistogramSettings, (typeof HISTOGRAM_VIEW)[number]>;

export interface LayerView {
  values: Float64Array; // the layer's outputs on the last batch (rows x neurons)
  mean: number;
  variance: number;     // biased, over every value
}

export interface NetView {
  loss: number[];        // training loss (whole training set, eval mode) after each epoch; index 0 = before training
  diverged: string | null;
  divergedAt: number | null;
}

export interface HistogramSnapshot {
  settings: HistogramRunSettings;
  step: number;
  maxSteps: number;
  epoch: number;
  layer: number;        // 1-based hidden layer shown
  plain: LayerView;     // network without BN: input of the activation
  bnPre: LayerView;     // network with BN: linear output, before BN
  bnPost: LayerView;    // network with BN: after BN (input of the activation)
  /** Mean and variance of the shown layer's three views at every recorded step (thinned). */
  history: { steps: number[]; plainMean: number[]; plainVar: number[]; bnPreMean: number[]; bnPreVar: number[]; bnPostMean: number[]; bnPostVar: number[] };
  plainNet: NetView;
  bnNet: NetView;
  /** The settings the run started from (it has no live changes): "Reproduce in PyTorch". */
  reproduce: RunLog;
}

const HISTORY_POINTS = 500;

export function validHistogram(raw: unknown): HistogramSettings {
  return validated(histogramFields, raw);
}

export function histogramShape(s: HistogramRunSettings, batchnorm: boolean): MlpShape {
  return { layers: s.layers, hidden: s.hidden, activation: s.activation, batchnorm };
}

/** The pure run builder (also used by the JSON export): data and the two trainers. */
export function buildHistogramRun(s: HistogramRunSettings) {
  checkBatches(s.points, s.batch);
  const { train } = makeClassification({ name: s.dataset, n: s.points, noise: 0, seed: s.seed });
  const make = (bn: boolean) =>
    // No evaluation inside the trainer: its full-set pass would overwrite the layer outputs of
    // the batch before the runner copies them; the runner evaluates after copying.
    createTrainer({ network: shapeSpec(histogramShape(s, bn), { type: 'sgd', lr: s.lr }, s.seed, s.initScale), train, batchSize: Math.min(s.batch, train.n), seed: s.seed, evaluateEachEpoch: false });
  return { train, plain: make(false), bn: make(true) };
}

/** Per hidden layer: the kept values of its three views, and their history. */
class LayerRecord {
  readonly views: [Float64Array, Float64Array, Float64Array]; // plain, bnPre, bnPost (last batch)
  readonly stats: [number, number][] = [[NaN, NaN], [NaN, NaN], [NaN, NaN]];
  readonly mean: [number[], number[], number[]] = [[], [], []];
  readonly variance: [number[], number[], number[]] = [[], [], []];
  length = 0;

  constructor(size: number) {
    this.views = [new Float64Array(size), new Float64Array(size), new Float64Array(size)];
  }

  /** Copies view v (the engine's buffers are reused by the next forward pass). */
  keep(v: 0 | 1 | 2, values: Float64Array): void {
    const dst = this.views[v];
    if (dst.length !== values.length) this.views[v] = new Float64Array(values.length);
    this.views[v].set(values);
    const { mean, variance } = pooledStats(values);
    this.stats[v] = [mean, variance];
  }

  /** Appends the statistics of the views that were updated (a gap, NaN, for a diverged network). */
  push(updated: [boolean, boolean]): void {
    for (const v of [0, 1, 2] as const) {
      const ok = updated[v === 0 ? 0 : 1];
      this.mean[v].push(ok ? this.stats[v][0] : NaN);
      this.variance[v].push(ok ? this.stats[v][1] : NaN);
    }
    this.length++;
  }

  view(v: 0 | 1 | 2): LayerView {
    return { values: this.views[v].slice(), mean: this.stats[v][0], variance: this.stats[v][1] };
  }
}

/** The worker's runner: the run itself is a Runner (advance, update, snapshot). */
export const histogramRunner = (raw: unknown): Runner => createHistogramRun(raw);

export function createHistogramRun(raw: unknown) {
  const all = validHistogram(raw);
  const s = runPart(all, HISTOGRAM_VIEW) as HistogramRunSettings;
  let shown = Math.min(all.layer, s.layers);
  const { train, plain, bn } = buildHistogramRun(s);
  const lossOf = (t: typeof plain, d: Dataset) => t.network.loss(d.x, d.y, d.n, 'eval');
  const nets: [Contender, Contender] = [contender(plain, lossOf(plain, train)), contender(bn, lossOf(bn, train))];
  const losses: [number[], number[]] = [[nets[0].initialLoss], [nets[1].initialLoss]];
  const plainShape = histogramShape(s, false), bnShape = histogramShape(s, true);
  const size = Math.min(s.batch, train.n) * s.hidden;
  const layers = Array.from({ length: s.layers }, () => new LayerRecord(size));
  const steps: number[] = [];
  let step = 0;

  /** Copies every hidden layer's views of the networks that took this step. */
  function record(which: [boolean, boolean]): void {
    for (let k = 0; k < s.layers; k++) {
      const rec = layers[k];
      if (which[0]) rec.keep(0, plain.network.layerOutput(hiddenLayerIndex(plainShape, k).linear));
      if (which[1]) {
        const at = hiddenLayerIndex(bnShape, k);
        rec.keep(1, bn.network.layerOutput(at.linear));
        rec.keep(2, bn.network.layerOutput(at.bn));
      }
      rec.push(which);
    }
    steps.push(step);
  }

  // Step 0: the first batch through the untrained networks (train mode: BN uses this batch's
  // statistics; nothing is updated, and no random number is drawn).
  const first = firstBatch(plain, train.x, train.n, s.batch);
  plain.network.forward(first.x, first.n, 'train');
  bn.network.forward(first.x, first.n, 'train');
  record([true, true]);

  return {
    settings: s,
    /** One mini-batch step of each network still training; false once both are done. */
    advance(): boolean {
      if (step >= s.steps || (nets[0].diverged && nets[1].diverged)) return false;
      step++;
      const took: [boolean, boolean] = [false, false];
      const epochEnd: [boolean, boolean] = [false, false];
      nets.forEach((c, i) => {
        const loss = attempt(c, step, 'step', () => {
          const r = c.trainer.step();
          epochEnd[i] = r.epochDone !== null;
          return r.dataLoss;
        });
        took[i] = loss !== null;
      });
      record(took);
      nets.forEach((c, i) => {
        if (took[i] && epochEnd[i]) losses[i].push(lossOf(c.trainer, train));
      });
      return step < s.steps && !(nets[0].diverged && nets[1].diverged);
    },
    /** Which hidden layer the snapshots show (a view setting: the run is unchanged). */
    show(layer: number): void {
      if (Number.isInteger(layer) && layer >= 1) shown = Math.min(layer, s.layers);
    },
    /** The live `layer` setting (Runner.update): only what the snapshots show. */
    update(patch: Record<string, unknown>): void {
      if (typeof patch.layer === 'number') this.show(patch.layer);
    },
    snapshot(): HistogramSnapshot {
      const rec = layers[shown - 1];
      const h = (a: number[]) => thin(a, steps, HISTORY_POINTS).values;
      return {
        settings: { ...s },
        reproduce: { settings: { ...s }, changes: [] },
        step,
        maxSteps: s.steps,
        epoch: Math.max(plain.epoch, bn.epoch),
        layer: shown,
        plain: rec.view(0),
        bnPre: rec.view(1),
        bnPost: rec.view(2),
        history: {
          steps: thin(steps, steps, HISTORY_POINTS).values,
          plainMean: h(rec.mean[0]), plainVar: h(rec.variance[0]),
          bnPreMean: h(rec.mean[1]), bnPreVar: h(rec.variance[1]),
          bnPostMean: h(rec.mean[2]), bnPostVar: h(rec.variance[2]),
        },
        plainNet: { loss: losses[0].slice(), diverged: nets[0].diverged, divergedAt: nets[0].divergedAt },
        bnNet: { loss: losses[1].slice(), diverged: nets[1].diverged, divergedAt: nets[1].divergedAt },
      };
    },
  };
}
