import { readFileSync } from 'node:fs';
import { axe, expect, hydrated, setRange, test, sidewaysOverflow } from './fixtures';
import type { Locator, Page } from '@playwright/test';

const CHAPTER = '/chapters/dropout/';

async function masks(page: Page, query = '') {
  if (query || !page.url().includes(CHAPTER)) await page.goto(`${CHAPTER}${query}`);
  const demo = page.locator('[data-demo="dropout-masks"]');
  await hydrated(demo);
  return demo;
}

const maskOf = (demo: Locator) => demo.getByTestId('dropout-masks-diagram').getAttribute('data-mask');
const stepCount = async (demo: Locator) => Number(await demo.getByTestId('step-count').textContent());

test.describe('chapter 2: the dropout mask viewer', () => {
  test('the p slider sets the rate; each step draws a new mask from the engine, labelled with 1/(1-p)', async ({ page }) => {
    const demo = await masks(page);
    await expect(demo.getByTestId('dropout-masks-diagram')).toHaveAttribute('data-mask', 'none');
    await setRange(demo.getByLabel(/Dropout rate p/), 0.3);
    await expect(demo.getByTestId('dropout-masks-p-value')).toHaveText('0.3');
    await expect(demo.locator('.code-block')).toContainText('nn.Dropout(p=0.3)');

    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('step-count')).toHaveText('1');
    const first = await maskOf(demo);
    expect(first).toMatch(/^[01]{10}\|[01]{10}$/);
    await expect(demo.locator('[data-testid="dropout-masks-diagram"] [data-dropped="true"]').first()).toBeAttached();
    await expect(demo.locator('.nd-node.kept text').first()).toHaveText('×1.43');
    await expect(demo.getByTestId('mask-status')).toContainText('(p = 0.3)');
    await expect(demo.getByTestId('dropped-fraction')).toHaveText(/^\d+\.\d%$/);

    // Consecutive steps draw different masks (the whole batch's, and the example's drawing).
    const seen = new Set([first]);
    for (let i = 2; i <= 4; i++) {
      const matrix = await demo.getByTestId('dropout-masks-matrix').innerHTML();
      await demo.getByTestId('step').click();
      await expect(demo.getByTestId('step-count')).toHaveText(String(i));
      expect(await demo.getByTestId('dropout-masks-matrix').innerHTML()).not.toBe(matrix);
      seen.add(await maskOf(demo));
    }
    expect(seen.size).toBeGreaterThan(1);
    // Another example of the batch has its own mask.
    await demo.getByRole('combobox', { name: 'example', exact: true }).selectOption({ index: 1 });
    await expect(demo.getByTestId('dropout-masks-matrix').locator('.mm-row.selected .mm-label')).toHaveText('2');
  });

  test('eval mode drops nothing and scales nothing; train mode carries on', async ({ page }) => {
    const demo = await masks(page);
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('step-count')).toHaveText('1');
    await demo.getByRole('radio', { name: 'eval' }).check();
    await expect(demo.getByTestId('mask-status')).toContainText('Eval mode');
    await expect(demo.getByTestId('dropped-count')).toHaveText('0');
    await expect(demo.getByTestId('dropout-masks-diagram')).toHaveAttribute('data-mask', 'none');
    await expect(demo.locator('[data-testid="dropout-masks-diagram"] [data-dropped="true"]')).toHaveCount(0);
    await expect(demo.locator('.nd-node.kept text').first()).toHaveText('×1');
    await expect(demo.locator('.mm-cell.dropped')).toHaveCount(0);
    await expect(demo.getByTestId('step')).toBeDisabled();
    await expect(demo.locator('.code-block')).toContainText('# The demo is in eval mode:');
    await demo.getByRole('radio', { name: 'train' }).check();
    await expect(demo.getByTestId('step')).toBeEnabled();
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('step-count')).toHaveText('2');
    await expect(demo.locator('[data-testid="dropout-masks-diagram"] [data-dropped="true"]').first()).toBeAttached();
  });

  test('keyboard only: slider, mode switch, speed, train and pause', async ({ page }) => {
    const demo = await masks(page);
    const slider = demo.getByLabel(/Dropout rate p/);
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(demo.getByTestId('dropout-masks-p-value')).toHaveText('0.4');
    await page.keyboard.press('Tab');
    await expect(demo.getByRole('radio', { name: 'train' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(demo.getByRole('radio', { name: 'eval' })).toBeChecked();
    await expect(demo.getByTestId('mask-status')).toContainText('Eval mode');
    await page.keyboard.press('ArrowLeft');
    await expect(demo.getByRole('radio', { name: 'train' })).toBeChecked();
    // One step per second is "1 step", never "1 steps".
    await expect(demo.getByLabel('Speed').locator('option[value="1"]')).toHaveText('1 step per second');
    await expect(demo.getByLabel('Speed').locator('option[value="2"]')).toHaveText('2 steps per second');
    await demo.getByLabel('Speed').selectOption('20');
    await demo.getByTestId('train').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => stepCount(demo)).toBeGreaterThan(3);
    await demo.getByTestId('pause').focus();
    await page.keyboard.press('Enter');
    await expect(demo.getByTestId('train')).toBeVisible();
    // The average over the steps since p was set is reported next to p.
    await expect(demo.getByTestId('mask-status')).toContainText('Since p = 0.4');
    await expect(demo.getByTestId('dropout-masks-fraction-chart')).toHaveAttribute('aria-label', /latest \d+\.\d%, average \d+\.\d% over the \d+ steps since p became 0\.4/);
    await demo.getByTestId('step').focus();
    const n = await stepCount(demo);
    await page.keyboard.press(' ');
    await expect(demo.getByTestId('step-count')).toHaveText(String(n + 1));
  });

  test('p = 1 in a link gives a message and the default p; a huge learning rate says it diverged', async ({ page }) => {
    let demo = await masks(page, '?dropout-masks.p=1');
    await expect(demo.getByTestId('demo-notice')).toContainText('p = 1 would drop every neuron');
    await expect(demo.getByTestId('dropout-masks-p-value')).toHaveText('0.5');
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('step-count')).toHaveText('1');

    demo = await masks(page, '?dropout-masks.lr=10');
    await demo.getByLabel('Speed').selectOption('Infinity');
    await demo.getByTestId('train').click();
    await expect(demo.getByTestId('demo-error')).toContainText('diverged');
    await expect(demo.getByTestId('demo-error')).toContainText('Lower the learning rate');
    // One sentence after the lead, never "Training diverged. at step 5".
    await expect(demo.getByTestId('demo-error')).toHaveText(/^Training diverged: [a-z]/);
    await expect(demo.getByTestId('demo-error')).not.toContainText(/\. [a-z]/);
    await demo.locator('details.do-details summary').click();
    await setRange(demo.getByLabel(/Learning rate/), -2);
    await demo.getByTestId('reset').click();
    await expect(demo.getByTestId('demo-error')).toHaveCount(0);
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('step-count')).toHaveText('1');
  });

  test('the JSON export holds the run: its starting p, the steps trained and the p changed on the way', async ({ page }) => {
    const demo = await masks(page);
    for (let i = 1; i <= 2; i++) {
      await demo.getByTestId('step').click();
      await expect(demo.getByTestId('step-count')).toHaveText(String(i));
    }
    await setRange(demo.getByLabel(/Dropout rate p/), 0.2);
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('mask-status')).toContainText('(p = 0.2)');
    const [download] = await Promise.all([page.waitForEvent('download'), demo.getByRole('button', { name: 'Export data and initial weights (JSON)' }).click()]);
    expect(download.suggestedFilename()).toBe('dropout-masks-seed7.json');
    // The export is the run's recipe, the one "Reproduce in PyTorch" writes its script from.
    const run = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(run.format).toBe('regularization-lab-recipe/1');
    expect(run.settings.p).toBe(0.5);
    expect(run.settings.steps).toBe(3);
    expect(run.stopAfterSteps).toBe(3);
    expect(run.changes).toEqual([{ step: 2, epoch: 0, set: { dropout: 0.2 } }]);
    expect(run.data.train.x).toHaveLength(120);
    expect(Object.keys(run.network.initial).length).toBeGreaterThan(0);
  });
});

test.describe('chapter 2: does dropout help?', () => {
  async function compare(page: Page) {
    const demo = page.locator('[data-demo="dropout-compare"]');
    await hydrated(demo);
    return demo;
  }
  const epoch = async (demo: Locator) => Number(await demo.getByTestId('epoch').textContent());
  const canvas = (demo: Locator, id: string) => demo.getByTestId(id).evaluate((c) => (c as HTMLCanvasElement).toDataURL());

  test('both networks train side by side: both curves grow, both boundaries change, the gaps are reported', async ({ page }) => {
    await page.goto(CHAPTER);
    const demo = await compare(page);
    await expect(demo.getByTestId('epoch')).toHaveText('0');
    await expect(demo.getByTestId('compare-verdict')).toContainText('same initial weights');
    const before = await Promise.all(['plain-chart', 'dropout-chart', 'plain-boundary', 'dropout-boundary'].map((k) => canvas(demo, `dropout-compare-${k}`)));
    // 50 epochs/s, not as fast as it goes: a fast machine finished all 300 epochs before Pause was pressed.
    await demo.getByLabel('Speed').selectOption('50');
    await demo.getByTestId('train').click();
    await expect.poll(() => epoch(demo)).toBeGreaterThan(40);
    await demo.getByTestId('pause').click();
    await expect(demo.getByTestId('train')).toBeVisible();
    // A view scrolled out of sight draws when it comes back (src/views/draw-queue.ts): bring each
    // into view, then it must show the trained networks, not what it showed before training.
    for (const [i, k] of ['plain-chart', 'dropout-chart', 'plain-boundary', 'dropout-boundary'].entries()) {
      await demo.getByTestId(`dropout-compare-${k}`).scrollIntoViewIfNeeded();
      await expect.poll(() => canvas(demo, `dropout-compare-${k}`)).not.toBe(before[i]);
    }
    for (const which of ['plain', 'dropout']) {
      await expect(demo.getByTestId(`dropout-compare-${which}-chart`)).toHaveAttribute('aria-label', /after \d+ epochs: training loss \d\.\d{3}, validation loss \d\.\d{3}, gap -?\d\.\d{3}/);
      await expect(demo.getByTestId(`gap-${which}`)).toHaveText(/^-?\d\.\d{3}$/);
    }
    // Step one epoch, then reset.
    const e = await epoch(demo);
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('epoch')).toHaveText(String(e + 1));
    await demo.getByTestId('reset').click();
    await expect(demo.getByTestId('epoch')).toHaveText('0');
  });

  test('the default run ends with the smaller gap on the dropout side, as the chapter says', async ({ page }) => {
    await page.goto(CHAPTER);
    const demo = await compare(page);
    await demo.getByLabel('Speed').selectOption('Infinity');
    await demo.getByTestId('train').click();
    await expect(demo.getByTestId('compare-status')).toContainText('finished', { timeout: 45_000 });
    await expect(demo.getByTestId('gap-plain')).toHaveText('1.122');
    await expect(demo.getByTestId('gap-dropout')).toHaveText('0.171');
    await expect(demo.getByTestId('gap-dropout')).toHaveClass(/do-better/);
    await expect(demo.getByTestId('compare-verdict')).toContainText('85% smaller');
  });

  test('p restarts both runs and shows in the code; New seed trains a new pair', async ({ page }) => {
    await page.goto(CHAPTER);
    const demo = await compare(page);
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('epoch')).toHaveText('1');
    await setRange(demo.getByLabel(/Dropout rate p/), 0.2);
    await expect(demo.getByTestId('epoch')).toHaveText('0');
    await expect(demo.getByRole('heading', { name: 'With dropout (p = 0.2)' })).toBeVisible();
    await expect(demo.locator('.code-block')).toContainText('nn.Dropout(p=0.2)');
    await expect(demo.getByTestId('compare-status')).toContainText('seed 7 ·');
    await demo.getByTestId('reseed').click();
    await expect(demo.getByTestId('compare-status')).not.toContainText('seed 7 ·');
    await expect(demo.getByTestId('epoch')).toHaveText('0');
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('epoch')).toHaveText('1');
  });

  test('a diverging learning rate names the network and stops, never breaking the page', async ({ page }) => {
    await page.goto(`${CHAPTER}?dropout-compare.lr=10`);
    const demo = await compare(page);
    await demo.getByTestId('train').click();
    await expect(demo.getByTestId('demo-error')).toContainText(/Training diverged.*the network (without|with) dropout/);
    await expect(demo.getByTestId('train')).toBeDisabled();
  });
});

test.describe('chapter 2: accessible and usable after training, in both themes and on a phone', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no serious problem in the trained demos (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const demo = await masks(page);
      for (let i = 0; i < 3; i++) await demo.getByTestId('step').click();
      await expect(demo.getByTestId('step-count')).toHaveText('3');
      const cmp = page.locator('[data-demo="dropout-compare"]');
      await hydrated(cmp);
      await cmp.getByTestId('step').click();
      await expect(cmp.getByTestId('epoch')).toHaveText('1');
      const check = async () => {
        const results = await (await axe(page)).include('[data-demo^="dropout-"]').analyze();
        return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      };
      expect(await check()).toEqual([]);
      await demo.getByRole('radio', { name: 'eval' }).check();
      await expect(demo.getByTestId('dropped-count')).toHaveText('0');
      expect(await check()).toEqual([]);
    });
  }

  test('at phone width the demos fit the screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    const demo = await masks(page);
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('step-count')).toHaveText('1');
    const cmp = page.locator('[data-demo="dropout-compare"]');
    await hydrated(cmp);
    await cmp.getByTestId('step').click();
    await expect(cmp.getByTestId('epoch')).toHaveText('1');
    const overflow = await sidewaysOverflow(page);
    expect(overflow).toBeLessThanOrEqual(1);
    const box = await demo.getByTestId('dropout-masks-diagram').boundingBox();
    expect(box!.width).toBeGreaterThan(300);
  });
});

test.describe('chapter 2: does dropout help, on several seeds?', () => {
  test('Seeds trains both networks on every seed with a progress bar, then shows bands, per-seed dots and a paired verdict', async ({ page }) => {
    await page.goto(`${CHAPTER}?dropout-compare.epochs=30`);
    const demo = page.locator('[data-demo="dropout-compare"]');
    await hydrated(demo);
    // The Seeds control (keyboard: a slider) switches to the several-seeds view.
    await setRange(demo.getByLabel(/^Seeds/), 3);
    await expect(demo.getByTestId('dropout-compare-seeds')).toBeVisible();
    await demo.getByTestId('train').click();
    const progress = demo.getByTestId('dropout-compare-progress');
    await expect(progress).toHaveAttribute('max', '180');
    await expect(progress).toHaveAttribute('value', '180', { timeout: 60_000 });
    const verdict = demo.getByTestId('dropout-compare-verdict');
    await expect(verdict).toContainText(/Dropout p = 0\.5 gave the lower validation loss on \d of 3 seeds; mean gap -?\d\.\d{3} ± \d\.\d{3} \(mean ± standard deviation over the seeds\)/);
    await expect(verdict).toContainText(/seed-to-seed spread/);
    await expect(verdict).not.toContainText('So far');
    await expect(demo.getByTestId('dropout-compare-loss-band')).toHaveAttribute('aria-label', /no dropout: mean validation loss \d\.\d{3} over 3 seeds at epoch 30 \(from \d\.\d{3} to \d\.\d{3}\)/);
    await expect(demo.getByTestId('dropout-compare-accuracy-band')).toHaveAttribute('aria-label', /dropout p = 0\.5: mean validation accuracy \d+\.\d% over 3 seeds/);
    await expect(demo.getByTestId('dropout-compare-loss-dots-dot')).toHaveCount(6);
    await expect(demo.getByTestId('dropout-compare-accuracy-dots')).toHaveAttribute('aria-label', /seed 7 \d+\.\d% → \d+\.\d%; seed 8 .*; seed 9 /);
    const results = await (await axe(page)).include('[data-demo="dropout-compare"]').analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    // Back to one seed: the detailed single run.
    await setRange(demo.getByLabel(/^Seeds/), 1);
    await expect(demo.getByTestId('compare-status')).toBeVisible();
  });

  test('at phone width the trained several-seeds view fits the screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${CHAPTER}?dropout-compare.seeds=2&dropout-compare.epochs=20`);
    const demo = page.locator('[data-demo="dropout-compare"]');
    await hydrated(demo);
    await demo.getByTestId('train').click();
    await expect(demo.getByTestId('dropout-compare-verdict')).toContainText('of 2 seeds', { timeout: 60_000 });
    await expect(demo.getByTestId('dropout-compare-progress')).toHaveAttribute('value', '80', { timeout: 60_000 });
    const overflow = await sidewaysOverflow(page);
    expect(overflow).toBeLessThanOrEqual(1);
  });
});
