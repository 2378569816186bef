import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, hydrated, setRange, test } from './fixtures';

// The instructor kit: the embed builder's snippet, pasted into a page of another origin, gives
// the locked demo with its settings, sizes its iframe, and reports the learner's events.
const PORT = Number(process.env.E2E_PORT ?? 4327);

const servers: Server[] = [];
test.afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A host page (a learning platform's) on another origin: a server of its own on a free port. */
async function serveHostPage(html: string): Promise<string> {
  const server = createServer((_, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html));
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/lms.html`;
}

test('builder → iframe snippet on another origin: one control, the settings hold, the iframe fits, the host hears start/end/quiz', async ({ page, context }) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/embed/?demo=overfitting-demo');
  await expect(page.getByTestId('builder-demo')).toHaveValue('overfitting-demo');
  const preview = page.getByTestId('builder-preview-overfitting-demo').locator('[data-demo="overfitting"]');
  await hydrated(preview);

  // Set it up with the demo's own controls (the preview trains).
  await preview.getByLabel('Data set').selectOption('gauss');
  await setRange(preview.getByLabel(/Label noise/), 0.05);
  await setRange(preview.getByLabel(/Training points/), 20);
  await preview.getByTestId('step').click();
  await expect(preview.getByTestId('epoch')).toHaveText('1');

  // Lock every control but the data set; a title; the chapter's quiz.
  const checks = page.getByTestId('builder-controls').getByRole('checkbox');
  await expect(checks.first()).toBeVisible();
  const boxes = await checks.all();
  expect(boxes.length).toBeGreaterThan(3);
  for (const box of boxes) {
    if ((await box.getAttribute('id')) !== 'builder-control-dataset') await box.uncheck();
  }
  await page.getByLabel(/^Title/).fill('Overfitting, your way');
  await page.getByLabel(/Check your understanding/).check();

  await expect(page.getByTestId('builder-mdx')).toHaveValue('<OverfittingDemo dataset="gauss" noise={0.05} points={20} controls="dataset" title="Overfitting, your way" />');
  await page.getByRole('button', { name: 'Copy the iframe code' }).click();
  await expect(page.getByTestId('builder-status')).toHaveText('Copied.');
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  expect(snippet).toContain(`src="http://127.0.0.1:${PORT}/embed/overfitting-demo/?overfitting.dataset=gauss&amp;overfitting.noise=0.05&amp;overfitting.points=20&amp;controls=dataset`);
  expect(snippet).toContain(`<script src="http://127.0.0.1:${PORT}/embed-resize.js" defer></script>`);
  const link = await page.getByTestId('builder-link').inputValue();
  expect(link).toContain('quiz=1');

  // The host page: another origin, the snippet pasted as is, a listener recording messages.
  const host = await context.newPage();
  const hostProblems: string[] = [];
  host.on('pageerror', (e) => hostProblems.push(e.message));
  host.on('console', (m) => { if (m.type() === 'error') hostProblems.push(m.text()); });
  const lms = await serveHostPage(`<!doctype html><html lang="en"><head><title>A course platform</title><script>
      window.events = [];
      addEventListener('message', (e) => { if (e.data && e.data.type) window.events.push({ origin: e.origin, ...e.data }); });
    </script></head><body><h1>Week 3</h1>${snippet}<p>After the demo.</p></body></html>`);
  await host.goto(lms);
  const frame = host.frameLocator('iframe');
  const demo = frame.locator('[data-demo="overfitting"]');
  await hydrated(demo);
  await expect(demo.locator('.demo-title')).toHaveText('Overfitting, your way');
  // Only the data set control shows, with the builder's value; nothing to complain about.
  await expect(demo.getByLabel('Data set')).toHaveValue('gauss');
  await expect(demo.locator('.controls .control')).toHaveCount(1);
  await expect(demo.getByLabel(/Label noise/)).toHaveCount(0);
  await expect(demo.getByTestId('demo-notice')).toHaveCount(0);

  // The iframe grows to its content (the quiz makes it taller than the snippet's height).
  const initialHeight = Number(/height="(\d+)"/.exec(snippet)![1]);
  const iframe = host.locator('iframe');
  const contentHeight = () => frame.locator('html').evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
  await expect.poll(async () => Math.abs((await iframe.boundingBox())!.height - (await contentHeight()))).toBeLessThanOrEqual(1);
  expect((await iframe.boundingBox())!.height).toBeGreaterThan(initialHeight);
  // No height was posted while the demo's parts were still being drawn, one per frame: the host
  // never saw the iframe shrink to a part of the demo and grow back.
  const posted: number[] = await host.evaluate(() => (window as any).events.filter((e: { type: string }) => e.type === 'regularization-lab:resize').map((e: { height: number }) => e.height));
  expect(posted.length).toBeGreaterThan(0);
  for (const height of posted) expect(height, posted.join(', ')).toBeGreaterThan(0.9 * posted[posted.length - 1]);

  // Train to the end: the host hears the start and the end with the settings and final numbers.
  await demo.getByTestId('train').click();
  await expect.poll(() => host.evaluate(() => (window as any).events.map((e: { type: string }) => e.type)), { timeout: 60_000 })
    .toEqual(expect.arrayContaining(['regularization-lab:training-started', 'regularization-lab:run-ended']));
  const ended = await host.evaluate(() => (window as any).events.find((e: { type: string }) => e.type === 'regularization-lab:run-ended'));
  expect(ended.origin).toBe(`http://127.0.0.1:${PORT}`);
  expect(ended.settings).toMatchObject({ dataset: 'gauss', noise: 0.05, points: 20 });
  expect(ended.numbers.epoch).toBe(ended.numbers.maxEpochs);
  expect(ended.numbers.train).toBeGreaterThan(0);
  expect(ended.numbers.val).toBeGreaterThan(0);

  // A quiz answer reaches the host too.
  const question = frame.locator('.quiz-question').first();
  await hydrated(question);
  await question.getByRole('radio').nth(1).check();
  await question.getByRole('button', { name: 'Check answer' }).click();
  await expect.poll(() => host.evaluate(() => (window as any).events.filter((e: { type: string }) => e.type === 'regularization-lab:quiz-answered')))
    .toEqual([expect.objectContaining({ chapter: 'what-is-regularization', question: 'q1', correct: true })]);
  expect(hostProblems).toEqual([]);
});

test('an embed link with controls it cannot use shows the default controls and a notice', async ({ page }) => {
  await page.goto('/embed/overfitting-demo/?controls=dataset,nonsense&title=');
  const demo = page.locator('[data-demo="overfitting"]');
  await hydrated(demo);
  await expect(demo.getByTestId('demo-notice')).toContainText('"nonsense"');
  await expect(demo.getByLabel('Data set')).toBeVisible();
  await expect(demo.getByLabel(/Label noise/)).toBeVisible();
  await expect(demo.locator('.demo-title')).toHaveText('Watch a network overfit');
});

test('controls=none locks every control; the demo still trains', async ({ page }) => {
  await page.goto('/embed/overfitting-demo/?controls=none&overfitting.seed=11');
  const demo = page.locator('[data-demo="overfitting"]');
  await hydrated(demo);
  await expect(demo.locator('.controls .control')).toHaveCount(0);
  await demo.getByTestId('step').click();
  await expect(demo.getByTestId('epoch')).toHaveText('1');
});

test('every demo in the builder offers its controls and makes a snippet for its embed page', async ({ page, request }) => {
  await page.goto('/embed/');
  const options = await page.getByTestId('builder-demo').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(options.length).toBeGreaterThanOrEqual(12);
  for (const slug of options) {
    await page.getByTestId('builder-demo').selectOption(slug);
    await hydrated(page.getByTestId(`builder-preview-${slug}`).locator('[data-demo]'));
    await expect(page.getByTestId('builder-controls').getByRole('checkbox').first()).toBeVisible();
    const link = await page.getByTestId('builder-link').inputValue();
    expect(link).toContain(`/embed/${slug}/`);
    expect((await request.get(new URL(link).pathname)).status()).toBe(200);
  }
});
