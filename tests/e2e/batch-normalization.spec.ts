import { axe, canvasData, expect, hydrated, setRange, test, sidewaysOverflow } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import { createHistogramRun } from '../../src/demos/batch-norm/histogram-run.ts';
import { createGridRun } from '../../src/demos/batch-norm/grid-run.ts';
import { createRunningRun } from '../../src/demos/batch-norm/running-run.ts';
import { createDropoutRun } from '../../src/demos/batch-norm/dropout-run.ts';
import { mean3, num, sig } from '../../src/demos/batch-norm/format.ts';

// The chapter's default runs, computed here by the same engine with the same seeds: what the
// page shows must be these numbers.
const URL = '/chapters/batch-normalization/';

async function open(page: Page, demoId: string, query = ''): Promise<Locator> {
  await page.goto(URL + query);
  const demo = page.locator(`[data-demo="${demoId}"]`);
  await hydrated(demo);
  return demo;
}

const text = async (l: Locator) => ((await l.textContent()) ?? '').trim();

test.describe('chapter 4: the activation histograms', () => {
  test('step 0 shows the engine’s numbers for every layer; switching layers follows', async ({ page }) => {
    const demo = await open(page, 'bn-histogram');
    const run = createHistogramRun({});
    await expect(demo.getByTestId('bn-step')).toHaveText('0');
    for (const layer of [4, 1, 2, 3]) {
      run.show(layer);
      const s = run.snapshot();
      await setRange(demo.getByLabel(/^Layer shown/), layer);
      await expect(demo.getByTestId('bn-layer')).toHaveText(String(layer));
      await expect(demo.getByTestId('bn-var-plain')).toHaveText(sig(s.plain.variance));
      await expect(demo.getByTestId('bn-var-bnPre')).toHaveText(sig(s.bnPre.variance));
      await expect(demo.getByTestId('bn-mean-bnPost')).toHaveText('0.000');
      await expect(demo.getByTestId('bn-var-bnPost')).toHaveText(sig(s.bnPost.variance));
      await expect(demo.getByTestId('bn-mean-plain')).toHaveText(mean3(s.plain.mean));
    }
    // Keyboard: the layer slider moves with the arrow keys.
    await demo.getByLabel(/^Layer shown/).focus();
    await page.keyboard.press('ArrowRight');
    await expect(demo.getByTestId('bn-layer')).toHaveText('4');
    // The text alternative of each histogram carries its numbers.
    await expect(demo.getByTestId('bn-histogram-hist-plain')).toHaveAttribute('aria-label', /mean 0\.078, variance 0\.0183/);
  });

  test('train, pause, step and reset: the histograms and their statistics change as the networks learn', async ({ page }) => {
    const demo = await open(page, 'bn-histogram');
    const before = await canvasData(page, 'bn-histogram-hist-plain');
    const beforeBn = await canvasData(page, 'bn-histogram-hist-bnPost');
    const varBefore = await text(demo.getByTestId('bn-var-plain'));
    await demo.getByTestId('bn-histogram-speed').selectOption('250');
    await demo.getByTestId('train').click();
    await expect.poll(async () => Number(await text(demo.getByTestId('bn-step'))), { timeout: 30_000 }).toBeGreaterThan(700);
    await demo.getByTestId('pause').click();
    await expect(demo.getByTestId('train')).toBeVisible();
    const paused = Number(await text(demo.getByTestId('bn-step')));
    // The drawings changed, and the layer without batch norm has drifted from its start.
    await expect.poll(() => canvasData(page, 'bn-histogram-hist-plain')).not.toBe(before);
    await expect.poll(() => canvasData(page, 'bn-histogram-hist-bnPost')).not.toBe(beforeBn);
    expect(await text(demo.getByTestId('bn-var-plain'))).not.toBe(varBefore);
    // The page shows the engine's numbers for the step it paused at.
    const run = createHistogramRun({});
    for (let i = 0; i < paused; i++) run.advance();
    const s = run.snapshot();
    await expect(demo.getByTestId('bn-var-plain')).toHaveText(sig(s.plain.variance));
    await expect(demo.getByTestId('bn-var-bnPost')).toHaveText(sig(s.bnPost.variance));
    expect(s.plain.variance).toBeGreaterThan(10 * createHistogramRun({}).snapshot().plain.variance);
    // Paused: nothing moves. Step: exactly one batch.
    await page.waitForTimeout(300);
    await expect(demo.getByTestId('bn-step')).toHaveText(String(paused));
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('bn-step')).toHaveText(String(paused + 1));
    // Both loss curves are drawn, and the network with batch norm is far ahead.
    expect(Number(await text(demo.getByTestId('bn-bn-loss')))).toBeLessThan(0.05);
    await demo.getByTestId('reset').click();
    await expect(demo.getByTestId('bn-step')).toHaveText('0');
    await expect(demo.getByTestId('bn-var-plain')).toHaveText('0.0183');
  });

  test('a diverging learning rate stops that network with a message, and no NaN reaches the page', async ({ page }) => {
    const demo = await open(page, 'bn-histogram', '?bn-histogram.lr=3&bn-histogram.initScale=10&bn-histogram.steps=300');
    await demo.getByTestId('bn-histogram-speed').selectOption('Infinity');
    await demo.getByTestId('train').click();
    await expect(demo.getByTestId('bn-status')).toContainText('finished', { timeout: 30_000 });
    await expect(demo.locator('[data-testid$="-diverged"]').first()).toContainText('diverged');
    await expect(demo.getByTestId('demo-error')).toHaveCount(0);
    expect(await demo.innerText()).not.toMatch(/NaN|Infinity/);
  });

  test('settings that leave a batch of one point get a clear message; a garbage link falls back with a notice', async ({ page }) => {
    // Settings the demo cannot run together fall back to the chapter's, with the reason (issue 18).
    let demo = await open(page, 'bn-histogram', '?bn-histogram.points=65&bn-histogram.batch=32');
    await expect(demo.getByTestId('demo-notice')).toContainText('holds a single point');
    await expect(demo.getByTestId('demo-error')).toHaveCount(0);
    demo = await open(page, 'bn-histogram', '?bn-histogram.lr=banana&bn-histogram.layer=99');
    await expect(demo.getByTestId('demo-notice')).toContainText('Learning rate');
    await expect(demo.getByTestId('demo-error')).toHaveCount(0);
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('bn-step')).toHaveText('1');
  });
});

test.describe('chapter 4: learning rates and initial weights', () => {
  test('the grid fills in pair by pair with the engine’s results; a cell shows its two curves', async ({ page }) => {
    const demo = await open(page, 'bn-learning-rates');
    const grid = createGridRun({});
    while (grid.advance());
    const expected = grid.snapshot();
    const done = demo.locator('[data-status="done"], [data-status="diverged"]');
    await expect(done).toHaveCount(0);
    // Step: one epoch of the first pair.
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('bn-cell-bn-0')).toHaveAttribute('data-status', 'training');
    await demo.getByTestId('train').click();
    await expect.poll(() => done.count(), { timeout: 30_000 }).toBeGreaterThan(4);
    await demo.getByTestId('bn-learning-rates-speed').selectOption('Infinity');
    await expect(demo.getByTestId('bn-grid-status')).toContainText('All 28 pairs trained', { timeout: 60_000 });
    await expect(done).toHaveCount(56);
    const count = (k: 'bn' | 'plain') => expected.cells.filter((c) => c[k].status === 'done' && c[k].losses[c[k].losses.length - 1] < 0.2).length;
    await expect(demo.getByTestId('bn-count-bn')).toHaveText(String(count('bn')));
    await expect(demo.getByTestId('bn-count-plain')).toHaveText(String(count('plain')));
    for (let i = 0; i < expected.cells.length; i++) {
      const c = expected.cells[i];
      for (const k of ['bn', 'plain'] as const) {
        const cell = demo.getByTestId(`bn-cell-${k}-${i}`);
        await expect(cell).toHaveAttribute('data-status', c[k].status);
        // Learning rates up to 3 are far from chaos: the final losses agree to the digit shown.
        if (c.lr <= 3 && c[k].status === 'done') await expect(cell).toHaveAttribute('aria-label', new RegExp(num(c[k].losses[c[k].losses.length - 1]).replace('.', '\\.')));
      }
    }
    // Diverged runs say so, never NaN.
    await expect(demo.getByTestId('bn-cell-bn-6')).toContainText('diverged');
    expect(await demo.innerText()).not.toMatch(/NaN|Infinity/);
    // A cell, chosen with the keyboard, shows its pair in the chart.
    await demo.getByTestId('bn-cell-plain-9').focus();
    await page.keyboard.press('Enter');
    await expect(demo.getByTestId('bn-cell-plain-9')).toHaveAttribute('aria-pressed', 'true');
    await expect(demo.getByTestId('bn-grid-focus')).toContainText('Learning rate 0.1, initial scale ×1');
    await expect(demo.getByTestId('bn-learning-rates-curves')).toHaveAttribute('aria-label', /without batch norm no progress/);
    await demo.getByTestId('reset').click();
    await expect(done).toHaveCount(0);
  });
});

test.describe('chapter 4: train mode, eval mode and running statistics', () => {
  test('each step moves the running averages as PyTorch’s rule says, rendered with the step’s numbers', async ({ page }) => {
    const demo = await open(page, 'bn-running-stats');
    const run = createRunningRun({});
    const rule = demo.getByTestId('bn-rs-rule');
    await expect(rule.locator('.katex').first()).toBeVisible();
    for (let step = 1; step <= 3; step++) {
      run.advance();
      const u = run.snapshot().last!;
      await demo.getByTestId('step').click();
      await expect(demo.getByTestId('bn-rs-step')).toHaveText(String(step));
      await expect(rule).toHaveAttribute('data-step', String(step));
      await expect(demo.getByTestId('bn-rs-rmean')).toHaveText(num(u.runningMean, 4));
      await expect(demo.getByTestId('bn-rs-rule-text')).toContainText(`(1 − 0.1) × ${num(u.runningMeanBefore, 4)} + 0.1 × ${num(u.batchMean, 4)} = ${num(u.runningMean, 4)}`);
      await expect(rule.locator('.katex-mathml').first()).toContainText(u.runningMean.toFixed(4).replace('-', '−'));
    }
  });

  test('switching to eval mode: the running averages are used, and one point gets the same output in any batch', async ({ page }) => {
    const demo = await open(page, 'bn-running-stats');
    for (let i = 0; i < 5; i++) await demo.getByTestId('step').click();
    await expect(demo.getByTestId('bn-rs-step')).toHaveText('5');
    const run = createRunningRun({});
    for (let i = 0; i < 5; i++) run.advance();
    const s = run.snapshot();
    const box = demo.getByTestId('bn-mode-box');
    await expect(box).toHaveAttribute('data-mode', 'train');
    await expect(demo.getByTestId('bn-two-a')).toHaveText(num(s.twoBatches.train[0], 4));
    await expect(demo.getByTestId('bn-two-b')).toHaveText(num(s.twoBatches.train[1], 4));
    await expect(demo.getByTestId('bn-two-batches')).toContainText('depends on which other points');
    await demo.getByTestId('bn-mode-eval').check();
    await expect(box).toHaveAttribute('data-mode', 'eval');
    await expect(demo.getByTestId('bn-two-a')).toHaveText(num(s.twoBatches.eval[0], 4));
    await expect(demo.getByTestId('bn-two-b')).toHaveText(num(s.twoBatches.eval[0], 4));
    await expect(demo.getByTestId('bn-two-batches')).toContainText('the same');
    await expect(demo.getByTestId('bn-val-mode')).toHaveText(num(s.valLossEval[s.valLossEval.length - 1], 4));
    await expect(demo.getByTestId('bn-mode-formula').locator('.katex-mathml')).toContainText(s.last!.runningMean.toFixed(4).replace('-', '−'));
    // Another feature of another layer: the charts and numbers follow it.
    const before = await text(demo.getByTestId('bn-rs-rmean'));
    await setRange(demo.getByLabel(/^Batch-norm layer/), 2);
    await setRange(demo.getByLabel(/^Feature/), 5);
    await expect(demo.getByTestId('bn-rs-status')).toContainText('feature 5 of batch-norm layer 2');
    run.show({ layer: 2, neuron: 5 });
    await expect(demo.getByTestId('bn-rs-rmean')).toHaveText(num(run.snapshot().last!.runningMean, 4));
    expect(await text(demo.getByTestId('bn-rs-rmean'))).not.toBe(before);
    // Play until the run ends: the two modes agree on every validation point by then.
    await demo.getByTestId('bn-running-stats-speed').selectOption('Infinity');
    await demo.getByTestId('train').click();
    await expect(demo.getByTestId('bn-rs-status')).toContainText('finished', { timeout: 30_000 });
    await expect(demo.getByTestId('bn-mode-val')).toContainText('(accuracy 100%)');
  });
});

test.describe('chapter 4: batch norm with dropout', () => {
  test('four runs train side by side; the gaps are the engine’s and batch norm + dropout ends with the smallest', async ({ page }) => {
    const demo = await open(page, 'bn-dropout');
    const run = createDropoutRun({});
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('bn-do-epoch')).toHaveText('1');
    run.advance();
    for (const v of run.snapshot().variants) await expect(demo.getByTestId(`bn-gap-${v.key}`)).toHaveText(num(v.gap[1]));
    const chart = await canvasData(page, 'bn-dropout-gap-chart');
    await demo.getByTestId('bn-dropout-speed').selectOption('Infinity');
    await demo.getByTestId('train').click();
    await expect(demo.getByTestId('bn-do-status')).toContainText('finished', { timeout: 60_000 });
    while (run.advance());
    const s = run.snapshot();
    for (const v of s.variants) await expect(demo.getByTestId(`bn-gap-${v.key}`)).toHaveText(num(v.gap[v.gap.length - 1]));
    await expect(demo.getByTestId('bn-do-lowest')).toHaveText('batch norm + dropout');
    await expect.poll(() => canvasData(page, 'bn-dropout-gap-chart')).not.toBe(chart);
    // Hiding a curve keeps the table; the chart's text alternative lists every run.
    await demo.getByTestId('bn-show-neither').uncheck();
    await expect(demo.getByTestId('bn-do-row-neither')).toBeVisible();
    await expect(demo.getByTestId('bn-dropout-gap-chart')).toHaveAttribute('aria-label', /batch norm \+ dropout: training/);
  });
});

test.describe('chapter 4: batch norm with dropout, on several seeds', () => {
  test('Seeds trains the four networks on every seed; bands, per-seed dots and a verdict set the chosen one against neither', async ({ page }) => {
    const demo = await open(page, 'bn-dropout', '?bn-dropout.seeds=3&bn-dropout.epochs=30');
    await expect(demo.getByTestId('bn-dropout-seeds')).toBeVisible();
    await demo.getByTestId('train').click();
    const progress = demo.getByTestId('bn-dropout-progress');
    await expect(progress).toHaveAttribute('max', '360');
    await expect(progress).toHaveAttribute('value', '360', { timeout: 90_000 });
    const verdict = demo.getByTestId('bn-dropout-verdict');
    await expect(verdict).toContainText(/Batch norm \+ dropout gave the lower validation loss on \d of 3 seeds; mean gap -?\d\.\d{3} ± \d\.\d{3}/);
    await expect(verdict).toContainText(/seed-to-seed spread/);
    await expect(demo.getByTestId('bn-dropout-loss-band')).toHaveAttribute('aria-label', /neither: mean validation loss \d\.\d{3} over 3 seeds at epoch 30 \(from \d\.\d{3} to \d\.\d{3}\)/);
    await expect(demo.getByTestId('bn-dropout-loss-dots-dot')).toHaveCount(6);
    await expect(demo.getByTestId('bn-do-seeds-table')).toContainText('batch norm only');
    // The compared network is a view setting: no retraining.
    await demo.getByLabel('Compare with neither').selectOption('dropout');
    await expect(verdict).toContainText(/Dropout only gave the lower validation loss on \d of 3 seeds/);
    await expect(progress).toHaveAttribute('value', '360');
    const results = await (await axe(page)).include('[data-demo="bn-dropout"]').analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });

  test('at phone width the trained several-seeds view fits the screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    const demo = await open(page, 'bn-dropout', '?bn-dropout.seeds=2&bn-dropout.epochs=20');
    await demo.getByTestId('train').click();
    await expect(demo.getByTestId('bn-dropout-progress')).toHaveAttribute('value', '160', { timeout: 60_000 });
    await expect(demo.getByTestId('bn-dropout-verdict')).toContainText('of 2 seeds');
    const overflow = await sidewaysOverflow(page);
    expect(overflow).toBeLessThanOrEqual(1);
  });
});

test('every batch-norm demo has an embed page that trains', async ({ page }) => {
  for (const [slug, id] of [['batch-norm-histogram-demo', 'bn-histogram'], ['batch-norm-learning-rate-demo', 'bn-learning-rates'], ['batch-norm-running-stats-demo', 'bn-running-stats'], ['batch-norm-dropout-demo', 'bn-dropout']]) {
    await page.goto(`/embed/${slug}/`);
    const demo = page.locator(`[data-demo="${id}"]`);
    await hydrated(demo);
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('reset')).toBeEnabled();
  }
});

for (const [scheme, width] of [['light', 1280], ['dark', 390]] as const) {
  test(`after training, the filled grid, tables and charts have no serious accessibility problem (${scheme}, ${width} px)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width, height: 900 });
    for (const id of ['bn-learning-rates', 'bn-dropout']) {
      const demo = await open(page, id);
      await demo.getByTestId(`${id}-speed`).selectOption('Infinity');
      await demo.getByTestId('train').click();
      await expect(demo.getByTestId('train')).toBeDisabled({ timeout: 60_000 }); // finished
      const results = await (await axe(page)).include(`[data-demo="${id}"]`).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)).toEqual([]);
    }
    if (width < 500) expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(1);
  });
}
