import type { Runner } from '../../training/runner.ts';
import { check, checkPatch } from '../settings-kit.ts';
import { classificationView, guardExplosion, makeSplit, makeTrainer, mlpSpec, pointsOf, type ClassificationView } from '../classification-run.ts';
import { EngineError, type NetworkSpec, type Penalty } from '../../engine/index.ts';
import { softThreshold } from './proximal-l1.ts';
import { combinationProblem, GRID, LIVE_KEYS, NEAR_ZERO, penaltyFields, VALIDATION_POINTS, type LiveKey, type PenaltyKind, type PenaltySettings } from './settings.ts';

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

/** A live change the learner made while the network trained: in force from optimizer step `step` on. */
export interface PenaltyChange {
  /** Optimizer steps done before the change (it applies to step `step` + 1 onwards, counting from 1). */
  step: number;
  /** Epochs done before the change. */
  epoch: number;
  /** The new values. */
  set: Partial<Pick<PenaltySettings, LiveKey>>;
  /** The values they replaced. */
  was: Partial<Pick<PenaltySettings, LiveKey>>;
}

export interface PenaltySnapshot extends ClassificationView {
  /** The settings the run was created with (before any live change). */
  start: PenaltySettings;
  epoch: number;
  maxEpochs: number;
  /** Optimizer steps so far. */
  step: number;
  stepsPerEpoch: number;
  /** The live settings in force now. */
  live: Pick<PenaltySettings, LiveKey>;
  optimizer: PenaltySettings['optimizer'];
  /** Per epoch, index 0 = before training: data loss on the training set (eval mode, no penalty). */
  dataLoss: number[];
  /** Data loss on the validation set. */
  valLoss: number[];
  /** The penalty term (lambda * sum|w| or lambda * sum w^2) at the end of the epoch. */
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
  changes: PenaltyChange[];
}

export function validPenaltySettings(raw: unknown): PenaltySettings {
  const { value, problems } = check(penaltyFields, (raw ?? {}) as Record<string, unknown>);
  if (problems.length) throw new EngineError(problems.join('; '));
  const clash = combinationProblem(value);
  if (clash) throw new EngineError(clash);
  return value;
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
  const changes: PenaltyChange[] = [];
  let steps = 0;
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
    changes,
    /** Trains one epoch; false once `epochs` have run. */
    advance(): boolean {
      if (trainer.epoch >= s.epochs) return false;
      const prox = s.penalty === 'l1-prox' ? s.lr * s.strength : 0;
      for (;;) {
        const r = trainer.step();
        steps++;
        if (prox > 0) softThreshold(net.weightMatrices(), prox);
        if (r.epochDone) {
          guardExplosion(trainer.epoch, r.epochDone.trainLoss, dataLoss[0]);
          record(r.epochDone.trainLoss, r.epochDone.valLoss ?? NaN);
          break;
        }
      }
      return trainer.epoch < s.epochs;
    },
    /** Applies live settings (validated like the run's); unknown or restart-only keys are refused. */
    update(patch: Record<string, unknown>) {
      const { value, problems } = checkPatch(penaltyFields, patch, LIVE_KEYS, s, 'cannot change while the network trains');
      if (problems.length) throw new EngineError(problems.join('; '));
      const clash = combinationProblem(value);
      if (clash) throw new EngineError(clash);
      const set: PenaltyChange['set'] = {};
      const was: PenaltyChange['was'] = {};
      for (const k of LIVE_KEYS) {
        if (value[k] !== s[k]) {
          (set as Record<string, unknown>)[k] = value[k];
          (was as Record<string, unknown>)[k] = s[k];
        }
      }
      if (Object.keys(set).length === 0) return;
      net.setPenalty(enginePenalty(value.penalty, value.strength));
      net.setLearningRate(value.lr);
      Object.assign(s, { penalty: value.penalty, strength: value.strength, lr: value.lr });
      // The penalty term of the current weights under the new choice (the chart shows the jump).
      penalty[penalty.length - 1] = penaltyTerm(s.penalty, s.strength, stats);
      // Before the first step a change is not a live change: it is how the run starts (a link's
      // settings, or a choice made before pressing Train).
      if (steps === 0) Object.assign(start, set);
      else logChange(changes, { step: steps, epoch: trainer.epoch, set, was });
    },
    snapshot(): PenaltySnapshot {
      const ws = net.weightMatrices();
      const total = ws.reduce((n, w) => n + w.length, 0);
      const weights = new Float64Array(total);
      let o = 0;
      for (const w of ws) {
        weights.set(w, o);
        o += w.length;
      }
      return {
        start: { ...start },
        epoch: trainer.epoch,
        maxEpochs: s.epochs,
        step: steps,
        stepsPerEpoch,
        live: { penalty: s.penalty, strength: s.strength, lr: s.lr },
        optimizer: s.optimizer,
        dataLoss: dataLoss.slice(),
        valLoss: valLoss.slice(),
        penalty: penalty.slice(),
        nearZero: nearZero.slice(),
        exactZero: exactZero.slice(),
        weights,
        layerSizes: ws.map((w) => w.length),
        stats: { ...stats },
        histRange: histMax,
        ...classificationView(trainer, split, GRID, points),
        changes: changes.map((c) => ({ ...c, set: { ...c.set }, was: { ...c.was } })),
      };
    },
  };
}

/**
 * Adds a change to the log. Several changes between the same two steps (a slider dragged while
 * the worker is between epochs) merge into one: only what is in force at each step matters.
 */
export function logChange(log: PenaltyChange[], c: PenaltyChange): void {
  const last = log[log.length - 1];
  if (last && last.step === c.step) {
    const set = { ...last.set, ...c.set };
    const was = { ...c.was, ...last.was };
    for (const k of Object.keys(set) as LiveKey[]) if (set[k] === was[k]) { delete set[k]; delete was[k]; }
    if (Object.keys(set).length === 0) log.pop();
    else log[log.length - 1] = { ...last, set, was };
    return;
  }
  log.push(c);
}

/** The worker's runner: one epoch per unit of work. */
export function penaltyRunner(raw: unknown): Runner {
  const run = createPenaltyRun(raw);
  return { advance: run.advance, update: run.update, snapshot: run.snapshot };
}

/**
 * Replays a run from its settings and change log (what "Reproduce in PyTorch" re-runs):
 * trains `epochs` epochs, applying each change once its step is reached.
 */
export function replayPenaltyRun(raw: unknown, changes: readonly PenaltyChange[], epochs: number) {
  const run = createPenaltyRun(raw);
  let next = 0;
  for (let e = 0; e < epochs; e++) {
    while (next < changes.length && changes[next].epoch <= e) run.update(changes[next++].set);
    if (!run.advance()) break;
  }
  return run;
}

/** Everything needed to reproduce the run elsewhere: settings, data, initial weights, and the live changes. */
export function exportPenaltyRun(raw: unknown, changes: readonly PenaltyChange[] = []) {
  const { settings: s, split, trainer } = buildPenaltyRun(raw);
  return {
    format: 'regularization-lab-run/1',
    demo: 'l1-l2-penalty',
    settings: s,
    network: {
      layers: trainer.network.spec.layers.map((l) => ({ type: l.type, ...('in' in l ? { in: l.in, out: l.out } : {}) })),
      loss: 'bce_with_logits',
      optimizer: { type: s.optimizer, lr: s.lr },
      penalty: s.penalty === 'l1-prox'
        ? { kind: 'l1-prox', lambda: s.strength, note: 'not a loss term: after every SGD step, w = sign(w) * max(|w| - lr * lambda, 0) on the linear weights' }
        : { kind: s.penalty, lambda: s.strength, ...enginePenalty(s.penalty, s.strength), note: 'added to the loss: l1 * sum|W| + l2 * sum W^2 over the linear weights (not the biases)' },
    },
    batchSize: Math.min(s.batch, split.train.n),
    stepsPerEpoch: Math.ceil(split.train.n / Math.min(s.batch, split.train.n)),
    changes: changes.map((c) => ({ step: c.step, epoch: c.epoch, set: c.set })),
    initialParams: trainer.network.params(),
    data: {
      train: { x: Array.from(split.train.x), y: Array.from(split.train.y) },
      val: { x: Array.from(split.val.x), y: Array.from(split.val.y) },
    },
  };
}
