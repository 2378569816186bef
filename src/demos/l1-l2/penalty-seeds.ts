/**
 * The penalty demo on several seeds: for every seed the network without a penalty and with the
 * chosen one (the single run's build on that seed, the penalty on from the start), an epoch per
 * unit, all seeds interleaved (src/demos/seed-runs.ts). Each run also reports its weights near
 * zero at the end, the count the chapter compares.
 */
import { accuracy } from '../classification-run.ts';
import type { SeedsComparisonSnapshot } from '../multi-seed.ts';
import { epochSeedRun, namedDivergence, seedsComparisonRunner } from '../seed-runs.ts';
import { createPenaltyRun, weightStats } from './penalty-run.ts';
import type { PenaltySettings } from './settings.ts';
import { penaltyNames } from './penalty-names.ts';

export type PenaltySeedsSnapshot = SeedsComparisonSnapshot<PenaltySettings>;

export function penaltySeedsRunner(s: PenaltySettings) {
  const names = penaltyNames(s);
  return seedsComparisonRunner(s, s.epochs, 2, (variant, seed) =>
    epochSeedRun(seed, s.epochs, () => {
      const run = createPenaltyRun({ ...s, seed, seeds: 1, penalty: variant === 0 ? 'none' : s.penalty });
      const { trainer, split } = run;
      const net = trainer.network;
      // The run measured its validation loss after its last step (and proximal step): the same weights.
      const val = () => net.loss(split.val.x, split.val.y, split.val.n, 'eval');
      return {
        initial: { valLoss: val(), valAccuracy: accuracy(trainer, split.val) },
        epoch() {
          run.advance();
          return { valLoss: val(), valAccuracy: accuracy(trainer, split.val) };
        },
        extra: () => ({ nearZero: [weightStats(net.weightMatrices()).nearZero] }),
      };
    }, namedDivergence(seed, `the network with ${names[variant]}`)),
  );
}
