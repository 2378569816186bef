// A learner's pass on a phone (390 px) and a desktop: the quiz teaches and keeps its answers,
// progress means learning, nothing slides sideways, anchors land below the header, the menu
// closes the way a learner expects, search shows no raw LaTeX, embeds point to this site.
import type { Page } from '@playwright/test';
import { axe, builtPages, expect, hydrated, test, sidewaysOverflow } from './fixtures';

const PHONE = { width: 390, height: 844 };
const CH1 = '/chapters/what-is-regularization/';

/** Scrolls through the whole page so every client:visible island hydrates and takes its size. */
async function scrollThrough(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 700) await page.evaluate((top) => window.scrollTo(0, top), y);
  await page.waitForLoadState('networkidle');
}

const overflow = (page: Page) => sidewaysOverflow(page, 'client');

for (const path of builtPages()) {
  test(`no sideways overflow and no serious accessibility problem at 390 px: ${path}`, async ({ page }) => {
    test.slow(); // hydrates every demo of a long chapter, then runs axe on all of it
    await page.setViewportSize(PHONE);
    await page.goto(path);
    await scrollThrough(page);
    expect(await overflow(page), `page is wider than the phone`).toBeLessThanOrEqual(0);
    // Wide equations and tables scroll inside themselves, so each must be reachable by keyboard.
    const results = await (await axe(page)).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)).toEqual([]);
  });
}

test.describe('anchor targets', () => {
  /** The target's top edge is below the sticky header and on screen. */
  async function expectBelowHeader(page: Page, selector: string) {
    await expect.poll(async () => {
      const [header, top, vh] = await page.evaluate((sel) => [
        document.querySelector('.site-header')!.getBoundingClientRect().bottom,
        document.querySelector(sel)!.getBoundingClientRect().top,
        window.innerHeight,
      ], selector);
      return top >= header && top < vh - 40;
    }, `${selector} below the header`).toBe(true);
  }

  test('headings reached from "On this page" links and shared #demo links sit below the sticky header', async ({ page }) => {
    await page.goto('/chapters/dropout/');
    const links = page.locator('#sidebar .toc a');
    expect(await links.count()).toBeGreaterThan(2);
    for (const i of [0, 2]) {
      const href = (await links.nth(i).getAttribute('href'))!;
      await links.nth(i).click();
      await expect(page).toHaveURL(new RegExp(`${href}$`));
      await expectBelowHeader(page, href);
    }
    await page.setViewportSize(PHONE);
    await page.goto('/chapters/batch-normalization/#bn-histogram');
    await expectBelowHeader(page, '#bn-histogram');
    await page.goto('/chapters/l1-l2/#check-your-understanding');
    await expectBelowHeader(page, '#check-your-understanding');
  });
});

test.describe('the course menu on a phone', () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto(CH1);
  });

  test('Escape closes it and gives focus back to its button', async ({ page }) => {
    const button = page.locator('#menu-button');
    await button.click();
    await expect(page.locator('#sidebar')).toBeVisible();
    await expect(page.locator('#menu-backdrop')).toBeVisible();
    await expect(button).toHaveAttribute('aria-label', 'Close the course menu');
    await page.keyboard.press('Escape');
    await expect(page.locator('#sidebar')).toBeHidden();
    await expect(page.locator('#menu-backdrop')).toBeHidden();
    await expect(button).toBeFocused();
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(button).toHaveAttribute('aria-label', 'Open the course menu');
  });

  test('a tap outside it closes it, without acting on what is under the tap', async ({ page }) => {
    await page.locator('#menu-button').click();
    await expect(page.locator('#sidebar')).toBeVisible();
    const url = page.url();
    await page.mouse.click(375, 500); // on the dimmed page to the right of the drawer
    await expect(page.locator('#sidebar')).toBeHidden();
    expect(page.url()).toBe(url);
    await expect(page.getByRole('button', { name: 'Open the course menu' })).toBeVisible();
  });

  test('scrolling the page closes it', async ({ page }) => {
    await page.locator('#menu-button').click();
    await expect(page.locator('#sidebar')).toBeVisible();
    await page.evaluate(() => window.scrollBy(0, 400));
    await expect(page.locator('#sidebar')).toBeHidden();
  });

  test('after following one of its links, the button offers to open it again', async ({ page }) => {
    await page.locator('#menu-button').click();
    await page.locator('#sidebar .toc a').first().click();
    await expect(page.locator('#sidebar')).toBeHidden();
    await expect(page.locator('#menu-button')).toHaveAttribute('aria-label', 'Open the course menu');
    await expect(page.locator('#menu-button')).toHaveAttribute('aria-expanded', 'false');
  });

  test('open, it has no serious accessibility problem', async ({ page }) => {
    await page.locator('#menu-button').click();
    const results = await (await axe(page)).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});

test('a long demo keeps Train and Step in reach on a phone while its charts scroll by', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto('/chapters/batch-normalization/');
  const demo = page.locator('.demo[data-demo="bn-histogram"]');
  await hydrated(demo.getByTestId('step'));
  // Scroll to the demo's last chart, far below its controls.
  await demo.locator('canvas').last().scrollIntoViewIfNeeded();
  const step = demo.getByTestId('step');
  const [box, header] = [await step.boundingBox(), await page.locator('.site-header').boundingBox()];
  expect(box!.y).toBeGreaterThanOrEqual(header!.y + header!.height - 1);
  expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height);
  await step.click();
  await expect(demo.getByText(/Step\s+1\s+of/)).toBeVisible();
});

test('the savings table fits at 1280 px; a table that scrolls on a phone says so with an edge shadow', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/chapters/early-stopping/');
  const demo = page.locator('.demo[data-demo="early-stopping-savings"]');
  await hydrated(demo);
  const table = page.getByTestId('es-savings-table');
  await expect(table).toBeVisible();
  const [sw, cw] = await table.evaluate((t) => [t.scrollWidth, t.clientWidth]);
  expect(sw).toBeLessThanOrEqual(cw);
  await page.setViewportSize(PHONE);
  // The table's labelled region scrolls, and its edge shadow says so.
  const region = table.locator('xpath=..');
  await expect(region).toHaveAttribute('role', 'region');
  await expect.poll(() => region.evaluate((r) => r.scrollWidth > r.clientWidth)).toBe(true);
  expect(await region.evaluate((r) => getComputedStyle(r).backgroundImage)).toContain('radial-gradient');
});

test('search results show an equation\'s text once and no raw LaTeX', async ({ page }) => {
  await page.goto('/search/?q=Bernoulli');
  const results = page.locator('.pagefind-ui__results');
  await expect(results.locator('.pagefind-ui__result-link').first()).toBeVisible();
  const text = await results.innerText();
  expect(text).not.toMatch(/\\[a-z]+|operatorname|\\sim/);
});

test('"Remix this chapter" embed snippets use this site\'s address, a measured height and a copy button', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await page.goto(CH1);
  const demo = page.locator('.demo[data-demo="overfitting"]');
  await hydrated(demo);
  await expect(demo.getByTestId('epoch')).toHaveText('0'); // its first snapshot is drawn: the demo has its full height
  const panel = page.getByTestId('remix-panel');
  await panel.locator('summary').click();
  const snippet = panel.getByTestId('embed-snippet').first();
  await expect(snippet).toContainText(`<iframe src="${new URL('/embed/overfitting-demo/', baseURL).href}"`);
  expect(await snippet.textContent()).not.toContain('example');
  // Copying measures the demo again (it grows once its first run is drawn).
  await panel.getByRole('button', { name: 'Copy embed code' }).first().click();
  await expect(panel.getByText('Copied.').first()).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await snippet.textContent());
  const height = Number(/height="(\d+)"/.exec((await snippet.textContent())!)![1]);
  const demoHeight = await demo.evaluate((d) => (d as HTMLElement).offsetHeight);
  expect(height).toBeGreaterThanOrEqual(demoHeight);
  expect(height).toBeLessThan(demoHeight + 200);
});

test.describe('the quiz teaches', () => {
  test('its instructions stand above the questions', async ({ page }) => {
    await page.goto(CH1);
    const instructions = page.getByTestId('quiz-instructions');
    await expect(instructions).toContainText('first answer');
    const [a, b] = [await instructions.boundingBox(), await page.locator('.quiz-question').first().boundingBox()];
    expect(a!.y + a!.height).toBeLessThanOrEqual(b!.y);
  });

  test('a wrong answer says why it is wrong without revealing the right one; the first try counts; answers survive a reload; reset clears them', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto(CH1);
    const q = page.locator('.quiz-question').first();
    await hydrated(q);
    const choices = q.locator('label.quiz-choice');
    // Choice 1 ("underfitting") is wrong; choice 2 is right.
    await choices.nth(0).click();
    await q.getByRole('button', { name: 'Check answer' }).click();
    const feedback = q.getByTestId('quiz-feedback');
    await expect(feedback).toContainText('Not quite.');
    await expect(feedback).toContainText('An underfitting model does badly on its own training data too');
    await expect(feedback).not.toContainText('signature of overfitting'); // the explanation waits for the right answer
    await expect(q.locator('.quiz-choice.correct')).toHaveCount(0);
    await expect(q.locator('input:checked')).toHaveCount(0);
    await expect(choices.nth(0)).toHaveClass(/incorrect/);
    await expect(choices.nth(0).locator('input')).toBeDisabled();
    await expect(page.getByTestId('quiz-score')).toContainText('Right at the first try: 0 of 4');

    // Try again: found on the second try, still not a first-try point.
    await choices.nth(1).click();
    await q.getByRole('button', { name: 'Check answer' }).click();
    await expect(feedback).toContainText('Correct.');
    await expect(feedback).toContainText('signature of overfitting');
    await expect(feedback).toContainText('Found on try 2');
    await expect(page.getByTestId('quiz-score')).toContainText('Right at the first try: 0 of 4');

    // The next question right at once.
    const q2 = page.locator('.quiz-question').nth(1);
    await q2.locator('label.quiz-choice').nth(1).click();
    await q2.getByRole('button', { name: 'Check answer' }).click();
    await expect(q2.getByTestId('quiz-feedback')).toContainText('Correct.');
    await expect(page.getByTestId('quiz-score')).toContainText('Right at the first try: 1 of 4');

    // A third question left half done: wrong once.
    const q3 = page.locator('.quiz-question').nth(2);
    await q3.locator('label.quiz-choice').nth(0).click();
    await q3.getByRole('button', { name: 'Check answer' }).click();
    await expect(q3.getByTestId('quiz-feedback')).toContainText('Not quite.');

    await page.reload();
    await hydrated(page.locator('.quiz-question').first());
    await expect(page.getByTestId('quiz-score')).toContainText('Right at the first try: 1 of 4');
    await expect(q).toHaveAttribute('data-state', 'solved');
    await expect(q2).toHaveAttribute('data-state', 'first-try');
    await expect(q3).toHaveAttribute('data-state', 'trying');
    await expect(q3.locator('label.quiz-choice').nth(0)).toHaveClass(/incorrect/);
    await expect(q3.locator('.quiz-choice.correct')).toHaveCount(0);
    await expect(q.locator('.quiz-choice.correct')).toHaveCount(1);

    await page.getByTestId('quiz-reset').click();
    await expect(page.getByTestId('quiz-score')).toContainText('none answered yet');
    await expect(page.locator('.quiz-choice.correct, .quiz-choice.incorrect')).toHaveCount(0);
    await page.reload();
    await hydrated(page.locator('.quiz-question').first());
    await expect(page.locator('.quiz-question[data-state="open"]')).toHaveCount(4);
  });
});

test('progress counts first-try answers and demos run, and a chapter is done only when its quiz is', async ({ page }) => {
  await page.goto(CH1);
  // Opening a chapter is not progress.
  await page.goto('/');
  const row = page.getByTestId('progress-what-is-regularization');
  await expect(row).toContainText('0 of 4 right at the first try');
  await expect(row).toContainText('0 of 2 demos run'); // the overfitting and the digits demos
  await expect(row).toHaveAttribute('data-done', 'false');
  await expect(page.getByTestId('progress-text')).toContainText('0 of 5 chapters done');

  await page.goto(CH1);
  const demo = page.locator('.demo[data-demo="overfitting"]');
  await hydrated(demo);
  await demo.getByTestId('step').click();
  await expect(demo.getByTestId('epoch')).toHaveText('1');
  // Answer every question: the first wrong once, the rest right at once.
  const answers = [1, 1, 2, 2];
  const questions = page.locator('.quiz-question');
  await hydrated(questions.first());
  for (const [i, right] of answers.entries()) {
    const q = questions.nth(i);
    if (i === 0) {
      await q.locator('label.quiz-choice').nth(0).click();
      await q.getByRole('button', { name: 'Check answer' }).click();
      await expect(q.getByTestId('quiz-feedback')).toContainText('Not quite.');
    }
    await q.locator('label.quiz-choice').nth(right).click();
    await q.getByRole('button', { name: 'Check answer' }).click();
    await expect(q.getByTestId('quiz-feedback')).toContainText('Correct.');
  }
  await expect(page.getByTestId('quiz-score')).toContainText('Right at the first try: 3 of 4. Quiz complete.');
  await expect(page.locator('#sidebar a[data-chapter="what-is-regularization"] .done-mark')).toBeVisible();

  await page.goto('/');
  await expect(row).toContainText('3 of 4 right at the first try');
  await expect(row).toContainText('1 of 2 demos run');
  await expect(row).toContainText('done');
  await expect(row).toHaveAttribute('data-done', 'true');
  await expect(page.getByTestId('progress-text')).toContainText('1 of 5 chapters done');
  await expect(page.getByTestId('progress-text')).toContainText('Continue with “Dropout”');
  await expect(page.getByTestId('progress-dropout')).toHaveAttribute('data-done', 'false');
});
