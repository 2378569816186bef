// What the several-seeds comparison says, in numbers and words: pure, so the island and the unit
// tests (which check the chapter's quotes) use the same functions.
import { pairVerdict, type PairVerdict } from '../multi-seed.ts';
import { methodLabel } from './describe.ts';
import type { SeedsSnapshot } from './seeds-runner.ts';
import { runSettings, type SeedsSettings } from './settings.ts';

/** The paired verdicts over the seeds whose two runs have both finished. */
export type SeedsVerdict = PairVerdict;

/** The two variants' names: "no regularization" and e.g. "dropout p = 0.5". */
export function variantNames(s: SeedsSettings): [string, string] {
  return ['no regularization', methodLabel(runSettings(s, 'method', s.seed))];
}

/** The paired verdicts over the finished seeds, or null before one has finished. */
export function seedsVerdict(snap: SeedsSnapshot): SeedsVerdict | null {
  return pairVerdict(snap.runs[0], snap.runs[1], variantNames(snap.settings)[1]);
}
