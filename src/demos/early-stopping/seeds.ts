/**
 * "What it saves" on several seeds: the run trained to the end on every seed (an epoch per unit,
 * all seeds interleaved, src/demos/seed-runs.ts), and the rule replayed on the page over each
 * seed's curves, so its settings never retrain. Each seed's early-stopped model and its
 * all-epochs model come from the same run: the same data, initial weights and batches.
 */
import type { Runner } from '../../training/runner.ts';
import { validated } from '../settings-kit.ts';
import { accuracy, guardExplosion } from '../classification-run.ts';
import type { SeedCurve, SeedsComparisonSnapshot } from '../multi-seed.ts';
import { epochSeedRun, namedDivergence, seedsComparisonRunner } from '../seed-runs.ts';
import { savingsRow } from './rule.ts';
import { buildRun, earlyStoppingRunner } from './runner.ts';
import { savingsRunFields, type RuleSettings, type SavingsRunSettings } from './settings.ts';

export type SavingsSeedsSnapshot = SeedsComparisonSnapshot<SavingsRunSettings>;

/** Accepts the run settings and Seeds (rule settings may ride along: they are ignored here). */
export function validSavingsRun(raw: unknown): SavingsRunSettings {
  const input: Record<string, unknown> = {};
  for (const [k, v] of Object.entries((raw ?? {}) as Record<string, unknown>)) if (Object.hasOwn(savingsRunFields, k)) input[k] = v;
  return validated(savingsRunFields, input);
}

/** The savings demo's runner: one run in detail, or (Seeds > 1) the run on every seed. */
export function savingsRunner(raw: unknown): Runner {
  const s = validSavingsRun(raw);
  if (s.seeds <= 1) return earlyStoppingRunner(raw);
  return seedsComparisonRunner(s, s.epochs, 1, (_, seed) =>
    epochSeedRun(seed, s.epochs, () => {
      const { split, trainer } = buildRun({ ...s, seed });
      const net = trainer.network;
      const start = net.loss(split.train.x, split.train.y, split.train.n, 'eval');
      const steps: number[] = [];
      return {
        initial: { valLoss: net.loss(split.val.x, split.val.y, split.val.n, 'eval'), valAccuracy: accuracy(trainer, split.val) },
        epoch() {
          const rec = trainer.runEpoch();
          guardExplosion(trainer.epoch, rec.trainLoss, start);
          steps.push(rec.steps);
          return { valLoss: rec.valLoss ?? NaN, valAccuracy: accuracy(trainer, split.val) };
        },
        extra: () => ({ steps }),
      };
    }, namedDivergence(seed, 'the network')),
  );
}

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
