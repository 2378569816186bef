// What the several-seeds comparison says, in numbers and words: pure, so the island and the unit
// tests (which check the chapter's quotes) use the same functions.
import { paired, verdictWords, type Paired } from '../multi-seed.ts';
import { methodLabel } from './describe.ts';
import type { SeedsSnapshot } from './seeds-runner.ts';
import { runSettings, type SeedsSettings } from './settings.ts';

export interface SeedsVerdict {
  /** Seeds whose two runs have both finished (the comparison uses only those). */
  seeds: number[];
  loss: Paired;
  accuracy: Paired;
  words: { loss: string; accuracy: string };
}

/** The two variants' names: "no regularization" and e.g. "dropout p = 0.5". */
export function variantNames(s: SeedsSettings): [string, string] {
  return ['no regularization', methodLabel(runSettings(s, 'method', s.seed))];
}

/** The paired verdicts over the finished seeds, or null before one has finished. */
export function seedsVerdict(snap: SeedsSnapshot): SeedsVerdict | null {
  const [base, variant] = snap.runs;
  const both = base.map((b, i) => [b, variant[i]] as const).filter(([b, v]) => b.final && v.final);
  if (both.length === 0) return null;
  const loss = paired(both.map(([b]) => b.final!.valLoss), both.map(([, v]) => v.final!.valLoss), true);
  const accuracy = paired(both.map(([b]) => b.final!.valAccuracy), both.map(([, v]) => v.final!.valAccuracy), false);
  const name = variantNames(snap.settings)[1];
  return {
    seeds: both.map(([b]) => b.seed),
    loss,
    accuracy,
    words: {
      loss: verdictWords(loss, { variant: name, what: 'validation loss', lowerIsBetter: true }),
      accuracy: verdictWords(accuracy, { variant: name, what: 'validation accuracy', lowerIsBetter: false, percent: true }),
    },
  };
}
