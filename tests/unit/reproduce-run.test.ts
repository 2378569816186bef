// "Reproduce in PyTorch / scikit-learn", end to end: each demo's runner trains a short run with a
// live change, as the worker would; the recipe its button makes replays it in the engine number
// for number; and where a python3 with torch (sklearn) exists, the generated script prints every
// line the engine prints, within relative 1e-6, and agrees with what the demo showed. Without
// torch those comparisons are reported as skipped, never as passed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inputOnScreen, makeRecipe, pythonScript, runRecipe } from '../../src/reproduce/index.ts';
import type { Line, Recipe, Reproduction, TorchRecipe } from '../../src/reproduce/types.ts';
import type { RunnerFactory } from '../../src/training/runner.ts';
import { lasso, ridge } from '../../src/engine/index.ts';
import { compareRecipe, loadReproductions } from '../../scripts/reproduce.ts';
import { missing, python, runPython } from './python.ts';
import { syntheticSklearnRecipe, syntheticTorchRecipe } from './reproduce-fixtures.ts';

const reps = await loadReproductions();
const TORCH = python(['torch']);
const SKLEARN = python(['sklearn']);

async function runnerFactories(): Promise<Record<string, RunnerFactory>> {
  const dir = join(process.cwd(), 'src/demos');
  const out: Record<string, RunnerFactory> = {};
  for (const folder of readdirSync(dir)) {
    const file = join(dir, folder, 'runner.ts');
    if (existsSync(file)) Object.assign(out, ((await import(pathToFileURL(file).href)) as { runners: Record<string, RunnerFactory> }).runners);
  }
  return out;
}
const factories = await runnerFactories();

function parse(stdout: string): Line[] {
  return stdout.trim().split('\n').map((l) => JSON.parse(l) as Line);
}

/**
 * Runs the recipe's script and compares its lines with the engine's (the recipe's own comparison
 * where it has one: the batch-norm grid compares chaotic runs by outcome only, and says which in
 * its notes, printed here); returns the script's stderr.
 */
function scriptMatchesEngine(exe: string, recipe: Recipe, engine: Line[] = runRecipe(recipe), notes?: (n: string) => void): string {
  const { stdout, stderr } = runPython(exe, pythonScript(recipe));
  const c = compareRecipe(recipe, parse(stdout), engine);
  assert.ok(c.ok, `${recipe.demo}: the script differs from the engine:\n${c.problems.slice(0, 8).join('\n')}`);
  for (const n of c.notes ?? []) notes?.(n);
  return stderr;
}

/** The run a learner watched: the demo's runner, quick settings, a live change part-way if it has one. */
function watchedRun(rep: Reproduction) {
  const kind = rep.runner!.kind;
  const factory = factories[kind];
  assert.ok(factory, `${rep.id}: no runner "${kind}"`);
  const settings = { ...makeRecipe(rep, { settings: rep.quick }).settings };
  const runner = factory(settings);
  for (let i = 0; i < (rep.runner!.afterUnits ?? 0); i++) runner.advance();
  if (rep.runner!.livePatch) runner.update!(rep.runner!.livePatch);
  while (runner.advance());
  const snapshot = runner.snapshot();
  return { settings, snapshot };
}

/** The recipe a demo's button makes after that run, and the engine's lines for it (once per demo). */
const watched = new Map<string, { recipe: Recipe; engine: Line[] }>();
function watchedRecipe(rep: Reproduction) {
  if (!watched.has(rep.id)) {
    const { settings, snapshot } = watchedRun(rep);
    const input = inputOnScreen({ settings, snapshot });
    if (rep.runner!.livePatch) assert.ok(input.changes!.length > 0, `${rep.id}: the runner's snapshot logs the live change ${JSON.stringify(rep.runner!.livePatch)}`);
    const recipe = makeRecipe(rep, input);
    watched.set(rep.id, { recipe, engine: runRecipe(recipe) });
  }
  return watched.get(rep.id)!;
}

const LIBRARY_PYTHON = { pytorch: { exe: TORCH, modules: ['torch'] }, 'scikit-learn': { exe: SKLEARN, modules: ['sklearn'] } };

for (const rep of reps.values()) {
  test(`${rep.id}: the recipe of the run the demo trained${rep.runner?.livePatch ? ' (with a live change)' : ''} replays it in the engine number for number`, () => {
    assert.ok(rep.runner, `${rep.id}: name its runner (and a live change) so this test can drive it`);
    const { recipe, engine } = watchedRecipe(rep);
    assert.ok(recipe.shown && recipe.shown.length > 1, `${rep.id}: the recipe carries what the demo showed`);
    // What the demo showed is what the engine replays, exactly (same engine, same run). Lines are
    // keyed by "epoch" (the batch-norm grid's by "cell").
    for (const shown of recipe.shown!) {
      const key = 'epoch' in shown ? 'epoch' : 'cell';
      const line = engine.find((l) => l[key] === shown[key]);
      if (!line) continue; // epochs the demo trained beyond an early stop
      for (const [k, v] of Object.entries(shown)) assert.equal(line[k], v, `${rep.id} ${key} ${shown[key]} ${k}`);
    }
    assert.ok(engine.filter((l) => typeof (l.epoch ?? l.cell) === 'number').length >= 2);
  });

  const py = LIBRARY_PYTHON[rep.library];
  test(`${rep.id}: the ${rep.library} script prints the engine's lines (relative 1e-6) and matches what the demo showed`, { skip: py.exe ? false : missing(py.modules) }, (t) => {
    const { recipe, engine } = watchedRecipe(rep);
    const stderr = scriptMatchesEngine(py.exe!, recipe, engine, (n) => t.diagnostic(n));
    assert.match(stderr, /Matches what the demo showed: \d+ numbers at \d+ (epoch|cell)s/);
  });
}

for (const kind of ['regularized', 'mse', 'diverging'] as const) {
  test(`a ${kind} network (${kind === 'regularized' ? 'dropout, batch norm, L1 then L2, live changes of p, the penalty and lr' : kind === 'mse' ? 'two outputs, MSE, SGD with momentum and weight decay' : 'SGD at lr 1e300: the divergence line'}) prints the engine's lines in PyTorch`, { skip: TORCH ? false : missing(['torch']) }, () => {
    const recipe = syntheticTorchRecipe(kind);
    const engine = runRecipe(recipe);
    if (kind === 'diverging') assert.ok('diverged' in engine[engine.length - 1], 'the engine reports the divergence');
    if (kind === 'regularized') {
      const last = engine[engine.length - 1];
      assert.ok(typeof last.zero_weights === 'number' && typeof last.penalty === 'number' && last.lr === 0.005 && typeof last.bn === 'object');
    }
    scriptMatchesEngine(TORCH!, recipe, engine);
  });
}

for (const penalty of ['l1', 'l2'] as const) {
  const name = penalty === 'l1' ? 'Lasso' : 'Ridge';
  test(`the ${name} path recipe: the engine's lines are lasso / ridge along the alphas`, () => {
    const recipe = syntheticSklearnRecipe(penalty);
    const lines = runRecipe(recipe);
    assert.equal(lines.length, recipe.alphas.length);
    let warm: Float64Array | undefined; // warm starts along the path, as regularizationPath does
    recipe.alphas.forEach((alpha, k) => {
      const fit = penalty === 'l1' ? lasso(recipe.data.X, recipe.data.y, recipe.data.n, recipe.data.d, alpha, { warmStart: warm }) : ridge(recipe.data.X, recipe.data.y, recipe.data.n, recipe.data.d, alpha);
      warm = fit.coef;
      assert.deepEqual(lines[k].coef, JSON.parse(JSON.stringify(Array.from(fit.coef)))); // (JSON has no -0)
      assert.equal(lines[k].intercept, fit.intercept);
    });
    if (penalty === 'l1') assert.ok((lines[0].nonzero as number) < (lines[lines.length - 1].nonzero as number), 'a strong L1 penalty zeroes coefficients');
  });

  test(`the ${name} path script prints the engine's lines in scikit-learn (relative 1e-6)`, { skip: SKLEARN ? false : missing(['sklearn']) }, () => {
    scriptMatchesEngine(SKLEARN!, syntheticSklearnRecipe(penalty));
  });
}

test('the stepper\'s script stops where the rule stops and keeps the best epoch', () => {
  const rep = reps.get('early-stopping')!;
  const recipe = makeRecipe(rep, { settings: { epochs: 60, patience: 3 } }) as TorchRecipe;
  const lines = runRecipe(recipe);
  const final = lines[lines.length - 1];
  assert.equal(typeof final.stopped_epoch, 'number', 'the default run stops within 60 epochs at patience 3');
  assert.equal(lines.length - 2, (final.stopped_epoch as number) + 1, 'epoch 0, then one line per epoch run, then the outcome');
  assert.equal(final.kept_epoch, final.restored_epoch);
  assert.equal(final.kept_val_loss, lines[(final.best_epoch as number) + 1].val_loss);
});
