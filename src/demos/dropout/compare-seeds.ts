/**
 * "Does it help?" on several seeds: for every seed the network without dropout and the one with
 * it, on that seed's data, initial weights and batches (the single run's build, seed by seed),
 * an epoch per unit, all seeds interleaved (src/demos/seed-runs.ts).
 */
import { makeSplit, makeTrainer } from '../classification-run.ts';
import type { SeedsComparisonSnapshot } from '../multi-seed.ts';
import { epochSeedRun, namedDivergence, seedsComparisonRunner, trainerEpochs } from '../seed-runs.ts';
import { dropoutNetworkSpec } from './network.ts';
import { VALIDATION_POINTS, type CompareSettings } from './settings.ts';
import { compareNames } from './compare-names.ts';

export type CompareSeedsSnapshot = SeedsComparisonSnapshot<CompareSettings>;

export function compareSeedsRunner(s: CompareSettings) {
  const names = compareNames(s);
  return seedsComparisonRunner(s, s.epochs, 2, (variant, seed) =>
    epochSeedRun(seed, s.epochs, () => {
      const split = makeSplit({ dataset: s.dataset, noise: s.noise, points: s.points, valPoints: VALIDATION_POINTS, seed });
      const t = makeTrainer(split, dropoutNetworkSpec({ ...s, seed }, variant === 1 ? s.p : undefined), s.batch, seed);
      return trainerEpochs(t, split);
    }, namedDivergence(seed, variant === 1 ? `with ${names[1]}` : 'without dropout')),
  );
}
