/**
 * Every demo's "Reproduce in PyTorch / scikit-learn" scripts, from the demo list: the reproduce
 * page, the CLI (scripts/reproduce.ts), the demos' buttons and the tests read them here.
 */
import type { Reproduction } from '../reproduce/types.ts';
import { demos } from './index.ts';

/** All reproductions, in the order of the demo list (each demo's scripts in its own order). */
export async function allReproductions(): Promise<Reproduction[]> {
  const lists = await Promise.all(demos.map((d) => (d.reproduce ? d.reproduce() : Promise.resolve([]))));
  const all = lists.flat();
  const ids = new Set<string>();
  for (const r of all) {
    if (ids.has(r.id)) throw new Error(`two demos reproduce as "${r.id}"`);
    ids.add(r.id);
  }
  return all;
}

/**
 * The reproduction called `id`, loading as little as it can: the demo with that id, else the demo
 * whose id begins it (a demo with a script per network: "dropout-compare-with").
 */
export async function findReproduction(id: string): Promise<Reproduction> {
  const rank = (d: { id: string }) => (d.id === id ? 2 : id.startsWith(`${d.id}-`) ? 1 : 0);
  for (const d of [...demos].filter((d) => rank(d) > 0 && d.reproduce).sort((a, b) => rank(b) - rank(a))) {
    const found = (await d.reproduce!()).find((r) => r.id === id);
    if (found) return found;
  }
  throw new Error(`no reproduction called "${id}"`);
}
