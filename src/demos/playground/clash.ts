/**
 * Settings the playground cannot run together (the definition's clash: the build and a shared
 * link check it; the runner too). Light on purpose: the definition imports it, and definitions
 * load on every page, so no engine code beyond its error type.
 */
import { classCounts, decodePoints, type Point } from './points-code.ts';
import type { PlaygroundSettings } from './settings.ts';

/** Fewest points of each class a custom data set needs (some of each in training and validation). */
export const MIN_PER_CLASS = 2;

/** How many training points the settings give (the batch-norm check needs it before any data is made). */
export function trainingCount(s: Pick<PlaygroundSettings, 'dataset' | 'points' | 'valShare' | 'data'>): number {
  const n = s.dataset === 'custom' ? s.data.length / 5 : s.points;
  return n - Math.round(n * s.valShare);
}

/** Settings that are fine one by one but not together (the definition's clash), or null. */
export function playgroundClash(s: PlaygroundSettings): string | null {
  if (s.dataset === 'custom') {
    let points: Point[];
    try {
      points = decodePoints(s.data);
    } catch (e) {
      return `your points cannot be read: ${(e as Error).message}`;
    }
    const [zeros, ones] = classCounts(points);
    if (zeros < MIN_PER_CLASS || ones < MIN_PER_CLASS) {
      return `your own data needs at least ${MIN_PER_CLASS} points of each class (it has ${zeros} of class 0 and ${ones} of class 1): add points, or choose a built-in data set`;
    }
    const nVal = Math.round(points.length * s.valShare);
    if (nVal < 1 || points.length - nVal < 1) return `a validation share of ${s.valShare} leaves no training or no validation point of your ${points.length}`;
  }
  if (s.batchnorm) {
    const n = trainingCount(s);
    const b = Math.min(s.batch, n);
    if (b === 1 || n % b === 1) {
      return `batch normalization needs at least two points in every mini-batch, but ${n} training points in batches of ${b} leave a batch of one: choose another batch size`;
    }
  }
  return null;
}

