/**
 * "What it saves" on several seeds: the run trained to the end on every seed (an epoch per unit,
 * all seeds interleaved, src/demos/seed-runs.ts), and the rule replayed on the page over each
 * seed's curves (./seeds-savings.ts), so its settings never retrain. Each seed's early-stopped
 * model and its all-epochs model come from the same run: the same data, initial weights and
 * batches.
 */
import type { Runner } from '../../training/runner.ts';
import { validated } from '../settings-kit.ts';
import { accuracy, guardExplosion } from '../classification-run.ts';
import type { SeedsComparisonSnapshot } from '../multi-seed.ts';
import { epochSeedRun, namedDivergence, seedsComparisonRunner } from '../seed-runs.ts';
import { buildRun, earlyStoppingRunner } from './runner.ts';
import { savingsRunFields, type SavingsRunSettings } from './settings.ts';

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
