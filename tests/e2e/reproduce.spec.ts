import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import type { Locator, Page } from '@playwright/test';
import { expect, hydrated, setRange, test } from './fixtures';
import { embeddedFloats } from '../../src/reproduce/encode.ts';
import { makeRecipe } from '../../src/reproduce/index.ts';
import type { ProgramRecipe, Reproduction, SklearnRecipe, TorchRecipe } from '../../src/reproduce/types.ts';
import { allReproductions } from '../../src/demos/reproductions.ts';

const REPS = new Map<string, Reproduction>((await allReproductions()).map((r) => [r.id, r]));

/** Opens a page and waits for one of its demos to hydrate. */
async function openDemo(page: Page, url: string, id: string): Promise<Locator> {
  await page.goto(url);
  const demo = page.locator(`[data-demo="${id}"]`);
  await hydrated(demo);
  return demo;
}

/** Presses Step until the demo has trained `epoch` epochs, one epoch per press. */
async function stepTo(demo: Locator, epoch: number): Promise<void> {
  for (let e = Number(await demo.getByTestId('epoch').textContent()) + 1; e <= epoch; e++) {
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('epoch')).toHaveText(String(e));
  }
}

/** Presses the demo's "Reproduce in PyTorch" (or scikit-learn; with a label: its button for that
 *  script) and returns the file it downloads. */
async function reproduce(page: Page, demo: Locator, label?: string, library = 'PyTorch'): Promise<{ name: string; text: string }> {
  const name = `Reproduce in ${library}${label ? `: ${label}` : ''}`;
  const button = label ? demo.getByRole('button', { name }) : demo.getByTestId('reproduce');
  // A script with several networks says what it holds: "Reproduce in PyTorch (both networks)".
  await expect(button).toHaveText(new RegExp(`^${name.replace(/[().]/g, '\\$&')}( \\(.+\\))?$`));
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const text = readFileSync((await download.path())!, 'utf8');
  await expect(demo.getByTestId('demo-status')).toContainText(`Saved ${download.suggestedFilename()}`);
  await expect(demo.getByTestId('demo-status').getByRole('link', { name: /How to check/ })).toHaveAttribute('href', /\/reproduce\/$/);
  return { name: download.suggestedFilename(), text };
}

/** Presses the demo's export button and returns the JSON it saves (the run's recipe, or a list of them). */
async function exportJson(page: Page, demo: Locator, label = 'Export data and initial weights (JSON)'): Promise<{ name: string; json: any }> {
  const [download] = await Promise.all([page.waitForEvent('download'), demo.getByRole('button', { name: label }).click()]);
  await expect(demo.getByTestId('demo-status')).toContainText(`Saved ${download.suggestedFilename()}`);
  return { name: download.suggestedFilename(), json: JSON.parse(readFileSync((await download.path())!, 'utf8')) };
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

/** The path script's data set is the engine's for these settings (to the last bit of Math.log/cos, as above). */
function sameData(text: string, settings: Record<string, unknown>) {
  const recipe = makeRecipe(REPS.get('regularization-path')!, { settings }) as SklearnRecipe;
  for (const [name, values] of [['X', recipe.data.X], ['y', recipe.data.y]] as const) {
    const embedded = embeddedFloats(text, name) ?? new Float64Array(0);
    expect(embedded.length).toBe(values.length);
    values.forEach((v, i) => expect(Math.abs(embedded[i] - v)).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(v))));
  }
}

/** The batch-norm scripts embed the engine's data for these settings (up to the last bit of Math.sin/cos, see sameRun). */
function sameNetworkData(text: string, id: string, settings: Record<string, unknown>) {
  const recipe = makeRecipe(REPS.get(id)!, { settings }) as ProgramRecipe;
  const expected = (recipe.body as { data: { train: { x: Float64Array } } }).data.train.x;
  const x = embeddedFloats(text, 'x_train') ?? new Float64Array(0);
  expect(x.length).toBe(expected.length);
  expected.forEach((v, i) => expect(Math.abs(x[i] - v)).toBeLessThanOrEqual(1e-15));
}

/** Presses the mask viewer's "Step one batch" until its step counter reads `to`. */
async function stepMasks(demo: Locator, to: number) {
  for (let i = Number(await demo.getByTestId('step-count').textContent()) + 1; i <= to; i++) {
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('step-count')).toHaveText(String(i));
  }
}

/** A python3 that imports `module` (torch, sklearn), or null (the test that needs it is then skipped). */
function pythonWith(module = 'torch'): string | null {
  return ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0) ?? null;
}
const torchPython = () => pythonWith('torch');

/** Runs a downloaded script; its JSON lines and its verdict on the numbers the demo showed (stderr). */
function runScript(exe: string, text: string): { lines: Record<string, unknown>[]; verdict: string } {
  const run = spawnSync(exe, ['-'], { input: text, encoding: 'utf8', timeout: 120_000 });
  expect(run.status, run.stderr).toBe(0);
  return { lines: run.stdout.trim().split('\n').map((l) => JSON.parse(l)), verdict: run.stderr };
}

test.describe('Reproduce in PyTorch / scikit-learn', () => {
  test('chapter 1: the script holds the learner\'s settings and the learning rate they changed while it trained', async ({ page }) => {
    const demo = await openDemo(page, '/chapters/what-is-regularization/', 'overfitting');
    await setRange(demo.getByLabel(/Label noise/), 0.35); // restarts the run
    await expect(demo.getByTestId('overfitting-noise-value')).toHaveText('0.35');
    await stepTo(demo, 2);
    await setRange(demo.getByLabel(/Learning rate/), -1.5); // live: lr 0.032 from step 6 (2 epochs of 3 batches)
    await stepTo(demo, 3);

    const { name, text } = await reproduce(page, demo);
    expect(name).toBe('overfitting.py');
    expect(text).toContain('noise = 0.35');
    expect(text).toContain('?overfitting.noise=0.35#overfitting');
    expect(text).toContain('after 6 optimizer steps (epoch 2): learning rate 0.01 -> 0.032');
    expect(text).toContain(`--settings 'noise=0.35' --changes '[{"step":6,"epoch":2,"set":{"lr":0.032}}]'`);
    expect(text).toContain('SHOWN = {'); // what the demo showed, for the script to compare with
    sameRun(text, 'overfitting', { noise: 0.35 });
  });

  test('chapter 1, digits: the script loads load_digits() and holds the learner\'s regularization', async ({ page }) => {
    const demo = await openDemo(page, '/chapters/what-is-regularization/', 'digits');
    await demo.getByLabel('Regularization', { exact: true }).selectOption('l2');
    await stepTo(demo, 2);
    const { name, text } = await reproduce(page, demo);
    expect(name).toBe('digits.py');
    expect(text).toContain('?digits.method=l2#digits');
    expect(text).toContain('digits = load_digits()');
    expect(text).toContain('loss_fn = nn.CrossEntropyLoss()');
    expect(text).toContain('l1, l2 = 0.0, 0.001');
    expect(text).toContain('SHOWN = {');
  });

  test('chapter 5, the stepper: the script runs Keras\' rule with the learner\'s patience and min_delta', async ({ page }) => {
    const demo = await openDemo(page, '/chapters/early-stopping/', 'early-stopping');
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
    const demo = await openDemo(page, '/chapters/early-stopping/', 'early-stopping-savings');
    await demo.getByRole('checkbox', { name: 'Restore best weights' }).uncheck();
    await expect(demo.getByTestId('es-savings-table')).toBeVisible({ timeout: 30_000 });
    const { name, text } = await reproduce(page, demo);
    expect(name).toBe('early-stopping-savings.py');
    expect(text).toContain('restore_best_weights = false');
    expect(text).toContain('for patience in [0, 1, 2, 3, 5, 10, 20, 50]:');
    expect(text).toContain('restore_best_weights=False');
    sameRun(text, 'early-stopping-savings', { restore_best_weights: false });
  });

  test('chapter 2, the mask viewer: the script holds the learner\'s p, the steps they trained and the p they changed mid-run; an eval look leaves no trace', async ({ page }) => {
    await page.goto('/chapters/dropout/');
    const demo = page.locator('[data-demo="dropout-masks"]');
    await hydrated(demo);
    await setRange(demo.getByLabel(/Dropout rate p/), 0.3); // before the first step: the run's p
    await expect(demo.getByTestId('dropout-masks-p-value')).toHaveText('0.3');
    await stepMasks(demo, 3);
    await setRange(demo.getByLabel(/Dropout rate p/), 0.2); // live: the masks of step 4 on
    await demo.getByRole('radio', { name: 'eval' }).check();
    await expect(demo.getByTestId('mask-status')).toContainText('Eval mode');
    await demo.getByRole('radio', { name: 'train' }).check();
    await stepMasks(demo, 5);
    await expect(demo.getByTestId('mask-status')).toContainText('(p = 0.2)');

    const { name, text } = await reproduce(page, demo);
    expect(name).toBe('dropout-masks.py');
    expect(text).toContain('p = 0.3, mode = train');
    expect(text).toContain('steps = 5');
    expect(text).toContain('after 3 optimizer steps (epoch 0): dropout p 0.3 -> 0.2');
    expect(text).toContain(`--settings 'p=0.3&steps=5' --changes '[{"step":3,"epoch":0,"set":{"dropout":0.2}}]'`);
    expect(text).toContain('?dropout-masks.p=0.3#dropout-masks');
    expect(text).toContain('EngineDropout(0.3, masks)');
    expect(text).toContain('if step == 5:');
    expect(text).toContain('SHOWN = {');
    sameRun(text, 'dropout-masks', { p: 0.3 });
  });

  test('chapter 2, the comparison: a button per network, each script with the learner\'s p and its own model', async ({ page }) => {
    await page.goto('/chapters/dropout/');
    const demo = page.locator('[data-demo="dropout-compare"]');
    await hydrated(demo);
    await setRange(demo.getByLabel(/Dropout rate p/), 0.3); // retrains both
    await expect(demo.getByTestId('dropout-compare-p-value')).toHaveText('0.3');
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('epoch')).toHaveText('1');

    const plain = await reproduce(page, demo, 'without dropout');
    expect(plain.name).toBe('dropout-compare-without.py');
    expect(plain.text).toContain('"Does it help? The network without dropout"');
    expect(plain.text).toContain('p = 0.3');
    expect(plain.text).not.toContain('EngineDropout(');
    expect(plain.text).toContain('?dropout-compare.p=0.3#dropout-compare');
    sameRun(plain.text, 'dropout-compare-without', { p: 0.3 });

    const withDropout = await reproduce(page, demo, 'with dropout (p = 0.3)');
    expect(withDropout.name).toBe('dropout-compare-with.py');
    expect(withDropout.text).toContain('EngineDropout(0.3, masks),  # 2: nn.Dropout(0.3)');
    expect(withDropout.text).toContain(`--settings 'p=0.3'`);
    sameRun(withDropout.text, 'dropout-compare-with', { p: 0.3 });
  });

  test('chapter 2, end to end: the mask viewer\'s script draws in PyTorch the masks the demo drew, step by step', async ({ page }) => {
    const exe = torchPython();
    test.skip(!exe, 'no python3 with torch (on Debian: apt-get install python3-torch)');
    await page.goto('/chapters/dropout/');
    const demo = page.locator('[data-demo="dropout-masks"]');
    await hydrated(demo);
    await stepMasks(demo, 4);
    await setRange(demo.getByLabel(/Dropout rate p/), 0.7); // live, from step 5
    await stepMasks(demo, 8);
    const drawn = await demo.getByTestId('dropout-masks-diagram').getAttribute('data-mask'); // example 1 at step 8
    const dropped = Number(await demo.getByTestId('dropped-count').textContent());
    const { text } = await reproduce(page, demo);
    const run = spawnSync(exe!, ['-'], { input: text, encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const steps = lines.filter((l) => 'batch_loss' in l);
    expect(steps.map((l) => l.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(steps.map((l) => l.p)).toEqual([0.5, 0.5, 0.5, 0.5, 0.7, 0.7, 0.7, 0.7]);
    expect(steps[7].masks[0]).toBe(drawn);
    expect(steps[7].dropped).toBe(dropped);
    expect(run.stderr).toMatch(/Matches what the demo showed: 34 numbers at 8 steps/);
  });

  test('chapter 1, end to end: the downloaded script re-runs the run on screen in PyTorch and matches every number the demo showed', async ({ page }) => {
    const exe = torchPython();
    test.skip(!exe, 'no python3 with torch (on Debian: apt-get install python3-torch)');
    const demo = await openDemo(page, '/chapters/what-is-regularization/?overfitting.epochs=20&overfitting.seed=3', 'overfitting');
    await stepTo(demo, 1);
    await setRange(demo.getByLabel(/Learning rate/), -1.3); // lr 0.05 from step 3
    await demo.getByTestId('train').click();
    await expect(demo.getByTestId('status')).toContainText('finished');
    const { text } = await reproduce(page, demo);
    const { lines, verdict } = runScript(exe!, text);
    expect(lines.map((l) => l.epoch)).toEqual(Array.from({ length: 21 }, (_, i) => i));
    expect(verdict).toMatch(/Matches what the demo showed: 44 numbers at 21 epochs/);
  });

  test('chapter 3, the penalty on a network: the script holds the learner\'s settings and the penalty they switched while it trained', async ({ page }) => {
    const demo = await openDemo(page, '/chapters/l1-l2/', 'penalty-effects');
    await demo.locator('details summary').click();
    await setRange(demo.getByLabel(/^Neurons per layer/), 8); // restarts the run
    await expect(demo.getByTestId('penalty-effects-hidden-value')).toHaveText('8');
    await stepTo(demo, 2);
    await demo.getByTestId('penalty-effects-penalty-l2').check(); // live: L2 from step 20 (2 epochs of 10 batches)
    await expect(demo.getByTestId('change-log')).toContainText('After epoch 2 (step 20): penalty L1 → L2');
    await stepTo(demo, 3);

    const { name, text } = await reproduce(page, demo);
    expect(name).toBe('penalty-effects.py');
    expect(text).toContain('hidden = 8');
    expect(text).toContain('?penalty-effects.hidden=8#penalty-effects');
    expect(text).toContain('nn.Linear(2, 8),');
    expect(text).toContain('after 20 optimizer steps (epoch 2): L1 strength 0.001 -> 0, L2 strength 0 -> 0.001');
    expect(text).toContain(`--settings 'hidden=8' --changes '[{"step":20,"epoch":2,"set":{"l1":0,"l2":0.001}}]'`);
    expect(text).toContain('line["near_zero_weights"] = sum(int((w.abs() < 0.01).sum()) for w in weights)');
    expect(text).toContain('SHOWN = {');
    sameRun(text, 'penalty-effects', { hidden: 8 });
  });

  test('chapter 3, end to end: a switch to the proximal step mid-run is in the script, which re-runs it in PyTorch and matches every number shown', async ({ page }) => {
    const exe = torchPython();
    test.skip(!exe, 'no python3 with torch (on Debian: apt-get install python3-torch)');
    const demo = await openDemo(page, '/chapters/l1-l2/?penalty-effects.epochs=30', 'penalty-effects');
    await stepTo(demo, 3);
    await demo.getByTestId('penalty-effects-penalty-l1-prox').check(); // live: the proximal step from step 30
    await expect(demo.getByTestId('change-log')).toContainText('After epoch 3 (step 30): penalty L1 → L1, proximal step');
    await demo.getByTestId('train').click();
    await expect(demo.getByTestId('status')).toContainText('finished');
    const { text } = await reproduce(page, demo);
    expect(text).toContain('after 30 optimizer steps (epoch 3): L1 strength 0.001 -> 0, proximal L1 strength 0 -> 0.001');
    expect(text).toContain('soft_threshold(opt.param_groups[0]["lr"] * prox_l1)');
    const { lines, verdict } = runScript(exe!, text);
    expect(lines.map((l) => l.epoch)).toEqual(Array.from({ length: 31 }, (_, i) => i));
    expect(lines[30].zero_weights).toBeGreaterThan(0); // the proximal step's exact zeros, in PyTorch
    // 31 epochs of losses, penalty and two counts (not the penalty at epoch 3, redrawn under the new choice), and the accuracies shown.
    expect(verdict).toMatch(/Matches what the demo showed: 156 numbers at 31 epochs/);
  });

  test('chapter 3, the path: Reproduce in scikit-learn refits at the learner\'s marker, and the script matches every coefficient shown', async ({ page }) => {
    const demo = await openDemo(page, '/chapters/l1-l2/', 'regularization-path');
    await expect(demo.getByTestId('path-status')).toContainText('Both paths computed');
    await setRange(demo.getByLabel(/^Lasso alpha/), -2); // log slider: alpha 0.01
    await expect(demo.getByTestId('regularization-path-lassoAlpha-value')).toHaveText('0.01');
    await expect(demo.getByTestId('regularization-path-table')).toContainText('Lasso at alpha = 0.01');
    const { name, text } = await reproduce(page, demo, undefined, 'scikit-learn');
    expect(name).toBe('regularization-path.py');
    await expect(demo.getByTestId('demo-status')).toContainText('to refit these models in scikit-learn and print the numbers this demo shows, alpha by alpha');
    expect(text).toContain('lassoAlpha = 0.01');
    expect(text).toContain('?regularization-path.lassoAlpha=0.01#regularization-path');
    expect(text).toContain('from sklearn.linear_model import Lasso, Ridge');
    expect(text).toContain('for alpha in [0.01]:');
    expect(text).toContain('lasso = Lasso(alpha=1.0, fit_intercept=True, max_iter=10000, tol=1e-4, warm_start=True)');
    expect(text).toContain('SHOWN = {');
    sameData(text, { lassoAlpha: 0.01 });
    const exe = pythonWith('sklearn');
    test.skip(!exe, 'no python3 with scikit-learn (on Debian: apt-get install python3-sklearn)');
    const { lines, verdict } = runScript(exe!, text);
    expect(lines.filter((l) => l.fit === 'marker').map((l) => [l.model, l.alpha])).toEqual([['lasso', 0.01], ['ridge', 100]]);
    // 49 + 85 path fits and the two markers, each with 10 coefficients, the intercept and two counts.
    expect(verdict).toMatch(/Matches what the demo showed: 1768 numbers at 136 fits/);
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
    sameNetworkData(text, 'bn-histogram', { activation: 'tanh' });
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
    sameNetworkData(text, 'bn-learning-rates', { epochs: 10 });
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
    sameNetworkData(text, 'bn-running-stats', { momentum: 0.3 });
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
    sameNetworkData(text, 'bn-dropout', { p: 0.3 });
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
    expect(h.verdict).toMatch(/Matches what the demo showed: \d+ numbers at 51 epochs/);

    const grid = page.locator('[data-demo="bn-learning-rates"]');
    await hydrated(grid);
    await grid.getByTestId('bn-learning-rates-speed').selectOption('Infinity');
    await grid.getByTestId('train').click();
    await expect(grid.getByTestId('bn-grid-status')).toContainText('All 28 pairs trained', { timeout: 60_000 });
    const g = runScript(exe!, (await reproduce(page, grid)).text);
    expect(g.lines).toHaveLength(28);
    // Every run's outcome is the demo's; chaotic runs, if any, are named rather than passed.
    expect(g.verdict).toMatch(/Matches what the demo showed/);
  });
});

test.describe('Export data and initial weights (JSON): the run\'s recipe', () => {
  test('chapter 1: the export holds the learner\'s settings, the data, the initial weights and the live change, as the script\'s recipe', async ({ page }) => {
    const demo = await openDemo(page, '/chapters/what-is-regularization/', 'overfitting');
    await setRange(demo.getByLabel(/Label noise/), 0.35); // restarts the run
    await stepTo(demo, 2);
    await setRange(demo.getByLabel(/Learning rate/), -1.5); // live: lr 0.032 from step 6
    await stepTo(demo, 3);
    const { name, json } = await exportJson(page, demo);
    expect(name).toBe(`overfitting-seed${json.settings.seed}.json`);
    const recipe = makeRecipe(REPS.get('overfitting')!, { settings: json.settings }) as TorchRecipe;
    expect(json.format).toBe('regularization-lab-recipe/1');
    expect(json.settings.noise).toBe(0.35);
    expect(json.changes).toEqual([{ step: 6, epoch: 2, set: { lr: 0.032 } }]);
    expect(json.network.initial).toEqual(recipe.network.initial);
    expect(json.data.train.x).toHaveLength(recipe.data.train.x.length);
    expect(json.data.train.y).toEqual(Array.from(recipe.data.train.y));
  });

  test('chapter 2, the comparison: one recipe per network, the same data and initial weights, dropout only in the second', async ({ page }) => {
    const demo = await openDemo(page, '/chapters/dropout/', 'dropout-compare');
    await setRange(demo.getByLabel(/Dropout rate p/), 0.3);
    await expect(demo.getByTestId('dropout-compare-p-value').first()).toHaveText('0.3');
    // The export is of the run on screen: wait for the new run (p = 0.3) to be it.
    await expect(demo.getByRole('button', { name: /with dropout \(p = 0\.3\)/ })).toBeVisible();
    const { name, json } = await exportJson(page, demo);
    expect(name).toBe('dropout-compare-seed7.json');
    expect(json.map((r: { demo: string }) => r.demo)).toEqual(['dropout-compare-without', 'dropout-compare-with']);
    expect(json[0].settings.p).toBe(0.3);
    expect(json[0].data).toEqual(json[1].data);
    expect(Object.values(json[0].network.initial)).toEqual(Object.values(json[1].network.initial));
    expect(json[1].network.layers.filter((l: { type: string }) => l.type === 'dropout').map((l: { p: number }) => l.p)).toEqual([0.3, 0.3]);
  });

  test('chapter 3 and 4: the path saves its data set and alphas; the histograms their one set of initial weights', async ({ page }) => {
    const path = await openDemo(page, '/chapters/l1-l2/', 'regularization-path');
    const p = await exportJson(page, path, 'Export the data set and the alphas (JSON)');
    expect(p.name).toMatch(/^regularization-path-seed\d+\.json$/);
    const sk = makeRecipe(REPS.get('regularization-path')!, { settings: p.json.settings }) as SklearnRecipe;
    expect(p.json.paths.map((x: { alphas: number[] }) => x.alphas)).toEqual(sk.paths.map((x) => x.alphas));
    expect(p.json.data.X).toHaveLength(sk.data.X.length);

    const bn = await openDemo(page, '/chapters/batch-normalization/', 'bn-histogram');
    await bn.getByLabel(/^Activation/).selectOption('tanh');
    const h = await exportJson(page, bn);
    expect(h.name).toBe('bn-histogram-seed7.json');
    const recipe = makeRecipe(REPS.get('bn-histogram')!, { settings: h.json.settings }) as ProgramRecipe;
    expect(h.json.settings.activation).toBe('tanh');
    expect(h.json.body.init).toEqual((recipe.body as { init: unknown }).init);
    expect(h.json.body.data.train.x).toHaveLength((recipe.body as { data: { train: { x: Float64Array } } }).data.train.x.length);
  });
});
