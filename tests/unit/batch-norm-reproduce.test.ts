// "Reproduce in PyTorch" for chapter 4's learning-rate grid: its comparison takes every run's
// outcome from the script and its digits within 1e-6, except for runs the engine itself shows to
// be chaotic (nudged by 1e-12, they move by more than 1e-6), which it compares by whether and
// when they diverged and names in its notes. It never lets a difference of a stable run pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeRecipe, pythonScript, runRecipe } from '../../src/reproduce/index.ts';
import type { Line } from '../../src/reproduce/types.ts';
import { compareRecipe, loadReproductions } from '../../scripts/reproduce.ts';
import { missing, python, runPython } from './python.ts';

const reps = await loadReproductions();
const grid = reps.get('bn-learning-rates')!;
const recipe = makeRecipe(grid, { settings: {} }); // the chapter's default grid
const engine = runRecipe(recipe);
const copy = () => JSON.parse(JSON.stringify(engine)) as Line[];
// Cell 28: batch norm at lr 10 with initial weights x10, chaotic; cell 1: lr 0.01 at x0.3, smooth.
const chaotic = engine.findIndex((l) => l.lr === 10 && l.init_scale === 10);
const smooth = engine.findIndex((l) => l.lr === 0.01 && l.init_scale === 0.3);

test('the grid prints one line per cell with each run\'s outcome as the demo classifies it', () => {
  assert.equal(engine.length, 28);
  for (const l of engine) for (const k of ['with_bn', 'without_bn']) assert.ok(['diverged', 'stalled', 'trained', 'learning'].includes(l[k] as string), `${l.cell} ${k}`);
  assert.equal(engine[smooth].with_bn, 'trained');
  assert.ok(engine.some((l) => l.with_bn === 'diverged' && l.with_bn_diverged_epoch === 1), 'batch norm at lr 10 diverges in its first epoch at small scales');
});

test('a copy of the engine\'s lines passes with no notes', () => {
  const c = compareRecipe(recipe, copy(), engine);
  assert.ok(c.ok, c.problems.join('\n'));
  assert.deepEqual(c.notes, []);
});

test('a smooth run whose final loss is off by 1e-4 fails, named', () => {
  const lines = copy();
  lines[smooth].with_bn_final_loss = (lines[smooth].with_bn_final_loss as number) * (1 + 1e-4);
  const c = compareRecipe(recipe, lines, engine);
  assert.equal(c.ok, false);
  assert.match(c.problems.join('\n'), /cell 1 \(lr 0\.01, scale 0\.3\) with_bn: .*not a chaotic run/);
});

test('the chaotic run may end elsewhere (compared by outcome only, and said so), but not diverge elsewhere', () => {
  const lines = copy();
  const l = lines[chaotic];
  l.with_bn_losses = (l.with_bn_losses as number[]).map((v, i) => (i > 5 ? v * 1.3 : v));
  l.with_bn_final_loss = (l.with_bn_final_loss as number) * 1.3;
  const c = compareRecipe(recipe, lines, engine);
  assert.ok(c.ok, c.problems.join('\n'));
  assert.match(c.notes!.join('\n'), /cell 28 \(lr 10, scale 10\) with_bn is chaotic .*compared by outcome only/);
  l.with_bn = 'diverged';
  l.with_bn_diverged_epoch = 12;
  assert.equal(compareRecipe(recipe, lines, engine).ok, false);
});

test('with torch: the default grid\'s script agrees with the engine, chaotic runs compared by outcome and named', { skip: python(['torch']) ? false : missing(['torch']) }, (t) => {
  const { stdout } = runPython(python(['torch'])!, pythonScript(recipe));
  const c = compareRecipe(recipe, stdout.trim().split('\n').map((s) => JSON.parse(s) as Line), engine);
  assert.ok(c.ok, c.problems.join('\n'));
  for (const n of c.notes ?? []) t.diagnostic(n);
  assert.ok((c.notes ?? []).length <= 4, 'only a few runs at the grid\'s edge are chaotic');
  assert.ok(c.worst < 1e-6, `the runs compared by their digits agree within 1e-6 (worst ${c.worst})`);
});
