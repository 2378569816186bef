import { axe, expect, hydrated, setRange, test, sidewaysOverflow } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import { runEarlyStopping } from '../../src/engine/index.ts';
import { defaults } from '../../src/demos/settings-kit.ts';
import { createEarlyStoppingRun } from '../../src/demos/early-stopping/runner.ts';
import { earlyStoppingFields, pickRun } from '../../src/demos/early-stopping/settings.ts';

// The chapter's default run, trained here by the same engine with the same seed: the page must
// show these numbers, and stop where the engine's rule says.
const DEFAULTS = defaults(earlyStoppingFields);
const run = createEarlyStoppingRun(pickRun(DEFAULTS));
while (run.advance());
const REC = run.record();

const URL = '/chapters/early-stopping/';

async function openStepper(page: Page, query = ''): Promise<Locator> {
  await page.goto(URL + query);
  const demo = page.locator('[data-demo="early-stopping"]');
  await hydrated(demo);
  // The page's run comes finished with the page (a link's trains in the worker first): Step is ready.
  await expect(demo.getByTestId('step')).toBeEnabled();
  return demo;
}

test.describe('chapter 5: the patience stepper', () => {
  test('set the patience, step epoch by epoch: the wait counter and the rendered rule follow the engine, and training stops where the rule says', async ({ page }) => {
    const demo = await openStepper(page);
    await setRange(demo.getByLabel(/^Patience/), 3);
    await expect(demo.getByTestId('es-patience')).toHaveText('3');
    const expected = runEarlyStopping({ patience: 3, restore_best_weights: true }, REC.val);
    expect(expected.stopped_epoch).not.toBeNull();
    const rule = demo.getByTestId('es-rule');
    await expect(rule.locator('.katex').first()).toBeVisible(); // the general rule, rendered by KaTeX

    let previousText = '';
    const waitsSeen = new Set<number>();
    for (let e = 0; e < expected.epochs_run; e++) {
      await demo.getByTestId('step').click();
      await expect(demo.getByTestId('es-epoch')).toHaveText(String(e + 1));
      // The numbers on the page are the engine's.
      await expect(demo.getByTestId('es-value')).toHaveText(REC.val[e].toFixed(4));
      const ev = expected.events[e];
      await expect(demo.getByTestId('es-wait')).toHaveText(String(ev.wait));
      await expect(demo.getByTestId('es-best-epoch')).toHaveText(String(ev.bestEpoch + 1));
      await expect(rule).toHaveAttribute('data-epoch', String(e + 1));
      // The rule is rendered with KaTeX, with this epoch's value in it.
      await expect(rule.locator('.katex').first()).toContainText(`v${e + 1}`);
      await expect(rule.locator('.katex-mathml').first()).toContainText(REC.val[e].toFixed(4));
      const text = (await demo.getByTestId('es-rule-text').textContent()) ?? '';
      expect(text).not.toBe(previousText);
      if (ev.improved) expect(text).toContain(ev.wait === 0 ? 'wait is reset to 0' : 'goes on counting');
      else expect(text).toContain(`wait = ${ev.wait - 1} + 1 = ${ev.wait}`);
      previousText = text;
      waitsSeen.add(ev.wait);
      if (e < expected.epochs_run - 1) {
        await expect(demo.getByTestId('es-stopped')).toHaveCount(0);
        await expect(demo.getByTestId('step')).toBeEnabled();
      }
    }
    // The counter really counted up to the patience before the stop.
    expect([...waitsSeen].sort()).toEqual([0, 1, 2, 3]);
    await expect(demo.getByTestId('es-verdict')).toHaveText('stop training');
    await expect(rule).toContainText('stop training');
    await expect(demo.getByTestId('es-stopped')).toContainText(`Training stopped after epoch ${expected.stopped_epoch! + 1}`);
    await expect(demo.getByTestId('step')).toBeDisabled();
    await expect(demo.getByTestId('play')).toBeDisabled();
  });

  test('changing the rule re-evaluates the same run at once, without retraining', async ({ page }) => {
    const demo = await openStepper(page);
    await demo.getByTestId('to-stop').click();
    const p5 = runEarlyStopping({ patience: 5 }, REC.val);
    await expect(demo.getByTestId('es-epoch')).toHaveText(String(p5.epochs_run));
    await expect(demo.getByTestId('es-stopped')).toContainText(`after epoch ${p5.stopped_epoch! + 1}`);
    // A smaller patience would have stopped earlier: the stepper moves back to that stop.
    await setRange(demo.getByLabel(/^Patience/), 1);
    const p1 = runEarlyStopping({ patience: 1 }, REC.val);
    await expect(demo.getByTestId('es-epoch')).toHaveText(String(p1.epochs_run));
    await expect(demo.getByTestId('es-stopped')).toContainText(`after epoch ${p1.stopped_epoch! + 1}`);
    // A larger one moves the stepper forward again, to where that rule stops.
    await setRange(demo.getByLabel(/^Patience/), 10);
    const p10 = runEarlyStopping({ patience: 10 }, REC.val);
    expect(p10.epochs_run).toBeGreaterThan(p1.epochs_run);
    await expect(demo.getByTestId('es-epoch')).toHaveText(String(p10.epochs_run));
    await expect(demo.getByTestId('es-stopped')).toContainText(`after epoch ${p10.stopped_epoch! + 1}`);
    // Rewound by hand, the stepper stays where the learner put it when the rule loosens again.
    await setRange(demo.getByLabel(/^Patience/), 1);
    await expect(demo.getByTestId('es-epoch')).toHaveText(String(p1.epochs_run));
    await demo.getByTestId('rewind').click();
    await expect(demo.getByTestId('es-epoch')).toHaveText('0');
    await setRange(demo.getByLabel(/^Patience/), 10);
    await expect(demo.getByTestId('es-stopped')).toHaveCount(0);
    await expect(demo.getByTestId('es-epoch')).toHaveText('0');
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('es-epoch')).toHaveText('1');
    // min_delta typed in: the stop moves where the engine says.
    await demo.getByLabel('min_delta').fill('0.01');
    const d = runEarlyStopping({ patience: 10, min_delta: 0.01 }, REC.val);
    await demo.getByTestId('to-stop').click();
    await expect(demo.getByTestId('es-stopped')).toContainText(`after epoch ${d.stopped_epoch! + 1}`);
  });

  test('play runs to the stop by itself; restore best weights loads the best epoch back', async ({ page }) => {
    const demo = await openStepper(page);
    await demo.getByLabel('Speed').selectOption('25');
    await demo.getByTestId('play').click();
    await expect(demo.getByTestId('pause')).toBeVisible();
    const p5 = runEarlyStopping({ patience: 5, restore_best_weights: true }, REC.val);
    await expect(demo.getByTestId('es-stopped')).toBeVisible({ timeout: 30_000 });
    await expect(demo.getByTestId('es-epoch')).toHaveText(String(p5.epochs_run));
    await expect(demo.getByTestId('play')).toBeDisabled();
    // The kept weights are the restored epoch's: measured again after loadParams, same loss as recorded.
    await expect(demo.getByTestId('es-kept-epoch')).toHaveText(String(p5.restored_epoch! + 1));
    await expect(demo.getByTestId('es-kept-val')).toHaveText(REC.val[p5.restored_epoch!].toFixed(4));
    await expect(demo.getByTestId('es-last-val')).toHaveText(REC.val[p5.epochs_run - 1].toFixed(4));
    expect(REC.val[p5.restored_epoch!]).toBeLessThan(REC.val[p5.epochs_run - 1]);
    await expect(demo.getByTestId('early-stopping-boundary-best')).toBeVisible();
    // Without restoring, the model keeps the last epoch.
    await demo.getByRole('checkbox', { name: 'Restore best weights' }).uncheck();
    await expect(demo.getByTestId('es-kept-epoch')).toHaveText(String(p5.epochs_run));
    await expect(demo.getByTestId('es-kept-val')).toHaveText(REC.val[p5.epochs_run - 1].toFixed(4));
    await expect(demo.getByTestId('es-best-val')).toHaveText(REC.val[p5.best_epoch].toFixed(4));
    // The skipped epochs can be shown; the chart's text alternative says where they end.
    await demo.getByTestId('es-ghost').check();
    await expect(demo.getByTestId('early-stopping-chart')).toHaveAttribute('aria-label', new RegExp(`ends at ${REC.val[REC.trained - 1].toFixed(4)}`));
    // Back to the start.
    await demo.getByTestId('rewind').click();
    await expect(demo.getByTestId('es-epoch')).toHaveText('0');
  });

  test('the advanced options: monitor accuracy in mode max, warm-up, baseline, and a wrong mode warned about', async ({ page }) => {
    const demo = await openStepper(page);
    await demo.getByText('Advanced Keras options').click();
    await demo.getByLabel('Monitor').selectOption('val_accuracy');
    const acc = runEarlyStopping({ mode: 'max', patience: 5, restore_best_weights: true }, REC.valAccuracy);
    await demo.getByTestId('to-stop').click();
    await expect(demo.getByTestId('es-epoch')).toHaveText(String(acc.epochs_run));
    await expect(demo.getByTestId('es-rule')).toContainText('acc');
    await expect(demo.getByTestId('es-code')).toContainText('monitor="val_accuracy"');
    // start_from_epoch: the first epochs are a warm-up, not monitored.
    await demo.getByLabel('Monitor').selectOption('val_loss');
    await setRange(demo.getByLabel(/^start_from_epoch/), 4);
    await demo.getByTestId('rewind').click();
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('es-verdict')).toHaveText('warm-up, not monitored');
    await expect(demo.getByTestId('es-rule')).toContainText('start_from_epoch');
    // A baseline that is never beaten: improvements stop resetting wait.
    await demo.getByRole('checkbox', { name: 'Use a baseline' }).check();
    await demo.getByLabel('baseline', { exact: true }).fill('0.1');
    const b = runEarlyStopping({ patience: 5, baseline: 0.1, start_from_epoch: 4, restore_best_weights: true }, REC.val);
    await demo.getByTestId('to-stop').click();
    await expect(demo.getByTestId('es-epoch')).toHaveText(String(b.epochs_run));
    // mode="max" on a loss is legal in Keras, and almost always a mistake: the demo says so.
    await demo.getByLabel('Mode').selectOption('max');
    await expect(demo.getByTestId('es-warning')).toContainText('rewards overfitting');
  });

  test('bad typed values get a clear message and leave the demo working', async ({ page }) => {
    const demo = await openStepper(page);
    const input = demo.getByLabel('min_delta');
    await input.fill('abc');
    await expect(demo.getByTestId('early-stopping-min_delta-error')).toContainText('is not a number');
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await input.fill('-1');
    await expect(demo.getByTestId('early-stopping-min_delta-error')).toContainText('from 0 to 1');
    // The last good value (0) is still used: the rule still works.
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('es-epoch')).toHaveText('1');
    await input.fill('0.002');
    await expect(demo.getByTestId('early-stopping-min_delta-error')).toHaveCount(0);
    await expect(demo.getByTestId('es-code')).toContainText('min_delta=0.002');
    // Garbage in a shared link: defaults and a notice.
    await page.goto(URL + '?early-stopping.patience=banana&early-stopping.min_delta=7');
    await hydrated(demo);
    await expect(demo.getByTestId('demo-notice')).toContainText('patience');
    await expect(demo.getByTestId('es-patience')).toHaveText('5');
  });

  test('keyboard: the patience slider and the code tabs work without a mouse', async ({ page }) => {
    const demo = await openStepper(page);
    await demo.getByLabel(/^Patience/).focus();
    await page.keyboard.press('ArrowRight');
    await expect(demo.getByTestId('es-patience')).toHaveText('6');
    await demo.getByTestId('es-tab-keras').focus();
    await page.keyboard.press('ArrowRight');
    await expect(demo.getByTestId('es-tab-pytorch')).toHaveAttribute('aria-selected', 'true');
    await expect(demo.getByTestId('es-tab-pytorch')).toBeFocused();
    await expect(demo.getByTestId('es-code')).toContainText('patience, min_delta = 6, 0.0');
    await expect(demo.getByTestId('es-code')).toContainText('if wait >= patience and epoch > 0:');
    await demo.getByTestId('step').focus();
    await page.keyboard.press('Enter');
    await expect(demo.getByTestId('es-epoch')).toHaveText('1');
  });

  test('a shared link reopens the stepper with its settings', async ({ page }) => {
    const demo = await openStepper(page, '?early-stopping.patience=2&early-stopping.restore_best_weights=false');
    await expect(demo.getByTestId('es-patience')).toHaveText('2');
    await expect(demo.getByRole('checkbox', { name: 'Restore best weights' })).not.toBeChecked();
    const p2 = runEarlyStopping({ patience: 2 }, REC.val);
    await demo.getByTestId('to-stop').click();
    await expect(demo.getByTestId('es-epoch')).toHaveText(String(p2.epochs_run));
  });
});

test.describe('chapter 5: what early stopping saves', () => {
  test('the table compares patience values on the same run, with the engine\'s numbers', async ({ page }) => {
    await page.goto(URL);
    const demo = page.locator('[data-demo="early-stopping-savings"]');
    await hydrated(demo);
    await expect(demo.getByTestId('es-savings-table')).toBeVisible({ timeout: 30_000 });
    for (const p of [0, 3, 5, 20]) {
      const d = runEarlyStopping({ patience: p, restore_best_weights: true }, REC.val);
      const row = demo.getByTestId(`es-row-${p}`);
      await expect(row.locator('td').nth(0)).toHaveText(String(d.epochs_run));
      await expect(row.locator('td').nth(1)).toContainText(String(REC.maxEpochs - d.epochs_run));
      await expect(row.locator('td').nth(4)).toHaveText(REC.val[d.restored_epoch!].toFixed(4));
    }
    await expect(demo.getByTestId('es-row-none').locator('td').nth(4)).toHaveText(REC.val[REC.trained - 1].toFixed(4));
    await expect(demo.getByTestId('early-stopping-savings-epochs-chart')).toHaveAttribute('aria-label', /patience 5: \d+/);
    // Without restoring, the loss kept is the last epoch's.
    await demo.getByRole('checkbox', { name: 'Restore best weights' }).uncheck();
    const d5 = runEarlyStopping({ patience: 5 }, REC.val);
    await expect(demo.getByTestId('es-row-5').locator('td').nth(4)).toHaveText(REC.val[d5.epochs_run - 1].toFixed(4));
  });
});

test.describe('chapter 5: what early stopping saves, on several seeds', () => {
  test('Seeds trains the run on every seed; bands, per-seed dots, a verdict and the epochs saved at the chosen patience', async ({ page }) => {
    await page.goto(`${URL}?early-stopping-savings.seeds=3&early-stopping-savings.epochs=60`);
    const demo = page.locator('[data-demo="early-stopping-savings"]');
    await hydrated(demo);
    const progress = demo.getByTestId('early-stopping-savings-progress');
    await expect(progress).toHaveAttribute('max', '180');
    await expect(progress).toHaveAttribute('value', '180', { timeout: 60_000 });
    const verdict = demo.getByTestId('early-stopping-savings-verdict');
    await expect(verdict).toContainText(/Early stopping \(patience 5\) gave the lower validation loss on \d of 3 seeds; mean gap -?\d\.\d{3} ± \d\.\d{3}/);
    await expect(verdict).toContainText(/seed-to-seed spread/);
    await expect(demo.getByTestId('early-stopping-savings-saved')).toContainText(/Epochs saved: \d+\.\d of 60 on average .*seed 7: \d+, seed 8: \d+, seed 9: \d+/);
    await expect(demo.getByTestId('early-stopping-savings-loss-band')).toHaveAttribute('aria-label', /all 60 epochs: mean validation loss \d\.\d{3} over 3 seeds at epoch 60/);
    await expect(demo.getByTestId('early-stopping-savings-loss-dots-dot')).toHaveCount(6);
    // The patience is a view setting here too: the verdict follows it without retraining.
    await setRange(demo.getByLabel(/^Patience/), 2);
    await expect(verdict).toContainText('Early stopping (patience 2) gave');
    await expect(progress).toHaveAttribute('value', '180');
    const results = await (await axe(page)).include('[data-demo="early-stopping-savings"]').analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });

  test('at phone width the several-seeds view fits the screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${URL}?early-stopping-savings.seeds=2&early-stopping-savings.epochs=30`);
    const demo = page.locator('[data-demo="early-stopping-savings"]');
    await hydrated(demo);
    await expect(demo.getByTestId('early-stopping-savings-progress')).toHaveAttribute('value', '60', { timeout: 60_000 });
    await expect(demo.getByTestId('early-stopping-savings-verdict')).toContainText('of 2 seeds');
    const overflow = await sidewaysOverflow(page);
    expect(overflow).toBeLessThanOrEqual(1);
  });
});
