import type { Runner } from '../../training/runner.ts';
import { validated } from '../settings-kit.ts';
import { makeSplit, makeTrainer, mlpSpec, networkAccuracy, networkBoundary, pointsOf } from '../classification-run.ts';
import { createNetwork, type Network, type NetworkSpec } from '../../engine/index.ts';
import { GRID, runFields, VALIDATION_POINTS, type RunSettings } from './settings.ts';
import type { RunLog } from '../../reproduce/types.ts';

/** The weights of one epoch, as the engine exports them (`network.params()`). */
export type SavedParams = ReturnType<Network['params']>;

/** An epoch's saved weights loaded back into a network (`loadParams`) and measured again. */
export interface Probe {
  epoch: number;          // 0-based, as Keras counts
  trainLoss: number;
  valLoss: number;
  valAccuracy: number;
  grid: Float32Array;     // probabilities of class 1 on a GRID x GRID grid over [-1, 1]^2
}

export interface EarlyStoppingRunSnapshot {
  /** The run's settings, so a view can tell a new run's snapshots from the old one's. */
  settings: RunSettings;
  /** Epochs trained so far; every array below has this length. Index i = epoch i (0-based). */
  trained: number;
  /** The `epochs` of fit: where training ends without early stopping. */
  maxEpochs: number;
  train: number[];        // training loss after each epoch (eval mode, whole training set)
  val: number[];          // validation loss after each epoch
  trainAccuracy: number[];
  valAccuracy: number[];
  steps: number[];        // gradient steps (mini-batches) in each epoch
  initialVal: number;     // validation loss before any training (not monitored)
  parameters: number;     // trainable numbers in the network
  probes: Probe[];        // the epochs asked for with update({ probe: [...] })
  gridSize: number;
  trainPoints: { xy: Float64Array; labels: Float64Array };
  valPoints: { xy: Float64Array; labels: Float64Array };
  /** The run's settings for "Reproduce in PyTorch" (no live changes: the rule never retrains). */
  reproduce: RunLog;
}

export function networkSpec(s: RunSettings): NetworkSpec {
  return mlpSpec(
    { hidden: s.hidden, layers: s.layers, activation: 'relu' },
    { loss: 'bce_with_logits', optimizer: { type: 'adam', lr: s.lr }, seed: s.seed },
  );
}

/** Accepts the run settings (rule settings may ride along: they are ignored here). */
export function validRun(raw: unknown): RunSettings {
  const input: Record<string, unknown> = {};
  for (const [k, v] of Object.entries((raw ?? {}) as Record<string, unknown>)) if (k in runFields) input[k] = v;
  return validated(runFields, input);
}

/** The run these settings start: the data split and a trainer that has not taken a step. */
export function buildRun(s: RunSettings) {
  const split = makeSplit({ dataset: s.dataset, noise: s.noise, points: s.points, valPoints: VALIDATION_POINTS, seed: s.seed });
  return { split, trainer: makeTrainer(split, networkSpec(s), s.batch, s.seed) };
}

/**
 * The run early stopping watches: an overfitting network trained one epoch per unit of work,
 * recording the losses and accuracies Keras would log, and saving every epoch's weights so that
 * "restore best weights" can load the best epoch's weights back (for whatever rule settings the
 * learner picks, without retraining).
 */
export function createEarlyStoppingRun(raw: unknown) {
  const s = validRun(raw);
  const { split, trainer } = buildRun(s);
  const net = trainer.network;
  const probeNet = createNetwork(networkSpec(s));
  const saved: SavedParams[] = [];
  const train: number[] = [];
  const val: number[] = [];
  const trainAccuracy: number[] = [];
  const valAccuracy: number[] = [];
  const steps: number[] = [];
  const initialVal = net.loss(split.val.x, split.val.y, split.val.n, 'eval');
  let parameters = 0;
  for (const [, p] of Object.entries(net.params())) {
    for (const v of Object.values(p as Record<string, number[] | number[][]>)) parameters += (v as unknown[]).flat().length;
  }
  const probeCache = new Map<number, Probe>();

  /** Loads epoch `e`'s saved weights into a second network and measures it. */
  function probe(e: number): Probe | null {
    if (!(e >= 0 && e < saved.length)) return null;
    let p = probeCache.get(e);
    if (!p) {
      probeNet.loadParams(saved[e]);
      p = {
        epoch: e,
        trainLoss: probeNet.loss(split.train.x, split.train.y, split.train.n, 'eval'),
        valLoss: probeNet.loss(split.val.x, split.val.y, split.val.n, 'eval'),
        valAccuracy: networkAccuracy(probeNet, split.val),
        grid: networkBoundary(probeNet, GRID),
      };
      probeCache.set(e, p);
    }
    return p;
  }

  return {
    settings: s,
    split,
    network: net,
    saved,
    /** Trains one epoch; false once `epochs` have run. */
    advance(): boolean {
      if (trainer.epoch >= s.epochs) return false;
      const rec = trainer.runEpoch();
      train.push(rec.trainLoss);
      val.push(rec.valLoss ?? NaN);
      steps.push(rec.steps);
      trainAccuracy.push(networkAccuracy(net, split.train));
      valAccuracy.push(networkAccuracy(net, split.val));
      saved.push(net.params());
      return trainer.epoch < s.epochs;
    },
    probe,
    record(probes: number[] = []): EarlyStoppingRunSnapshot {
      return {
        settings: { ...s },
        trained: train.length,
        maxEpochs: s.epochs,
        train: train.slice(),
        val: val.slice(),
        trainAccuracy: trainAccuracy.slice(),
        valAccuracy: valAccuracy.slice(),
        steps: steps.slice(),
        initialVal,
        parameters,
        probes: probes.map(probe).filter((p): p is Probe => p !== null),
        gridSize: GRID,
        trainPoints: pointsOf(split.train),
        valPoints: pointsOf(split.val),
        reproduce: { settings: { ...s }, changes: [] },
      };
    },
  };
}

/** The worker's runner: one epoch per unit; update({ probe: [epochs] }) asks for saved weights. */
export function earlyStoppingRunner(raw: unknown): Runner {
  const run = createEarlyStoppingRun(raw);
  let probes: number[] = [];
  return {
    advance: () => run.advance(),
    update(patch) {
      if (Array.isArray(patch.probe)) probes = patch.probe.filter((e): e is number => Number.isInteger(e) && (e as number) >= 0).slice(0, 4);
    },
    snapshot: () => run.record(probes),
  };
}
