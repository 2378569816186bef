import { existsSync } from 'node:fs';
import { builtPages, expect, hydrated, test } from './fixtures';

// The course built for a sub-path (`npm run build:subpath`: SITE_BASE=/course/ into dist-course/),
// served under /course/ by a plain static server (playwright.config.ts, project "subpath").
// baseURL ends in /course/, so every path here is relative: an absolute "/..." would leave the base.
const FOLDER = 'dist-course';

test.beforeAll(() => {
  if (!existsSync(`${FOLDER}/index.html`)) throw new Error(`${FOLDER}/ is missing: run \`npm run build:subpath\` before the e2e tests`);
});

test('every page of the sub-path build loads, and every link and asset stays under /course/', async ({ page, request }) => {
  const pages = builtPages(FOLDER);
  expect(pages.length).toBeGreaterThan(10);
  const outside: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (r.url().startsWith('http') && !path.startsWith('/course/')) outside.push(path);
  });
  const linked = new Set<string>();
  for (const path of pages) {
    const res = await page.goto(path.slice(1));
    expect(res?.status(), path).toBe(200);
    await expect(page.locator('h1').first()).toBeAttached();
    for (const href of await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
      const u = new URL(href);
      if (u.origin === new URL(page.url()).origin) linked.add(u.pathname);
    }
  }
  expect(outside).toEqual([]);
  const broken: string[] = [];
  for (const p of linked) {
    if (!p.startsWith('/course/')) broken.push(`${p} (outside the base)`);
    else if ((await request.get(p)).status() !== 200) broken.push(p);
  }
  expect(broken).toEqual([]);
});

test('a demo trains under the sub-path (its worker loads from there)', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto('chapters/what-is-regularization/');
  const demo = page.locator('[data-demo="overfitting"]');
  await hydrated(demo);
  await demo.getByTestId('train').click();
  await expect.poll(async () => Number(await demo.getByTestId('epoch').textContent())).toBeGreaterThan(5);
  await demo.getByTestId('pause').click();
  expect(workers.length).toBeGreaterThan(0);
  expect(workers.every((w) => new URL(w).pathname.startsWith('/course/'))).toBe(true);
});

test('search finds a chapter and its result links stay under the sub-path', async ({ page }) => {
  await page.goto('search/?q=memorise');
  const result = page.locator('.pagefind-ui__result-link', { hasText: 'What is regularization' }).first();
  await expect(result).toBeVisible();
  expect(new URL(await result.evaluate((a) => (a as HTMLAnchorElement).href)).pathname).toMatch(/^\/course\/chapters\/what-is-regularization\//);
  await result.click();
  await expect(page.locator('h1')).toHaveText('What is regularization?');
});

test('an embed page works under the sub-path, and the chapter snippets point there', async ({ page }) => {
  await page.goto('chapters/what-is-regularization/');
  const panel = page.getByTestId('remix-panel');
  await panel.locator('summary').click();
  await expect(panel.locator('pre').first()).toContainText('/course/embed/overfitting-demo/');
  await page.goto('embed/overfitting-demo/?overfitting.dataset=gauss');
  const demo = page.locator('[data-demo="overfitting"]');
  await hydrated(demo);
  await expect(demo.getByLabel('Data set')).toHaveValue('gauss');
  await demo.getByTestId('step').click();
  await expect(demo.getByTestId('epoch')).toHaveText('1');
  const source = await page.request.get('source/what-is-regularization.mdx');
  expect(source.status()).toBe(200);
});
