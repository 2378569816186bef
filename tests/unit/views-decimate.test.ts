import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decimate, sameValues } from '../../src/views/decimate.ts';

test('a short curve is drawn point for point', () => {
  const ys = [3, 1, 4, 1, 5];
  assert.deepEqual(decimate(null, ys, 10, 100), ys.map((y, i) => ({ x: 10 + i, y })));
});

test('a long curve keeps, per bucket, its first, lowest, highest and last point, in order, and its gaps', () => {
  const n = 10_000;
  const ys = Array.from({ length: n }, (_, i) => Math.sin(i / 50) + (i === 4321 ? 9 : 0) - (i === 777 ? 9 : 0));
  ys[5000] = NaN;
  const xs = Array.from({ length: n }, (_, i) => i * 2);
  const out = decimate(xs, ys, 0, 200);
  assert.ok(out.length <= 200 * 4 + 1, `${out.length} points`);
  assert.deepEqual(out[0], { x: 0, y: ys[0] });
  assert.deepEqual(out.at(-1), { x: 2 * (n - 1), y: ys[n - 1] });
  for (let i = 1; i < out.length; i++) assert.ok(out[i].x > out[i - 1].x, 'x increases');
  const finite = ys.filter(Number.isFinite);
  assert.equal(Math.max(...out.map((p) => p.y ?? -Infinity)), Math.max(...finite), 'the spike up is kept');
  assert.equal(Math.min(...out.map((p) => p.y ?? Infinity)), Math.min(...finite), 'the spike down is kept');
  assert.ok(out.some((p) => p.x === 10_000 && p.y === null), 'the gap is kept');
});

test('sameValues: equal numbers (NaN equal to NaN), missing arrays equal each other only', () => {
  assert.ok(sameValues([1, NaN, 3], new Float64Array([1, NaN, 3])));
  assert.ok(!sameValues([1, 2, 3], [1, 2, 3.0000001]));
  assert.ok(!sameValues([1, 2], [1, 2, 3]));
  assert.ok(sameValues(null, undefined));
  assert.ok(!sameValues(null, []));
});
