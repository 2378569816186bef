import { canvasData, setRange, expect, hydrated, test } from './fixtures';

test.describe('chapter 1: the overfitting demo', () => {
  test('draws its first frame before training, trains on Train, and its chart and boundary change', async ({ page }) => {
    await page.goto('/chapters/what-is-regularization/');
    const demo = page.locator('[data-demo="overfitting"]');
    await hydrated(demo);
    await expect(demo.getByTestId('epoch')).toHaveText('0');
    const boundary0 = await canvasData(page, 'overfitting-boundary');
    const chart0 = await canvasData(page, 'overfitting-loss-chart');

    await demo.getByTestId('train').click();
    await expect(demo.getByTestId('pause')).toBeVisible();
    await expect.poll(async () => Number(await demo.getByTestId('epoch').textContent())).toBeGreaterThan(100);
    await demo.getByTestId('pause').click();
    await expect(demo.getByTestId('train')).toBeVisible();
    expect(await canvasData(page, 'overfitting-boundary')).not.toBe(boundary0);
    expect(await canvasData(page, 'overfitting-loss-chart')).not.toBe(chart0);
    // The text alternative reports the losses.
    await expect(demo.getByTestId('overfitting-loss-chart')).toHaveAttribute('aria-label', /training loss \d\.\d{3}, validation loss \d\.\d{3}/);
  });

  test('training runs in a Web Worker, and the page keeps handling input while it trains', async ({ page }) => {
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.goto('/chapters/what-is-regularization/');
    const demo = page.locator('[data-demo="overfitting"]');
    await hydrated(demo);
    // Until the learner trains, the page shows the run the build computed and loads no engine:
    // the untrained network's boundary is drawn, and no worker has started.
    const blank = await page.getByTestId('overfitting-boundary').evaluate((c) => {
      const empty = document.createElement('canvas');
      empty.width = (c as HTMLCanvasElement).width;
      empty.height = (c as HTMLCanvasElement).height;
      return empty.toDataURL();
    });
    await expect.poll(() => canvasData(page, 'overfitting-boundary')).not.toBe(blank);
    await expect(demo.getByTestId('epoch')).toHaveText('0');
    expect(workers).toEqual([]);
    await demo.getByTestId('train').click();
    // The engine runs off the main thread (src/training/client.ts starts the 'training' worker).
    await expect.poll(() => workers.length).toBeGreaterThan(0);
    const epochNow = async () => Number(await demo.getByTestId('epoch').textContent());
    const before = await epochNow();
    // While it trains, typing and clicking on the page still work, and training goes on.
    const search = page.getByLabel('Search the course');
    await search.fill('dropout');
    await expect(search).toHaveValue('dropout');
    await expect.poll(epochNow).toBeGreaterThan(before);
    await demo.getByTestId('pause').click();
    await expect(demo.getByTestId('train')).toBeVisible();
  });

  test('step advances exactly one epoch, reset returns to epoch 0', async ({ page }) => {
    await page.goto('/chapters/what-is-regularization/');
    const demo = page.locator('[data-demo="overfitting"]');
    await hydrated(demo);
    await expect(demo.getByTestId('epoch')).toHaveText('0');
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('epoch')).toHaveText('1');
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('epoch')).toHaveText('2');
    await demo.getByTestId('reset').click();
    await expect(demo.getByTestId('epoch')).toHaveText('0');
  });

  test('changing a control restarts the run with the new setting', async ({ page }) => {
    await page.goto('/chapters/what-is-regularization/');
    const demo = page.locator('[data-demo="overfitting"]');
    await hydrated(demo);
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('epoch')).toHaveText('1');
    const before = await canvasData(page, 'overfitting-boundary');
    await demo.getByLabel('Data set').selectOption('xor');
    await expect(demo.getByTestId('epoch')).toHaveText('0');
    await expect.poll(() => canvasData(page, 'overfitting-boundary')).not.toBe(before);
    // Sliders are keyboard operable.
    const noise = demo.getByLabel(/Label noise/);
    await noise.focus();
    await page.keyboard.press('ArrowRight');
    await expect(demo.getByTestId('overfitting-noise-value')).toHaveText('0.21');
  });

  test('trains at a watchable speed by default, which the learner can change, and says what the curves show', async ({ page }) => {
    await page.goto('/chapters/what-is-regularization/');
    const demo = page.locator('[data-demo="overfitting"]');
    await hydrated(demo);
    const speed = demo.getByLabel('Speed');
    await expect(speed).toHaveValue('30');
    await expect(speed.locator('option:checked')).toHaveText('30 epochs/s');
    await speed.selectOption('Infinity');
    await demo.getByTestId('train').click();
    await expect(demo.getByTestId('status')).toContainText('finished', { timeout: 30_000 });
    // The default run overfits, and the verdict says so with the chapter's numbers.
    const verdict = demo.getByTestId('verdict');
    await expect(verdict).toHaveAttribute('data-verdict', 'overfitting');
    await expect(verdict).toContainText('Since epoch 14 the validation loss has risen from 0.650 to 10.494');
  });

  test('with no training point in a quarter the verdict names missing coverage, not noise', async ({ page }) => {
    await page.goto('/chapters/what-is-regularization/?overfitting.dataset=xor&overfitting.seed=7&overfitting.noise=0');
    const demo = page.locator('[data-demo="overfitting"]');
    await hydrated(demo);
    await demo.getByLabel('Speed').selectOption('Infinity');
    await demo.getByTestId('train').click();
    await expect(demo.getByTestId('status')).toContainText('finished', { timeout: 30_000 });
    const verdict = demo.getByTestId('verdict');
    await expect(verdict).toHaveAttribute('data-verdict', 'coverage');
    await expect(verdict).toContainText('bottom-right quarter');
    await expect(verdict).not.toContainText('flipped labels');
  });

  test('a diverging learning rate gives a clear message, not a broken page', async ({ page }) => {
    await page.goto('/chapters/what-is-regularization/?overfitting.lr=10&overfitting.hidden=64');
    const demo = page.locator('[data-demo="overfitting"]');
    await hydrated(demo);
    await demo.getByTestId('train').click();
    await expect(demo.getByTestId('demo-error')).toContainText('diverged', { timeout: 30_000 });
    await expect(demo.getByTestId('demo-error')).toContainText('Lower the learning rate');
    await expect(demo.getByTestId('demo-error')).toHaveText(/^Training diverged: at epoch 1 the training loss reached/);
    await setRange(demo.getByLabel(/Learning rate/), -2); // log10 slider: lr = 0.01
    await demo.getByTestId('reset').click();
    await expect(demo.getByTestId('epoch')).toHaveText('0');
  });

  test('a shared link reopens the demo with its settings; garbage gives the defaults and a notice', async ({ page }) => {
    await page.goto('/chapters/what-is-regularization/?overfitting.dataset=spiral&overfitting.points=100&overfitting.seed=42');
    const demo = page.locator('[data-demo="overfitting"]');
    await hydrated(demo);
    await expect(demo.getByLabel('Data set')).toHaveValue('spiral');
    await expect(demo.getByTestId('overfitting-points-value')).toHaveText('100');
    await page.goto('/chapters/what-is-regularization/?overfitting.noise=banana&overfitting.points=-5&overfitting.zzz=1');
    await hydrated(demo);
    await expect(demo.getByTestId('demo-notice')).toContainText('noise');
    await expect(demo.getByTestId('overfitting-noise-value')).toHaveText('0.2');
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('epoch')).toHaveText('1');
  });
});
