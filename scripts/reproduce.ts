// "Reproduce in PyTorch / scikit-learn" from the command line: the same generator as the demos'
// buttons, for any demo's default or shared-link settings, and the engine's own lines to compare.
//
//   npm run --silent reproduce -- --list                                   the demo ids
//   npm run --silent reproduce -- DEMO [--settings QUERY] [--changes JSON] > DEMO.py
//   npm run --silent reproduce -- DEMO [--settings QUERY] [--changes JSON] --engine
//   python3 DEMO.py | npm run --silent reproduce -- DEMO [--settings QUERY] [--changes JSON] --check
//
// QUERY is a demo link's query string (`noise=0.3&lr=0.05`, `?overfitting.noise=0.3`, or the whole
// link); --changes the live changes the learner made, as the downloaded script's header lists them.
// The demos are those of the demo list (src/demos/index.ts) that write a script.

import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { EngineError } from '../src/engine/index.ts';
import { pythonScript, makeRecipe, runRecipe } from '../src/reproduce/index.ts';
import type { Change, Line, Recipe, Reproduction, RunComparison } from '../src/reproduce/index.ts';
import { compare } from './conformance.ts';
import { allReproductions } from '../src/demos/reproductions.ts';

/** Every demo's reproductions, by id (from the demo list, src/demos/index.ts). */
export async function loadReproductions(): Promise<Map<string, Reproduction>> {
  return new Map((await allReproductions()).map((r) => [r.id, r]));
}

export class UsageError extends Error {
  readonly showUsage: boolean;
  constructor(message: string, showUsage = true) {
    super(message);
    this.showUsage = showUsage;
  }
}

/**
 * A link's query (or the whole link) to this demo's settings: `key=v`, or `<id>.key=v` as the
 * demos' shareable links write them. Parameters of other demos on the same page are skipped.
 */
export function settingsFromQuery(rep: Reproduction, query: string): { settings: Record<string, string>; skipped: string[] } {
  let search = query.trim();
  const q = search.indexOf('?');
  if (q >= 0) search = search.slice(q + 1);
  search = search.replace(/#.*$/, '');
  // A Map, then own properties: a key like `__proto__` or `toString` is just an unknown setting
  // (check() says so), never the object's prototype.
  const settings = new Map<string, string>();
  const skipped: string[] = [];
  for (const [k, v] of new URLSearchParams(search)) {
    const dot = k.lastIndexOf('.');
    if (dot < 0) settings.set(k, v);
    else if (k.slice(0, dot) === (rep.instance ?? rep.id)) settings.set(k.slice(dot + 1), v);
    else skipped.push(k);
  }
  return { settings: Object.fromEntries(settings), skipped };
}

export function parseChanges(text: string): Change[] {
  try {
    return JSON.parse(text) as Change[];
  } catch {
    throw new UsageError(`--changes must be JSON like '[{"step": 300, "epoch": 100, "set": {"lr": 0.05}}]', got ${text}`);
  }
}

export type Comparison = RunComparison;

/** Script lines against the engine's: same count, same keys, numbers within rel (plus a 1e-12 floor). */
export function compareRuns(actual: Line[], expected: Line[], rel = 1e-6): Comparison {
  const problems: string[] = [];
  if (actual.length !== expected.length) problems.push(`${actual.length} lines, the engine prints ${expected.length}`);
  let worst = 0;
  for (let i = 0; i < Math.min(actual.length, expected.length); i++) {
    const strict = compare(actual[i], expected[i], { abs: 1e-12, rel });
    for (const p of strict.problems) problems.push(`line ${i + 1}: ${p}`);
    worst = Math.max(worst, compare(actual[i], expected[i], { abs: 0, rel: 1 }).worstRatio);
  }
  return { ok: problems.length === 0, lines: actual.length, worst, problems };
}

/** A recipe's own comparison (a program's, e.g. outcomes only for chaotic runs), else compareRuns. */
export function compareRecipe(recipe: Recipe, actual: Line[], expected: Line[]): Comparison {
  return 'program' in recipe && recipe.program.compare ? recipe.program.compare(actual, expected, recipe) : compareRuns(actual, expected);
}

function parseLines(text: string, what: string): Line[] {
  return text.split('\n').filter((l) => l.trim() !== '').map((l, i) => {
    try {
      return JSON.parse(l) as Line;
    } catch {
      throw new UsageError(`${what}, line ${i + 1} is not JSON: ${l.slice(0, 80)}`);
    }
  });
}

interface Args { list: boolean; demo?: string; settings?: string; changes?: string; mode: 'script' | 'engine' | 'check' }

function parseArgs(argv: string[]): Args {
  const a: Args = { list: false, mode: 'script' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--list') a.list = true;
    else if (arg === '--engine') a.mode = 'engine';
    else if (arg === '--check') a.mode = 'check';
    else if (arg === '--settings') a.settings = value();
    else if (arg.startsWith('--settings=')) a.settings = arg.slice(11);
    else if (arg === '--changes') a.changes = value();
    else if (arg.startsWith('--changes=')) a.changes = arg.slice(10);
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (a.demo === undefined) a.demo = arg;
    else throw new UsageError(`one demo at a time (got ${a.demo} and ${arg})`);
  }
  return a;
}

const USAGE = `usage:
  npm run --silent reproduce -- --list
  npm run --silent reproduce -- DEMO [--settings QUERY] [--changes JSON] > DEMO.py
  npm run --silent reproduce -- DEMO [--settings QUERY] [--changes JSON] --engine
  python3 DEMO.py | npm run --silent reproduce -- DEMO [--settings QUERY] [--changes JSON] --check
`;

/** The recipe for the command line's demo, settings and changes. */
export function recipeFor(rep: Reproduction, settings?: string, changes?: string): { recipe: Recipe; skipped: string[] } {
  const s = settings ? settingsFromQuery(rep, settings) : { settings: {}, skipped: [] };
  try {
    return { recipe: makeRecipe(rep, { settings: s.settings, changes: changes ? parseChanges(changes) : [] }), skipped: s.skipped };
  } catch (e) {
    if (e instanceof EngineError) throw new UsageError(`${rep.id}: ${e.message}`, false);
    throw e;
  }
}

export async function main(argv: string[], io = { out: (s: string) => process.stdout.write(s), err: (s: string) => process.stderr.write(s), stdin: () => readFileSync(0, 'utf8') }): Promise<number> {
  try {
    const args = parseArgs(argv);
    const reps = await loadReproductions();
    if (args.list) {
      for (const r of reps.values()) io.out(`${r.id}\t${r.library}\t${r.title} (${r.chapter.page ? `page /${r.chapter.page}` : `chapter "${r.chapter.title}"`})\n`);
      return 0;
    }
    if (!args.demo) throw new UsageError('which demo? (--list shows them)');
    const rep = reps.get(args.demo);
    if (!rep) throw new UsageError(`unknown demo "${args.demo}"; the demos are: ${[...reps.keys()].join(', ')}`);
    const { recipe, skipped } = recipeFor(rep, args.settings, args.changes);
    if (skipped.length) io.err(`note: skipped parameters of other demos: ${skipped.join(', ')}\n`);
    if (args.mode === 'script') {
      io.out(pythonScript(recipe));
      return 0;
    }
    const engine = runRecipe(recipe);
    if (args.mode === 'engine') {
      io.out(engine.map((l) => JSON.stringify(l)).join('\n') + '\n');
      return 0;
    }
    const c = compareRecipe(recipe, parseLines(io.stdin(), 'the script\'s output'), engine);
    for (const note of c.notes ?? []) io.out(`note: ${note}\n`);
    if (c.ok) {
      const except = c.notes?.length ? `, except ${c.notes.length} compared by outcome only (the notes above)` : '';
      io.out(`OK: ${c.lines} lines match the engine's within relative 1e-6${except} (worst relative difference ${c.worst.toExponential(1)}).\n`);
      return 0;
    }
    io.out(`DIFFERENT: ${c.problems.length} problem(s)\n${c.problems.slice(0, 10).map((p) => `  ${p}`).join('\n')}\n`);
    return 1;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`reproduce: ${e.message}\n${e.showUsage ? `\n${USAGE}` : ''}`);
      return 2;
    }
    throw e;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await import('./quiet-pipe.ts'); // `| head` ends it quietly
  process.exitCode = await main(process.argv.slice(2));
}
