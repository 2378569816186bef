import { expect, hydrated, test } from './fixtures';

test('the remix guide documents every demo with its props and a live example', async ({ page }) => {
  await page.goto('/remix/');
  await expect(page.getByRole('heading', { name: 'Front matter' })).toBeVisible();
  await expect(page.locator('.demo-ref').first()).toBeVisible();
  const refs = await page.locator('.demo-ref h3').allTextContents();
  expect(refs).toContain('<OverfittingDemo />');
  // A live example opens and trains.
  const ref = page.locator('#ref-overfitting-demo');
  await ref.locator('summary').click();
  const demo = ref.locator('[data-demo="ref-overfitting"]');
  await hydrated(demo);
  await demo.getByTestId('step').click();
  await expect(demo.getByTestId('epoch')).toHaveText('1');
});

test('each chapter links to its MDX source and offers embed snippets', async ({ page, request }) => {
  await page.goto('/chapters/what-is-regularization/');
  const panel = page.getByTestId('remix-panel');
  await panel.locator('summary').click();
  await expect(panel).toContainText('content/01-what-is-regularization.mdx');
  await expect(panel.locator('pre').first()).toContainText('<iframe src=');
  const href = await panel.getByTestId('mdx-source-link').getAttribute('href');
  const res = await request.get(href!);
  expect(res.status()).toBe(200);
  expect(await res.text()).toContain('title: What is regularization?');
  // Served as text, so a browser shows it instead of downloading it (the built file's extension
  // decides: astro preview and static hosts know .txt, not .mdx).
  expect(res.headers()['content-type']).toMatch(/^text\/plain/);
  // Old links to the .mdx still answer with the same text.
  const old = await request.get(href!.replace(/\.txt$/, ''));
  expect(old.status()).toBe(200);
  expect(await old.text()).toBe(await res.text());
});

test('an embed page shows only the demo, with the settings from its link', async ({ page }) => {
  await page.goto('/embed/overfitting-demo/?overfitting.dataset=gauss&overfitting.noise=0.05&overfitting.seed=3');
  await expect(page.locator('.site-header')).toHaveCount(0);
  const demo = page.locator('[data-demo="overfitting"]');
  await hydrated(demo);
  await expect(demo.getByLabel('Data set')).toHaveValue('gauss');
  await expect(demo.getByTestId('overfitting-noise-value')).toHaveText('0.05');
  await demo.getByTestId('train').click();
  await expect.poll(async () => Number(await demo.getByTestId('epoch').textContent())).toBeGreaterThan(5);
  await demo.getByTestId('pause').click();
});

test('a copied link reopens the demo with the same settings', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/chapters/what-is-regularization/');
  const demo = page.locator('[data-demo="overfitting"]');
  await hydrated(demo);
  await demo.getByLabel('Data set').selectOption('xor');
  await demo.getByLabel(/Training points/).focus();
  await page.keyboard.press('ArrowRight');
  await demo.getByRole('button', { name: 'Copy link to these settings' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('overfitting.dataset=xor');
  expect(link).toContain('overfitting.points=40');
  await page.goto(link);
  await hydrated(demo);
  await expect(demo.getByLabel('Data set')).toHaveValue('xor');
  await expect(demo.getByTestId('overfitting-points-value')).toHaveText('40');
});

// Random garbage in a link: the default demo, a notice, and no console error (the fixture checks).
const garbage = (seed: number) => {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const junk = ['NaN', 'Infinity', '-1e999', '', '%00', '<script>', '1e-400', 'null', '{}', '0x10', '9'.repeat(400), '☃', 'true'];
  const keys = ['dataset', 'noise', 'points', 'hidden', 'layers', 'lr', 'seed', 'epochs', 'batch', 'activation', 'nope'];
  const parts: string[] = [];
  for (let i = 0; i < 5; i++) {
    parts.push(`overfitting.${keys[Math.floor(rnd() * keys.length)]}=${encodeURIComponent(junk[Math.floor(rnd() * junk.length)])}`);
  }
  return parts.join('&');
};

for (const seed of [1, 2, 3, 4]) {
  test(`garbage link #${seed} gives the default demo and a notice`, async ({ page }) => {
    await page.goto(`/chapters/what-is-regularization/?${garbage(seed)}&overfitting.points=banana`);
    const demo = page.locator('[data-demo="overfitting"]');
    await hydrated(demo);
    await expect(demo.getByTestId('demo-notice')).toBeVisible();
    await expect(demo.getByTestId('demo-error')).toHaveCount(0);
    await demo.getByTestId('step').click();
    await expect(demo.getByTestId('epoch')).toHaveText('1');
  });
}

test('garbage in the embed page link gives the default demo too', async ({ page }) => {
  await page.goto('/embed/overfitting-demo/?overfitting.lr=%FF%FE&overfitting.layers=99&x=<b>');
  const demo = page.locator('[data-demo="overfitting"]');
  await hydrated(demo);
  await expect(demo.getByTestId('demo-notice')).toContainText('layers');
  await expect(demo.getByTestId('overfitting-layers-value')).toHaveText('2');
});
