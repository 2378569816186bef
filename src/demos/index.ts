/**
 * The course's demos: the one list everything else is derived from (the MDX components, embed
 * pages, remix guide, worker runner table, reproduce CLI and page, and the tests' demo lists).
 * Adding a demo: a folder with its definition (demo.ts) and its island, plus one line here.
 */
import type { AnyDemo } from './define.ts';
import { overfittingDemo } from './overfitting/demo.ts';
import { dropoutCompareDemo, dropoutMaskDemo } from './dropout/demo.ts';
import { penaltyEffectsDemo, penaltyGeometryDemo, regularizationPathDemo } from './l1-l2/demo.ts';
import { batchNormDropoutDemo, batchNormHistogramDemo, batchNormLearningRateDemo, batchNormRunningStatsDemo } from './batch-norm/demo.ts';
import { earlyStoppingDemo, earlyStoppingSavingsDemo } from './early-stopping/demo.ts';
import { digitsDemo, digitsSeedsDemo, digitsSweepDemo } from './digits/demo.ts';
import { playgroundDemo } from './playground/demo.ts';

export const demos: readonly AnyDemo[] = [
  overfittingDemo,
  digitsDemo,
  dropoutMaskDemo,
  dropoutCompareDemo,
  digitsSeedsDemo,
  penaltyEffectsDemo,
  regularizationPathDemo,
  penaltyGeometryDemo,
  digitsSweepDemo,
  batchNormHistogramDemo,
  batchNormLearningRateDemo,
  batchNormRunningStatsDemo,
  batchNormDropoutDemo,
  earlyStoppingDemo,
  earlyStoppingSavingsDemo,
  playgroundDemo,
] as unknown as AnyDemo[];

/** A demo by its id, or undefined (own properties only: ids come from links and props). */
export function demoById(id: string): AnyDemo | undefined {
  return demos.find((d) => d.id === id);
}

/** A demo by its MDX component name (`OverfittingDemo`). */
export function demoByComponent(name: string): AnyDemo | undefined {
  return demos.find((d) => d.component === name);
}
