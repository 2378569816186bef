/**
 * How the pages' JavaScript is cut into files (Rolldown's `output.codeSplitting.groups`). Left to
 * itself the bundler makes a file for every set of islands sharing a module: a chapter loaded 45
 * files, many under 1 KB, each gzip'd on its own (its own header and no shared dictionary): with
 * the groups below a chapter loads 2 to 5 KB less. The modules every demo island runs on (the views, the
 * trainer hook, the demo frame and controls, the settings helpers) go into one file instead,
 * chart.js and its views into another (a demo without charts does not load it), and Preact stays
 * a file of its own, as the pages without demos (quiz, progress) use it too.
 * In no group: what the worker alone runs (the engine, the host, the runners) and what loads
 * on demand (KaTeX's renderer, the reproduction scripts).
 */
import type { Plugin } from 'vite';

const sep = String.raw`[\\/]`;
const any = (...parts: string[]) => new RegExp(parts.join('|'));
/** chart.js and the views that draw with it: only the demos with charts load them. */
const CHARTS = any(
  String.raw`node_modules${sep}(chart\.js|@kurkle)${sep}`,
  String.raw`${sep}src${sep}views${sep}(chartjs|useChart|LineChart|Histogram|ChartLegend|decimate)\.tsx?$`,
  String.raw`${sep}src${sep}demos${sep}ui${sep}(LossCurves|SeedComparison)\.tsx$`,
);
/**
 * What every demo island runs on besides: the views most demos draw with (not the mask viewer's
 * matrix and network, the digits' images or the seeds' paired dots: one or two demos each), the
 * trainer hook, the frame and controls, the settings helpers.
 */
const DEMO_KIT = any(
  String.raw`${sep}src${sep}views${sep}(?!MaskMatrix|NetworkDiagram|PixelImages|PairedDots)[^\\/]+$`,
  String.raw`${sep}src${sep}training${sep}(useTrainer|client|draw-pace|first-run|protocol)\.ts$`,
  String.raw`${sep}src${sep}demos${sep}ui${sep}(?!tex-render|tex-worker)[^\\/]+$`,
  String.raw`${sep}src${sep}demos${sep}(settings-kit|common-fields|link-params|number-text|define|lazy-list|mount|multi-seed)\.ts$`,
  String.raw`${sep}src${sep}lib${sep}(typed-json|host-events)\.ts$`,
);
const path = (id: string) => id.split('?')[0];

// A group also takes in the modules its own modules import, unless a group of higher priority took them
// first: Preact first (every island's), then the demo kit (the charts import its palette and draw
// queue), then the charts, so that no file imports one that a page may not need.
export const pageChunkGroups = [
  { name: 'preact', test: /node_modules[\\/]preact[\\/]/, priority: 30 },
  { name: 'demo-kit', test: (id: string) => DEMO_KIT.test(path(id)) && !CHARTS.test(path(id)), priority: 20 },
  { name: 'charts', test: (id: string) => CHARTS.test(path(id)), priority: 10 },
];

/**
 * V8's explicit compile hint (Chromium 136+; to any other browser a comment). A file that starts with
 * it has every function compiled on the background thread that streams the file in, not one at a
 * time on the main thread at each function's first call.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** Whether a page file gets the hint: the three group files, see `compileHints`. */
export const takesCompileHint = (chunkName: string): boolean => pageChunkGroups.some((g) => g.name === chunkName);

/**
 * Vite plugin: the hint heads the three group files, what every demo runs as it hydrates and draws
 * its first chart, nearly all of it on every load (in traces at 4x, 25-35% less main-thread
 * JavaScript on the embed pages: the mask viewer's 198 → 144 ms, the savings table's 254 → 189).
 * Files loaded on demand (KaTeX's renderer, the reproductions) and the islands' own small files
 * compile lazily, as before: much of what they hold may never run. Added last (`order: 'post'`),
 * after Vite has put its preload list at the top of a file: the hint must be the first line.
 */
export function compileHints(): Plugin {
  return {
    name: 'compile-hints',
    applyToEnvironment: (env) => env.name === 'client',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type === 'chunk' && takesCompileHint(file.name) && !file.code.startsWith(COMPILE_HINT)) file.code = `${COMPILE_HINT}\n${file.code}`;
        }
      },
    },
  };
}
