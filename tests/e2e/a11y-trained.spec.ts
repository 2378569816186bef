import type { Page } from '@playwright/test';
import { axe, builtPages, expect, hydrated, test } from './fixtures';

// axe on every chapter before and after its demos have trained (filled grids, charts, tables and
// messages only exist after training). label-content-name-mismatch is one of axe's experimental
// rules, so it is turned on by name: a button's accessible name must contain its visible text.
const chapters = builtPages().filter((p) => p.startsWith('/chapters/'));

async function seriousProblems(page: Page): Promise<string[]> {
  const results = await (await axe(page)).options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

/**
 * Trains every demo on the page a little: one step (an epoch, a batch or a grid round) each, so its
 * charts, tables and messages are filled. Demos that train by themselves (early stopping's runs)
 * get a few seconds to finish; whatever still runs is then paused.
 */
async function trainEveryDemo(page: Page): Promise<void> {
  for (const demo of await page.locator('section.demo').all()) {
    await hydrated(demo);
    for (const step of await demo.locator('button[data-testid$="step"]:visible').all()) {
      if (await step.isEnabled()) await step.click();
    }
  }
  const deadline = Date.now() + 10_000;
  const pauses = page.locator('section.demo [data-testid$="pause"]');
  while ((await pauses.count()) > 0 && Date.now() < deadline) await page.waitForTimeout(250);
  for (const pause of await pauses.all()) await pause.click();
  await expect(pauses).toHaveCount(0);
}

for (const path of chapters) {
  test(`${path}: no serious accessibility problem before and after its demos train`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto(path);
    for (const demo of await page.locator('section.demo').all()) await hydrated(demo);
    expect(await seriousProblems(page), 'before training').toEqual([]);
    await trainEveryDemo(page);
    expect(await seriousProblems(page), 'after training').toEqual([]);
  });
}
