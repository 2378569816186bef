import type { Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axe, builtPages, expect, hydrated, test, sidewaysOverflow } from './fixtures';

const pages = builtPages();

test('the built site has the home page, the glossary, search and every chapter', () => {
  expect(pages).toContain('/');
  expect(pages).toContain('/glossary/');
  expect(pages).toContain('/search/');
  expect(pages.filter((p) => p.startsWith('/chapters/')).length).toBeGreaterThanOrEqual(1);
});

for (const path of pages) {
  test(`page ${path} loads with no console error, no outside request and no serious accessibility problem`, async ({ page }) => {
    const res = await page.goto(path);
    expect(res?.status() ?? 200).toBeLessThan(path === '/404' ? 500 : 400);
    await expect(page.locator('h1').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    const results = await (await axe(page)).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)).toEqual([]);
  });
}

test('internal links all lead to pages that exist', async ({ page, request }) => {
  const seen = new Set<string>();
  for (const path of pages) {
    await page.goto(path);
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const h of hrefs) {
      const u = new URL(h);
      if (u.origin !== new URL(page.url()).origin) continue;
      u.hash = '';
      u.search = '';
      seen.add(u.pathname);
    }
  }
  for (const p of seen) {
    const res = await request.get(p);
    expect(res.status(), `link to ${p}`).toBe(200);
  }
});

test('the home page lists the chapters in order with their objectives', async ({ page }) => {
  await page.goto('/');
  const titles = page.locator('.chapter-card h2');
  await expect(titles.first()).toContainText('What is regularization');
  await expect(page.locator('.chapter-card ul li').first()).toBeVisible();
  await expect(page.getByTestId('progress-text')).toContainText('0 of');
});

test('equations are rendered to KaTeX HTML at build time', async ({ page }) => {
  await page.goto('/chapters/what-is-regularization/');
  await expect(page.locator('.katex-display').first()).toBeVisible();
  expect(await page.locator('.katex').count()).toBeGreaterThan(3);
  // No raw TeX left in the text.
  expect(await page.locator('article').innerText()).not.toContain('$$');
});

test('the theme follows the system and can be switched', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: /switch to light theme/i }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('search finds a chapter by a word in its text', async ({ page }) => {
  await page.goto('/search/?q=memorise');
  const result = page.locator('.pagefind-ui__result-link').first();
  await expect(result).toBeVisible();
  await expect(page.locator('.pagefind-ui__result-link', { hasText: 'What is regularization' }).first()).toBeVisible();
});

test('the header search box leads to results', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Search the course' }).fill('overfitting');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/search\/\?q=overfitting/);
  await expect(page.locator('.pagefind-ui__result-link').first()).toBeVisible();
});

test('the quiz gives feedback, is keyboard operable and counts in progress', async ({ page }) => {
  await page.goto('/chapters/what-is-regularization/');
  const q = page.locator('.quiz-question').first();
  await hydrated(q);
  // Keyboard: focus the first radio, arrow to the second choice, then check.
  await q.locator('input[type=radio]').first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(q.locator('input[type=radio]').nth(1)).toBeChecked();
  await q.getByRole('button', { name: 'Check answer' }).focus();
  await page.keyboard.press('Enter');
  await expect(q.getByTestId('quiz-feedback')).toContainText('Correct.');
  // A wrong answer on the next question is explained too.
  const q2 = page.locator('.quiz-question').nth(1);
  await q2.locator('label.quiz-choice').first().click();
  await q2.getByRole('button', { name: 'Check answer' }).click();
  await expect(q2.getByTestId('quiz-feedback')).toContainText('Not quite.');
  await expect(page.getByTestId('quiz-score')).toContainText('Right at the first try: 1 of 4');
  await page.goto('/');
  await expect(page.getByTestId('progress-what-is-regularization')).toContainText('1 of 4 right at the first try');
  await expect(page.getByTestId('progress-what-is-regularization')).toHaveAttribute('data-done', 'false');
});

test('the layout works on a phone: the menu opens the chapter list', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/chapters/what-is-regularization/');
  const menu = page.getByRole('button', { name: /open the course menu/i });
  await expect(menu).toBeVisible();
  await expect(page.locator('#sidebar')).toBeHidden();
  await menu.click();
  await expect(page.locator('#sidebar')).toBeVisible();
  const overflow = await sidewaysOverflow(page);
  expect(overflow).toBeLessThanOrEqual(1);
});

test('a chapter ships no <select> and no text field: each is a stand-in of the same size until its demo hydrates', async ({ page, request, browser, baseURL }) => {
  // A <select> or a text field in the page's HTML makes Chromium's autofill lay out each chapter piece
  // holding one at DOMContentLoaded, in one long task (src/demos/ui/Select.tsx, NumberInput.tsx).
  for (const path of pages.filter((p) => p.startsWith('/chapters/'))) {
    const html = await (await request.get(path)).text();
    expect(html, path).not.toContain('<select');
    expect(html, path).not.toMatch(/<input(?![^>]*type="(range|checkbox|radio|search)")[^>]*>/);
  }
  // The early-stopping stepper's min_delta: the stand-in, then the field in the same box, which takes typing.
  const numberBox = async (p: import('@playwright/test').Page) => {
    const field = p.locator('#early-stopping .number-field').first();
    await field.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    return (await field.boundingBox())!;
  };
  const held = await browser.newContext({ viewport: page.viewportSize()! });
  const beforeField = await held.newPage();
  await beforeField.route(/\/_astro\/.*\.js$/, (r) => r.abort());
  await beforeField.goto(new URL('/chapters/early-stopping/', baseURL).href);
  await expect(beforeField.locator('#early-stopping .number-stand-in').first()).toHaveText('0');
  const numberStandIn = await numberBox(beforeField);
  await held.close();
  await page.goto('/chapters/early-stopping/');
  const minDelta = page.getByTestId('early-stopping-min_delta-input');
  await hydrated(page.locator('#early-stopping'));
  await expect(minDelta).toHaveValue('0');
  const numberReal = await numberBox(page);
  for (const k of ['x', 'width', 'height'] as const) expect(Math.abs(numberReal[k] - numberStandIn[k]), k).toBeLessThan(0.5);
  await minDelta.fill('0.01');
  await expect(minDelta).toHaveValue('0.01');

  const path = '/chapters/batch-normalization/';
  const fieldBox = async (p: import('@playwright/test').Page) => {
    const wrap = p.locator('#bn-histogram .select').first();
    await wrap.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    return (await wrap.locator('.select-field').boundingBox())!;
  };
  // The stand-in, as a learner sees it before the demo's code has arrived.
  const context = await browser.newContext({ viewport: page.viewportSize()! });
  const before = await context.newPage();
  await before.route(/\/_astro\/.*\.js$/, (r) => r.abort());
  await before.goto(new URL(path, baseURL).href);
  await expect(before.locator('#bn-histogram .select-stand-in').first()).toContainText('relu');
  const standIn = await fieldBox(before);
  await context.close();

  await page.goto(path);
  const select = page.locator('#bn-histogram select').first();
  await hydrated(page.locator('#bn-histogram'));
  await expect(select).toHaveValue('relu');
  const real = await fieldBox(page);
  expect(Math.abs(real.width - standIn.width)).toBeLessThan(1.5);
  expect(Math.abs(real.height - standIn.height)).toBeLessThan(0.5);
  expect(Math.abs(real.x - standIn.x)).toBeLessThan(0.5);
  await select.selectOption('tanh');
  await expect(select).toHaveValue('tanh');
});

test('the page files every demo runs at load start with V8\'s compile hint, and no other file does', () => {
  // src/build/chunk-groups.ts (compileHints): compiled as they stream in, not at each function's first call.
  const dir = join(process.cwd(), 'dist', '_astro');
  const hinted = readdirSync(dir).filter((f) => f.endsWith('.js') && readFileSync(join(dir, f), 'utf8').includes('//# allFunctionsCalledOnLoad'));
  expect(hinted.map((f) => f.split('.')[0]).sort()).toEqual(['charts', 'demo-kit', 'preact']);
  for (const f of hinted) expect(readFileSync(join(dir, f), 'utf8').startsWith('//# allFunctionsCalledOnLoad\n'), f).toBe(true);
});

/** Records, from the page's first script on, which pieces (public/theme-init.js) are let through in which frame. */
async function recordStaging(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __frame: number; __drawn: { index: number; frame: number }[]; __stagedAtFirstFrame: boolean | null };
    const PIECES = '.chapter-chunk, main.embed .demo > *';
    w.__frame = 0;
    w.__drawn = [];
    w.__stagedAtFirstFrame = null;
    requestAnimationFrame(function tick() {
      if (w.__stagedAtFirstFrame === null) w.__stagedAtFirstFrame = document.documentElement.classList.contains('cv-staged');
      w.__frame++;
      requestAnimationFrame(tick);
    });
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target as Element;
        if (el.matches(PIECES) && el.classList.contains('cv-drawn') && !(r.oldValue ?? '').includes('cv-drawn')) {
          w.__drawn.push({ index: [...document.querySelectorAll(PIECES)].indexOf(el), frame: w.__frame });
        }
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['class'], attributeOldValue: true });
  });
}

async function stagingOf(page: Page) {
  await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('cv-staged'))).toBe(false);
  return page.evaluate(() => {
    const w = window as unknown as { __drawn: { index: number; frame: number }[]; __stagedAtFirstFrame: boolean };
    // The pieces within half a screen of it, where content-visibility: auto draws.
    const near = [...document.querySelectorAll('.chapter-chunk')].flatMap((el, i) => {
      const r = el.getBoundingClientRect();
      return r.bottom > -innerHeight / 2 && r.top < innerHeight * 1.5 ? [i] : [];
    });
    const parts = [...document.querySelectorAll('main.embed .demo > *')].flatMap((el, i) => (el.tagName === 'NOSCRIPT' ? [] : [i]));
    return { drawn: w.__drawn, stagedAtFirstFrame: w.__stagedAtFirstFrame, near, parts };
  });
}

test("a chapter's pieces near the screen are drawn one per frame after the top of the page, in page order", async ({ page }) => {
  await recordStaging(page);
  await page.setViewportSize({ width: 1280, height: 1600 }); // tall enough for several pieces
  for (const path of ['/chapters/early-stopping/', '/chapters/batch-normalization/']) {
    await page.goto(path);
    const { drawn, stagedAtFirstFrame, near } = await stagingOf(page);
    expect(stagedAtFirstFrame, path).toBe(true);
    expect(near.length, path).toBeGreaterThan(1);
    // From the top, in page order, each near piece once (a piece's drawn height may move the last
    // one in or out of the margin, so the end's near list may be one shorter).
    expect(drawn.map((d) => d.index), path).toEqual(drawn.map((_, i) => i));
    for (const i of near) expect(drawn.map((d) => d.index), `${path}: piece ${i}`).toContain(i);
    expect(drawn.length, path).toBeLessThanOrEqual(near.length + 1);
    for (let i = 1; i < drawn.length; i++) expect(drawn[i].frame, `${path}: piece ${drawn[i].index}`).toBeGreaterThan(drawn[i - 1].frame);
  }
  // An address naming a place: nothing held back, so the browser scrolls straight to it.
  await page.goto('/chapters/early-stopping/#main');
  expect(await page.evaluate(() => (window as unknown as { __stagedAtFirstFrame: boolean | null }).__stagedAtFirstFrame)).toBe(false);
});

test("an embed page's demo is drawn part by part, one per frame, top to bottom, all of it", async ({ page }) => {
  await recordStaging(page);
  for (const path of ['/embed/early-stopping-demo/', '/embed/dropout-mask-demo/']) {
    await page.goto(path);
    const { drawn, stagedAtFirstFrame, parts } = await stagingOf(page);
    expect(stagedAtFirstFrame, path).toBe(true);
    expect(parts.length, path).toBeGreaterThan(5);
    // Every part (but the <noscript>), even those far below the window (an iframe may be any height).
    expect(drawn.map((d) => d.index), path).toEqual(parts);
    for (let i = 1; i < drawn.length; i++) expect(drawn[i].frame, `${path}: part ${i}`).toBeGreaterThan(drawn[i - 1].frame);
    await hydrated(page.locator('.demo-mount'));
  }
});
