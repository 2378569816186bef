import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const errors = [];
for (const [w, h] of [[1280, 900], [390, 844]]) {
  const page = await b.newPage({ viewport: { width: w, height: h } });
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  const workers = [];
  page.on('worker', (wk) => workers.push(wk.url()));
  for (const [path, ids] of [['/chapters/early-stopping/', ['early-stopping', 'early-stopping-savings']], ['/chapters/what-is-regularization/', ['overfitting', 'digits']], ['/chapters/l1-l2/', ['regularization-path']]]) {
    await page.goto('http://localhost:4600' + path);
    for (const id of ids) {
      const demo = page.locator(`[data-demo="${id}"]`);
      await demo.scrollIntoViewIfNeeded();
      await page.waitForSelector(`[data-mount-demo="${id}"][data-hydrated]`);
      await page.waitForTimeout(1200);
      await demo.screenshot({ path: `/tmp/shot-${w}-${id}.png` });
    }
  }
  console.log(w, 'workers started while reading:', workers.length);
  await page.close();
}
console.log('errors', errors);
await b.close();
