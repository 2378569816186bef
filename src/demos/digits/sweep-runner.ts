import type { Runner } from '../../training/runner.ts';
import { DivergenceError } from '../../engine/index.ts';
import type { RunLog } from '../../reproduce/types.ts';
import { seedList } from '../multi-seed.ts';
import { validated } from '../settings-kit.ts';
import { splitDigits, type DigitsSplit } from './run.ts';
import { sweepFields, sweepRunSettings, SWEEP_VALUES, type SweepSettings } from './settings.ts';
import { startDigitsTraining, type DigitsTraining } from './training.ts';

export interface SweepSnapshot {
  settings: SweepSettings;
  values: number[];
  seeds: number[];
  /** [seed index][value index]: the final validation and training loss and validation accuracy (NaN until that run is done). */
  valLoss: number[][];
  trainLoss: number[][];
  valAccuracy: number[][];
  /** The run in progress: its seed and value index (null when all are done). */
  current: { seed: number; value: number } | null;
  /** Units of work per epoch of one run (its steps and its evaluation). */
  unitsPerEpoch: number;
  progress: { done: number; total: number };
  reproduce: RunLog;
}

export const validSweep = (raw: unknown): SweepSettings => validated(sweepFields, raw);

/**
 * The sweep: for each seed (outer) every strength (inner), one run after the other, an epoch per
 * unit, so after the first seed the whole curve is there and later seeds firm it up. (A unit: one run's
 * mini-batch step, or its epoch's evaluation.)
 */
export function digitsSweepRunner(raw: unknown): Runner {
  const s = validSweep(raw);
  const values = [...SWEEP_VALUES[s.knob]];
  const seeds = seedList(s.seed, s.seeds);
  const grid = () => seeds.map(() => values.map(() => NaN));
  const valLoss = grid(), trainLoss = grid(), valAccuracy = grid();
  let si = 0, vi = 0;
  let split: DigitsSplit | null = null;
  let t: DigitsTraining | null = null;
  let done = 0; // epochs of the finished runs

  return {
    advance() {
      if (si >= seeds.length) return false;
      split ??= splitDigits(s.trainSize, seeds[si]);
      t ??= startDigitsTraining(sweepRunSettings(s, values[vi], seeds[si]), split);
      try {
        t.advance();
      } catch (e) {
        if (e instanceof DivergenceError) throw new DivergenceError(`seed ${seeds[si]}, ${s.knob === 'l2' ? 'L2' : 'dropout p'} = ${values[vi]}: ${e.message}`, e.step, e.value);
        throw e;
      }
      if (t.done) {
        const e = t.shownEpoch();
        valLoss[si][vi] = t.val[e]; trainLoss[si][vi] = t.train[e]; valAccuracy[si][vi] = t.valAccuracy[e];
        done += s.epochs; // a run that stopped early counts as complete
        t = null;
        if (++vi >= values.length) { vi = 0; si++; split = null; }
      }
      return si < seeds.length;
    },
    snapshot(): SweepSnapshot {
      return {
        settings: s, values, seeds,
        valLoss: valLoss.map((r) => r.slice()), trainLoss: trainLoss.map((r) => r.slice()), valAccuracy: valAccuracy.map((r) => r.slice()),
        current: si < seeds.length ? { seed: seeds[si], value: vi } : null,
        unitsPerEpoch: Math.ceil(s.trainSize / Math.min(s.batch, s.trainSize)) + 1,
        progress: { done: done + (t ? t.epochs() : 0), total: seeds.length * values.length * s.epochs },
        reproduce: { settings: { ...s }, changes: [] },
      };
    },
  };
}
