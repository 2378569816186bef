import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-dev-shm-usage'] });
const url = process.argv[2], out = process.argv[3], w = Number(process.argv[4] ?? 1280), train = process.argv[5];
const p = await b.newPage({ viewport: { width: w, height: 900 } });
p.on('console', (m) => { if (m.type() === 'error') console.log('CONSOLE', m.text()); });
p.on('pageerror', (e) => console.log('PAGEERR', e.message));
await p.goto(url);
await p.locator('.demo-mount').first().scrollIntoViewIfNeeded();
await p.waitForTimeout(1500);
if (train) { await p.getByRole('button', { name: /Train/ }).first().click(); await p.waitForTimeout(Number(train)); }
console.log('scrollWidth', await p.evaluate(() => document.documentElement.scrollWidth));
await p.screenshot({ path: out, fullPage: true });
await b.close();
