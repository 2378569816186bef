import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EngineError, makeClassification, makeRegression } from '../../src/engine/index.ts';
import { close } from './helpers.ts';

const NAMES = ['circle', 'xor', 'gauss', 'spiral'] as const;

test('shapes, 0/1 labels and coordinates scaled into [-1, 1]', () => {
  for (const name of NAMES) {
    const { train, val } = makeClassification({ name, n: 301, noise: 0.1, seed: 4 });
    assert.equal(val, null);
    assert.equal(train.n, 301);
    assert.equal(train.inputs, 2);
    assert.equal(train.outputs, 1);
    assert.equal(train.x.length, 602);
    assert.equal(train.y.length, 301);
    for (const v of train.y) assert.ok(v === 0 || v === 1);
    const maxAbs = Math.max(...Array.from(train.x, Math.abs));
    assert.ok(maxAbs <= 1, `${name}: max |coordinate| ${maxAbs}`);
    if (name !== 'gauss') assert.ok(maxAbs > 0.75, `${name}: uses the plane (${maxAbs})`); // Playground's [-5, 5] / 6
  }
});

test('classes follow the Playground shapes (no label noise)', () => {
  const { train: c } = makeClassification({ name: 'circle', n: 400, noise: 0, seed: 1 });
  for (let i = 0; i < c.n; i++) {
    const r = Math.hypot(c.x[2 * i], c.x[2 * i + 1]) * 6;
    if (c.y[i] === 1) assert.ok(r < 2.5 + 1e-12); else assert.ok(r >= 3.5 - 1e-12 && r <= 5 + 1e-12);
  }
  const { train: x } = makeClassification({ name: 'xor', n: 400, noise: 0, seed: 1 });
  for (let i = 0; i < x.n; i++) {
    assert.equal(x.y[i], x.x[2 * i] * x.x[2 * i + 1] >= 0 ? 1 : 0);
    assert.ok(Math.abs(x.x[2 * i]) >= 0.3 / 6 - 1e-12); // pushed 0.3 away from the axes
  }
  const { train: g } = makeClassification({ name: 'gauss', n: 4000, noise: 0, seed: 1 });
  let m1 = 0, n1 = 0;
  for (let i = 0; i < g.n; i++) if (g.y[i] === 1) { m1 += g.x[2 * i]; n1++; }
  close(m1 / n1, 2 / 6, 0.01, 'gauss class-1 mean');
  assert.equal(n1, 2000);
  const { train: s } = makeClassification({ name: 'spiral', n: 400, noise: 0, seed: 1 });
  assert.equal(Array.from(s.y).filter((v) => v === 1).length, 200);
});

test('label noise flips each label with probability noise', () => {
  for (const noise of [0.1, 0.25, 0.5]) {
    const n = 20000;
    const clean = makeClassification({ name: 'spiral', n, noise: 0, seed: 9 }).train;
    const noisy = makeClassification({ name: 'spiral', n, noise, seed: 9 }).train;
    assert.deepEqual(noisy.x, clean.x); // same points, same order: only labels change
    let flipped = 0;
    for (let i = 0; i < n; i++) if (noisy.y[i] !== clean.y[i]) flipped++;
    close(flipped / n, noise, 0.015, `flip rate at noise ${noise}`);
  }
});

test('deterministic by seed; valFraction split after the shuffle', () => {
  const a = makeClassification({ name: 'xor', n: 200, noise: 0.2, seed: 3, valFraction: 0.25 });
  const b = makeClassification({ name: 'xor', n: 200, noise: 0.2, seed: 3, valFraction: 0.25 });
  const c = makeClassification({ name: 'xor', n: 200, noise: 0.2, seed: 4, valFraction: 0.25 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.train.x, c.train.x);
  assert.equal(a.train.n, 150);
  assert.equal(a.val!.n, 50);
  const all = makeClassification({ name: 'xor', n: 200, noise: 0.2, seed: 3 }).train;
  assert.deepEqual(a.train.x, all.x.subarray(0, 300)); // the split is a prefix of the shuffled set
  assert.deepEqual(a.val!.x, all.x.subarray(300));
  // shuffled: labels are mixed, not class 1 then class 0
  const firstHalf = Array.from(all.y.subarray(0, 100)).reduce((s, v) => s + v, 0);
  assert.ok(firstHalf > 20 && firstHalf < 80);
});

test('bad arguments are rejected with the value', () => {
  assert.throws(() => makeClassification({ name: 'moons' as 'xor', n: 10, noise: 0, seed: 1 }), /unknown data set "moons"/);
  assert.throws(() => makeClassification({ name: 'xor', n: 10, noise: 0.7, seed: 1 }), /noise .* \[0, 0\.5\], got 0\.7/);
  assert.throws(() => makeClassification({ name: 'xor', n: 1.5, noise: 0, seed: 1 }), EngineError);
  assert.throws(() => makeClassification({ name: 'xor', n: 10, noise: 0, seed: 1, valFraction: 1 }), /valFraction/);
});

test('makeRegression: informative then useless features, y = X coef + noise', () => {
  const r = makeRegression({ n: 500, informative: 3, useless: 5, noise: 0, seed: 2 });
  assert.equal(r.d, 8);
  assert.equal(r.X.length, 4000);
  assert.equal(r.y.length, 500);
  assert.deepEqual(r.trueCoef.slice(3), [0, 0, 0, 0, 0]);
  for (const c of r.trueCoef.slice(0, 3)) assert.ok(Math.abs(c) >= 1 && Math.abs(c) <= 3);
  for (let i = 0; i < 500; i++) {
    let s = 0;
    for (let j = 0; j < 8; j++) s += r.X[i * 8 + j] * r.trueCoef[j];
    close(r.y[i], s, 1e-12);
  }
  assert.deepEqual(makeRegression({ n: 50, informative: 2, useless: 2, noise: 0.5, seed: 7 }), makeRegression({ n: 50, informative: 2, useless: 2, noise: 0.5, seed: 7 }));
});
