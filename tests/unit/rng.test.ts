import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../src/engine/index.ts';
import { close } from './helpers.ts';

test('mulberry32 matches the documented Python port', () => {
  // values printed by the Python function in rng.ts's header
  const expected: Record<number, number[]> = {
    0: [0.26642920868471265, 0.0003297457005828619, 0.2232720274478197],
    42: [0.6011037519201636, 0.44829055899754167, 0.8524657934904099],
    4294967295: [0.8964226141106337, 0.189478256739676, 0.7156526781618595],
  };
  for (const [seed, values] of Object.entries(expected)) {
    const r = createRng(Number(seed));
    assert.deepEqual([r.next(), r.next(), r.next()], values);
  }
});

test('same seed gives the same stream; state() tracks it', () => {
  const a = createRng(7), b = createRng(7);
  for (let i = 0; i < 100; i++) assert.equal(a.next(), b.next());
  assert.equal(a.state(), b.state());
  assert.notEqual(createRng(8).next(), createRng(7).next());
});

test('next() is in [0, 1) with mean 1/2; normal() has mean 0, variance 1', () => {
  const r = createRng(1);
  let s = 0, m = 0, v = 0;
  const n = 200000;
  for (let i = 0; i < n; i++) {
    const u = r.next();
    assert.ok(u >= 0 && u < 1);
    s += u;
  }
  close(s / n, 0.5, 0.005, 'uniform mean');
  for (let i = 0; i < n; i++) { const z = r.normal(); m += z; v += z * z; }
  close(m / n, 0, 0.01, 'normal mean');
  close(v / n, 1, 0.01, 'normal variance');
});

test('int(n) covers 0..n-1; shuffle is a permutation (Fisher-Yates)', () => {
  const r = createRng(3);
  const seen = new Set<number>();
  for (let i = 0; i < 1000; i++) { const k = r.int(5); assert.ok(Number.isInteger(k) && k >= 0 && k < 5); seen.add(k); }
  assert.equal(seen.size, 5);
  const a = Uint32Array.from({ length: 50 }, (_, i) => i);
  r.shuffle(a);
  assert.deepEqual(Array.from(a).sort((x, y) => x - y), Array.from({ length: 50 }, (_, i) => i));
  // documented draw order: i from n-1 down to 1, j = int(i + 1)
  const b = [0, 1, 2, 3], ref = createRng(9), c = [0, 1, 2, 3];
  createRng(9).shuffle(b);
  for (let i = 3; i >= 1; i--) { const j = ref.int(i + 1); [c[i], c[j]] = [c[j], c[i]]; }
  assert.deepEqual(b, c);
});
