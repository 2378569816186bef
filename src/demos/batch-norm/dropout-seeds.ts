/**
 * Demo 4 on several seeds: the four networks (neither, batch norm, dropout, both) on every seed,
 * each seed giving all four the same data, initial weights and batches (the single run's build
 * on that seed), an epoch per unit, all seeds interleaved (src/demos/seed-runs.ts).
 */
import { createTrainer } from '../../engine/index.ts';
import { makeSplit } from '../classification-run.ts';
import type { SeedsComparisonSnapshot } from '../multi-seed.ts';
import { epochSeedRun, namedDivergence, seedsComparisonRunner, trainerEpochs } from '../seed-runs.ts';
import { checkBatches, shapeSpec } from './networks.ts';
import { variantShape } from './dropout-run.ts';
import { VALIDATION_POINTS, VARIANTS, type DropoutSettings } from './settings.ts';

export type DropoutSeedsSnapshot = SeedsComparisonSnapshot<DropoutSettings>;

export function dropoutSeedsRunner(s: DropoutSettings) {
  checkBatches(s.points, s.batch);
  return seedsComparisonRunner(s, s.epochs, VARIANTS.length, (v, seed) =>
    epochSeedRun(seed, s.epochs, () => {
      // The split of buildDropoutRun: one data set cut into training and validation points.
      const split = makeSplit({ dataset: s.dataset, noise: s.noise, points: s.points, valPoints: VALIDATION_POINTS, seed });
      const t = createTrainer({ network: shapeSpec(variantShape(s, VARIANTS[v]), { type: 'adam', lr: s.lr }, seed), train: split.train, val: split.val, batchSize: Math.min(s.batch, split.train.n), seed });
      return trainerEpochs(t, split);
    }, namedDivergence(seed, `the network with ${VARIANTS[v].label}`)),
  );
}
