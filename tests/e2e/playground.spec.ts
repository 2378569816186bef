import type { Locator, Page } from '@playwright/test';
import { axe, canvasData, expect, hydrated, setRange, test } from './fixtures';
import { spawnSync } from 'node:child_process';
import { createPlaygroundRun } from '../../src/demos/playground/runner.ts';

// The Regularization Playground (/playground/, issue 16): every technique takes effect, your own
// data (drawn, uploaded, refused with a reason), the link reopens the state, compare mode.
const URL = '/playground/';
const ES = { earlyStopping: true, patience: 5, noise: 0.2, points: 100, hidden: 48 };
const esQuery = Object.entries(ES).map(([k, v]) => `playground.${k}=${v}`).join('&');
// Where the engine's run with these settings stops (the page must show the same epoch).
const esRun = createPlaygroundRun(ES);
while (esRun.advance());
const ES_STOP = esRun.snapshot().main;

async function open(page: Page, query = ''): Promise<Locator> {
  await page.goto(URL + query);
  const d = page.locator('[data-demo="playground"]');
  await hydrated(d);
  await expect(d.getByTestId('epoch')).toHaveText('0');
  return d;
}

const num = async (l: Locator) => Number(await l.textContent());

async function seriousProblems(page: Page): Promise<string[]> {
  const results = await (await axe(page)).options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

/** Clicks the board at plane coordinates (x, y) in [-1, 1]². */
async function clickPlane(demo: Locator, x: number, y: number) {
  const canvas = demo.getByTestId('playground-boundary');
  const box = (await canvas.boundingBox())!;
  await canvas.click({ position: { x: ((x + 1) / 2) * box.width, y: ((1 - y) / 2) * box.height } });
}

test('the playground is linked from the header and the home page, and has no serious accessibility problem before and after training', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('home-playground').getByRole('link', { name: 'Regularization Playground' })).toHaveAttribute('href', URL);
  await page.locator('.header-nav').getByRole('link', { name: 'Playground' }).click();
  await expect(page).toHaveURL(URL);
  await expect(page.locator('.header-nav a[aria-current="page"]')).toHaveText('Playground');
  const demo = page.locator('[data-demo="playground"]');
  await hydrated(demo);
  expect(await seriousProblems(page)).toEqual([]);
  for (let i = 0; i < 3; i++) await demo.getByTestId('step').click();
  await expect(demo.getByTestId('epoch')).toHaveText('3');
  await expect(demo.getByTestId('playground-loss-chart')).toHaveAttribute('aria-label', /After 3 epochs: training loss \d\.\d{3}/);
  expect(await seriousProblems(page)).toEqual([]);
});

test('dropout: the drawn mask changes while it trains; L1: the count of weights near zero rises', async ({ page }) => {
  const demo = await open(page, '?playground.epochs=2000&playground.hidden=32');
  await expect(demo.getByTestId('playground-mask')).toHaveAttribute('data-mask', '');
  await demo.getByTestId('train').click();
  await expect.poll(() => num(demo.getByTestId('epoch'))).toBeGreaterThan(5);
  const nearBefore = await num(demo.getByTestId('near-zero'));
  await setRange(demo.locator('#playground-dropout-input'), 0.5);
  await expect(demo.getByTestId('playground-dropout-value')).toHaveText('0.5');
  await expect(demo.getByTestId('playground-mask')).toHaveAttribute('data-mask', /0/);
  const mask = await demo.getByTestId('playground-mask').getAttribute('data-mask');
  await expect(demo.getByTestId('playground-mask')).not.toHaveAttribute('data-mask', mask!);
  await expect(demo.locator('[data-testid="playground-network"] [data-dropped]').first()).toBeAttached();
  // L1 on top, strong: weights are pulled to zero and stay near it.
  await setRange(demo.locator('#playground-l1-input'), 0.02);
  await expect(demo.getByTestId('playground-l1-value')).toHaveText('0.02');
  await expect.poll(() => num(demo.getByTestId('near-zero')), { timeout: 30_000 }).toBeGreaterThan(nearBefore + 30);
  expect(await num(demo.getByTestId('epoch'))).toBeGreaterThan(5); // live: no restart
  await demo.getByTestId('pause').click();
});

test('early stopping stops at the patience rule, marked on the loss chart, with the best weights restored', async ({ page }) => {
  const demo = await open(page, `?${esQuery}`);
  await demo.getByTestId('playground-speed').selectOption({ index: 3 });
  await demo.getByTestId('train').click();
  await expect(demo.getByTestId('stopped')).toHaveAttribute('data-stopped-at', String(ES_STOP.stoppedAt), { timeout: 40_000 });
  expect(ES_STOP.stoppedAt).toBe(ES_STOP.restoredFrom! + ES.patience); // the best monitored epoch, then `patience` without improvement
  await expect(demo.getByTestId('stopped')).toContainText(`early stopping stopped training after epoch ${ES_STOP.stoppedAt} and restored the weights of epoch ${ES_STOP.restoredFrom}`);
  await expect(demo.getByTestId('epoch')).toHaveText(String(ES_STOP.stoppedAt));
  await expect(demo.getByTestId('playground-loss-chart')).toHaveAttribute('aria-label', new RegExp(`Early stopping stopped training after epoch ${ES_STOP.stoppedAt}`));
  await expect(demo.getByTestId('train')).toBeDisabled();
});

test('switching batch norm on changes the weight histogram', async ({ page }) => {
  const demo = await open(page);
  for (let i = 0; i < 5; i++) await demo.getByTestId('step').click();
  await expect(demo.getByTestId('epoch')).toHaveText('5');
  const without = await demo.getByTestId('playground-zeros').getAttribute('data-summary');
  // The histogram in view, as the learner looks at it (a view out of sight does not draw).
  await demo.getByTestId('playground-histogram').scrollIntoViewIfNeeded();
  const histWithout = await canvasData(page, 'playground-histogram');
  await demo.getByLabel('Batch normalization').check();
  await expect(demo.getByTestId('epoch')).toHaveText('0');
  for (let i = 0; i < 5; i++) await demo.getByTestId('step').click();
  await expect(demo.getByTestId('epoch')).toHaveText('5');
  await expect(demo.getByTestId('playground-zeros')).not.toHaveAttribute('data-summary', without!);
  await demo.getByTestId('playground-histogram').scrollIntoViewIfNeeded();
  await expect.poll(() => canvasData(page, 'playground-histogram')).not.toBe(histWithout);
});

test('draw 20 points, erase one, train on them', async ({ page }) => {
  const demo = await open(page);
  await demo.getByTestId('playground-clear').click();
  await expect(demo.locator('#playground-dataset-input')).toHaveValue('custom');
  await expect(demo.getByTestId('demo-error')).toContainText('at least 2 points of each class');
  await demo.getByLabel('add class 0').check();
  for (let i = 0; i < 10; i++) await clickPlane(demo, -0.7 + 0.05 * i, 0.6 - 0.12 * i);
  await demo.getByLabel('add class 1').check();
  for (let i = 0; i < 10; i++) await clickPlane(demo, 0.3 + 0.05 * i, 0.6 - 0.12 * i);
  await expect(demo.getByTestId('playground-data-count')).toContainText('Your data: 20 points (10 of class 0, 10 of class 1)');
  await demo.getByLabel('erase (drag)').check();
  await clickPlane(demo, 0.3, 0.6);
  await expect(demo.getByTestId('playground-data-count')).toContainText('19 points (10 of class 0, 9 of class 1)');
  await expect(demo.getByTestId('demo-error')).toHaveCount(0);
  await demo.getByTestId('train').click();
  await expect.poll(() => num(demo.getByTestId('epoch'))).toBeGreaterThan(20);
  await expect(demo.getByTestId('playground-boundary')).toHaveAttribute('aria-label', /Decision boundary after \d+ epochs: \d+% of training points/);
  await demo.getByTestId('pause').click();
});

test('upload a CSV, then a broken one: a message naming the line and the problem, the earlier points kept', async ({ page }) => {
  const demo = await open(page);
  await demo.getByTestId('playground-csv').setInputFiles('tests/e2e/data/playground-points.csv');
  await expect(demo.getByTestId('playground-data-message')).toContainText('Read 60 points from playground-points.csv (30 of class 0, 30 of class 1; header line skipped; moved and scaled into the square');
  await expect(demo.getByTestId('playground-data-count')).toContainText('Your data: 60 points');
  await demo.getByTestId('playground-csv').setInputFiles('tests/e2e/data/playground-broken.csv');
  await expect(demo.getByTestId('playground-data-message')).toContainText('playground-broken.csv: Line 3: y (column 2) is "abc", not a number. Your points are kept as they were.');
  await expect(demo.getByTestId('playground-data-count')).toContainText('Your data: 60 points');
  // Download gives the same points back as CSV.
  const download = page.waitForEvent('download');
  await demo.getByTestId('playground-download').click();
  const file = await (await download).path();
  const text = (await import('node:fs')).readFileSync(file, 'utf8');
  expect(text.split('\n')[0]).toBe('x,y,label');
  expect(text.trim().split('\n')).toHaveLength(61);
  await demo.getByTestId('step').click();
  await expect(demo.getByTestId('epoch')).toHaveText('1');
});

test('copy the link, open it in a new page: the same settings and points', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const demo = await open(page, '?playground.dataset=xor');
  await demo.getByTestId('playground-clear').click();
  await demo.getByLabel('add class 0').check();
  for (const [x, y] of [[-0.5, -0.5], [-0.4, -0.6], [0.5, 0.5]]) await clickPlane(demo, x, y);
  await demo.getByLabel('add class 1').check();
  for (const [x, y] of [[0.5, -0.5], [-0.5, 0.5], [0.4, -0.6]]) await clickPlane(demo, x, y);
  await setRange(demo.locator('#playground-l2-input'), 0.01);
  await demo.locator('#playground-compare-input').selectOption('l2');
  await demo.getByLabel('Early stopping', { exact: true }).check();
  // Two epochs, then dropout switched on while it trains: the link replays that change at its step.
  for (let e = 1; e <= 2; e++) {
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('epoch')).toHaveText(String(e));
  }
  await setRange(demo.locator('#playground-dropout-input'), 0.2);
  await demo.getByTestId('step').click();
  await expect(demo.getByTestId('epoch')).toHaveText('3');
  await demo.getByRole('button', { name: 'Copy link to these settings' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('playground.data=');
  expect(new globalThis.URL(link).searchParams.get('playground.changes')).toBe('2:dropout=0.2'); // 6 points, 3 for training: 1 batch an epoch
  const other = await context.newPage();
  await other.goto(link);
  const again = other.locator('[data-demo="playground"]');
  await hydrated(again);
  await expect(again.locator('#playground-dataset-input')).toHaveValue('custom');
  await expect(again.getByTestId('playground-data-count')).toContainText('Your data: 6 points (3 of class 0, 3 of class 1)');
  await expect(again.getByTestId('playground-l2-value')).toHaveText('0.01');
  await expect(again.locator('#playground-compare-input')).toHaveValue('l2');
  await expect(again.getByLabel('Early stopping', { exact: true })).toBeChecked();
  await expect(again.getByTestId('demo-notice')).toHaveCount(0);
  await expect(again.getByTestId('replay-note')).toContainText('at step 2, Dropout p 0.2');
  await expect(again.getByTestId('playground-dropout-value')).toHaveText('0');
  for (let e = 1; e <= 3; e++) {
    await again.getByTestId('step').click();
    await expect(again.getByTestId('epoch')).toHaveText(String(e));
  }
  await expect(again.getByTestId('playground-dropout-value')).toHaveText('0.2');
  await expect(again.getByTestId('playground-loss-chart')).toHaveAttribute('aria-label', await demo.getByTestId('playground-loss-chart').getAttribute('aria-label') ?? '');
  // Garbage in a link: the defaults, with a notice.
  await other.goto(`${URL}?playground.layers=banana&playground.data=%3Cscript%3E`);
  await hydrated(again);
  await expect(again.getByTestId('demo-notice')).toContainText('"layers"');
  await expect(again.locator('#playground-layers-input')).toHaveValue('2');
});

test('compare mode: the twin starts from the same initial weights, then the two runs part', async ({ page }) => {
  const demo = await open(page, '?playground.compare=dropout&playground.dropout=0.4');
  await expect(demo.getByTestId('playground-twin')).toContainText('Twin without dropout');
  await expect(demo.getByTestId('playground-twin-status')).toContainText('Same data, initial weights, batches and seed. Epoch 0');
  // Before training both networks compute the same function: the same boundary, pixel for pixel.
  await expect.poll(async () => (await canvasData(page, 'playground-boundary')) === (await canvasData(page, 'playground-twin-boundary'))).toBe(true);
  for (let i = 0; i < 5; i++) await demo.getByTestId('step').click();
  await expect(demo.getByTestId('epoch')).toHaveText('5');
  await expect(demo.getByTestId('playground-twin-status')).toContainText('Epoch 5');
  await expect(demo.getByTestId('playground-loss-chart')).toHaveAttribute('aria-label', /Twin without dropout: after 5 epochs/);
  await expect.poll(async () => (await canvasData(page, 'playground-boundary')) === (await canvasData(page, 'playground-twin-boundary'))).toBe(false);
});

test('at 390 px the settings fold into a panel and nothing overflows sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const demo = await open(page);
  await expect(demo.getByTestId('playground-panel')).toBeHidden();
  await demo.getByRole('button', { name: 'Show settings' }).click();
  await expect(demo.getByTestId('playground-panel')).toBeVisible();
  await expect(demo.locator('#playground-dropout-input')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('Reproduce in PyTorch: the script holds the drawn points and the dropout changed while it trained, and matches the page', async ({ page }) => {
  const demo = await open(page);
  await demo.getByTestId('playground-clear').click();
  for (const [label, pts] of [['add class 0', [[-0.6, -0.5], [-0.5, 0.4], [-0.7, 0.1], [-0.4, -0.2]]], ['add class 1', [[0.6, 0.5], [0.5, -0.4], [0.7, 0.1], [0.4, 0.2]]]] as const) {
    await demo.getByLabel(label).check();
    for (const [x, y] of pts) await clickPlane(demo, x, y);
  }
  await expect(demo.getByTestId('playground-data-count')).toContainText('8 points');
  for (let e = 1; e <= 2; e++) {
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('epoch')).toHaveText(String(e));
  }
  await setRange(demo.locator('#playground-dropout-input'), 0.3);
  await expect(demo.getByTestId('playground-mask')).toHaveAttribute('data-mask', ''); // takes effect at the next step
  await demo.getByTestId('step').click();
  await expect(demo.getByTestId('epoch')).toHaveText('3');
  await expect(demo.getByTestId('playground-mask')).toHaveAttribute('data-mask', /^[01]+\|[01]+$/);
  const [download] = await Promise.all([page.waitForEvent('download'), demo.getByTestId('reproduce').click()]);
  expect(download.suggestedFilename()).toBe('playground.py');
  const text = (await import('node:fs')).readFileSync((await download.path())!, 'utf8');
  expect(text).toContain('/playground/?playground.dataset=custom&playground.data=');
  expect(text).toMatch(/dropout p 0 -> 0\.3/);
  const exe = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0);
  test.skip(!exe, 'no python3 with torch');
  const run = spawnSync(exe!, ['-'], { input: text, encoding: 'utf8', timeout: 120_000 });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stderr).toContain('Matches what the demo showed');
});
