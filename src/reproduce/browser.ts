/**
 * The demos' "Reproduce in PyTorch" buttons load this module on click (pages stay light): it
 * finds the demo's reproduction by file convention (every src/demos/<folder>/reproduce.ts, as
 * src/demos/runners.ts finds runners) and writes the script for the run on screen.
 */
import { inputOnScreen, scriptFor, type OnScreen } from './index.ts';
import type { Reproduction } from './types.ts';

const modules = import.meta.glob<{ reproductions: Reproduction[] }>('../demos/*/reproduce.ts');

export async function findReproduction(id: string): Promise<Reproduction> {
  for (const load of Object.values(modules)) {
    const found = (await load()).reproductions.find((r) => r.id === id);
    if (found) {
      await found.preload?.(); // data its recipe reads (the digits), fetched on demand
      return found;
    }
  }
  throw new Error(`no reproduction called "${id}"`);
}

/**
 * The script of the run on screen (see inputOnScreen): the island's settings and its runner's
 * latest snapshot, with the page the learner is on and the demo's id there (for the link).
 */
export async function scriptOnScreen(id: string, s: OnScreen): Promise<{ filename: string; text: string }> {
  const { filename, text } = scriptFor(await findReproduction(id), inputOnScreen(s));
  return { filename, text };
}
