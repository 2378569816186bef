/**
 * The page's side of "What it saves" on several seeds: the rule replayed over each seed's curves
 * (so its settings never retrain). Apart from ./seeds.ts, the runner, so the island does not
 * ship the engine.
 */
import type { SeedCurve } from '../multi-seed.ts';
import { savingsRow } from './rule.ts';
import type { SavingsSeedsSnapshot } from './seeds.ts';
import type { RuleSettings } from './settings.ts';

export interface SeedsSavings {
  /** Per variant (0: all the epochs, 1: early stopping), per seed: the curves and the model each ends with. */
  runs: [SeedCurve[], SeedCurve[]];
  /** Per finished seed: epochs the rule skips, and its kept epoch (1-based, as the curves count). */
  saved: { seed: number; epochsSaved: number; keptEpoch: number }[];
}

/**
 * Each seed's two models: training all the epochs (the last epoch's weights) and stopping by the
 * rule at `patience` (the kept epoch's weights, restored or last). Curves are indexed by epochs
 * trained (0: before training); the early-stopped curve ends where the rule stops.
 */
export function seedsSavings(snap: SavingsSeedsSnapshot, rule: RuleSettings, patience: number): SeedsSavings {
  const all = snap.runs[0];
  const saved: SeedsSavings['saved'] = [];
  const stopped = all.map((c): SeedCurve => {
    if (!c.done) return c;
    const rec = { val: c.valLoss.slice(1), valAccuracy: c.valAccuracy.slice(1), train: [], steps: c.valLoss.slice(1).map(() => 0), maxEpochs: snap.epochs, trained: snap.epochs };
    const row = savingsRow(rec, rule, patience);
    saved.push({ seed: c.seed, epochsSaved: row.epochsSaved, keptEpoch: row.keptEpoch + 1 });
    return {
      seed: c.seed,
      valLoss: c.valLoss.slice(0, row.epochsRun + 1),
      valAccuracy: c.valAccuracy.slice(0, row.epochsRun + 1),
      done: true,
      final: { epoch: row.keptEpoch + 1, valLoss: row.valLossKept, valAccuracy: row.valAccuracyKept },
    };
  });
  return { runs: [all, stopped], saved };
}
