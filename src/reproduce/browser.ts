/**
 * The demos' "Reproduce in PyTorch" and "Export" buttons load this module on click (pages stay
 * light): it writes the script, or the recipe as JSON, for the run on screen.
 */
import { inputOnScreen, makeRecipe, recipeJson, scriptFor, type OnScreen } from './index.ts';
import type { Reproduction } from './types.ts';

/**
 * The script of the run on screen (see inputOnScreen): the island's settings and its runner's
 * latest snapshot, with the page the learner is on and the demo's id there (for the link).
 */
export function scriptOnScreen(rep: Reproduction, s: OnScreen): { filename: string; text: string } {
  const { filename, text } = scriptFor(rep, inputOnScreen(s));
  return { filename, text };
}

/**
 * "Export data and initial weights (JSON)": the recipe of the run on screen, the same one its
 * script is written from (a list of them for a demo with a script per network), named
 * `<demo>-seed<seed>.json`.
 */
export function recipeOnScreen(runs: { rep: Reproduction; onScreen: OnScreen }[]): { filename: string; text: string } {
  const recipes = runs.map(({ rep, onScreen }) => makeRecipe(rep, inputOnScreen(onScreen)));
  const first = runs[0].rep;
  const seed = recipes[0].settings.seed;
  const name = runs.length === 1 ? first.id : first.instance ?? first.id;
  return { filename: `${name}${typeof seed === 'number' ? `-seed${seed}` : ''}.json`, text: recipeJson(recipes.length === 1 ? recipes[0] : recipes) };
}
