import { builtPages, expect, hydrated, test } from './fixtures';

// A chapter printed from the browser: no site chrome or buttons, equations and code whole, and
// every demo a figure with a picture of its state and its address written out.
const chapters = builtPages().filter((p) => p.startsWith('/chapters/'));

/** How many of these elements the printed page shows. */
const shown = (page: import('@playwright/test').Page, selector: string) =>
  page.locator(selector).evaluateAll((els) => els.filter((el) => (el as HTMLElement).getClientRects().length > 0).length);

for (const path of chapters) {
  test(`${path} prints without navigation or buttons, with a figure for every demo`, async ({ page }) => {
    await page.goto(path);
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.site-header', '.sidebar', '.site-footer', '.pager', '.remix', '.skip-link']) {
      expect(await shown(page, chrome), chrome).toBe(0);
    }
    expect(await shown(page, 'button, .btn, input[type=range], select')).toBe(0);
    const demos = await page.locator('section.demo').count();
    expect(demos).toBeGreaterThan(0);
    expect(await shown(page, 'section.demo > [data-testid="print-figure"]')).toBe(demos);
    // Equations and code are printed whole.
    await expect(page.locator('.katex').first()).toBeVisible();
    const code = page.locator('article pre.astro-code');
    if (await code.count()) await expect(code.first()).toBeVisible();
    await expect(page.locator('article h1')).toBeVisible();
  });
}

test('a printed demo shows a picture of its current state and its link', async ({ page }) => {
  await page.goto('/chapters/what-is-regularization/?overfitting.seed=5');
  const demo = page.locator('[data-demo="overfitting"]');
  await hydrated(demo);
  await demo.getByTestId('step').click();
  await expect(demo.getByTestId('epoch')).toHaveText('1');
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  const figure = demo.getByTestId('print-figure');
  await expect(figure).toBeVisible();
  const pictures = figure.locator('.print-pictures img');
  expect(await pictures.count()).toBeGreaterThanOrEqual(2); // the loss chart and the decision boundary
  await expect(pictures.first()).toHaveAttribute('src', /^data:image\/png;base64,/);
  await expect(pictures.first()).toHaveAttribute('alt', /.+/);
  await expect(figure.locator('.print-link')).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/chapters\/what-is-regularization\/\?overfitting\.seed=5#overfitting$/);
  await page.emulateMedia({ media: 'screen' });
  await expect(figure).toBeHidden();
});
