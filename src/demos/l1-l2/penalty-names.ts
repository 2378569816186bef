import { PENALTY_LABELS, type PenaltySettings } from './settings.ts';

/**
 * The two variants' names: "no penalty" and e.g. "L1, λ = 0.001". A module of its own: the
 * island names the variants too, and importing them from ./penalty-seeds.ts would ship the
 * engine to the page.
 */
export function penaltyNames(s: Pick<PenaltySettings, 'penalty' | 'strength'>): [string, string] {
  return ['no penalty', s.penalty === 'none' ? 'no penalty (again)' : `${PENALTY_LABELS[s.penalty]}, λ = ${s.strength}`];
}
