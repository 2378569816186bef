/**
 * Training the runs of a comparison on several seeds in the worker: a run trained an epoch per
 * unit of work, and the runner that interleaves every seed's runs (one snapshot for all). The
 * page-side pieces (curves, bands, verdicts) are in multi-seed.ts.
 */
import { DivergenceError, type Dataset, type Trainer } from '../engine/index.ts';
import { accuracy, guardExplosion } from './classification-run.ts';
import { roundRobin, seedList, type SeedCurve, type SeedRun, type SeedsComparisonSnapshot } from './multi-seed.ts';

/** What a network of a comparison does per epoch: train it, then measure it on the validation set. */
export interface EpochTraining {
  /** Before training. */
  initial: { valLoss: number; valAccuracy: number };
  /** Trains one epoch and measures; throws (e.g. DivergenceError) when the run breaks. */
  epoch(): { valLoss: number; valAccuracy: number };
  /** Extra per-epoch numbers a demo keeps (e.g. steps), read once the run is done. */
  extra?: () => Record<string, number[]>;
}

/** The epochs of a classification trainer: validation loss and accuracy, stopped by the explosion guard. */
export function trainerEpochs(t: Trainer, split: { train: Dataset; val: Dataset }): EpochTraining {
  const start = t.network.loss(split.train.x, split.train.y, split.train.n, 'eval');
  return {
    initial: { valLoss: t.network.loss(split.val.x, split.val.y, split.val.n, 'eval'), valAccuracy: accuracy(t, split.val) },
    epoch() {
      const rec = t.runEpoch();
      guardExplosion(t.epoch, rec.trainLoss, start);
      return { valLoss: rec.valLoss ?? NaN, valAccuracy: accuracy(t, split.val) };
    },
  };
}

/**
 * A run trained one epoch per unit of work, built on its first unit (a reset is instant, and a
 * run's network exists only while it trains); once done it keeps only its curves. `named` wraps
 * an error with the run's name ("seed 9, with dropout").
 */
export function epochSeedRun(seed: number, epochs: number, start: () => EpochTraining, named: (e: unknown) => unknown): SeedRun & { extra(): Record<string, number[]> } {
  let t: EpochTraining | null = null;
  let curve: SeedCurve = { seed, valLoss: [], valAccuracy: [], done: false, final: null };
  let extra: Record<string, number[]> = {};
  return {
    get done() { return curve.done; },
    advance() {
      if (curve.done) return false;
      try {
        if (!t) {
          t = start();
          curve = { ...curve, valLoss: [t.initial.valLoss], valAccuracy: [t.initial.valAccuracy] };
        }
        const m = t.epoch();
        const valLoss = [...curve.valLoss, m.valLoss], valAccuracy = [...curve.valAccuracy, m.valAccuracy];
        const done = valLoss.length - 1 >= epochs;
        curve = { seed, valLoss, valAccuracy, done, final: done ? { epoch: epochs, valLoss: m.valLoss, valAccuracy: m.valAccuracy } : null };
        if (done) {
          extra = t.extra?.() ?? {};
          t = null;
        }
      } catch (e) {
        throw named(e);
      }
      return !curve.done;
    },
    curve: () => curve,
    trained: () => (curve.done ? epochs : Math.max(0, curve.valLoss.length - 1)),
    extra: () => extra,
  };
}

/**
 * The runner of a comparison on several seeds: `variants` networks per seed (made by `make`),
 * every run trained an epoch per unit of work, round robin over all seeds and variants, so every
 * band grows from left to right together and one snapshot holds all of them. For small 2-D
 * networks all runs fit in memory at once (the digits, larger, go seed by seed).
 */
export function seedsComparisonRunner<S extends { seed: number; seeds: number }>(
  s: S, epochs: number, variants: number, make: (variant: number, seed: number) => SeedRun & { extra?(): Record<string, number[]> },
) {
  const seeds = seedList(s.seed, s.seeds);
  const runs = Array.from({ length: variants }, (_, v) => seeds.map((seed) => make(v, seed)));
  const all = seeds.flatMap((_, i) => runs.map((r) => r[i]));
  const rr = roundRobin(all);
  return {
    advance: () => rr.advance(),
    snapshot(): SeedsComparisonSnapshot<S> {
      return {
        settings: s,
        seeds,
        runs: runs.map((r) => r.map((x) => x.curve())),
        progress: { done: all.reduce((a, r) => a + r.trained(), 0), total: all.length * epochs },
        epochs,
        extra: runs.map((v) => v.map((r) => r.extra?.() ?? {})),
        reproduce: { settings: { ...s }, changes: [] },
      };
    },
  };
}

/** A divergence names the run it happened to ("seed 9, with dropout: ..."). */
export function namedDivergence(seed: number, who: string) {
  return (e: unknown): unknown => (e instanceof DivergenceError ? new DivergenceError(`seed ${seed}, ${who}: ${e.message}`, e.step, e.value) : e);
}
