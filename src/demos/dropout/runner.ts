import { dropoutMaskRunner } from './mask-runner.ts';
import { dropoutCompareRunner } from './compare-runner.ts';

/** Chapter 2's runners: the mask viewer (one mini-batch step per unit) and the comparison. */
export const runners = {
  'dropout-masks': dropoutMaskRunner,
  'dropout-compare': dropoutCompareRunner,
};
