import { expect, hydrated, test } from './fixtures';

test.describe('chapter 1: the handwritten-digits demo', () => {
  test('loads the digits, trains, and shows the misclassified digits and the weight images', async ({ page }) => {
    await page.goto('/chapters/what-is-regularization/');
    const demo = page.locator('[data-demo="digits"]');
    await hydrated(demo);
    await expect(demo.getByTestId('epoch')).toHaveText('0');
    await expect(demo.getByTestId('status')).toContainText('200 training images, 1597 validation');
    // one 8 x 8 image per hidden neuron (64), and an untrained network misreads most digits
    await expect(demo.getByTestId('digits-weights-item')).toHaveCount(64);
    await expect(demo.getByTestId('digits-mistakes-item')).toHaveCount(24);
    await expect(demo.getByTestId('digits-credit')).toContainText('CC BY 4.0');

    await demo.getByTestId('train').click();
    await expect(demo.getByTestId('reset')).toBeVisible();
    await expect.poll(async () => Number(await demo.getByTestId('epoch').textContent()), { timeout: 30_000 }).toBeGreaterThanOrEqual(30);
    // trained: over 85% of the validation digits right, and the mistakes are labelled "label→prediction"
    await expect.poll(async () => parseFloat((await demo.getByTestId('val-accuracy').textContent()) ?? '0')).toBeGreaterThan(85);
    const caption = await demo.getByTestId('digits-mistakes-item').first().locator('figcaption').textContent();
    const [label, predicted] = (caption ?? '').split('→').map(Number);
    expect(label).not.toBe(predicted);
    await expect(demo.getByTestId('digits-mistakes')).toHaveAttribute('aria-label', /of 1597 validation digits misclassified .* read as \d/);
    await expect(demo.getByTestId('digits-loss-chart')).toHaveAttribute('aria-label', /training loss \d\.\d{3}, validation loss \d\.\d{3}/);
  });

  test('with the L1 penalty most first-layer weights end near zero; its strength shows only for L1', async ({ page }) => {
    await page.goto('/chapters/what-is-regularization/?digits.epochs=60');
    const demo = page.locator('[data-demo="digits"]');
    await hydrated(demo);
    await expect(demo.getByLabel(/L1 strength/)).toHaveCount(0);
    await demo.getByLabel('Regularization', { exact: true }).selectOption('l1');
    await expect(demo.getByLabel(/L1 strength/)).toBeVisible();
    await expect(demo.getByLabel(/Dropout rate/)).toHaveCount(0);
    await demo.getByTestId('train').click();
    await expect(demo.getByTestId('status')).toContainText('finished', { timeout: 60_000 });
    const near = async () => Number(/near zero \(\|w\| < 0\.01\): (\d+) of 4096/.exec((await demo.getByTestId('weight-stats').textContent()) ?? '')?.[1]);
    expect(await near()).toBeGreaterThan(2500);
    await expect(demo.getByTestId('digits-weights')).toHaveAttribute('aria-label', /are near zero/);
  });

  test('early stopping stops the run and says which epoch it kept', async ({ page }) => {
    await page.goto('/chapters/what-is-regularization/?digits.method=early-stopping&digits.patience=3');
    const demo = page.locator('[data-demo="digits"]');
    await hydrated(demo);
    await demo.getByTestId('train').click();
    await expect(demo.getByTestId('status')).toContainText(/stopped at epoch \d+, kept epoch \d+/, { timeout: 60_000 });
  });
});

test.describe('chapter 2: the digits over several seeds', () => {
  test('trains the seeds with a progress bar, then shows bands, per-seed dots and a verdict', async ({ page }) => {
    await page.goto('/chapters/dropout/?digits-seeds.seeds=3&digits-seeds.epochs=15');
    const demo = page.locator('[data-demo="digits-seeds"]');
    await hydrated(demo);
    const progress = demo.getByTestId('digits-seeds-progress');
    await expect(progress).toHaveAttribute('max', String(3 * 2 * 15));
    await expect(demo.getByLabel(/Dropout rate/)).toBeVisible();
    await demo.getByTestId('train').click();
    await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 90_000 }).toBe(90);
    // the verdict: a paired comparison in words, over the 3 seeds
    const verdict = demo.getByTestId('digits-seeds-verdict');
    await expect(verdict).toContainText(/Dropout p = 0\.5 gave the lower validation loss on \d of 3 seeds; mean gap -?\d\.\d{3} ± \d\.\d{3} \(mean ± standard deviation over the seeds\)/);
    await expect(verdict).toContainText(/seed-to-seed spread/);
    // the bands: the text alternative names the mean and the range over the seeds
    await expect(demo.getByTestId('digits-seeds-loss-band')).toHaveAttribute('aria-label', /no regularization: mean validation loss \d\.\d{3} over 3 seeds at epoch 15 \(from \d\.\d{3} to \d\.\d{3}\)/);
    // one dot per seed and network
    await expect(demo.getByTestId('digits-seeds-loss-dots-dot')).toHaveCount(6);
    await expect(demo.getByTestId('digits-seeds-accuracy-dots')).toHaveAttribute('aria-label', /seed 1 \d+\.\d% → \d+\.\d%/);
  });
});

test.describe('chapter 3: the sweep over the strength', () => {
  test('fills in strength by strength and names the best one', async ({ page }) => {
    await page.goto('/chapters/l1-l2/?digits-sweep.seeds=1&digits-sweep.epochs=5');
    const demo = page.locator('[data-demo="digits-sweep"]');
    await hydrated(demo);
    const progress = demo.getByTestId('digits-sweep-progress');
    await expect(progress).toHaveAttribute('max', String(8 * 5));
    await demo.getByTestId('train').click();
    await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 90_000 }).toBe(40);
    await expect(demo.getByTestId('digits-sweep-summary')).toContainText(/lowest, \d\.\d{3}, at L2 strength [\d.e-]+; without regularization \d\.\d{3}/);
    await expect(demo.getByTestId('digits-sweep-chart')).toHaveAttribute('aria-label', /at the strongest, 0\.1, \d\.\d{3} \(training loss \d\.\d{3}: it underfits\)/);
    // the other sweep: dropout p
    await demo.getByLabel('Sweep', { exact: true }).selectOption('dropout');
    await expect(progress).toHaveAttribute('value', '0');
  });
});
