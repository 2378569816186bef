import { axe, canvasData, expect, hydrated, setRange, test, sidewaysOverflow } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import { defaults } from '../../src/demos/settings-kit.ts';
import { createPathRun } from '../../src/demos/l1-l2/path-run.ts';
import { geometry } from '../../src/demos/l1-l2/geometry.ts';
import { geometryFields, pathFields } from '../../src/demos/l1-l2/settings.ts';

const URL = '/chapters/l1-l2/';

// The path and the picture the page must show, computed here by the same engine code.
const pathRun = createPathRun(defaults(pathFields));
while (pathRun.advance());
const PATH = pathRun.snapshot();
const G0 = defaults(geometryFields);

async function open(page: Page, demo: string, query = ''): Promise<Locator> {
  await page.goto(URL + query);
  const d = page.locator(`[data-demo="${demo}"]`);
  await hydrated(d);
  return d;
}

const num = async (l: Locator) => Number(await l.textContent());

test.describe('chapter 3: the penalty on a training network', () => {
  test('switch the penalty and its strength while it trains: no reset, logged changes, the histogram and the zero count respond', async ({ page }) => {
    const demo = await open(page, 'penalty-effects');
    await expect(demo.getByTestId('epoch')).toHaveText('0');
    const hist0 = await canvasData(page, 'penalty-effects-histogram');
    await demo.getByTestId('train').click();
    await expect.poll(() => num(demo.getByTestId('epoch'))).toBeGreaterThan(40);
    // L1 in the loss: weights pile up near zero, but none lands on exactly 0.
    await expect.poll(() => num(demo.getByTestId('near-zero'))).toBeGreaterThan(40);
    await expect(demo.getByTestId('exact-zero')).toHaveText('0');
    await expect(demo.getByTestId('zero-note')).toContainText('hop around 0');
    expect(await canvasData(page, 'penalty-effects-histogram')).not.toBe(hist0);

    // Switch to L2 while it trains.
    await demo.getByTestId('penalty-effects-penalty-l2').check();
    await expect(demo.getByTestId('status')).toContainText('L2 λ = 0.001');
    await expect(demo.getByTestId('change-log')).toContainText(/After epoch \d+ \(step [\d,]+\): penalty L1 → L2/);
    const epochAtSwitch = await num(demo.getByTestId('epoch'));
    expect(epochAtSwitch).toBeGreaterThan(40); // not reset
    await expect(demo.getByTestId('zero-note')).toContainText('none reaches 0 exactly');

    // A strong L2, typed: the weights shrink.
    const widest = await num(demo.getByTestId('max-weight'));
    const hist1 = await canvasData(page, 'penalty-effects-histogram');
    await demo.getByTestId('penalty-effects-strength-typed-input').fill('0.03');
    await expect(demo.getByTestId('live-strength')).toHaveText('0.03');
    await expect(demo.getByTestId('change-log')).toContainText('λ 0.001 → 0.03');
    await expect(demo.getByTestId('penalty-effects-strength-value')).toHaveText('0.03');
    await expect.poll(() => num(demo.getByTestId('max-weight'))).toBeLessThan(widest * 0.6);
    expect(await canvasData(page, 'penalty-effects-histogram')).not.toBe(hist1);
    expect(await num(demo.getByTestId('epoch'))).toBeGreaterThan(epochAtSwitch);
    // The penalty term and the loss chart's text alternative follow.
    await expect(demo.getByTestId('penalty-effects-loss-chart')).toHaveAttribute('aria-label', /penalty term \d\.\d{3} \(λ·Σw²\).*\d live changes?: /);
    await expect(demo.getByTestId('penalty-effects-histogram')).toHaveAttribute('aria-label', /Histogram of weight value\. 304 weights after \d+ epochs/);
    await demo.getByTestId('pause').click();
    await expect(demo.getByTestId('train')).toBeVisible();
  });

  test('keyboard: the penalty radios and the strength slider, then step and reset', async ({ page }) => {
    const demo = await open(page, 'penalty-effects');
    await demo.getByTestId('penalty-effects-penalty-l1').focus();
    await page.keyboard.press('ArrowRight');
    await expect(demo.getByTestId('penalty-effects-penalty-l2')).toBeChecked();
    const slider = demo.getByLabel(/^Strength λ/);
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect(demo.getByTestId('penalty-effects-strength-value')).toHaveText('0.0011');
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('epoch')).toHaveText('1');
    await expect(demo.getByTestId('status')).toContainText('L2 λ = 0.0011');
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('epoch')).toHaveText('2');
    await demo.getByTestId('reset').click();
    await expect(demo.getByTestId('epoch')).toHaveText('0');
    await expect(demo.getByTestId('change-log')).toContainText('None yet');
  });

  test('the proximal step puts weights on exactly 0', async ({ page }) => {
    const demo = await open(page, 'penalty-effects', '?penalty-effects.penalty=l1-prox&penalty-effects.strength=0.003');
    await expect(demo.getByTestId('penalty-effects-penalty-l1-prox')).toBeChecked();
    await demo.getByTestId('train').click();
    await expect.poll(() => num(demo.getByTestId('exact-zero'))).toBeGreaterThan(20);
    await expect(demo.getByTestId('zero-note')).toContainText('so the zeros are real');
    await demo.getByTestId('pause').click();
  });

  test('bad values get a clear message: a typed strength out of range, a bad link, a diverging learning rate, the proximal step with Adam', async ({ page }) => {
    let demo = await open(page, 'penalty-effects');
    await demo.getByTestId('penalty-effects-strength-typed-input').fill('5');
    await expect(demo.getByTestId('penalty-effects-strength-typed-error')).toContainText('5 is out of range. The demo keeps 0.001');
    await expect(demo.getByTestId('penalty-effects-strength-value')).toHaveText('0.001');
    await demo.getByTestId('penalty-effects-strength-typed-input').fill('abc');
    await expect(demo.getByTestId('penalty-effects-strength-typed-error')).toContainText('is not a number');

    demo = await open(page, 'penalty-effects', '?penalty-effects.strength=7&penalty-effects.penalty=l9');
    await expect(demo.getByTestId('demo-notice')).toContainText('strength');
    await expect(demo.getByTestId('demo-notice')).toContainText('penalty');
    await expect(demo.getByTestId('penalty-effects-strength-value')).toHaveText('0.001');

    demo = await open(page, 'penalty-effects', '?penalty-effects.lr=10');
    await demo.getByTestId('train').click();
    await expect(demo.getByTestId('demo-error')).toContainText('diverged');
    await expect(demo.getByTestId('demo-error')).toContainText('Lower the learning rate');
    await setRange(demo.getByLabel(/^Learning rate/), -1); // log10 slider: lr = 0.1
    await demo.getByTestId('reset').click();
    await expect(demo.getByTestId('demo-error')).toHaveCount(0);
    await expect(demo.getByTestId('epoch')).toHaveText('0');

    demo = await open(page, 'penalty-effects', '?penalty-effects.optimizer=adam&penalty-effects.lr=0.01');
    await expect(demo.getByTestId('penalty-effects-penalty-l1-prox')).toBeDisabled();
    // Settings the demo cannot run together fall back to the chapter's, with a notice (issue 18),
    // instead of blocking the demo with an error.
    demo = await open(page, 'penalty-effects', '?penalty-effects.optimizer=adam&penalty-effects.penalty=l1-prox');
    await expect(demo.getByTestId('demo-notice')).toContainText('works with plain SGD only');
    await expect(demo.getByTestId('demo-notice')).toContainText('the chapter’s settings are used');
    await expect(demo.getByTestId('demo-error')).toHaveCount(0);
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('epoch')).toHaveText('1');
  });

  test('dragging λ while it trains is one change and one marker, not one per epoch of the drag', async ({ page }) => {
    const demo = await open(page, 'penalty-effects');
    await demo.getByTestId('train').click();
    await expect.poll(() => num(demo.getByTestId('epoch'))).toBeGreaterThan(20);
    const slider = demo.getByLabel(/^Strength λ/);
    // A drag: many input events over several epochs, then the release (change).
    for (const v of [-2.9, -2.8, -2.6, -2.4, -2.2, -2.0]) {
      await slider.evaluate((el, x) => {
        (el as HTMLInputElement).value = String(x);
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }, v);
      await page.waitForTimeout(120);
    }
    await expect(demo.getByTestId('penalty-effects-strength-value')).toHaveText('0.01');
    await expect(demo.getByTestId('live-strength')).toHaveText('0.001'); // the running network waits for the release
    await expect(demo.getByTestId('change-log')).toContainText('None yet');
    await slider.evaluate((el) => el.dispatchEvent(new Event('change', { bubbles: true })));
    await expect(demo.getByTestId('live-strength')).toHaveText('0.01');
    await expect(demo.getByTestId('change-log').locator('li')).toHaveCount(1);
    await expect(demo.getByTestId('change-log')).toContainText('λ 0.001 → 0.01');
    await demo.getByTestId('pause').click();
  });

  test('a shared link carries the changes made while training, and replays the same run', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    let demo = await open(page, 'penalty-effects', '?penalty-effects.penalty=none&penalty-effects.epochs=60');
    for (let i = 0; i < 20; i++) await demo.getByTestId('step').click();
    await expect(demo.getByTestId('epoch')).toHaveText('20');
    await demo.getByTestId('penalty-effects-penalty-l1').check();
    await demo.getByTestId('penalty-effects-strength-typed-input').fill('0.01');
    await expect(demo.getByTestId('live-strength')).toHaveText('0.01');
    await demo.getByTestId('train').click();
    await expect(demo.getByTestId('status')).toContainText('finished', { timeout: 30_000 });
    const log = await demo.getByTestId('change-log').locator('li').allTextContents();
    expect(log).toEqual(['After epoch 20 (step 200): penalty None → L1, λ 0.001 → 0.01']);
    const nearZero = await demo.getByTestId('near-zero').textContent();
    await demo.getByRole('button', { name: 'Copy link to these settings' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const url = new globalThis.URL(link);
    expect(url.searchParams.get('penalty-effects.penalty')).toBe('none'); // the run's start, not its end
    expect(url.searchParams.get('penalty-effects.changes')).toBe('200:l1=0.01');

    await page.goto(url.pathname + url.search);
    demo = page.locator('[data-demo="penalty-effects"]');
    await hydrated(demo);
    await expect(demo.getByTestId('replay-note')).toContainText('After epoch 20 (step 200): penalty None → L1, λ 0.001 → 0.01');
    await expect(demo.getByTestId('demo-notice')).toHaveCount(0); // "changes" is no unknown setting
    await demo.getByTestId('train').click();
    await expect(demo.getByTestId('status')).toContainText('finished', { timeout: 30_000 });
    expect(await demo.getByTestId('change-log').locator('li').allTextContents()).toEqual(log);
    await expect(demo.getByTestId('near-zero')).toHaveText(nearZero!);
    await expect(demo.getByTestId('penalty-effects-penalty-l1')).toBeChecked();
    // An old link, and a garbled one, still open the demo.
    demo = await open(page, 'penalty-effects', '?penalty-effects.changes=banana');
    await expect(demo.getByTestId('replay-problem')).toContainText('cannot be replayed');
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('epoch')).toHaveText('1');
  });

  test('the code tabs follow the settings', async ({ page }) => {
    const demo = await open(page, 'penalty-effects');
    const code = demo.getByTestId('penalty-effects-code');
    await expect(code).toContainText('penalty = lam * sum(w.abs().sum() for w in weights)');
    await demo.getByTestId('penalty-effects-penalty-l2').check();
    await expect(code).toContainText('penalty = lam * sum((w ** 2).sum() for w in weights)');
    await demo.getByTestId('penalty-effects-code-tab-decay').click();
    await expect(code).toContainText('"weight_decay": 0.002');
    await expect(code).toContainText('torch.optim.AdamW');
    await page.keyboard.press('ArrowLeft');
    await expect(demo.getByTestId('penalty-effects-code-tab-run')).toBeFocused();
    await expect(code).toContainText('1 - 2 * lr * lam = 0.9998');
  });
});

test.describe('chapter 3: the regularization path', () => {
  test('the marker moves by keyboard and by dragging; Lasso\'s exact zeros change, Ridge never has any', async ({ page }) => {
    const demo = await open(page, 'regularization-path');
    await expect(demo.getByTestId('path-status')).toContainText('Both paths computed');
    await expect(demo.getByTestId('regularization-path-lasso-zeros')).toHaveText(String(PATH.marker.lasso!.zeros));
    await expect(demo.getByTestId('regularization-path-ridge-zeros')).toHaveText('0');
    await expect(demo.getByTestId('regularization-path-lasso-chart')).toHaveAttribute('aria-label', /leave zero one by one: x3/);
    const chart0 = await canvasData(page, 'regularization-path-lasso-chart');
    const table0 = await demo.getByTestId('regularization-path-table').textContent();

    // Keyboard: smaller alpha, fewer zeros; the largest alpha, all zero.
    const lassoSlider = demo.getByLabel(/^Lasso alpha/);
    await lassoSlider.focus();
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => num(demo.getByTestId('regularization-path-lasso-zeros'))).toBeLessThan(PATH.marker.lasso!.zeros);
    await page.keyboard.press('End');
    await expect(demo.getByTestId('regularization-path-lasso-zeros')).toHaveText(String(PATH.d));
    expect(await canvasData(page, 'regularization-path-lasso-chart')).not.toBe(chart0);
    expect(await demo.getByTestId('regularization-path-table').textContent()).not.toBe(table0);
    await expect(demo.locator('pre')).toContainText('Lasso(alpha=10)');

    // Ridge: from the smallest to the largest alpha, never an exact zero.
    const ridgeSlider = demo.getByLabel(/^Ridge alpha/);
    await ridgeSlider.focus();
    for (const key of ['Home', 'End']) {
      await page.keyboard.press(key);
      await expect(demo.getByTestId('regularization-path-ridgeAlpha-value')).toHaveText(key === 'Home' ? '0.01' : '1.0e+5');
      await expect(demo.getByTestId('regularization-path-ridge-zeros')).toHaveText('0');
    }

    // Drag along the Lasso chart (in view, as a learner sees it): the marker follows the pointer.
    await demo.getByTestId('regularization-path-lasso-chart').scrollIntoViewIfNeeded();
    const box = (await demo.getByTestId('regularization-path-lasso-chart').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.4);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.4, { steps: 4 });
    await page.mouse.up();
    const picked = Number(await demo.getByTestId('regularization-path-lassoAlpha-value').textContent());
    expect(picked).toBeGreaterThan(0.001);
    expect(picked).toBeLessThan(1);
    await expect(demo.getByTestId('regularization-path-lasso-sparsity')).toContainText('of 10 coefficients exactly 0');
  });

  test('a new data set recomputes both paths', async ({ page }) => {
    const demo = await open(page, 'regularization-path');
    await expect(demo.getByTestId('path-status')).toContainText('10 features');
    await demo.locator('details summary').click();
    await setRange(demo.getByLabel(/^Useless features/), 12);
    await expect(demo.getByTestId('path-status')).toContainText('Both paths computed: 49 Lasso and 85 Ridge fits on 60 samples, 15 features');
    await expect(demo.getByTestId('regularization-path-table').locator('tbody tr')).toHaveCount(16);
  });
});

test.describe('chapter 3: why L1 makes zeros', () => {
  test('the strength and the dragged optimum move the exact optima; L1 lands on an axis, L2 never does', async ({ page }) => {
    const demo = await open(page, 'penalty-geometry');
    // Exact formulas on the page, nothing trained: no run to reproduce, so no Reproduce button.
    await expect(demo.getByTestId('reproduce')).toHaveCount(0);
    const g = geometry(G0.tilt, G0.stretch, [G0.w1, G0.w2], G0.strength);
    await expect(demo.getByTestId('penalty-geometry-l1-zeros')).toHaveText(String(g.l1.zeros));
    await expect(demo.getByTestId('penalty-geometry-l1-w1')).toHaveText(g.l1.w[0].toFixed(3));
    await expect(demo.getByTestId('penalty-geometry-l1-w2')).toHaveText('0');
    await expect(demo.getByTestId('penalty-geometry-l2-zeros')).toHaveText('0');
    await expect(demo.getByTestId('penalty-geometry-l1-plane')).toHaveAttribute('aria-label', /w₂ is exactly 0: the optimum sits on a corner of the diamond/);

    // The strength slider, by keyboard: 0 (no zeros), then the maximum (both zero for L1).
    const strength = demo.getByLabel(/^Strength λ/);
    await strength.focus();
    await page.keyboard.press('Home');
    await expect(demo.getByTestId('penalty-geometry-l1-zeros')).toHaveText('0');
    await page.keyboard.press('End');
    await expect(demo.getByTestId('penalty-geometry-l1-zeros')).toHaveText('2');
    await expect(demo.getByTestId('penalty-geometry-l2-zeros')).toHaveText('0');
    await expect(demo.getByTestId('penalty-geometry-verdict')).toContainText('L1 sets both weights to exactly 0');

    // The optimum's handle, by keyboard.
    const handle = demo.getByTestId('penalty-geometry-l2-handle');
    await handle.focus();
    await page.keyboard.press('ArrowUp');
    await expect(demo.getByTestId('penalty-geometry-w2-value')).toHaveText('0.65');
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(demo.getByTestId('penalty-geometry-w1-value')).toHaveText('1.25');

    // And by dragging it across the plane: w* follows the pointer.
    await setRange(strength, 0.5);
    const plane = (await demo.getByTestId('penalty-geometry-l1-plane').boundingBox())!;
    const at = (w1: number, w2: number) => [plane.x + ((w1 + 2.5) / 5) * plane.width, plane.y + ((2.5 - w2) / 5) * plane.height] as const;
    await page.mouse.move(...at(1.25, 0.65));
    await page.mouse.down();
    await page.mouse.move(...at(-0.4, 1.6), { steps: 5 });
    await page.mouse.up();
    await expect(demo.getByTestId('penalty-geometry-w1-value')).toHaveText('-0.40');
    await expect(demo.getByTestId('penalty-geometry-w2-value')).toHaveText('1.60');
    const moved = geometry(G0.tilt, G0.stretch, [-0.4, 1.6], 0.5);
    await expect(demo.getByTestId('penalty-geometry-l1-w1')).toHaveText(moved.l1.w[0] === 0 ? '0' : moved.l1.w[0].toFixed(3));
    await expect(demo.getByTestId('penalty-geometry-l2-w1')).toHaveText(moved.l2.w[0].toFixed(3));
  });
});

test('every chapter 3 demo has an embed page that works', async ({ page }) => {
  for (const [slug, id] of [['penalty-effects-demo', 'penalty-effects'], ['regularization-path-demo', 'regularization-path'], ['penalty-geometry-demo', 'penalty-geometry']]) {
    await page.goto(`/embed/${slug}/`);
    await expect(page.locator('.site-header')).toHaveCount(0);
    await hydrated(page.locator(`[data-demo="${id}"]`));
  }
  const demo = page.locator('[data-demo="penalty-geometry"]');
  await expect(demo.getByTestId('penalty-geometry-l1-zeros')).toHaveText('1');
});

test.describe('chapter 3: the penalty on several seeds', () => {
  test('Seeds trains no penalty and the chosen one on every seed; bands, per-seed dots, a verdict and the weights near zero', async ({ page }) => {
    const demo = await open(page, 'penalty-effects', '?penalty-effects.epochs=40');
    await setRange(demo.getByLabel(/^Seeds/), 3);
    await expect(demo.getByTestId('penalty-effects-seeds')).toBeVisible();
    await demo.getByTestId('train').click();
    const progress = demo.getByTestId('penalty-effects-progress');
    await expect(progress).toHaveAttribute('max', '240');
    await expect(progress).toHaveAttribute('value', '240', { timeout: 60_000 });
    const verdict = demo.getByTestId('penalty-effects-verdict');
    await expect(verdict).toContainText(/L1, λ = 0\.001 gave the lower validation loss on \d of 3 seeds; mean gap -?\d\.\d{3} ± \d\.\d{3}/);
    await expect(verdict).toContainText(/seed-to-seed spread/);
    await expect(demo.getByTestId('penalty-effects-near-zero')).toContainText(/no penalty \d+ to \d+ \(mean \d+\); L1, λ = 0\.001 \d+ to \d+/);
    await expect(demo.getByTestId('penalty-effects-loss-band')).toHaveAttribute('aria-label', /no penalty: mean validation loss \d\.\d{3} over 3 seeds at epoch 40 \(from/);
    await expect(demo.getByTestId('penalty-effects-loss-dots-dot')).toHaveCount(6);
    const results = await (await axe(page)).include('[data-demo="penalty-effects"]').analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    // The penalty trains every seed again (whole runs are compared), with the new one from the start.
    await demo.getByTestId('penalty-effects-penalty-l2').check();
    await expect(progress).toHaveAttribute('value', '0');
  });

  test('at phone width the trained several-seeds view fits the screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    const demo = await open(page, 'penalty-effects', '?penalty-effects.seeds=2&penalty-effects.epochs=20');
    await demo.getByTestId('train').click();
    await expect(demo.getByTestId('penalty-effects-progress')).toHaveAttribute('value', '80', { timeout: 60_000 });
    await expect(demo.getByTestId('penalty-effects-verdict')).toContainText('of 2 seeds');
    const overflow = await sidewaysOverflow(page);
    expect(overflow).toBeLessThanOrEqual(1);
  });
});
