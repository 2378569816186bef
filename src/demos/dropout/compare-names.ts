import type { CompareSettings } from './settings.ts';

/**
 * The two variants' names, baseline first. A module of its own: the island names the variants
 * too, and importing them from ./compare-seeds.ts would ship the engine to the page.
 */
export const compareNames = (s: Pick<CompareSettings, 'p'>): [string, string] => ['no dropout', `dropout p = ${s.p}`];
