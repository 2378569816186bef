// The Regularization Playground's pure parts: the points' link code, the CSV reader and writer,
// and its runner (each technique takes effect; the twin starts from the same weights).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePoints, encodePoints, MAX_POINTS, POINTS_PATTERN, quantize, type Point } from '../../src/demos/playground/points-code.ts';
import { parsePointsCsv, pointsToCsv } from '../../src/demos/playground/points-csv.ts';
import { createPlaygroundRun } from '../../src/demos/playground/runner.ts';
import { NEAR_ZERO } from '../../src/demos/playground/settings.ts';
import { playgroundClash } from '../../src/demos/playground/clash.ts';
import { playgroundFields } from '../../src/demos/playground/settings.ts';
import { defaults } from '../../src/demos/settings-kit.ts';
import { readDemoLink } from '../../src/demos/link-params.ts';

const some: Point[] = [
  { x: -1, y: 1, label: 0 }, { x: 1, y: -1, label: 1 }, { x: 0.123456, y: -0.654321, label: 1 }, { x: 0, y: 0, label: 0 },
];

test('points code: 5 URL-safe characters a point, decoded to the rounded points, re-encoded the same', () => {
  const code = encodePoints(some);
  assert.equal(code.length, 5 * some.length);
  assert.match(code, new RegExp(POINTS_PATTERN));
  assert.equal(encodeURIComponent(code), code);
  const back = decodePoints(code);
  back.forEach((p, i) => {
    assert.equal(p.label, some[i].label);
    assert.ok(Math.abs(p.x - some[i].x) < 3e-4 && Math.abs(p.y - some[i].y) < 3e-4, `point ${i}`);
    assert.equal(p.x, quantize(p.x), 'a decoded coordinate is its own rounding');
  });
  assert.equal(encodePoints(back), code);
  assert.deepEqual(decodePoints(''), []);
});

test('points code: a broken code says what is wrong', () => {
  assert.throws(() => decodePoints('AAAA'), /not a multiple of 5/);
  assert.throws(() => decodePoints('AAAA2'), /class "2"/);
  assert.throws(() => decodePoints('AA*A1'), /"\*" at character 3/);
});

test('a link with drawn points reopens them; a garbled one gives the default data with a notice', () => {
  const data = encodePoints(some);
  const ok = readDemoLink(playgroundFields, 'playground', `?playground.dataset=custom&playground.data=${data}`, defaults(playgroundFields));
  assert.equal(ok.value.data, data);
  assert.equal(ok.value.dataset, 'custom');
  const bad = readDemoLink(playgroundFields, 'playground', '?playground.data=%3Cscript%3E', defaults(playgroundFields));
  assert.equal(bad.value.data, '');
  assert.match(bad.notices.join(' '), /"data"/);
  const long = readDemoLink(playgroundFields, 'playground', `?playground.data=${'AAAA1'.repeat(MAX_POINTS + 1)}`, defaults(playgroundFields));
  assert.equal(long.value.data, '');
  assert.equal(long.notices.length, 1);
});

test('CSV: header optional, any two class labels, proportions kept when scaled into the square', () => {
  const a = parsePointsCsv('x,y,label\n0.5,0.5,0\n-0.5,-0.25,1\n');
  assert.ok(a.ok);
  assert.equal(a.header, true);
  assert.equal(a.scaled, false);
  assert.deepEqual(a.points.map((p) => p.label), [0, 1]);
  assert.equal(a.points[0].x, quantize(0.5));
  const b = parsePointsCsv('10;0;cat\r\n30;10;dog\r\n20;5;cat\r\n');
  assert.ok(b.ok);
  assert.equal(b.header, false);
  assert.equal(b.scaled, true);
  assert.deepEqual(b.labels, ['cat', 'dog']);
  assert.deepEqual(b.points.map((p) => [p.x, p.y]), [[-1, -0.5], [1, 0.5], [0, 0]].map(([x, y]) => [quantize(x), quantize(y)]));
});

test('CSV: a bad file is refused with the line and the problem', () => {
  const refused = (text: string, pattern: RegExp) => {
    const r = parsePointsCsv(text);
    assert.equal(r.ok, false, text.slice(0, 40));
    if (!r.ok) assert.match(r.message, pattern);
  };
  refused('x,y,label\n0.1,0.2,0\n0.3,abc,1\n', /^Line 3: y \(column 2\) is "abc", not a number/);
  refused('0.1,0.2,0\n0.3,0.4\n', /^Line 2 has 2 values, but needs three.*a column is missing/);
  refused('x,y,c\n0.1,0.2,1\n0.3,0.4,1\n', /Every point is of class "1": a classifier needs points of two classes/);
  refused('0,0,a\n1,1,b\n2,2,c\n', /^Line 3 has a third class, "c"/);
  refused(`x,y,c\n${'0.1,0.2,0\n'.repeat(MAX_POINTS)}0.3,0.3,1\n`, /5,001 points; at most 5,000 can be read/);
  refused('\n\n', /empty/);
  refused('x,y,label\n', /no points/);
});

test('CSV: download and upload again give the same points', () => {
  const pts = decodePoints(encodePoints(Array.from({ length: 50 }, (_, i) => ({ x: Math.sin(i), y: Math.cos(3 * i), label: (i % 2) as 0 | 1 }))));
  const r = parsePointsCsv(pointsToCsv(pts));
  assert.ok(r.ok);
  assert.deepEqual(r.points, pts);
});

function trained(settings: Record<string, unknown>, epochs: number, patch?: { at: number; set: Record<string, unknown> }) {
  const run = createPlaygroundRun({ ...settings, epochs: Math.max(10, epochs) });
  for (let e = 0; e < epochs; e++) {
    if (patch && e === patch.at) run.update(patch.set);
    if (!run.advance()) break;
  }
  return run.snapshot();
}

test('dropout: the mask of the network changes from epoch to epoch, and p changes live (logged)', () => {
  const run = createPlaygroundRun({ epochs: 20 });
  run.advance();
  assert.equal(run.snapshot().main.masks, null, 'p = 0 drops nothing');
  run.update({ dropout: 0.5 });
  const masks = new Set<string>();
  for (let e = 0; e < 5; e++) {
    run.advance();
    const m = run.snapshot().main.masks!;
    assert.equal(m.length, 2);
    assert.ok(m.flat().some((k) => k === 0));
    masks.add(JSON.stringify(m));
  }
  assert.ok(masks.size > 1, 'a new mask every step');
  assert.deepEqual(run.snapshot().reproduce.changes.map((c) => c.set), [{ dropout: 0.5 }]);
});

test('L1 pushes weights towards zero: more of them near zero than without a penalty', () => {
  const none = trained({ dataset: 'xor', hidden: 32, lr: 0.01 }, 60);
  const l1 = trained({ dataset: 'xor', hidden: 32, lr: 0.01 }, 60, { at: 0, set: { l1: 0.01 } });
  const near = (s: typeof none) => s.main.nearZero[s.main.nearZero.length - 1];
  assert.ok(near(l1) > near(none) + 20, `near zero (|w| < ${NEAR_ZERO}): L1 ${near(l1)}, none ${near(none)}`);
});

test('early stopping: stops `patience` epochs after the best epoch and restores its weights', () => {
  const s = trained({ earlyStopping: true, patience: 5, noise: 0.2, points: 100, hidden: 48 }, 300);
  const m = s.main;
  assert.ok(m.stoppedAt !== null && m.stoppedAt < 300, `stopped at ${m.stoppedAt}`);
  const best = m.val.indexOf(Math.min(...m.val.slice(1)));
  assert.equal(m.stoppedAt, best + 5);
  assert.equal(m.restoredFrom, best);
  assert.equal(m.train.length, m.stoppedAt! + 1);
  assert.ok(m.done);
});

test('batch norm changes what the weights become', () => {
  const off = trained({}, 30);
  const on = trained({ batchnorm: true }, 30);
  assert.notDeepEqual(Array.from(on.main.weights), Array.from(off.main.weights));
});

test('compare mode: the twin starts from the same weights, sees the same batches, and differs only by the technique', () => {
  // (Early stopping changes nothing until it stops: its twin is compared in the e2e test and above.)
  for (const compare of ['dropout', 'l2', 'batchnorm'] as const) {
    const run = createPlaygroundRun({ compare, dropout: 0.3, l2: 0.005, batchnorm: true, earlyStopping: true, epochs: 20 });
    const s0 = run.snapshot();
    assert.deepEqual(Array.from(s0.twin!.weights), Array.from(s0.main.weights), `${compare}: same initial weights`);
    run.advance();
    const s1 = run.snapshot();
    assert.notDeepEqual(Array.from(s1.twin!.weights), Array.from(s1.main.weights), `${compare}: different after an epoch`);
  }
  // Nothing switched off: the twin of a technique that is not on is the same run, number for number.
  const same = createPlaygroundRun({ compare: 'l1', dropout: 0.3, epochs: 20 });
  for (let e = 0; e < 3; e++) same.advance();
  const s = same.snapshot();
  assert.deepEqual(s.twin!.train, s.main.train);
});

test('clash: batch norm with a batch of one, and too few drawn points, are refused with the reason', () => {
  const base = defaults(playgroundFields);
  assert.equal(playgroundClash(base), null);
  assert.match(playgroundClash({ ...base, batchnorm: true, points: 200, valShare: 0.5, batch: 11 })!, /batch of one/); // 100 = 9*11 + 1
  assert.match(playgroundClash({ ...base, dataset: 'custom', data: encodePoints(some.slice(0, 3)) })!, /at least 2 points of each class/);
  assert.equal(playgroundClash({ ...base, dataset: 'custom', data: encodePoints([...some, ...some]) }), null);
});

test('a link\'s change log replays the run number for number (the runner applies each change at its step)', async () => {
  const { playgroundRunner } = await import('../../src/demos/playground/runner.ts');
  const run = createPlaygroundRun({ epochs: 10 });
  for (let e = 0; e < 6; e++) {
    if (e === 2) run.update({ dropout: 0.3, l2: 0.01 });
    if (e === 4) run.update({ lr: 0.05 });
    run.advance();
  }
  const original = run.snapshot();
  assert.equal(original.reproduce.changes.length, 2);
  const replay = playgroundRunner({ ...original.reproduce.settings, schedule: original.reproduce.changes });
  for (let e = 0; e < 6; e++) replay.advance();
  const again = replay.snapshot() as typeof original;
  assert.deepEqual(again.main.train, original.main.train);
  assert.deepEqual(again.reproduce.changes.map((c) => [c.step, c.set]), original.reproduce.changes.map((c) => [c.step, c.set]));
  assert.deepEqual(again.live, { lr: 0.05, dropout: 0.3, l1: 0, l2: 0.01 });
});
