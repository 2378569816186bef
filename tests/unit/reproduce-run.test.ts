// "Reproduce in PyTorch / scikit-learn", end to end: each demo's runner trains a short run with a
// live change, as the worker would; the recipe its button makes replays it in the engine number
// for number; and where a python3 with torch (sklearn) exists, the generated script prints every
// line the engine prints, within relative 1e-6, and agrees with what the demo showed. Without
// torch those comparisons are reported as skipped, never as passed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inputOnScreen, lineKey, makeRecipe, pythonScript, runRecipe } from '../../src/reproduce/index.ts';
import type { Line, Recipe, Reproduction, TorchRecipe } from '../../src/reproduce/types.ts';
import type { RunnerFactory } from '../../src/training/runner.ts';
import { createTrainer, lasso, ridge, softThreshold } from '../../src/engine/index.ts';
import { compareRecipe, loadReproductions } from '../../scripts/reproduce.ts';
import { runnerTable } from '../../src/demos/runners.ts';
import { missing, python, runPython } from './python.ts';
import { syntheticSklearnRecipe, syntheticTorchRecipe, type SyntheticKind } from './reproduce-fixtures.ts';

const reps = await loadReproductions();
const TORCH = python(['torch']);
const SKLEARN = python(['sklearn']);

/** The worker's runner table (from the demo list), every runner loaded. */
async function runnerFactories(): Promise<Record<string, RunnerFactory>> {
  const entries = await Promise.all(Object.entries(runnerTable).map(async ([kind, load]) => [kind, await load()] as const));
  return Object.fromEntries(entries);
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
  // The runner reads the demo's settings; the run's own (runFields, e.g. how far it trains) are the test's.
  const runner = factory(Object.fromEntries(Object.entries(settings).filter(([k]) => k in rep.fields)));
  const units = rep.runner!.units ?? Infinity;
  let done = 0;
  for (; done < Math.min(rep.runner!.afterUnits ?? 0, units); done++) runner.advance();
  if (rep.runner!.livePatch) runner.update!(rep.runner!.livePatch);
  while (done < units && runner.advance()) done++;
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

/** A line's key (its epoch; or model, fit and alpha), or null for lines without one (an outcome line). */
function keyOf(recipe: Recipe, line: Line): string | null {
  const names = lineKey(recipe).names;
  return names.every((k) => k in line) ? JSON.stringify(names.map((k) => line[k])) : null;
}

for (const rep of reps.values()) {
  test(`${rep.id}: the recipe of the run the demo trained${rep.runner?.livePatch ? ' (with a live change)' : ''} replays it in the engine number for number`, () => {
    assert.ok(rep.runner, `${rep.id}: name its runner (and a live change) so this test can drive it`);
    const { recipe, engine } = watchedRecipe(rep);
    assert.ok(recipe.shown && recipe.shown.length > 1, `${rep.id}: the recipe carries what the demo showed`);
    // What the demo showed is what the engine replays, exactly (same engine, same run; JSON has no -0).
    // Lines are told apart by their key (epoch; step with step lines; model, fit and alpha along a
    // path); a step's line and the epoch line ending there merge.
    let matched = 0;
    for (const shown of recipe.shown!) {
      const key = keyOf(recipe, shown);
      const matching = engine.filter((l) => keyOf(recipe, l) === key);
      if (matching.length === 0) continue; // epochs the demo trained beyond an early stop
      matched++;
      const line = Object.assign({}, ...matching) as Line;
      for (const [k, v] of Object.entries(shown)) assert.deepEqual(line[k], JSON.parse(JSON.stringify(v)), `${rep.id} ${key} ${k}`);
    }
    assert.ok(matched >= 2, `${rep.id}: the engine's lines hold what the demo showed`);
    assert.ok(engine.filter((l) => keyOf(recipe, l) !== null).length >= 2);
  });

  const py = LIBRARY_PYTHON[rep.library];
  test(`${rep.id}: the ${rep.library} script prints the engine's lines (relative 1e-6) and matches what the demo showed`, { skip: py.exe ? false : missing(py.modules) }, (t) => {
    const { recipe, engine } = watchedRecipe(rep);
    const stderr = scriptMatchesEngine(py.exe!, recipe, engine, (n) => t.diagnostic(n));
    assert.match(stderr, new RegExp(`Matches what the demo showed: \\d+ numbers at \\d+ ${lineKey(recipe).noun}`));
  });
}

const SYNTHETIC: Record<SyntheticKind, string> = {
  regularized: 'dropout, batch norm, L1 then L2, live changes of p, the penalty and lr',
  mse: 'two outputs, MSE, SGD with momentum and weight decay',
  diverging: 'SGD at lr 1e300: the divergence line',
  proximal: 'the proximal L1 step, a live lr change mid-epoch, then L2 instead',
};

for (const kind of Object.keys(SYNTHETIC) as SyntheticKind[]) {
  test(`a ${kind} network (${SYNTHETIC[kind]}) prints the engine's lines in PyTorch`, { skip: TORCH ? false : missing(['torch']) }, () => {
    const recipe = syntheticTorchRecipe(kind);
    const engine = runRecipe(recipe);
    if (kind === 'diverging') assert.ok('diverged' in engine[engine.length - 1], 'the engine reports the divergence');
    if (kind === 'regularized') {
      const last = engine[engine.length - 1];
      assert.ok(typeof last.zero_weights === 'number' && typeof last.near_zero_weights === 'number' && typeof last.penalty === 'number' && last.lr === 0.005 && typeof last.bn === 'object');
    }
    scriptMatchesEngine(TORCH!, recipe, engine);
  });
}

for (const penalty of ['l1', 'l2'] as const) {
  const name = penalty === 'l1' ? 'Lasso' : 'Ridge';
  test(`the ${name} path recipe: the engine's lines are lasso / ridge along the alphas, then at the markers`, () => {
    const recipe = syntheticSklearnRecipe(penalty);
    const { X, y, n, d } = recipe.data;
    const { alphas, markers = [] } = recipe.paths[0];
    const lines = runRecipe(recipe);
    assert.equal(lines.length, alphas.length + markers.length);
    const json = (c: Float64Array) => JSON.parse(JSON.stringify(Array.from(c))); // (JSON has no -0)
    let warm: Float64Array | undefined; // warm starts along the path, as regularizationPath does
    const path = alphas.map((alpha, k) => {
      const fit = penalty === 'l1' ? lasso(X, y, n, d, alpha, { warmStart: warm }) : ridge(X, y, n, d, alpha);
      warm = fit.coef;
      const line = lines[k];
      assert.deepEqual([line.model, line.fit, line.alpha, line.coef, line.intercept], [penalty === 'l1' ? 'lasso' : 'ridge', 'path', alpha, json(fit.coef), fit.intercept]);
      assert.equal((line.nonzero as number) + (line.zeros as number), d);
      return fit.coef;
    });
    // A Lasso marker starts from the path's fit at the smallest path alpha >= it (from zeros above the path).
    markers.forEach((alpha, i) => {
      const larger = alphas.map((a, k) => [a, k]).filter(([a]) => a >= alpha).sort((p, q) => p[0] - q[0]);
      const fit = penalty === 'l1' ? lasso(X, y, n, d, alpha, { warmStart: larger.length ? path[larger[0][1]] : undefined }) : ridge(X, y, n, d, alpha);
      const line = lines[alphas.length + i];
      assert.deepEqual([line.fit, line.alpha, line.coef, line.intercept], ['marker', alpha, json(fit.coef), fit.intercept]);
    });
    if (penalty === 'l1') assert.ok((lines[0].nonzero as number) < (lines[alphas.length - 1].nonzero as number), 'a strong L1 penalty zeroes coefficients');
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

test('the engine\'s replay applies the proximal L1 step after every optimizer step, and measures the penalty, zeros and near-zeros it leaves', () => {
  const r = syntheticTorchRecipe('proximal');
  const lines = runRecipe(r);
  // The same run, stepped by hand: the recipe's network, then soft-thresholding by lr * proxL1.
  const layers = r.network.layers.map((l, i) => (l.type === 'linear' ? { ...l, ...(r.network.initial[i] as { weight: number[][]; bias: number[] }) } : l));
  const trainer = createTrainer({ network: { ...r.network, layers, seed: r.network.rngState }, train: r.data.train, val: r.data.val, batchSize: r.batchSize, seed: r.shuffleSeed });
  const net = trainer.network;
  let prox = r.network.proxL1!, l2 = 0;
  assert.ok(prox > 0);
  let zerosWhileProx = 0;
  for (let epoch = 1; epoch <= r.epochs; epoch++) {
    do {
      for (const c of r.changes.filter((c) => c.step === trainer.steps)) {
        if (c.set.lr !== undefined) net.setLearningRate(c.set.lr);
        if (c.set.proxL1 !== undefined) prox = c.set.proxL1;
        if (c.set.l2 !== undefined) net.setPenalty({ l1: 0, l2: (l2 = c.set.l2) });
      }
      const done = trainer.step().epochDone !== null;
      softThreshold(net.weightMatrices(), net.spec.optimizer.lr * prox);
      if (done) break;
    } while (true);
    const ws = net.weightMatrices().flatMap((W) => Array.from(W));
    const line = lines[epoch];
    assert.equal(line.epoch, epoch);
    assert.equal(line.train_loss, net.loss(r.data.train.x, r.data.train.y, r.data.train.n, 'eval'));
    assert.equal(line.zero_weights, ws.filter((w) => w === 0).length);
    assert.equal(line.near_zero_weights, ws.filter((w) => Math.abs(w) < 0.05).length);
    assert.equal(line.lr, net.spec.optimizer.lr);
    const sumAbs = ws.reduce((a, w) => a + Math.abs(w), 0);
    assert.ok(Math.abs((line.penalty as number) - (prox * sumAbs + l2 * ws.reduce((a, w) => a + w * w, 0))) < 1e-12, `epoch ${epoch} penalty`);
    if (prox > 0) zerosWhileProx = Math.max(zerosWhileProx, line.zero_weights as number);
  }
  assert.ok(zerosWhileProx > 0, 'the proximal step puts weights on exactly 0');
  assert.ok((lines[1].near_zero_weights as number) >= (lines[1].zero_weights as number));
});
