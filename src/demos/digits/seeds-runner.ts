import type { Runner } from '../../training/runner.ts';
import { DivergenceError } from '../../engine/index.ts';
import type { RunLog } from '../../reproduce/types.ts';
import { roundRobin, seedList, type SeedCurve, type Steppable } from '../multi-seed.ts';
import { validated } from '../settings-kit.ts';
import { splitDigits, type DigitsSplit } from './run.ts';
import { runSettings, seedsFields, type SeedsSettings } from './settings.ts';
import { startDigitsTraining, type DigitsTraining } from './training.ts';

export type { SeedCurve };

export interface SeedsSnapshot {
  settings: SeedsSettings;
  seeds: number[];
  /** Per variant (0: no regularization, 1: the chosen one), per seed. */
  runs: [SeedCurve[], SeedCurve[]];
  /** Epochs trained over all runs, of all planned (a run stopped early counts as complete). */
  progress: { done: number; total: number };
  /** Units of work per epoch of one network (its steps and its evaluation). */
  unitsPerEpoch: number;
  reproduce: RunLog;
}

export const validSeeds = (raw: unknown): SeedsSettings => validated(seedsFields, raw);

/**
 * One run of the comparison, built on its first unit of work (so a reset is instant and at most
 * the runs in progress hold their data); once done it keeps only its curves.
 */
function lazyRun(s: SeedsSettings, variant: 'none' | 'method', seed: number, split: () => DigitsSplit): Steppable & { curve(): SeedCurve; trained(): number } {
  let t: DigitsTraining | null = null;
  let curve: SeedCurve = { seed, valLoss: [], valAccuracy: [], done: false, final: null };
  const who = variant === 'none' ? 'without regularization' : `with ${s.method}`;
  return {
    get done() { return curve.done; },
    advance() {
      t ??= startDigitsTraining(runSettings(s, variant, seed), split());
      try {
        t.advance();
      } catch (e) {
        if (e instanceof DivergenceError) throw new DivergenceError(`seed ${seed}, ${who}: ${e.message}`, e.step, e.value);
        throw e;
      }
      if (t.val.length - 1 === curve.valLoss.length - 1 && !t.done) return true; // a step: the curves have not moved
      curve = { seed, valLoss: t.val.slice(), valAccuracy: t.valAccuracy.slice(), done: t.done, final: null };
      if (t.done) {
        const e = t.shownEpoch();
        curve.final = { epoch: e, valLoss: t.val[e], valAccuracy: t.valAccuracy[e] };
        t = null; // the trainer and its data are no longer needed
      }
      return !curve.done;
    },
    curve: () => curve,
    trained: () => (curve.done ? s.epochs : Math.max(0, curve.valLoss.length - 1)),
  };
}

/** Several seeds: every seed trains the network without regularization and with it, an epoch per unit, round robin. */
export function digitsSeedsRunner(raw: unknown): Runner {
  const s = validSeeds(raw);
  const seeds = seedList(s.seed, s.seeds);
  // The split of a seed is built when its first run starts and shared with its twin.
  const splits = new Map<number, DigitsSplit>();
  const splitOf = (seed: number) => () => {
    let sp = splits.get(seed);
    if (!sp) splits.set(seed, (sp = splitDigits(s.trainSize, seed)));
    return sp;
  };
  const base = seeds.map((seed) => lazyRun(s, 'none', seed, splitOf(seed)));
  const variant = seeds.map((seed) => lazyRun(s, 'method', seed, splitOf(seed)));
  const order = seeds.flatMap((_, i) => [base[i], variant[i]]);
  // Seed by seed, the two networks of a seed side by side (an epoch each in turn): only one seed's
  // data and networks are alive at a time (20 seeds at once would hold ~100 MB of activations).
  let pair = 0;
  let rr = roundRobin([base[0], variant[0]]);
  return {
    advance() {
      while (pair < seeds.length && base[pair].done && variant[pair].done) {
        splits.delete(seeds[pair]);
        pair++;
        if (pair < seeds.length) rr = roundRobin([base[pair], variant[pair]]);
      }
      if (pair >= seeds.length) return false;
      rr.advance();
      return order.some((r) => !r.done);
    },
    snapshot(): SeedsSnapshot {
      const done = order.reduce((a, r) => a + r.trained(), 0);
      return {
        settings: s,
        seeds,
        runs: [base.map((r) => r.curve()), variant.map((r) => r.curve())],
        progress: { done, total: order.length * s.epochs },
        unitsPerEpoch: Math.ceil(s.trainSize / Math.min(s.batch, s.trainSize)) + 1,
        reproduce: { settings: { ...s }, changes: [] },
      };
    },
  };
}
