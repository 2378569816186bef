/**
 * "Reproduce in PyTorch / scikit-learn": a demo run's recipe to a self-contained Python script,
 * and the engine's own lines for the same run. Pure TypeScript, browser and Node alike.
 */
import { makeRecipe } from './recipe.ts';
import { sklearnScript } from './sklearn-script.ts';
import { torchScript } from './torch-script.ts';
import type { Recipe, Reproduction, RunInput, RunLog } from './types.ts';

export { makeRecipe, torchBody, defineReproduction, validInput, lineKey } from './recipe.ts';
export { runRecipe, runTorchRecipe, runSklearnRecipe } from './engine-run.ts';
export { createChangeLog, validChanges } from './changes.ts';
export type * from './types.ts';

/** The script text of a recipe. */
export function pythonScript(r: Recipe): string {
  if ('program' in r) return r.program.script(r);
  return r.library === 'pytorch' ? torchScript(r) : sklearnScript(r);
}

/**
 * A recipe (or a list of them) as JSON: what "Export data and initial weights" saves, the run a
 * script is written from. Typed arrays become lists of numbers (NaN and infinities null, as JSON
 * has them); a program recipe keeps its data (`body`) and leaves out its code (`program`).
 */
export function recipeJson(r: Recipe | Recipe[]): string {
  return JSON.stringify(r, (key, v) => (key === 'program' ? undefined : ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<number>) : v), 1);
}

/** The file a learner downloads: `<demo>.py` for the run described by `input`. */
export function scriptFor(rep: Reproduction, input: RunInput): { filename: string; text: string; recipe: Recipe } {
  const recipe = makeRecipe(rep, input);
  return { filename: `${rep.id}.py`, text: pythonScript(recipe), recipe };
}

export interface OnScreen {
  /** The island's settings (what its controls show). */
  settings: Record<string, unknown>;
  /** The runner's latest snapshot; its `reproduce` log names the run those views draw. */
  snapshot: unknown;
  pageUrl?: string;
  instanceId?: string;
}

/**
 * The run on screen: the settings it started from (the snapshot's log, for the keys it has; the
 * island's for the others, e.g. a rule that never retrains), its live changes and the snapshot
 * (the numbers shown). Without a snapshot yet, the island's settings.
 */
export function inputOnScreen(s: OnScreen): RunInput {
  const log = (s.snapshot as { reproduce?: RunLog } | null | undefined)?.reproduce;
  return {
    settings: { ...s.settings, ...(log?.settings ?? {}) },
    changes: log?.changes ?? [],
    snapshot: log ? s.snapshot : undefined,
    pageUrl: s.pageUrl,
    instanceId: s.instanceId,
  };
}
