import { replaying, type Runner } from '../../training/runner.ts';
import { validatedPatch, validated } from '../settings-kit.ts';
import { allWeights, classificationView, guardExplosion, makeSplit, makeTrainer, mlpSpec, pointsOf, type ClassificationView } from '../classification-run.ts';
import { EngineError, softThreshold, type NetworkSpec, type Penalty } from '../../engine/index.ts';
import { createChangeLog, validChanges } from '../../reproduce/changes.ts';
import type { Change, RunLog } from '../../reproduce/types.ts';
import { liveValues, penaltyChanges, type LiveSettings } from './live.ts';
import { penaltySeedsRunner } from './penalty-seeds.ts';
import { combinationProblem, GRID, LIVE_KEYS, NEAR_ZERO, penaltyFields, VALIDATION_POINTS, type PenaltyKind, type PenaltySettings } from './settings.ts';

/** What the network's weight matrices look like (biases are never penalised, never counted). */
export interface WeightStats {
  count: number;
  /** |w| < NEAR_ZERO. */
  nearZero: number;
  /** w === 0 exactly. */
  exactZero: number;
  /** sum |w| and sum w^2: the L1 and L2 penalties divided by lambda. */
  l1: number;
  l2: number;
  maxAbs: number;
}

export function weightStats(weights: ArrayLike<number>[], nearZero = NEAR_ZERO): WeightStats {
  const s: WeightStats = { count: 0, nearZero: 0, exactZero: 0, l1: 0, l2: 0, maxAbs: 0 };
  for (const W of weights) {
    for (let i = 0; i < W.length; i++) {
      const w = W[i];
      const a = Math.abs(w);
      s.count++;
      if (a < nearZero) s.nearZero++;
      if (w === 0) s.exactZero++;
      s.l1 += a;
      s.l2 += w * w;
      if (a > s.maxAbs) s.maxAbs = a;
    }
  }
  return s;
}

/** The penalty term the learner's choice adds to the objective, at the current weights. */
export function penaltyTerm(kind: PenaltyKind, lambda: number, s: WeightStats): number {
  if (kind === 'l1' || kind === 'l1-prox') return lambda * s.l1;
  if (kind === 'l2') return lambda * s.l2;
  return 0;
}

/** The engine's loss penalty for a choice: the proximal variant adds nothing to the loss. */
export function enginePenalty(kind: PenaltyKind, lambda: number): Penalty {
  return { l1: kind === 'l1' ? lambda : 0, l2: kind === 'l2' ? lambda : 0 };
}

export interface PenaltySnapshot extends ClassificationView {
  epoch: number;
  maxEpochs: number;
  /** Optimizer steps so far. */
  step: number;
  stepsPerEpoch: number;
  /** The live settings in force now. */
  live: LiveSettings;
  optimizer: PenaltySettings['optimizer'];
  /** Per epoch, index 0 = before training: data loss on the training set (eval mode, no penalty). */
  dataLoss: number[];
  /** Data loss on the validation set. */
  valLoss: number[];
  /** The penalty term (lambda * sum|w| or lambda * sum w^2) at the end of the epoch (after a live change: under the new choice). */
  penalty: number[];
  /** Weights with |w| < NEAR_ZERO, and exactly 0, after each epoch. */
  nearZero: number[];
  exactZero: number[];
  /** Every weight of every linear layer, layer by layer (PyTorch's out x in order). */
  weights: Float64Array;
  layerSizes: number[];
  stats: WeightStats;
  /** Half-width of the histogram's range: the largest |w| of the run so far, rounded up (it never shrinks, so shrinking weights show). */
  histRange: number;
  /**
   * The settings the run started from (a change before the first step included) and the live
   * changes since, in the engine's live values (l1, l2, proxL1, lr; live.ts reads them back):
   * what "Reproduce in PyTorch" and the JSON export replay.
   */
  reproduce: RunLog;
}

export function validPenaltySettings(raw: unknown): PenaltySettings {
  return validated(penaltyFields, raw, combinationProblem);
}

export function networkSpec(s: PenaltySettings): NetworkSpec {
  return mlpSpec(
    { hidden: s.hidden, layers: s.layers, activation: s.activation },
    { loss: 'bce_with_logits', optimizer: { type: s.optimizer, lr: s.lr }, penalty: enginePenalty(s.penalty, s.strength), seed: s.seed },
  );
}

/** The run a setting describes: the data split and a trainer with its initial weights (pure, seeded). */
export function buildPenaltyRun(raw: unknown) {
  const s = validPenaltySettings(raw);
  const split = makeSplit({ dataset: s.dataset, noise: s.noise, points: s.points, valPoints: VALIDATION_POINTS, seed: s.seed });
  const trainer = makeTrainer(split, networkSpec(s), s.batch, s.seed);
  return { settings: s, split, trainer };
}

function niceCeil(v: number): number {
  return Math.max(0.5, Math.ceil(v * 2) / 2);
}

/**
 * A network trained one epoch per unit of work under the learner's penalty. The penalty, its
 * strength and the learning rate change live (update), between epochs, and every change is
 * logged with the optimizer step it took effect at, so the run can be replayed exactly.
 */
export function createPenaltyRun(raw: unknown) {
  const { settings, split, trainer } = buildPenaltyRun(raw);
  const start = { ...settings };
  const s = { ...settings };
  const net = trainer.network;
  const stepsPerEpoch = Math.ceil(split.train.n / Math.min(s.batch, split.train.n));
  const dataLoss: number[] = [];
  const valLoss: number[] = [];
  const penalty: number[] = [];
  const nearZero: number[] = [];
  const exactZero: number[] = [];
  let log = createChangeLog(start, liveValues(start));
  let histMax = 0;
  let stats = weightStats(net.weightMatrices());
  const points = { trainPoints: pointsOf(split.train), valPoints: pointsOf(split.val) };

  function record(train: number, val: number) {
    stats = weightStats(net.weightMatrices());
    dataLoss.push(train);
    valLoss.push(val);
    penalty.push(penaltyTerm(s.penalty, s.strength, stats));
    nearZero.push(stats.nearZero);
    exactZero.push(stats.exactZero);
    histMax = Math.max(histMax, niceCeil(stats.maxAbs));
  }
  record(net.loss(split.train.x, split.train.y, split.train.n, 'eval'), net.loss(split.val.x, split.val.y, split.val.n, 'eval'));

  return {
    settings: s,
    split,
    trainer,
    /** Trains one epoch; false once `epochs` have run. */
    advance(): boolean {
      if (trainer.epoch >= s.epochs) return false;
      const prox = s.penalty === 'l1-prox' ? s.lr * s.strength : 0;
      for (;;) {
        const r = trainer.step();
        if (prox > 0) softThreshold(net.weightMatrices(), prox);
        if (r.epochDone) {
          // The trainer measured the epoch before the last proximal step: measure the weights it left.
          const train = prox > 0 ? net.loss(split.train.x, split.train.y, split.train.n, 'eval') : r.epochDone.trainLoss;
          const val = prox > 0 ? net.loss(split.val.x, split.val.y, split.val.n, 'eval') : r.epochDone.valLoss ?? NaN;
          guardExplosion(trainer.epoch, train, dataLoss[0]);
          record(train, val);
          break;
        }
      }
      return trainer.epoch < s.epochs;
    },
    /** Applies live settings (validated like the run's); unknown or restart-only keys are refused. */
    update(patch: Record<string, unknown>) {
      const value = validatedPatch(penaltyFields, patch, LIVE_KEYS, s, 'cannot change while the network trains', combinationProblem);
      if (LIVE_KEYS.every((k) => value[k] === s[k])) return;
      net.setPenalty(enginePenalty(value.penalty, value.strength));
      net.setLearningRate(value.lr);
      Object.assign(s, { penalty: value.penalty, strength: value.strength, lr: value.lr });
      // The penalty term of the current weights under the new choice (the chart shows the jump).
      penalty[penalty.length - 1] = penaltyTerm(s.penalty, s.strength, stats);
      // Before the first step a change is not a live change: it is how the run starts (a link's
      // settings, or a choice made before pressing Train). The log drops values that change
      // nothing in the run (λ moved while there is no penalty) and merges moves before a step.
      if (trainer.steps === 0) {
        Object.assign(start, { penalty: s.penalty, strength: s.strength, lr: s.lr });
        log = createChangeLog(start, liveValues(start));
      } else log.record(trainer.steps, trainer.epoch, liveValues(s));
    },
    snapshot(): PenaltySnapshot {
      const weights = allWeights(net);
      return {
        epoch: trainer.epoch,
        maxEpochs: s.epochs,
        step: trainer.steps,
        stepsPerEpoch,
        live: { penalty: s.penalty, strength: s.strength, lr: s.lr },
        optimizer: s.optimizer,
        dataLoss: dataLoss.slice(),
        valLoss: valLoss.slice(),
        penalty: penalty.slice(),
        nearZero: nearZero.slice(),
        exactZero: exactZero.slice(),
        weights,
        layerSizes: net.weightMatrices().map((w) => w.length),
        stats: { ...stats },
        histRange: histMax,
        ...classificationView(trainer, split, GRID, points),
        reproduce: log.run(),
      };
    },
  };
}

/**
 * The worker's runner: one epoch per unit of work. `schedule` (besides the settings) is a change
 * log to replay, from a share link: each change is applied when the run reaches its step (at the
 * first epoch boundary at or after it; the demo's own changes always fall on one), through
 * update(), so the run logs it as if the learner had made it, and the same run unfolds.
 */
export function penaltyRunner(raw: unknown): Runner {
  const { schedule, ...settings } = (raw ?? {}) as Record<string, unknown>;
  // Several seeds: no penalty against the chosen one on every seed (no live changes to replay).
  const checked = validPenaltySettings(settings);
  if (checked.seeds > 1) return penaltySeedsRunner(checked);
  const run = createPenaltyRun(settings);
  const patches = penaltyChanges({ settings: run.settings, changes: validChanges(schedule) });
  return replaying(run, () => run.trainer.steps, patches.map((p) => ({ step: p.step, apply: () => run.update(p.to) })));
}

/**
 * Replays a run in the demo's own runner from its settings and change log (a snapshot's
 * `reproduce`): trains `epochs` epochs, applying each change at its step. The runner changes
 * settings between epochs, so every change's step must end an epoch.
 */
export function replayPenaltyRun(raw: unknown, changes: readonly Change[], epochs: number) {
  const run = createPenaltyRun(raw);
  const patches = penaltyChanges({ settings: run.settings, changes: [...changes] });
  let next = 0;
  for (let e = 0; e < epochs; e++) {
    while (next < patches.length && patches[next].step === run.trainer.steps) run.update(patches[next++].to);
    if (next < patches.length && patches[next].step < run.trainer.steps) {
      throw new EngineError(`the demo changes settings between epochs: the change at step ${patches[next].step} falls inside epoch ${run.trainer.epoch}`);
    }
    if (!run.advance()) break;
  }
  return run;
}
