import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import type { Locator, Page } from '@playwright/test';
import { expect, hydrated, setRange, test } from './fixtures';
import { embeddedFloats } from '../../src/reproduce/encode.ts';
import { makeRecipe } from '../../src/reproduce/index.ts';
import type { ProgramRecipe, Reproduction, TorchRecipe } from '../../src/reproduce/types.ts';
import { reproductions as overfittingReps } from '../../src/demos/overfitting/reproduce.ts';
import { reproductions as earlyStoppingReps } from '../../src/demos/early-stopping/reproduce.ts';
import { reproductions as batchNormReps } from '../../src/demos/batch-norm/reproduce.ts';

const REPS = new Map<string, Reproduction>([...overfittingReps, ...earlyStoppingReps, ...batchNormReps].map((r) => [r.id, r]));

/** Presses the demo's "Reproduce in PyTorch" and returns the file it downloads. */
async function reproduce(page: Page, demo: Locator): Promise<{ name: string; text: string }> {
  const button = demo.getByTestId('reproduce');
  await expect(button).toHaveText(/^Reproduce in PyTorch( \(.+\))?$/); // multi-network demos say what the script holds
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const text = readFileSync((await download.path())!, 'utf8');
  await expect(demo.getByTestId('demo-status')).toContainText(`Saved ${download.suggestedFilename()}`);
  await expect(demo.getByTestId('demo-status').getByRole('link', { name: /How to check/ })).toHaveAttribute('href', /\/reproduce\/$/);
  return { name: download.suggestedFilename(), text };
}

/**
 * The script's initial weights are the engine's for these settings, bit for bit (the same run, not
 * one like it), and so is its data, up to the last bit of Math.sin/cos: Chromium's V8 and Node's
 * may round those differently (the circle data set uses them).
 */
function sameRun(text: string, id: string, settings: Record<string, unknown>) {
  const recipe = makeRecipe(REPS.get(id)!, { settings }) as TorchRecipe;
  const layer0 = recipe.network.initial[0] as { weight: number[][] };
  expect(Array.from(embeddedFloats(text, '0.weight') ?? [])).toEqual(layer0.weight.flat());
  const x = embeddedFloats(text, 'x_train') ?? new Float64Array(0);
  expect(x.length).toBe(recipe.data.train.x.length);
  recipe.data.train.x.forEach((v, i) => expect(Math.abs(x[i] - v)).toBeLessThanOrEqual(1e-15));
}

/** A python3 that imports torch, or null (the test that needs it is then skipped). */
function torchPython(): string | null {
  return ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0) ?? null;
}

/** The batch-norm scripts embed the engine's data for these settings (up to the last bit of Math.sin/cos, see sameRun). */
function sameData(text: string, id: string, settings: Record<string, unknown>) {
  const recipe = makeRecipe(REPS.get(id)!, { settings }) as ProgramRecipe;
  const expected = (recipe.body as { data: { train: { x: Float64Array } } }).data.train.x;
  const x = embeddedFloats(text, 'x_train') ?? new Float64Array(0);
  expect(x.length).toBe(expected.length);
  expected.forEach((v, i) => expect(Math.abs(x[i] - v)).toBeLessThanOrEqual(1e-15));
}

/** Runs a downloaded script with torch: its stderr (the comparison with what the demo showed). */
function runScript(exe: string, text: string): { lines: Record<string, unknown>[]; stderr: string } {
  const run = spawnSync(exe, ['-'], { input: text, encoding: 'utf8', timeout: 120_000 });
  expect(run.status, run.stderr).toBe(0);
  return { lines: run.stdout.trim().split('\n').map((l) => JSON.parse(l)), stderr: run.stderr };
}

test.describe('Reproduce in PyTorch', () => {
  test('chapter 1: the script holds the learner\'s settings and the learning rate they changed while it trained', async ({ page }) => {
    await page.goto('/chapters/what-is-regularization/');
    const demo = page.locator('[data-demo="overfitting"]');
    await hydrated(demo);
    await setRange(demo.getByLabel(/Label noise/), 0.35); // restarts the run
    await expect(demo.getByTestId('overfitting-noise-value')).toHaveText('0.35');
    await demo.getByTestId('step').click();
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('epoch')).toHaveText('2');
    await setRange(demo.getByLabel(/Learning rate/), -1.5); // live: lr 0.032 from step 6 (2 epochs of 3 batches)
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('epoch')).toHaveText('3');

    const { name, text } = await reproduce(page, demo);
    expect(name).toBe('overfitting.py');
    expect(text).toContain('noise = 0.35');
    expect(text).toContain('?overfitting.noise=0.35#overfitting');
    expect(text).toContain('after 6 optimizer steps (epoch 2): learning rate 0.01 -> 0.032');
    expect(text).toContain(`--settings 'noise=0.35' --changes '[{"step":6,"epoch":2,"set":{"lr":0.032}}]'`);
    expect(text).toContain('SHOWN = {'); // what the demo showed, for the script to compare with
    sameRun(text, 'overfitting', { noise: 0.35 });
  });

  test('chapter 5, the stepper: the script runs Keras\' rule with the learner\'s patience and min_delta', async ({ page }) => {
    await page.goto('/chapters/early-stopping/');
    const demo = page.locator('[data-demo="early-stopping"]');
    await hydrated(demo);
    await expect(demo.getByTestId('step')).toBeEnabled();
    await setRange(demo.getByLabel(/^Patience/), 3);
    await expect(demo.getByTestId('es-patience')).toHaveText('3');
    const { name, text } = await reproduce(page, demo);
    expect(name).toBe('early-stopping.py');
    expect(text).toContain('patience = 3');
    expect(text).toContain('stopper = EarlyStopping(patience=3, min_delta=0.0, mode="min", baseline=None, restore_best_weights=True, start_from_epoch=0)');
    expect(text).toContain('?early-stopping.patience=3#early-stopping');
    sameRun(text, 'early-stopping', { patience: 3 });
  });

  test('chapter 5, what it saves: the script replays the rule for the table\'s patience values, with the learner\'s restore setting', async ({ page }) => {
    await page.goto('/chapters/early-stopping/');
    const demo = page.locator('[data-demo="early-stopping-savings"]');
    await hydrated(demo);
    await demo.getByRole('checkbox', { name: 'Restore best weights' }).uncheck();
    await expect(demo.getByTestId('es-savings-table')).toBeVisible({ timeout: 30_000 });
    const { name, text } = await reproduce(page, demo);
    expect(name).toBe('early-stopping-savings.py');
    expect(text).toContain('restore_best_weights = false');
    expect(text).toContain('for patience in [0, 1, 2, 3, 5, 10, 20, 50]:');
    expect(text).toContain('restore_best_weights=False');
    sameRun(text, 'early-stopping-savings', { restore_best_weights: false });
  });

  test('chapter 1, end to end: the downloaded script re-runs the run on screen in PyTorch and matches every number the demo showed', async ({ page }) => {
    const exe = torchPython();
    test.skip(!exe, 'no python3 with torch (on Debian: apt-get install python3-torch)');
    await page.goto('/chapters/what-is-regularization/?overfitting.epochs=20&overfitting.seed=3');
    const demo = page.locator('[data-demo="overfitting"]');
    await hydrated(demo);
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('epoch')).toHaveText('1');
    await setRange(demo.getByLabel(/Learning rate/), -1.3); // lr 0.05 from step 3
    await demo.getByTestId('train').click();
    await expect(demo.getByTestId('status')).toContainText('finished');
    const { text } = await reproduce(page, demo);
    const run = spawnSync(exe!, ['-'], { input: text, encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.epoch)).toEqual(Array.from({ length: 21 }, (_, i) => i));
    expect(run.stderr).toMatch(/Matches what the demo showed: 44 numbers at 21 epochs/);
  });
  test('chapter 4, the histograms: the script holds both networks, the learner\'s activation and the layer shown', async ({ page }) => {
    await page.goto('/chapters/batch-normalization/');
    const demo = page.locator('[data-demo="bn-histogram"]');
    await hydrated(demo);
    await demo.getByLabel(/^Activation/).selectOption('tanh'); // restarts the run
    await setRange(demo.getByLabel(/^Layer shown/), 2);
    await expect(demo.getByTestId('bn-layer')).toHaveText('2');
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('bn-step')).toHaveText('1');
    await expect(demo.getByTestId('reproduce')).toHaveText('Reproduce in PyTorch (both networks)');
    const { name, text } = await reproduce(page, demo);
    expect(name).toBe('bn-histogram.py');
    expect(text).toContain('activation = tanh');
    expect(text).toContain('layer = 2');
    expect(text).toContain('HIDDEN_LAYERS, HIDDEN, ACTIVATION, EPS = 4, 16, "tanh", 1e-5');
    expect(text).toContain('LR, LAYER = 0.1, 2');
    expect(text).toContain('"with_bn": load_linear(make_model(batchnorm=True), INITIAL)');
    expect(text).toContain('?bn-histogram.activation=tanh&bn-histogram.layer=2#bn-histogram');
    expect(text).toContain('SHOWN = {');
    sameData(text, 'bn-histogram', { activation: 'tanh' });
  });

  test('chapter 4, the grid: the script runs all 28 pairs with the learner\'s epochs', async ({ page }) => {
    await page.goto('/chapters/batch-normalization/');
    const demo = page.locator('[data-demo="bn-learning-rates"]');
    await hydrated(demo);
    await demo.locator('summary').click();
    await setRange(demo.getByLabel(/^Epochs per run/), 10);
    await expect(demo.getByTestId('reproduce')).toHaveText('Reproduce in PyTorch (all 28 pairs of runs)');
    const { name, text } = await reproduce(page, demo);
    expect(name).toBe('bn-learning-rates.py');
    expect(text).toContain('epochs = 10');
    expect(text).toContain('N, BATCH, EPOCHS, STEPS_PER_EPOCH, SEED = 256, 32, 10, 8, 7');
    expect(text).toContain('LRS = [0.01, 0.03, 0.1, 0.3, 1, 3, 10]');
    expect(text).toContain('Chaotic runs:');
    sameData(text, 'bn-learning-rates', { epochs: 10 });
  });

  test('chapter 4, running statistics: the script uses the learner\'s momentum and follows the feature shown', async ({ page }) => {
    await page.goto('/chapters/batch-normalization/');
    const demo = page.locator('[data-demo="bn-running-stats"]');
    await hydrated(demo);
    await setRange(demo.getByLabel(/BatchNorm1d momentum/), 0.3);
    await setRange(demo.getByLabel(/^Feature/), 3);
    await expect(demo.getByTestId('bn-rs-status')).toContainText('feature 3');
    const { name, text } = await reproduce(page, demo);
    expect(name).toBe('bn-running-stats.py');
    expect(text).toContain('momentum = 0.3');
    expect(text).toContain('HIDDEN_LAYERS, HIDDEN, ACTIVATION, EPS, MOMENTUM = 3, 8, "relu", 1e-5, 0.3');
    expect(text).toContain('LR, LAYER, FEATURE = 0.1, 1, 3');
    expect(text).toContain('model = load_linear(make_model(batchnorm=True, momentum=MOMENTUM), INITIAL)');
    sameData(text, 'bn-running-stats', { momentum: 0.3 });
  });

  test('chapter 4, with dropout: the script holds the four networks and the learner\'s p', async ({ page }) => {
    await page.goto('/chapters/batch-normalization/');
    const demo = page.locator('[data-demo="bn-dropout"]');
    await hydrated(demo);
    await setRange(demo.getByLabel(/^Dropout p/), 0.3);
    await expect(demo.getByTestId('reproduce')).toHaveText('Reproduce in PyTorch (all four networks)');
    const { name, text } = await reproduce(page, demo);
    expect(name).toBe('bn-dropout.py');
    expect(text).toContain('p = 0.3');
    expect(text).toContain('HIDDEN_LAYERS, HIDDEN, ACTIVATION, EPS, P = 2, 40, "relu", 1e-5, 0.3');
    expect(text).toContain('"both": load_linear(make_model(batchnorm=True, dropout=P, rng_state=RNG_STATE), INITIAL),  # batch norm + dropout');
    sameData(text, 'bn-dropout', { p: 0.3 });
  });

  test('chapter 4, end to end: the histogram and grid scripts downloaded after training match every number the demos showed', async ({ page }) => {
    const exe = torchPython();
    test.skip(!exe, 'no python3 with torch (on Debian: apt-get install python3-torch)');
    await page.goto('/chapters/batch-normalization/?bn-histogram.points=64&bn-histogram.steps=100&bn-learning-rates.points=64&bn-learning-rates.layers=2&bn-learning-rates.hidden=8&bn-learning-rates.epochs=5');
    const hist = page.locator('[data-demo="bn-histogram"]');
    await hydrated(hist);
    await hist.getByTestId('bn-histogram-speed').selectOption('Infinity');
    await hist.getByTestId('train').click();
    await expect(hist.getByTestId('bn-status')).toContainText('finished', { timeout: 60_000 });
    const h = runScript(exe!, (await reproduce(page, hist)).text);
    expect(h.lines.map((l) => l.epoch)).toEqual(Array.from({ length: 51 }, (_, i) => i));
    expect(h.stderr).toMatch(/Matches what the demo showed: \d+ numbers at 51 epochs/);

    const grid = page.locator('[data-demo="bn-learning-rates"]');
    await hydrated(grid);
    await grid.getByTestId('bn-learning-rates-speed').selectOption('Infinity');
    await grid.getByTestId('train').click();
    await expect(grid.getByTestId('bn-grid-status')).toContainText('All 28 pairs trained', { timeout: 60_000 });
    const g = runScript(exe!, (await reproduce(page, grid)).text);
    expect(g.lines).toHaveLength(28);
    // Every run's outcome is the demo's; chaotic runs, if any, are named rather than passed.
    expect(g.stderr).toMatch(/Matches what the demo showed/);
  });
});
