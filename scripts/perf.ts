/**
 * npm run perf [-- flags]: how smooth the built course is on a slow device. A benchmark, not a
 * test: it reports and never fails on timing.
 *
 * Builds the site (or takes dist/ as it is with --no-build), serves dist/ itself, and opens every
 * chapter and every embed page in Chromium with the CPU slowed down (DevTools CPU throttling,
 * --throttle 4 by default). On each page it scrolls down to the end a screen at a time, as a
 * learner reads, until every island has hydrated, then presses every demo's start button (▶ Train / ▶ Play) and watches a window of
 * training. Per page it prints:
 *   fps        requestAnimationFrame callbacks per second during the window
 *   long       main-thread tasks over 50 ms during the window (PerformanceObserver 'longtask')
 *   max        the longest of them, ms
 *   LCP        largest contentful paint, ms after navigation, as of the load (before the probe scrolls)
 *   load max   the longest main-thread task from navigation until every island had hydrated, ms
 *   load frame the longest animation frame in that span (PerformanceObserver 'long-animation-frame':
 *              a frame's tasks and its style, layout and paint together), ms
 *   JS         gzip -9 of the JavaScript the page had loaded once its islands hydrated, before
 *              any demo started (KB), and of that, what the training workers loaded (their entry and the demo's runner code)
 *   HTML       gzip -9 of the page itself (KB): it carries the demos' first runs, computed at build time
 *
 * Flags: --throttle N, --window SECONDS (default 6), --pages a,b (substrings of the page paths),
 * --json, --no-build (take dist/ as it is), --dist DIR (serve another build), --width PX (default 1280), --height PX (default 800),
 * --runs N (load each page N times and report each number's median: one load's timings vary by
 * tens of ms on a busy machine), --trace DIR (a Chromium performance trace per page, for
 * chrome://tracing or DevTools; with --runs, of the last load).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
let dist = join(root, 'dist');

interface Options {
  throttle: number;
  windowS: number;
  pages: string[];
  json: boolean;
  build: boolean;
  width: number;
  height: number;
  trace: string | null;
  dist: string | null;
  runs: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { throttle: 4, windowS: 6, pages: [], json: false, build: true, width: 1280, height: 800, trace: null, dist: null, runs: 1 };
  const num = (flag: string, v: string | undefined, min: number) => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n) || n < min) fail(`${flag} needs a number >= ${min}, got ${v ?? 'nothing'}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--throttle') o.throttle = num(a, argv[++i], 1);
    else if (a === '--window') o.windowS = num(a, argv[++i], 0.5);
    else if (a === '--width') o.width = num(a, argv[++i], 200);
    else if (a === '--height') o.height = num(a, argv[++i], 200);
    else if (a === '--pages') o.pages = (argv[++i] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    else if (a === '--json') o.json = true;
    else if (a === '--no-build') o.build = false;
    else if (a === '--dist') {
      o.dist = resolve(argv[++i] ?? fail('--dist needs a directory'));
      o.build = false;
    }
    else if (a === '--runs') o.runs = Math.round(num(a, argv[++i], 1));
    else if (a === '--trace') o.trace = resolve(argv[++i] ?? fail('--trace needs a directory'));
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run perf -- [--throttle N] [--window S] [--pages a,b] [--json] [--no-build | --dist DIR] [--width PX] [--height PX] [--runs N] [--trace DIR]');
      process.exit(0);
    } else fail(`unknown flag ${a} (try --help)`);
  }
  return o;
}

function fail(message: string): never {
  console.error(`perf: ${message}`);
  process.exit(2);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff',
  '.ttf': 'font/ttf', '.wasm': 'application/wasm', '.txt': 'text/plain', '.xml': 'application/xml', '.mdx': 'text/plain',
};

/** A static server for dist/: files as they are, a folder's index.html, 404.html otherwise. */
function serve(dir: string): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = existsSync(file) && statSync(file).isFile();
    if (!found) file = join(dir, '404.html');
    res.writeHead(found ? 200 : 404, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    ok({ server, base: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}` });
  }));
}

/** Every chapter and every embed page in dist/. */
function pagePaths(): string[] {
  const sub = (d: string) => readdirSync(join(dist, d)).filter((n) => existsSync(join(dist, d, n, 'index.html'))).sort().map((n) => `/${d}/${n}/`);
  return [...sub('chapters'), ...sub('embed')];
}

/** What the probe collects in the page: long tasks, long animation frames (ms since navigation), LCP, frame times. */
type ProbeData = { longtasks: Span[]; loafs: Span[]; lcp: number; frames: number[] };
type Span = { start: number; duration: number };

// Installed before any page script: the long-task, long-frame and LCP observers, and a frame counter.
const PROBE = () => {
  const w = window as unknown as { __perf: ProbeData };
  w.__perf = { longtasks: [], loafs: [], lcp: 0, frames: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__perf.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // A frame's tasks and its rendering together (Long Animation Frames, Chromium 123+).
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__perf.loafs.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'long-animation-frame', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__perf.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const tick = (t: number) => {
    w.__perf.frames.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

interface Result {
  page: string;
  fps: number;
  longTasks: number;
  longestTask: number;
  lcp: number;
  loadLongestTask: number;
  /** The longest animation frame (its tasks and its rendering) in the same span, ms. */
  loadLongestFrame: number;
  jsGzipKB: number;
  workerJsGzipKB: number;
  /** The page's own HTML, gzip -9'd (it holds the demos' first runs: see src/training/first-run.ts). */
  htmlGzipKB: number;
  demosStarted: number;
  /** Each JavaScript file loaded, gzip'd KB (largest first): where the weight is. */
  scripts: { file: string; kb: number }[];
}

async function measure(page: Page, base: string, path: string, o: Options, tracePath: string | null): Promise<Result> {
  const scripts = new Map<string, Promise<Buffer | null>>();
  const workerScripts = new Set<string>();
  page.on('response', (r) => {
    const type = r.headers()['content-type'] ?? '';
    if (!type.includes('javascript') || scripts.has(r.url())) return;
    scripts.set(r.url(), r.body().catch(() => null));
  });
  // A worker's scripts: its entry, and what a worker script imports (its referer).
  page.on('worker', (w) => workerScripts.add(w.url()));
  page.on('request', (r) => {
    const from = r.headers()['referer'];
    if (from && workerScripts.has(from)) workerScripts.add(r.url());
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: o.throttle });
  if (tracePath) await page.context().browser()!.startTracing(page, {
    path: tracePath, screenshots: false,
    // The timeline DevTools shows, with JavaScript samples (call stacks of the long tasks).
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing', 'loading', 'latencyInfo'],
  });

  const response = await page.goto(base + path, { waitUntil: 'load' });
  const html = (await response?.body().catch(() => null)) ?? null;
  // LCP as a learner gets it: a browser stops looking for it at the first scroll, so it is read
  // before the probe scrolls (later, every demo drawn as it comes into view would count).
  await page.waitForTimeout(250);
  const lcp = await page.evaluate(() => (window as unknown as { __perf: { lcp: number } }).__perf.lcp);
  // Islands hydrate when seen (Astro's client:visible islands, the demos' .demo-mount). The probe
  // reads the page as a learner does, scrolling down most of a screen at a time to the end, so each
  // part of the page is drawn as it comes into view (asking where every island is at once would make
  // the browser lay out the parts a learner has not reached, work a learner's browser never does).
  for (let step = 0; step < 400; step++) {
    const atEnd = await page.evaluate(() => {
      const top = document.scrollingElement!.scrollTop;
      window.scrollBy({ top: Math.round(innerHeight * 0.8), behavior: 'instant' });
      return document.scrollingElement!.scrollTop === top;
    });
    await page.waitForTimeout(150);
    if (atEnd) break;
  }
  // Then any island still waiting (one that came into view only in passing) is brought into view.
  for (let round = 0; round < 200; round++) {
    // Only islands that can be seen: a hidden one (an embed page's quiz, when not asked for) never hydrates.
    const left = page.locator('astro-island[ssr], .demo-mount:not([data-hydrated])').filter({ visible: true });
    if ((await left.count()) === 0) break;
    await left.first().scrollIntoViewIfNeeded({ timeout: 2000 }).catch(() => {});
    await page.waitForTimeout(100);
  }
  await page.waitForLoadState('networkidle');
  const hydratedAt = await page.evaluate(() => performance.now());
  // The page's weight: what it loaded up to here (a demo started later may load more, e.g. KaTeX for a live equation).
  const loadedAtHydration = new Map(scripts);

  // Every demo's start button, pressed once; then the window of training.
  const started = await page.evaluate(() => {
    let n = 0;
    for (const b of document.querySelectorAll<HTMLButtonElement>('button')) {
      if (!b.disabled && /^▶/.test(b.textContent?.trim() ?? '')) {
        b.click();
        n++;
      }
    }
    return n;
  });
  await page.waitForTimeout(500);
  const from = await page.evaluate(() => performance.now());
  await page.waitForTimeout(o.windowS * 1000);
  const to = await page.evaluate(() => performance.now());
  if (tracePath) await page.context().browser()!.stopTracing();

  const perf = await page.evaluate(() => (window as unknown as { __perf: ProbeData }).__perf);
  const frames = perf.frames.filter((t) => t >= from && t < to).length;
  const during = perf.longtasks.filter((t) => t.start + t.duration > from && t.start < to);
  const atLoad = perf.longtasks.filter((t) => t.start < hydratedAt);
  let js = 0;
  let workerJs = 0;
  const files: { file: string; kb: number }[] = [];
  for (const [url, body] of loadedAtHydration) {
    const b = await body;
    if (!b) continue;
    const kb = gzipSync(b, { level: 9 }).length / 1024;
    js += kb;
    files.push({ file: new URL(url).pathname, kb: Math.round(kb * 10) / 10 });
    if (workerScripts.has(url)) workerJs += kb;
  }
  return {
    page: path,
    fps: frames / ((to - from) / 1000),
    longTasks: during.length,
    longestTask: Math.max(0, ...during.map((t) => t.duration)),
    lcp,
    loadLongestTask: Math.max(0, ...atLoad.map((t) => t.duration)),
    loadLongestFrame: Math.max(0, ...perf.loafs.filter((f) => f.start < hydratedAt).map((f) => f.duration)),
    jsGzipKB: js,
    workerJsGzipKB: workerJs,
    htmlGzipKB: html ? gzipSync(html, { level: 9 }).length / 1024 : 0,
    demosStarted: started,
    scripts: files.sort((a, b) => b.kb - a.kb),
  };
}

function table(results: Result[], o: Options): string {
  const head = ['page', 'demos', 'fps', 'tasks > 50 ms', 'longest ms', 'LCP ms', 'load longest ms', 'load frame ms', 'JS KB gz', 'of it worker', 'HTML KB gz'];
  const rows = results.map((r) => [
    r.page, String(r.demosStarted), r.fps.toFixed(1), String(r.longTasks), r.longestTask.toFixed(0), r.lcp.toFixed(0),
    r.loadLongestTask.toFixed(0), r.loadLongestFrame.toFixed(0), r.jsGzipKB.toFixed(1), r.workerJsGzipKB.toFixed(1), r.htmlGzipKB.toFixed(1),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [
    `CPU throttled ${o.throttle}x, ${o.windowS} s window of training, viewport ${o.width}x${o.height}${o.runs > 1 ? `, median of ${o.runs} loads` : ''}`,
    line(head),
    `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : '-'.repeat(w - 1) + ':')).join(' | ')} |`,
    ...rows.map(line),
  ].join('\n');
}

/** Each number's median over the loads of one page (the scripts' list from the last load). */
function medianResult(runs: Result[]): Result {
  const median = (pick: (r: Result) => number) => {
    const v = runs.map(pick).sort((a, b) => a - b);
    const m = v.length >> 1;
    return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
  };
  const last = runs[runs.length - 1];
  return {
    ...last,
    fps: median((r) => r.fps), longTasks: median((r) => r.longTasks), longestTask: median((r) => r.longestTask),
    lcp: median((r) => r.lcp), loadLongestTask: median((r) => r.loadLongestTask),
    loadLongestFrame: median((r) => r.loadLongestFrame),
    jsGzipKB: median((r) => r.jsGzipKB), workerJsGzipKB: median((r) => r.workerJsGzipKB),
  };
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.build) {
    const b = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', o.json ? 'ignore' : 'inherit', 'inherit'] });
    if (b.status !== 0) fail('the build failed');
  }
  if (o.dist) dist = o.dist;
  if (!existsSync(join(dist, 'index.html'))) fail('no dist/: run without --no-build, or npm run build first');
  const paths = pagePaths().filter((p) => o.pages.length === 0 || o.pages.some((f) => p.includes(f)));
  if (paths.length === 0) fail(`no page matches --pages ${o.pages.join(',')}`);
  if (o.trace) mkdirSync(o.trace, { recursive: true });

  const { server, base } = await serve(dist);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // The same flags as playwright.config.ts.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const results: Result[] = [];
  try {
    for (const path of paths) {
      const runs: Result[] = [];
      for (let run = 0; run < o.runs; run++) {
        // A fresh context each load: nothing cached, as a learner's first visit.
        const context = await browser.newContext({ viewport: { width: o.width, height: o.height } });
        await context.addInitScript(PROBE);
        const page = await context.newPage();
        const trace = o.trace && run === o.runs - 1 ? join(o.trace, `${path.replace(/^\/|\/$/g, '').replace(/\//g, '_')}.json`) : null;
        try {
          runs.push(await measure(page, base, path, o, trace));
        } finally {
          await context.close();
        }
      }
      const r = medianResult(runs);
      results.push(r);
      if (!o.json) console.error(`${path}: ${r.fps.toFixed(1)} fps, ${r.longTasks} long tasks (longest ${r.longestTask.toFixed(0)} ms), ${r.jsGzipKB.toFixed(1)} KB JS`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  if (o.json) console.log(JSON.stringify({ throttle: o.throttle, windowS: o.windowS, viewport: [o.width, o.height], results }, null, 2));
  else console.log(`\n${table(results, o)}`);
}

await main();
