import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeTyped, encodeTyped } from '../../src/lib/typed-json.ts';
import { computeFirstRun, sameInput } from '../../src/training/first-run.ts';
import { createHost } from '../../src/training/host.ts';
import type { Report } from '../../src/training/protocol.ts';
import type { Runner } from '../../src/training/runner.ts';
import { demos } from '../../src/demos/index.ts';
import { defaults } from '../../src/demos/settings-kit.ts';
import { runInputOf } from '../../src/demos/define.ts';

test('typed arrays survive a JSON round trip with their type and every bit of their values', () => {
  const value = {
    grid: new Float32Array([0.1, -2.5e-8, Math.PI, NaN]),
    xy: new Float64Array([1 / 3, -0, Number.MAX_VALUE, Number.MIN_VALUE]),
    pixels: new Uint8Array([0, 16, 255]),
    // A view into a larger buffer: only its own bytes are written.
    part: new Int16Array(new Int16Array([1, 2, 3, 4]).buffer, 2, 2),
    nested: [{ labels: new Float64Array([0, 1, 1]) }, 'text', 3, null],
    plain: { a: 1, b: [true, false] },
  };
  const back = decodeTyped(JSON.parse(JSON.stringify(encodeTyped(value)))) as typeof value;
  assert.ok(back.grid instanceof Float32Array);
  assert.deepEqual([...back.grid].map((v) => Object.is(v, NaN) ? 'NaN' : v), [...value.grid].map((v) => Object.is(v, NaN) ? 'NaN' : v));
  assert.ok(back.xy instanceof Float64Array);
  assert.ok(Object.is(back.xy[1], -0));
  assert.deepEqual([...back.xy], [...value.xy]);
  assert.deepEqual(back.pixels, value.pixels);
  assert.deepEqual([...back.part], [2, 3]);
  assert.ok(back.nested[0] && (back.nested[0] as { labels: Float64Array }).labels instanceof Float64Array);
  assert.deepEqual(back.nested.slice(1), ['text', 3, null]);
  assert.deepEqual(back.plain, value.plain);
});

test('an object that only looks like an encoded array is left as it is', () => {
  const v = { $typed: 'Function', base64: 'AAAA' };
  assert.deepEqual(decodeTyped(v), v);
});

/** Counts to `units`; its snapshot is the count. */
function counter(settings: unknown): Runner {
  let n = 0;
  const units = (settings as { units: number }).units;
  return { advance: () => ++n < units, snapshot: () => ({ n }) };
}

test('a first run is the runner as created, or, to its end, as finished; a refused input gives none', () => {
  assert.deepEqual(computeFirstRun(counter, { units: 5 }, false), { input: { units: 5 }, snapshot: { n: 0 }, finished: false });
  assert.deepEqual(computeFirstRun(counter, { units: 5 }, true), { input: { units: 5 }, snapshot: { n: 5 }, finished: true });
  assert.equal(computeFirstRun(() => { throw new Error('bad'); }, {}, false), null);
});

test('inputs compare as data, whatever the order of their keys', () => {
  assert.ok(sameInput({ a: 1, b: { c: [1, 2], d: 'x' } }, { b: { d: 'x', c: [1, 2] }, a: 1 }));
  assert.ok(!sameInput({ a: 1 }, { a: 2 }));
  assert.ok(!sameInput({ a: [1, 2] }, { a: [2, 1] }));
});

test('a host created "to its end" posts the finished run first, as the page already shows it', () => {
  const reports: Report[] = [];
  const handle = createHost((r) => reports.push(r), { counter });
  handle({ type: 'create', kind: 'counter', settings: { units: 4 }, toEnd: true });
  handle({ type: 'play' }); // a finished run does not play
  assert.deepEqual(reports.map((r) => (r.type === 'snapshot' ? [r.run, (r.snapshot as { n: number }).n, r.finished, r.running] : r.type)), [[1, 4, true, false]]);
});

test('every training demo has a first run on its defaults, equal to what the worker\'s host creates', async () => {
  for (const d of demos) {
    if (!d.runner) continue;
    const factory = await d.runner();
    const s = defaults(d.fields);
    const input = runInputOf(d, s);
    const first = computeFirstRun(factory, input, !!d.playsWhenShown);
    assert.ok(first, `${d.id}: no first run on its defaults`);
    const reports: Report[] = [];
    createHost((r) => reports.push(r), { [d.id]: factory })({ type: 'create', kind: d.id, settings: input, toEnd: !!d.playsWhenShown });
    const r = reports[0];
    assert.ok(r?.type === 'snapshot', `${d.id}: the host reported ${r?.type}`);
    assert.equal(r.finished, first.finished, d.id);
    // The page reads the first run back from the HTML: the same data as the host's snapshot (as JSON
    // writes it: a plain array's -0 is 0, which draws and prints the same).
    const viaPage = (v: unknown) => decodeTyped(JSON.parse(JSON.stringify(encodeTyped(v))));
    assert.deepEqual(viaPage(first.snapshot), viaPage(r.snapshot), d.id);
  }
});

test('a lazy host loads a runner once: on "prepare" ahead of the first create, or on the create itself', async () => {
  const { createLazyHost } = await import('../../src/training/lazy-host.ts');
  let loads = 0;
  const table = { counter: async () => (loads++, counter) };
  const reports: Report[] = [];
  const handle = createLazyHost((r) => reports.push(r), table);
  handle({ type: 'prepare', kind: 'counter' });
  handle({ type: 'prepare', kind: 'counter' });
  handle({ type: 'step', count: 1 }); // before any create: nothing to run
  handle({ type: 'create', kind: 'counter', settings: { units: 3 } });
  handle({ type: 'step', count: 2 });
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(loads, 1);
  assert.deepEqual(reports.map((r) => (r.type === 'snapshot' ? (r.snapshot as { n: number }).n : r.type)), [0, 2]);
  // An unknown runner, prepared: the error comes with the create, as without "prepare".
  const errors: Report[] = [];
  const other = createLazyHost((r) => errors.push(r), table);
  other({ type: 'prepare', kind: 'nope' });
  other({ type: 'create', kind: 'nope', settings: {} });
  await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(errors.map((r) => r.type), ['error']);
});
