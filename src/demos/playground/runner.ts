/**
 * The playground's runner (in the worker): one network, or two in compare mode (the twin with one
 * technique switched off: same data, same initial weights, same batches, same seed), trained one
 * epoch per unit of work. Learning rate, dropout p and the L1 / L2 strengths change live and are
 * logged with their step (src/reproduce/changes.ts), so "Reproduce in PyTorch" replays the run.
 * Early stopping is Keras' rule on the validation loss (the engine's createEarlyStopping).
 */
import { replaying, type Runner } from '../../training/runner.ts';
import { validatedPatch, keysWithEffect } from '../settings-kit.ts';
import { accuracy, allWeights, boundaryGrid, guardExplosion, pointsOf } from '../classification-run.ts';
import { createEarlyStopping, type EarlyStopping, type ParamsJSON, type Trainer } from '../../engine/index.ts';
import { createChangeLog, validChanges, type ChangeLog } from '../../reproduce/changes.ts';
import type { LiveSet, RunLog } from '../../reproduce/types.ts';
import { buildRun, earlyStoppingParams, makePlaygroundSplit, validPlayground, withoutTechnique, type Split } from './run.ts';
import { playgroundClash } from './clash.ts';
import { GRID, NEAR_ZERO, playgroundFields, type CompareKind, type PlaygroundSettings } from './settings.ts';

const LIVE = keysWithEffect(playgroundFields, 'live') as ('lr' | 'dropout' | 'l1' | 'l2')[];

/** What the page shows of one network. Epoch numbers are chart positions: 0 = before training. */
export interface NetView {
  epoch: number;
  train: number[];
  val: number[];
  trainAccuracy: number;
  valAccuracy: number;
  grid: Float32Array;
  /** Epoch with the lowest validation loss so far. */
  bestEpoch: number;
  /** The epoch early stopping stopped after, or null (not stopped, or no early stopping). */
  stoppedAt: number | null;
  /** The epoch whose weights were loaded back when training ended, or null. */
  restoredFrom: number | null;
  /** Epochs in a row without an improvement (early stopping's wait), or null without the rule. */
  wait: number | null;
  done: boolean;
  /** Every linear weight, layer after layer (out x in, row-major). */
  weights: Float64Array;
  nearZero: number[];
  exactZero: number[];
  /** The first example of the last mini-batch: each hidden layer's dropout mask (1 kept), or null without dropout. */
  masks: number[][] | null;
}

export interface PlaygroundSnapshot {
  settings: PlaygroundSettings;
  maxEpochs: number;
  /** Neurons per layer, input first: [2, h, ..., h, 1]. */
  widths: number[];
  stepsPerEpoch: number;
  steps: number;
  gridSize: number;
  trainPoints: { xy: Float64Array; labels: Float64Array };
  valPoints: { xy: Float64Array; labels: Float64Array };
  /** The live values in force now. */
  live: Pick<PlaygroundSettings, 'lr' | 'dropout' | 'l1' | 'l2'>;
  main: NetView;
  /** Compare mode's twin (what it switches off in settings.compare), or null. */
  twin: NetView | null;
  /** The settings the run started from and its live changes: "Reproduce in PyTorch". */
  reproduce: RunLog;
}

function countWeights(ws: Float64Array[], test: (w: number) => boolean): number {
  let n = 0;
  for (const W of ws) for (let i = 0; i < W.length; i++) if (test(W[i])) n++;
  return n;
}

/** One network of the run with its history, its early-stopping rule and its best weights. */
function tracked(s: PlaygroundSettings, split: Split) {
  const { trainer } = buildRun(s, split);
  const net = trainer.network;
  const es = earlyStoppingParams(s);
  const stopper: EarlyStopping | null = es ? createEarlyStopping(es) : null;
  let best: { epoch: number; params: ParamsJSON } | null = null;
  const train = [net.loss(split.train.x, split.train.y, split.train.n, 'eval')];
  const val = [net.loss(split.val.x, split.val.y, split.val.n, 'eval')];
  const nearZero = [countWeights(net.weightMatrices(), (w) => Math.abs(w) < NEAR_ZERO)];
  const exactZero = [countWeights(net.weightMatrices(), (w) => w === 0)];
  const drops = net.spec.layers.flatMap((l, i) => (l.type === 'dropout' ? [i] : []));
  let masks: number[][] | null = null;
  let bestEpoch = 0, stoppedAt: number | null = null, restoredFrom: number | null = null, wait: number | null = stopper ? 0 : null;
  let done = false;

  /** Keras loads the best weights back when training ends, stopped or not. */
  function finish() {
    done = true;
    if (best) {
      net.loadParams(best.params);
      restoredFrom = best.epoch + 1;
    }
  }

  return {
    trainer,
    settings: s,
    get done() { return done; },
    epoch(): void {
      if (done) return;
      for (;;) {
        if (trainer.step().epochDone) break;
      }
      // The last step's masks, before an eval pass replaces them (first example of the batch).
      const rows = net.lastBatchSize();
      masks = drops.length && (net.spec.layers[drops[0]] as { p: number }).p > 0
        ? drops.map((i) => {
          const m = net.dropoutMask(i)!;
          const f = m.length / rows;
          return Array.from(m.subarray(0, f));
        })
        : null;
      const t = net.loss(split.train.x, split.train.y, split.train.n, 'eval');
      const v = net.loss(split.val.x, split.val.y, split.val.n, 'eval');
      guardExplosion(trainer.epoch, t, train[0]);
      train.push(t);
      val.push(v);
      const ws = net.weightMatrices();
      nearZero.push(countWeights(ws, (w) => Math.abs(w) < NEAR_ZERO));
      exactZero.push(countWeights(ws, (w) => w === 0));
      if (v < val[bestEpoch]) bestEpoch = val.length - 1;
      if (stopper) {
        const hadBest = stopper.state.hasBestWeights;
        const ev = stopper.update(trainer.epoch - 1, v);
        wait = ev.wait;
        if (es!.restore_best_weights && (ev.improved || (!hadBest && stopper.state.hasBestWeights))) best = { epoch: trainer.epoch - 1, params: net.params() };
        if (ev.stop) {
          stoppedAt = trainer.epoch;
          finish();
          return;
        }
      }
      if (trainer.epoch >= s.epochs) finish();
    },
    view(): NetView {
      const weights = allWeights(net);
      return {
        epoch: trainer.epoch,
        train: train.slice(),
        val: val.slice(),
        trainAccuracy: accuracy(trainer, split.train),
        valAccuracy: accuracy(trainer, split.val),
        grid: boundaryGrid(trainer, GRID),
        bestEpoch, stoppedAt, restoredFrom, wait, done,
        weights,
        nearZero: nearZero.slice(),
        exactZero: exactZero.slice(),
        masks: masks && masks.map((m) => m.slice()),
      };
    },
  };
}

type Tracked = ReturnType<typeof tracked>;

function applyLive(t: Tracked | null, v: Pick<PlaygroundSettings, 'lr' | 'dropout' | 'l1' | 'l2'>) {
  if (!t || t.done) return;
  const net = (t.trainer as Trainer).network;
  net.setLearningRate(v.lr);
  net.setDropout(v.dropout);
  net.setPenalty({ l1: v.l1, l2: v.l2 });
}

const liveSet = (s: Pick<PlaygroundSettings, 'lr' | 'dropout' | 'l1' | 'l2'>): LiveSet => ({ lr: s.lr, dropout: s.dropout, l1: s.l1, l2: s.l2 });

/** The playground's run: the main network and, in compare mode, its twin. */
export function createPlaygroundRun(raw: unknown) {
  const settings = validPlayground(raw);
  const s = { ...settings };
  const start = { ...settings };
  const split = makePlaygroundSplit(s);
  const main = tracked(s, split);
  const off: CompareKind = s.compare;
  const twin = off === 'none' ? null : tracked(withoutTechnique(s, off), split);
  let log: ChangeLog = createChangeLog(start, liveSet(start));
  const points = { trainPoints: pointsOf(split.train), valPoints: pointsOf(split.val) };
  const widths = [2, ...Array.from({ length: s.layers }, () => s.hidden), 1];
  const stepsPerEpoch = Math.ceil(split.train.n / Math.min(s.batch, split.train.n));

  return {
    settings: s,
    split,
    main,
    twin,
    /** One epoch of every network still training; false once all are done. */
    advance(): boolean {
      main.epoch();
      twin?.epoch();
      return !(main.done && (!twin || twin.done));
    },
    update(patch: Record<string, unknown>) {
      const value = validatedPatch(playgroundFields, patch, LIVE, s, 'cannot change while the network trains', playgroundClash);
      if (LIVE.every((k) => value[k] === s[k])) return;
      Object.assign(s, { lr: value.lr, dropout: value.dropout, l1: value.l1, l2: value.l2 });
      applyLive(main, s);
      if (twin) applyLive(twin, withoutTechnique(s, off));
      // Before the first step a change is how the run starts, not a change while it trains.
      if (main.trainer.steps === 0) {
        Object.assign(start, { lr: s.lr, dropout: s.dropout, l1: s.l1, l2: s.l2 });
        log = createChangeLog(start, liveSet(start));
      } else if (!main.done) log.record(main.trainer.steps, main.trainer.epoch, liveSet(s));
    },
    snapshot(): PlaygroundSnapshot {
      return {
        settings: { ...start },
        maxEpochs: s.epochs,
        widths,
        stepsPerEpoch,
        steps: main.trainer.steps,
        gridSize: GRID,
        ...points,
        live: { lr: s.lr, dropout: s.dropout, l1: s.l1, l2: s.l2 },
        main: main.view(),
        twin: twin ? twin.view() : null,
        reproduce: log.run(),
      };
    },
  };
}

/**
 * The worker's runner. `schedule` (besides the settings) is a change log from a share link: each
 * change is applied through update() when the run reaches its step (changes fall between epochs),
 * so the run logs it as if the learner had made it, and the same run unfolds.
 */
export function playgroundRunner(raw: unknown): Runner {
  const { schedule, ...settings } = (raw ?? {}) as Record<string, unknown>;
  const run = createPlaygroundRun(settings);
  const changes = validChanges(schedule).map((c) => ({ step: c.step, apply: () => run.update({ ...c.set }) }));
  return replaying(run, () => run.main.trainer.steps, changes);
}
