import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every e2e test gets a page that fails the test on any console error, uncaught exception, or
 * request to another origin (the site must serve everything itself).
 */
export const test = base.extend<{ page: Page; problems: string[] }>({
  problems: async ({}, use) => {
    await use([]);
  },
  page: async ({ page, problems, baseURL }, use) => {
    const origin = new URL(baseURL!).origin;
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()} (${m.location().url})`);
    });
    page.on('pageerror', (e) => problems.push(`uncaught exception: ${e.message}`));
    page.on('request', (r) => {
      const u = r.url();
      if (u.startsWith('data:') || u.startsWith('blob:')) return;
      if (new URL(u).origin !== origin) problems.push(`request left the site: ${u}`);
    });
    await use(page);
    expect(problems, problems.join('\n')).toEqual([]);
  },
});

export { expect };

/** Every HTML page of the built site (or of another build folder), as URL paths. */
export function builtPages(folder = 'dist'): string[] {
  const dist = join(process.cwd(), folder);
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        if (name === 'pagefind' || name === '_astro') continue;
        walk(p);
      } else if (name.endsWith('.html')) {
        const rel = relative(dist, p).replace(/\\/g, '/');
        out.push('/' + rel.replace(/index\.html$/, '').replace(/\.html$/, ''));
      }
    }
  };
  walk(dist);
  return out.sort();
}

/** Waits until a canvas's pixels differ from a previous capture (or any capture when none given). */
export async function canvasData(page: Page, testId: string): Promise<string> {
  return page.getByTestId(testId).evaluate((c) => (c as HTMLCanvasElement).toDataURL());
}

/**
 * Scrolls an island's element into view and waits until it is hydrated: a demo by
 * src/demos/mount.ts (its `.demo-mount` gets data-hydrated), any other island by Astro
 * (client:visible: its astro-island loses the ssr attribute).
 */
export async function hydrated(locator: import('@playwright/test').Locator): Promise<void> {
  await locator.first().scrollIntoViewIfNeeded();
  const mount = locator.first().locator('xpath=ancestor-or-self::div[contains(concat(" ", @class, " "), " demo-mount ")][1]');
  if ((await mount.count()) > 0) await expect(mount).toHaveAttribute('data-hydrated', '');
  else await expect(locator.first().locator('xpath=ancestor::astro-island[1]')).not.toHaveAttribute('ssr', /.*/);
}

/** Sets a range input as a learner dragging it would (an input event with the new value). */
export async function setRange(locator: import('@playwright/test').Locator, value: number): Promise<void> {
  await locator.evaluate((el, v) => {
    const input = el as HTMLInputElement;
    input.value = String(v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

/**
 * Presses a demo's Step (else Train / Play) and waits until what it shows changes (its text or a
 * canvas): the island hydrated, its worker answered and it drew. False for a demo with no such
 * button (the geometry demo has nothing to train).
 */
export async function demoTrains(demo: import('@playwright/test').Locator): Promise<boolean> {
  const buttons = ['[data-testid="step"]', '[data-testid="train"]', '[data-testid="play"]', 'button[data-testid$="-step"]'];
  let button: import('@playwright/test').Locator | null = null;
  for (const b of buttons) {
    if ((await demo.locator(b).count()) > 0) {
      button = demo.locator(b).first();
      break;
    }
  }
  if (!button) return false;
  // Some demos train their first epochs on their own before Step is enabled (the patience stepper).
  await expect(button).toBeEnabled({ timeout: 30_000 });
  const look = () =>
    demo.evaluate((el) => `${(el as HTMLElement).innerText}|${[...el.querySelectorAll('canvas')].map((c) => c.toDataURL()).join('|')}`);
  const before = await look();
  await button.click();
  await expect.poll(look, { timeout: 30_000 }).not.toBe(before);
  return true;
}

/**
 * How many px the page is wider than the window. A chapter's parts are drawn only near the screen
 * (content-visibility), which also clips what overflows them, and so is an embed's demo part by part
 * in its first frames: they are drawn in full first, so anything too wide in them still widens the
 * page and is caught.
 */
export async function sidewaysOverflow(page: Page, against: 'window' | 'client' = 'window'): Promise<number> {
  return page.evaluate((against) => {
    document.querySelectorAll<HTMLElement>('.chapter-chunk, main.embed .demo > *').forEach((p) => { p.style.contentVisibility = 'visible'; });
    const root = document.documentElement;
    return root.scrollWidth - (against === 'client' ? root.clientWidth : window.innerWidth);
  }, against);
}

/**
 * axe, once the page has marked its sideways-scrolling regions focusable (src/lib/scroll-regions.ts
 * measures them in idle moments after load; a page without that script has nothing pending).
 */
export async function axe(page: Page): Promise<AxeBuilder> {
  await page.waitForFunction(() => document.documentElement.dataset.scrollRegions !== 'pending');
  return new AxeBuilder({ page });
}
