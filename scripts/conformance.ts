// Conformance runner: computes every case of a regularization-conformance/1 file with the engine
// and compares with the expected values (see tests/conformance/README.md).
//
//   npm run --silent conformance -- --json FILE.json   -> {"results":[{"id", "actual"} | {"id", "error"}]}
//   npm run conformance -- FILE.json                   -> per-case PASS/FAIL summary, exit 1 on any miss

import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  createNetwork, EngineError, lasso, ridge, runEarlyStopping,
  type EarlyStoppingParams, type LayerSpec, type LossName, type OptimizerSpec, type Penalty,
} from '../src/engine/index.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export interface Tolerance { abs: number; rel: number }
export interface Case { id: string; kind: string; expected: Json; tolerance: Tolerance; [k: string]: unknown }
export type CaseResult = { id: string; actual: Json } | { id: string; error: string };

class Unsupported extends Error {}

const INFO_KEYS = ['id', 'kind', 'expected', 'tolerance', 'description', 'comment', 'note', 'notes', 'name', 'title', 'source'];

function checkKeys(obj: Record<string, unknown>, allowed: string[], where: string): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k) && !INFO_KEYS.includes(k)) throw new Unsupported(`${where} option '${k}'`);
  }
}

function flatten(rows: unknown, width: number | null, what: string): Float64Array {
  if (!Array.isArray(rows)) throw new EngineError(`${what} must be an array, got ${JSON.stringify(rows)}`);
  const flat: number[] = [];
  for (const r of rows) {
    if (Array.isArray(r)) {
      if (width !== null && r.length !== width) throw new EngineError(`${what} rows must hold ${width} values, got ${r.length}`);
      for (const v of r) flat.push(v === null ? NaN : Number(v));
    } else {
      flat.push(r === null ? NaN : Number(r)); // a 1-D list of targets: one output per row
    }
  }
  return Float64Array.from(flat);
}

function rows(a: Float64Array, width: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < a.length; i += width) out.push(Array.from(a.subarray(i, i + width)));
  return out;
}

function runMlp(c: Case): Json {
  checkKeys(c, ['layers', 'loss', 'penalty', 'optimizer', 'mode', 'steps'], 'mlp case');
  const net = createNetwork({
    layers: c.layers as LayerSpec[], loss: c.loss as LossName,
    optimizer: c.optimizer as OptimizerSpec, penalty: (c.penalty ?? undefined) as Penalty | undefined,
  });
  net.mode = (c.mode ?? 'train') as 'train' | 'eval';
  const layers = c.layers as LayerSpec[];
  const last = layers.length - 1;
  const steps: Json[] = [];
  for (const s of c.steps as Record<string, unknown>[]) {
    checkKeys(s, ['x', 'y', 'dropout_masks'], 'mlp step');
    const n = (s.x as unknown[]).length;
    const x = flatten(s.x, net.inputSize, 'x');
    const y = flatten(s.y, net.outputSize, 'y');
    let masks: Record<number, Uint8Array> | undefined;
    if (s.dropout_masks !== undefined && s.dropout_masks !== null) {
      masks = {};
      for (const [k, m] of Object.entries(s.dropout_masks as Record<string, unknown>)) {
        const i = Number(k);
        if (layers[i]?.type !== 'dropout') throw new EngineError(`dropout_masks names layer ${k}, which is not a dropout layer`);
        masks[i] = Uint8Array.from(flatten(m, null, `dropout mask ${k}`));
      }
    }
    const r = net.trainStep(x, y, n, masks);
    const grads: Record<string, Json> = {};
    layers.forEach((l, i) => {
      const g = net.gradients(i);
      if (g === null) return;
      if ('weight' in g && l.type === 'linear') grads[i] = { weight: rows(g.weight, l.in), bias: Array.from(g.bias) };
      else if ('gamma' in g) grads[i] = { gamma: Array.from(g.gamma), beta: Array.from(g.beta) };
    });
    steps.push({ output: rows(net.layerOutput(last), net.outputSize), loss: r.loss, grads });
  }
  return { steps, final: net.params() as unknown as Json };
}

function runLinear(c: Case): Json {
  checkKeys(c, ['X', 'y', 'penalty', 'alpha', 'fit_intercept', 'max_iter', 'tol'], 'linear_regularized case');
  const Xr = c.X as number[][];
  const n = Xr.length, d = Xr[0]?.length ?? 0;
  const X = flatten(Xr, d, 'X'), y = flatten(c.y, null, 'y');
  const fitIntercept = (c.fit_intercept ?? true) as boolean;
  const alpha = c.alpha as number;
  let fit;
  if (c.penalty === 'l1') {
    fit = lasso(X, y, n, d, alpha, { fitIntercept, maxIter: (c.max_iter ?? 1000) as number, tol: (c.tol ?? 1e-4) as number });
  } else if (c.penalty === 'l2') {
    if (c.max_iter !== undefined || c.tol !== undefined) throw new Unsupported('max_iter/tol for the l2 (closed-form) solver');
    fit = ridge(X, y, n, d, alpha, { fitIntercept });
  } else {
    throw new Unsupported(`penalty ${JSON.stringify(c.penalty)}`);
  }
  return { coef: Array.from(fit.coef), intercept: fit.intercept };
}

function runEarly(c: Case): Json {
  checkKeys(c, ['params', 'values'], 'early_stopping case');
  const r = runEarlyStopping(c.params as EarlyStoppingParams, c.values as (number | null)[]);
  return { stopped_epoch: r.stopped_epoch, epochs_run: r.epochs_run, best_epoch: r.best_epoch, best: r.best, restored_epoch: r.restored_epoch, wait: r.wait };
}

/** Keeps the structure of `expected` (its keys, in its order); arrays keep the actual length. */
function shapeLike(actual: unknown, expected: unknown): Json {
  if (Array.isArray(actual)) return actual.map((v, i) => shapeLike(v, Array.isArray(expected) ? expected[i] : undefined));
  if (actual !== null && typeof actual === 'object') {
    const a = actual as Record<string, unknown>;
    const keys = expected !== null && typeof expected === 'object' && !Array.isArray(expected) ? Object.keys(expected) : Object.keys(a);
    const out: Record<string, Json> = {};
    for (const k of keys) if (k in a) out[k] = shapeLike(a[k], (expected as Record<string, unknown> | undefined)?.[k]);
    return out;
  }
  if (typeof actual === 'number' && !Number.isFinite(actual)) return null; // NaN (and +-Infinity) as JSON null
  return actual as Json;
}

/** Runs one case; unsupported kinds/options become {"error": "unsupported: ..."}. */
export function runCase(c: Case): CaseResult {
  try {
    let actual: Json;
    if (c.kind === 'mlp') actual = runMlp(c);
    else if (c.kind === 'linear_regularized') actual = runLinear(c);
    else if (c.kind === 'early_stopping') actual = runEarly(c);
    else throw new Unsupported(`kind ${JSON.stringify(c.kind)}`);
    return { id: c.id, actual: shapeLike(actual, c.expected) };
  } catch (e) {
    if (e instanceof Unsupported) return { id: c.id, error: `unsupported: ${e.message}` };
    if (e instanceof EngineError && e.message.startsWith('unsupported')) return { id: c.id, error: `unsupported: ${e.message.replace(/^unsupported:?\s*/, '')}` };
    return { id: c.id, error: e instanceof Error ? e.message : String(e) };
  }
}

export interface Comparison { pass: boolean; worst: number; worstRatio: number; where: string; problems: string[] }

/** Compares actual with expected: |a - e| <= abs + rel |e| for numbers; null stands for NaN. */
export function compare(actual: unknown, expected: unknown, tol: Tolerance): Comparison {
  const res: Comparison = { pass: true, worst: 0, worstRatio: 0, where: '', problems: [] };
  const fail = (path: string, msg: string) => { res.pass = false; if (res.problems.length < 5) res.problems.push(`${path || '.'}: ${msg}`); };
  const walk = (a: unknown, e: unknown, path: string): void => {
    if (e === null) {
      if (!(a === null || (typeof a === 'number' && Number.isNaN(a)))) fail(path, `expected null, got ${JSON.stringify(a)}`);
    } else if (typeof e === 'number') {
      if (typeof a !== 'number' || Number.isNaN(a)) return fail(path, `expected ${e}, got ${JSON.stringify(a)}`);
      const dev = Math.abs(a - e);
      const allowed = tol.abs + tol.rel * Math.abs(e);
      const ratio = allowed > 0 ? dev / allowed : dev === 0 ? 0 : Infinity;
      if (dev > res.worst || res.where === '') { res.worst = Math.max(res.worst, dev); if (dev >= res.worst) res.where = path; }
      res.worstRatio = Math.max(res.worstRatio, ratio);
      if (!(dev <= allowed)) fail(path, `expected ${e}, got ${a} (|diff| ${dev.toExponential(2)} > ${allowed.toExponential(2)})`);
    } else if (Array.isArray(e)) {
      if (!Array.isArray(a)) return fail(path, `expected an array, got ${JSON.stringify(a)}`);
      if (a.length !== e.length) fail(path, `expected ${e.length} items, got ${a.length}`);
      for (let i = 0; i < Math.min(a.length, e.length); i++) walk(a[i], e[i], `${path}[${i}]`);
    } else if (typeof e === 'object') {
      if (a === null || typeof a !== 'object' || Array.isArray(a)) return fail(path, `expected an object, got ${JSON.stringify(a)}`);
      for (const k of Object.keys(e as object)) {
        if (!(k in (a as object))) fail(`${path}.${k}`, 'missing');
        else walk((a as Record<string, unknown>)[k], (e as Record<string, unknown>)[k], `${path}.${k}`);
      }
      for (const k of Object.keys(a as object)) if (!(k in (e as object))) fail(`${path}.${k}`, 'unexpected key');
    } else if (a !== e) {
      fail(path, `expected ${JSON.stringify(e)}, got ${JSON.stringify(a)}`);
    }
  };
  walk(actual, expected, '');
  return res;
}

export function loadCases(file: string): Case[] {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  if (doc.format !== 'regularization-conformance/1') throw new Error(`${file}: unknown format ${JSON.stringify(doc.format)}`);
  return doc.cases as Case[];
}

/** The project's own conformance cases: every `cases*.json` in tests/conformance/. */
export function DEFAULT_CASES(): string[] {
  const dir = new URL('../tests/conformance/', import.meta.url);
  return readdirSync(dir).filter((f) => /^cases.*\.json$/.test(f)).sort().map((f) => new URL(f, dir).pathname);
}

function main(argv: string[]): number {
  const json = argv.includes('--json');
  const named = argv.filter((a) => a !== '--json');
  // Without a file: the project's own cases (tests/conformance/, every cases*.json there).
  const files = named.length ? named : DEFAULT_CASES();
  if (files.length === 0 || argv.some((a) => a.startsWith('--') && a !== '--json')) {
    process.stderr.write('usage: npm run conformance -- [--json] [CASES.json ...]\n');
    return 2;
  }
  const cases = files.flatMap((f) => loadCases(f));
  const results = cases.map(runCase);
  if (json) {
    process.stdout.write(JSON.stringify({ results }) + '\n');
    return 0;
  }
  let passed = 0, failed = 0;
  cases.forEach((c, i) => {
    const r = results[i];
    if ('error' in r) {
      failed++;
      console.log(`FAIL  ${c.id}  (${c.kind}): ${r.error}`);
      return;
    }
    const cmp = compare(r.actual, c.expected, c.tolerance);
    const worst = `worst |diff| ${cmp.worst.toExponential(2)}${cmp.where ? ` at ${cmp.where}` : ''} (${(cmp.worstRatio * 100).toFixed(1)}% of tolerance)`;
    if (cmp.pass) passed++;
    else failed++;
    console.log(`${cmp.pass ? 'PASS' : 'FAIL'}  ${c.id}  (${c.kind}): ${worst}`);
    for (const p of cmp.problems) console.log(`        ${p}`);
  });
  console.log(`conformance: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await import('./quiet-pipe.ts'); // `| head` ends it quietly
  process.exitCode = main(process.argv.slice(2));
}
