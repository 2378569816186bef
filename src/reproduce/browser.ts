/**
 * The demos' "Reproduce in PyTorch" buttons load this module on click (pages stay light): it
 * finds the demo's reproduction by file convention (every src/demos/<folder>/reproduce.ts, as
 * src/demos/runners.ts finds runners) and writes the script for the run on screen.
 */
import { scriptFor } from './index.ts';
import type { Reproduction, RunLog } from './types.ts';

const modules = import.meta.glob<{ reproductions: Reproduction[] }>('../demos/*/reproduce.ts');

export async function findReproduction(id: string): Promise<Reproduction> {
  for (const load of Object.values(modules)) {
    const found = (await load()).reproductions.find((r) => r.id === id);
    if (found) return found;
  }
  throw new Error(`no reproduction called "${id}"`);
}

export interface OnScreen {
  /** The island's settings (what its controls show). */
  settings: Record<string, unknown>;
  /** The runner's latest snapshot; its `reproduce` log names the run those views draw. */
  snapshot: unknown;
  pageUrl: string;
  instanceId: string;
}

/**
 * The script of the run on screen: the settings the run started from (the snapshot's log, for
 * the keys it has; the island's for the others, e.g. a rule that never retrains) and its changes.
 */
export async function scriptOnScreen(id: string, s: OnScreen): Promise<{ filename: string; text: string }> {
  const rep = await findReproduction(id);
  const log = (s.snapshot as { reproduce?: RunLog } | null)?.reproduce;
  const settings = { ...s.settings, ...(log?.settings ?? {}) };
  const { filename, text } = scriptFor(rep, {
    settings, changes: log?.changes ?? [], snapshot: log ? s.snapshot : undefined, pageUrl: s.pageUrl, instanceId: s.instanceId,
  });
  return { filename, text };
}
