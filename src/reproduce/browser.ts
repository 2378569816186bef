/**
 * The demos' "Reproduce in PyTorch" buttons load this module on click (pages stay light): it
 * writes the script for the run on screen.
 */
import { inputOnScreen, scriptFor, type OnScreen } from './index.ts';
import type { Reproduction } from './types.ts';

/**
 * The script of the run on screen (see inputOnScreen): the island's settings and its runner's
 * latest snapshot, with the page the learner is on and the demo's id there (for the link).
 */
export function scriptOnScreen(rep: Reproduction, s: OnScreen): { filename: string; text: string } {
  const { filename, text } = scriptFor(rep, inputOnScreen(s));
  return { filename, text };
}
