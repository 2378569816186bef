/**
 * "Reproduce in PyTorch / scikit-learn": a demo run's recipe to a self-contained Python script,
 * and the engine's own lines for the same run. Pure TypeScript, browser and Node alike.
 */
import { makeRecipe } from './recipe.ts';
import { sklearnScript } from './sklearn-script.ts';
import { torchScript } from './torch-script.ts';
import type { Recipe, Reproduction, RunInput } from './types.ts';

export { makeRecipe, torchBody, defineReproduction, validInput } from './recipe.ts';
export { runRecipe, runTorchRecipe, runSklearnRecipe } from './engine-run.ts';
export { createChangeLog, validChanges } from './changes.ts';
export type * from './types.ts';

/** The script text of a recipe. */
export function pythonScript(r: Recipe): string {
  return r.library === 'pytorch' ? torchScript(r) : sklearnScript(r);
}

/** The file a learner downloads: `<demo>.py` for the run described by `input`. */
export function scriptFor(rep: Reproduction, input: RunInput): { filename: string; text: string; recipe: Recipe } {
  const recipe = makeRecipe(rep, input);
  return { filename: `${rep.id}.py`, text: pythonScript(recipe), recipe };
}
