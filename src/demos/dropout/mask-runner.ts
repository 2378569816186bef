import type { Runner } from '../../training/runner.ts';
import { validated } from '../settings-kit.ts';
import { guardExplosion, makeSplit, makeTrainer } from '../classification-run.ts';
import type { Dataset, Trainer } from '../../engine/index.ts';
import { createChangeLog } from '../../reproduce/changes.ts';
import type { RunLog } from '../../reproduce/types.ts';
import { droppedCount, dropoutLayers } from './masks.ts';
import { dropoutNetworkSpec } from './network.ts';
import { HISTORY_STEPS, maskFields, maskRunFields, VALIDATION_POINTS, type MaskSettings } from './settings.ts';

/** One forward pass of a mini-batch, as the mask viewer draws it. */
export interface MaskPass {
  kind: 'train' | 'eval';
  /** Training steps done when it ran (a train pass is step `step`, counted from 1). */
  step: number;
  epoch: number;            // 0-based epoch of the batch
  batchIndex: number;       // 0-based batch within the epoch
  /** The p of the dropout layers in this pass (eval: the p they have, unused). */
  p: number;
  n: number;                // examples in the batch
  rows: number[];           // their indices in the training set
  xy: Float64Array;         // n x 2 inputs
  labels: Float64Array;     // n labels (0/1)
  /** Per hidden layer, the engine's mask (n x hidden, 1 = kept); null in eval mode. */
  masks: Uint8Array[] | null;
  /** Per hidden layer, the activation (n x hidden) before dropout. */
  activations: Float64Array[];
  probs: Float64Array;      // n: the network's probability of class 1 in this pass
  dropped: number;          // hidden neurons dropped over the whole batch
  units: number;            // n x (hidden neurons of all layers)
  loss: number | null;      // the step's batch loss (train passes)
}

export interface MaskSnapshot {
  mode: 'train' | 'eval';
  p: number;
  widths: number[];
  weights: Float64Array[];  // every linear layer's weight (out x in), current
  step: number;             // training steps done
  epoch: number;            // epochs done
  batchesPerEpoch: number;
  /** The pass drawn: the last training step in train mode, the same batch in eval mode. */
  view: MaskPass | null;
  /**
   * Recent training steps: the batch's dropped fraction, its mean since p was last set, p, and
   * the figures "Reproduce in PyTorch" compares (dropped and all hidden units, the batch loss).
   */
  history: { steps: number[]; fraction: number[]; average: number[]; p: number[]; dropped: number[]; units: number[]; loss: number[] };
  sinceP: { p: number; fromStep: number; steps: number; dropped: number; units: number };
  trainLoss: number | null; // whole training set, eval mode, at the last epoch end
  valLoss: number | null;
  /**
   * "Reproduce in PyTorch": the settings the run started from, with `steps` (how far it trained),
   * and the live changes of p by step. Eval-mode looks are not in it: they train nothing and draw
   * no masks, so the run goes on as if they never happened.
   */
  reproduce: RunLog;
}

export const validMask = (raw: unknown): MaskSettings => validated(maskFields, raw);

/** The whole run from the settings: data, network (initial weights, mask rng) and batch order. */
export function buildMaskRun(raw: unknown) {
  const s = validMask(raw);
  const split = makeSplit({ dataset: s.dataset, noise: s.noise, points: s.points, valPoints: VALIDATION_POINTS, seed: s.seed });
  // Epoch-end losses are computed here, after the step's masks have been read.
  const trainer = makeTrainer(split, dropoutNetworkSpec(s, s.p), s.batch, s.seed, false);
  return { settings: s, split, trainer };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Rows `idx` of a data set, gathered into a batch. */
function gather(d: Dataset, idx: number[]): { x: Float64Array; y: Float64Array } {
  const x = new Float64Array(idx.length * 2);
  const y = new Float64Array(idx.length);
  idx.forEach((r, i) => {
    x[2 * i] = d.x[2 * r];
    x[2 * i + 1] = d.x[2 * r + 1];
    y[i] = d.y[r];
  });
  return { x, y };
}

/** The rows of the trainer's next mini-batch (read before step(): an epoch's end reshuffles). */
function nextBatch(trainer: Trainer, batch: number, n: number): number[] {
  const start = trainer.stepInEpoch * batch;
  return Array.from(trainer.batchOrder().subarray(start, Math.min(n, start + batch)));
}

/**
 * The mask viewer's runner: one mini-batch step per unit of work. After each step it copies the
 * engine's dropout masks (`Network.dropoutMask`), the activations and the outputs of that step's
 * forward pass. Live changes: `p` (the next step draws its masks with it) and `mode` (eval shows
 * the same batch with model.eval(): no training, no mask).
 */
export function dropoutMaskRunner(raw: unknown): Required<Runner> {
  const { settings: s, split, trainer } = buildMaskRun(raw);
  const net = trainer.network;
  const layers = dropoutLayers(net);
  const outLayer = net.spec.layers.length - 1;
  const widths = [2, ...layers.map(() => s.hidden), 1];
  const batch = Math.min(s.batch, split.train.n);
  const batchesPerEpoch = Math.ceil(split.train.n / batch);
  const initialLoss = net.loss(split.train.x, split.train.y, split.train.n, 'eval');
  let mode = s.mode;
  let p = s.p;
  let step = 0;
  let trainView: MaskPass | null = null;
  let evalView: MaskPass | null = null;
  let trainLoss: number | null = null;
  let valLoss: number | null = null;
  const history: MaskSnapshot['history'] = { steps: [], fraction: [], average: [], p: [], dropped: [], units: [], loss: [] };
  let sinceP = { p, fromStep: 1, steps: 0, dropped: 0, units: 0 };
  let log = createChangeLog(s, { dropout: s.p });

  /** Copies what the last forward pass left in the network's buffers. */
  function readPass(kind: 'train' | 'eval', rows: number[], epoch: number, batchIndex: number, loss: number | null): MaskPass {
    const n = rows.length, h = s.hidden;
    const { x, y } = gather(split.train, rows);
    const masks = kind === 'train' ? layers.map((l) => net.dropoutMask(l.dropout)!.slice(0, n * h)) : null;
    const logits = net.layerOutput(outLayer);
    const dropped = masks ? masks.reduce((a, m) => a + droppedCount(m), 0) : 0;
    return {
      kind, step, epoch, batchIndex, p, n, rows, xy: x, labels: y, masks,
      activations: layers.map((l) => net.layerOutput(l.activation).slice(0, n * h)),
      probs: Float64Array.from({ length: n }, (_, i) => sigmoid(logits[i])),
      dropped, units: n * h * layers.length, loss,
    };
  }

  /** model.eval() on the batch last trained on (or the first one): nothing dropped, nothing learned. */
  function evalPass(): MaskPass {
    const rows = trainView?.rows ?? nextBatch(trainer, batch, split.train.n);
    const { x } = gather(split.train, rows);
    net.forward(x, rows.length, 'eval');
    return readPass('eval', rows, trainView?.epoch ?? trainer.epoch, trainView?.batchIndex ?? trainer.stepInEpoch, null);
  }

  function record(v: MaskPass) {
    sinceP.steps++;
    sinceP.dropped += v.dropped;
    sinceP.units += v.units;
    history.steps.push(v.step);
    history.fraction.push(v.dropped / v.units);
    history.average.push(sinceP.dropped / sinceP.units);
    history.p.push(v.p);
    history.dropped.push(v.dropped);
    history.units.push(v.units);
    history.loss.push(v.loss!);
    if (history.steps.length > HISTORY_STEPS) for (const a of Object.values(history)) a.shift();
  }

  if (mode === 'eval') evalView = evalPass();

  return {
    advance() {
      if (mode === 'eval') return true; // eval mode trains nothing (the island pauses first)
      const epoch = trainer.epoch, batchIndex = trainer.stepInEpoch;
      const rows = nextBatch(trainer, batch, split.train.n);
      const r = trainer.step();
      step++;
      trainView = readPass('train', rows, epoch, batchIndex, r.dataLoss);
      record(trainView);
      if (r.epochDone) {
        trainLoss = net.loss(split.train.x, split.train.y, split.train.n, 'eval');
        valLoss = net.loss(split.val.x, split.val.y, split.val.n, 'eval');
        guardExplosion(trainer.epoch, trainLoss, initialLoss);
      }
      return true;
    },
    update(patch) {
      if (patch.p !== undefined) {
        const next = validMask({ ...s, p: patch.p }).p;
        if (next !== p) {
          net.setDropout(next);
          p = next;
          sinceP = { p, fromStep: step + 1, steps: 0, dropped: 0, units: 0 };
          // Before the first step a new p is where the run starts, not a change part-way.
          if (trainer.steps === 0) log = createChangeLog({ ...s, p }, { dropout: p });
          else log.record(trainer.steps, trainer.epoch, { dropout: p });
        }
      }
      if (patch.mode !== undefined) {
        // Not logged: an eval-mode look draws no mask (the engine's eval forward makes no rng
        // draw) and trains nothing, so the run carries on exactly as without it.
        mode = validMask({ ...s, mode: patch.mode }).mode;
        if (mode === 'eval') evalView = evalPass();
      }
    },
    snapshot(): MaskSnapshot {
      return {
        mode, p, widths,
        weights: net.weightMatrices().map((w) => w.slice()),
        step, epoch: trainer.epoch, batchesPerEpoch,
        view: mode === 'eval' ? evalView : trainView,
        history: Object.fromEntries(Object.entries(history).map(([k, a]) => [k, a.slice()])) as MaskSnapshot['history'],
        sinceP: { ...sinceP },
        trainLoss, valLoss,
        reproduce: watchedRun(log.run(), step),
      };
    },
  };
}

/** The run log with how far it trained: `steps` (none yet: the script's default length). */
function watchedRun(run: RunLog, steps: number): RunLog {
  return steps > 0 ? { ...run, settings: { ...run.settings, steps } } : run;
}

/** The demo's own settings of a run log's (without `steps`, which only the reproduction reads). */
export function maskSettingsOf(settings: Record<string, unknown>): MaskSettings {
  return validMask(Object.fromEntries(Object.entries(settings).filter(([k]) => !(k in maskRunFields))));
}
