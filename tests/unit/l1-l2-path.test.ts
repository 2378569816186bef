// Chapter 3's regularization path: on the demo's data, the engine's Lasso puts coefficients at
// exactly zero where Ridge does not, and the path is monotone where the theory says it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportedRun } from './helpers.ts';
import { lasso, regularizationPath, ridge } from '../../src/engine/index.ts';
import { defaults } from '../../src/demos/settings-kit.ts';
import { createPathRun, lassoAlphaMax, pathData, pathRunner, type PathSnapshot } from '../../src/demos/l1-l2/path-run.ts';
import { alphaGrid, LASSO_ALPHAS, RIDGE_ALPHAS } from '../../src/demos/l1-l2/path-grid.ts';
import { pathSummary, sparsityText } from '../../src/demos/l1-l2/describe.ts';
import { pathFields } from '../../src/demos/l1-l2/settings.ts';
import { sklearnCode } from '../../src/demos/l1-l2/code.ts';
import { warmStartIndex } from '../../src/engine/index.ts';

const S0 = defaults(pathFields);
const D = pathData(S0);

function fullPath(settings: object = {}): PathSnapshot {
  const run = createPathRun({ ...S0, ...settings });
  while (run.advance());
  return run.snapshot();
}
const P = fullPath();

test('the demo data: a few informative features first, the useless ones with true coefficient 0', () => {
  assert.equal(D.d, S0.informative + S0.useless);
  D.trueCoef.forEach((c, j) => (j < S0.informative ? assert.ok(Math.abs(c) >= 1) : assert.equal(c, 0)));
});

test('Lasso sets the useless coefficients to exactly 0 where Ridge sets none to 0', () => {
  const l = lasso(D.X, D.y, D.n, D.d, 0.3);
  for (let j = S0.informative; j < D.d; j++) assert.ok(l.coef[j] === 0, `Lasso x${j + 1} is exactly 0 (or -0)`);
  for (let j = 0; j < S0.informative; j++) assert.notEqual(l.coef[j], 0, `Lasso keeps x${j + 1}`);
  // Ridge at every alpha of its grid, even where it has shrunk the coefficients far more than Lasso.
  for (const a of RIDGE_ALPHAS) {
    const r = ridge(D.X, D.y, D.n, D.d, a);
    assert.equal(Array.from(r.coef).filter((c) => c === 0).length, 0, `Ridge(alpha=${a}) has no exact zero`);
  }
  const strong = ridge(D.X, D.y, D.n, D.d, 1e5);
  const norm = Math.hypot(...strong.coef);
  assert.ok(norm < 0.01 && norm > 0, 'Ridge shrinks everything towards 0 without reaching it');
});

test('the path runner computes both paths on their grids, one alpha of each per unit of work', () => {
  assert.equal(P.done, true);
  assert.equal(P.lasso.length, LASSO_ALPHAS.length);
  assert.equal(P.ridge.length, RIDGE_ALPHAS.length);
  assert.deepEqual(P.lasso.map((f) => f.alpha), LASSO_ALPHAS);
  // Grids run from large to small alpha (the Lasso warm-starts along them), 12 per decade.
  assert.deepEqual(alphaGrid(0.001, 10), LASSO_ALPHAS);
  assert.equal(LASSO_ALPHAS.length, 49);
  for (let i = 1; i < LASSO_ALPHAS.length; i++) assert.ok(LASSO_ALPHAS[i] < LASSO_ALPHAS[i - 1]);
  // The path matches cold fits of the engine's Lasso and Ridge (warm starts change nothing but speed).
  for (const k of [0, 10, 24, 40, 48]) {
    const cold = lasso(D.X, D.y, D.n, D.d, LASSO_ALPHAS[k]);
    P.lasso[k].coef.forEach((c, j) => {
      assert.ok(Math.abs(c - cold.coef[j]) < 1e-3, `alpha ${LASSO_ALPHAS[k]} x${j + 1}`);
      assert.equal(c === 0, cold.coef[j] === 0, `same zero pattern at alpha ${LASSO_ALPHAS[k]} x${j + 1}`);
    });
  }
  // Sliced in the worker, the path is exactly the engine's regularizationPath (same warm starts).
  const whole = regularizationPath(D.X, D.y, D.n, D.d, 'l1', LASSO_ALPHAS);
  whole.coefs.forEach((c, k) => assert.deepEqual(P.lasso[k].coef, Array.from(c)));
  const wholeRidge = regularizationPath(D.X, D.y, D.n, D.d, 'l2', RIDGE_ALPHAS);
  wholeRidge.coefs.forEach((c, k) => assert.deepEqual(P.ridge[k].coef, Array.from(c)));
  // Snapshots are plain data (posted from the worker).
  assert.deepEqual(structuredClone(P), P);
});

test('the Lasso path is monotone: as alpha grows the L1 norm and the number of nonzero coefficients only fall', () => {
  // Along the grid alpha decreases, so both must be non-decreasing along the arrays.
  for (let i = 1; i < P.lasso.length; i++) {
    assert.ok(P.lasso[i].l1 >= P.lasso[i - 1].l1 - 1e-6, `||w||_1 at alpha ${P.lasso[i].alpha} >= at ${P.lasso[i - 1].alpha}`);
    assert.ok(P.lasso[i].zeros <= P.lasso[i - 1].zeros, `nonzeros at alpha ${P.lasso[i].alpha} >= at ${P.lasso[i - 1].alpha}`);
  }
  // All zero at and above alpha_max = max |x_j . y| / n (the KKT condition at w = 0), not below it.
  const amax = lassoAlphaMax(D);
  assert.equal(P.lassoAlphaMax, amax);
  for (const f of P.lasso) if (f.alpha >= amax) assert.equal(f.zeros, D.d, `all zero at alpha ${f.alpha}`);
  assert.equal(lasso(D.X, D.y, D.n, D.d, amax * 1.0001).coef.every((c) => c === 0), true);
  assert.ok(lasso(D.X, D.y, D.n, D.d, amax * 0.98).coef.some((c) => c !== 0));
  // And the coefficients leave zero one at a time: the count rises by one at most per grid step here.
  const nonzero = P.lasso.map((f) => D.d - f.zeros);
  assert.equal(nonzero[0], 0);
  assert.equal(nonzero[nonzero.length - 1], D.d);
  assert.ok(new Set(nonzero).size >= 7, 'the count passes through many values on the way');
});

test('the Ridge path is monotone: its coefficient norm shrinks strictly as alpha grows, and it fits worse', () => {
  for (let i = 1; i < P.ridge.length; i++) {
    assert.ok(P.ridge[i].l2 > P.ridge[i - 1].l2, `||w||^2 at alpha ${P.ridge[i].alpha} > at ${P.ridge[i - 1].alpha}`);
    assert.ok(P.ridge[i].r2 >= P.ridge[i - 1].r2 - 1e-12, 'training R^2 rises as alpha falls');
  }
});

test('monotone on other data sets of the demo too', () => {
  for (const settings of [{ seed: 1 }, { samples: 200, useless: 12, noise: 0.5 }, { samples: 20, informative: 1, useless: 3, noise: 3 }]) {
    const p = fullPath(settings);
    for (let i = 1; i < p.lasso.length; i++) assert.ok(p.lasso[i].l1 >= p.lasso[i - 1].l1 - 1e-6, JSON.stringify(settings));
    for (let i = 1; i < p.ridge.length; i++) assert.ok(p.ridge[i].l2 > p.ridge[i - 1].l2, JSON.stringify(settings));
    assert.equal(p.ridge.reduce((n, f) => n + f.zeros, 0), 0, 'Ridge: no exact zero anywhere');
    assert.equal(p.lasso[0].zeros, p.d, 'Lasso: all zero at the largest alpha');
  }
});

test('the markers refit at exactly the learner\'s alpha, and refuse anything else', () => {
  const runner = pathRunner(S0);
  // The Lasso marker starts from the path's fit at the nearest larger grid alpha: until the path
  // gets there it is not computed, then it is that one fit, whenever the learner moved it.
  assert.equal((runner.snapshot() as PathSnapshot).marker.lasso, null);
  const k = warmStartIndex(LASSO_ALPHAS, S0.lassoAlpha);
  assert.equal(LASSO_ALPHAS[k], 0.316228);
  for (let i = 0; i <= k; i++) runner.advance();
  const early = (runner.snapshot() as PathSnapshot).marker.lasso!;
  assert.deepEqual(early, P.marker.lasso);
  assert.deepEqual(early.coef, Array.from(lasso(D.X, D.y, D.n, D.d, S0.lassoAlpha, { warmStart: regularizationPath(D.X, D.y, D.n, D.d, 'l1', LASSO_ALPHAS).coefs[k] }).coef));
  while (runner.advance());
  runner.update!({ lassoAlpha: 0.01, ridgeAlpha: 1 });
  const s = runner.snapshot() as PathSnapshot;
  const l = lasso(D.X, D.y, D.n, D.d, 0.01);
  assert.equal(s.marker.lasso!.alpha, 0.01);
  s.marker.lasso!.coef.forEach((c, j) => assert.ok(Math.abs(c - l.coef[j]) < 1e-3));
  assert.deepEqual(s.reproduce, { settings: { ...S0, lassoAlpha: 0.01, ridgeAlpha: 1 }, changes: [] }, 'the script refits at the markers where they are now');
  assert.equal(s.marker.ridge.alpha, 1);
  const r = ridge(D.X, D.y, D.n, D.d, 1);
  s.marker.ridge.coef.forEach((c, j) => assert.ok(Math.abs(c - r.coef[j]) < 1e-12));
  assert.throws(() => runner.update!({ lassoAlpha: 50 }), /"lassoAlpha" \(Lasso alpha\) must be a number from 0.001 to 10; got 50/);
  assert.throws(() => runner.update!({ samples: 100 }), /cannot change without recomputing the path/);
  assert.throws(() => createPathRun({ useless: 0 }), /"useless" \(Useless features\) must be a whole number from 1 to 12; got 0/);
});

test('the path texts and the code say what the engine computed', async () => {
  assert.equal(sparsityText(P.marker.lasso!), '7 of 10 coefficients exactly 0 (x4, x5, x6, x7, x8, x9, x10)');
  const summary = pathSummary('lasso', P.lasso, P.marker.lasso!, P.lassoAlphaMax);
  assert.match(summary, /Every coefficient is exactly 0 for alpha ≥ 2\.26\./);
  assert.match(summary, /one by one: x3 at alpha ≈ 2\.2, x2 at alpha ≈ 1\.8, x1 at alpha ≈ 1, x6/);
  assert.match(pathSummary('ridge', P.ridge, P.marker.ridge), /no coefficient is exactly 0 at any alpha/);
  const code = sklearnCode(S0, { lassoZeros: 7, ridgeZeros: 0, d: 10 });
  assert.match(code, /Lasso\(alpha=0\.3\)\.fit\(X, y\)/);
  assert.match(code, /Ridge\(alpha=100\)\.fit\(X, y\)/);
  assert.match(code, /np\.logspace\(1, -3, 49\)/);
  for (const line of code.split('\n')) assert.ok(line.length <= 80, `fits the code panel: ${line}`);
  // The JSON export is the recipe the scikit-learn script is written from: the data set and the alphas.
  const exported = await exportedRun('regularization-path', { settings: S0 });
  assert.equal(exported.data.n, S0.samples);
  assert.equal(exported.data.X.length, S0.samples * exported.data.d);
  assert.deepEqual(exported.paths.find((p: { penalty: string }) => p.penalty === 'l1').alphas, LASSO_ALPHAS);
});
