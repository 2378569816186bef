import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { builtPages, demoTrains, expect, hydrated, test } from './fixtures';
import { parseHeadersFile } from '../../src/build/security-headers';

// The built site under its own strict Content Security Policy, sent as a response header (as a
// host reading dist/_headers sends it) on top of the page's <meta http-equiv>: every page loads,
// every chapter's demos hydrate and train, search runs, and no violation is reported.
const headers = parseHeadersFile(readFileSync(join(process.cwd(), 'dist/_headers'), 'utf8'));

async function underPolicy(page: Page): Promise<() => Promise<string[]>> {
  await page.route('**/*', async (route) => {
    const req = route.request();
    if (req.resourceType() !== 'document') return route.continue();
    // Served from dist/ as a static host would, with the page's policy from _headers.
    const path = decodeURIComponent(new URL(req.url()).pathname);
    const policy = headers.get(path)?.['content-security-policy'];
    const file = join(process.cwd(), 'dist', path.endsWith('/') ? `${path}index.html` : `${path}.html`);
    await route.fulfill({ path: file, contentType: 'text/html; charset=utf-8', headers: policy ? { 'content-security-policy': policy } : {} });
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

test('every built page has a policy in _headers that allows no inline script but hashed ones', () => {
  for (const path of builtPages()) {
    const policy = headers.get(path)?.['content-security-policy'];
    expect(policy, path).toBeTruthy();
    expect(policy).toMatch(/script-src 'self'( 'wasm-unsafe-eval')?( 'sha256-[^']+')*;/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).not.toMatch(/style-src [^;]*'unsafe-inline'/);
  }
});

const chapters = builtPages().filter((p) => p.startsWith('/chapters/'));

for (const path of chapters) {
  test(`under the policy as a header, ${path}: every demo hydrates and trains, no violation`, async ({ page }) => {
    test.setTimeout(180_000);
    const violations = await underPolicy(page);
    const res = await page.goto(path);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    const demos = page.locator('section[data-demo]');
    const count = await demos.count();
    expect(count).toBeGreaterThan(0);
    let trained = 0;
    for (let i = 0; i < count; i++) {
      const demo = demos.nth(i);
      await hydrated(demo);
      if (await demoTrains(demo)) trained++;
    }
    expect(trained).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
  });
}

test('under the policy as a header, the other pages load, search runs, and no violation', async ({ page }) => {
  test.setTimeout(180_000);
  const violations = await underPolicy(page);
  for (const path of builtPages().filter((p) => !p.startsWith('/chapters/'))) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(await violations(), path).toEqual([]);
  }
  await page.goto('/search/?q=dropout');
  await expect(page.locator('.pagefind-ui__result-link').first()).toBeVisible();
  expect(await violations()).toEqual([]);
});

test('without JavaScript, each demo says it needs JavaScript and shows no dead buttons', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const path of chapters) {
    await page.goto(path);
    const demos = page.locator('section[data-demo]');
    const n = await demos.count();
    for (let i = 0; i < n; i++) {
      // (Playwright's text matching skips <noscript>, so the element is located by tag.)
      const note = demos.nth(i).locator('noscript > p');
      // Scrolled to, as a reader would: a chapter's parts below the screen are not rendered yet
      // (content-visibility), and their text reads as empty until they are (the next frame).
      await demos.nth(i).scrollIntoViewIfNeeded();
      await expect(note).toBeVisible();
      await expect(note).toContainText('This demo needs JavaScript', { useInnerText: true });
      await expect(demos.nth(i).locator('button:visible')).toHaveCount(0);
    }
  }
  await context.close();
});
