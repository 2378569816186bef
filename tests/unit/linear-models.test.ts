import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lasso, makeRegression, regularizationPath, ridge } from '../../src/engine/index.ts';
import { close } from './helpers.ts';

// Orthogonal design: columns 1..7 of the 8 x 8 Hadamard matrix (+-1, zero mean, X_j . X_k = 8 delta_jk).
function hadamard8(): Float64Array {
  const X = new Float64Array(8 * 7);
  for (let i = 0; i < 8; i++) for (let j = 1; j < 8; j++) {
    let bits = i & j, parity = 0;
    while (bits) { parity ^= bits & 1; bits >>= 1; }
    X[i * 7 + (j - 1)] = parity ? -1 : 1;
  }
  return X;
}
const y8 = Float64Array.of(3.1, -0.4, 2.2, 0.9, -1.5, 0.9, 1.8, -2.6); // X^T y / 8 = .85, -.025, -.575, .9, .35, -.075, 1.125
const soft = (v: number, a: number) => Math.sign(v) * Math.max(Math.abs(v) - a, 0);

test('lasso on an orthogonal design is soft-thresholding, with exact zeros', () => {
  const X = hadamard8(), n = 8, d = 7;
  const ymean = y8.reduce((s, v) => s + v, 0) / n;
  for (const alpha of [0.05, 0.2, 0.5]) {
    const fit = lasso(X, y8, n, d, alpha, { tol: 1e-12 });
    for (let j = 0; j < d; j++) {
      let xy = 0;
      for (let i = 0; i < n; i++) xy += X[i * d + j] * y8[i];
      const expected = soft(xy / n, alpha); // (1/2n)||y - Xw||^2 + alpha|w|_1 with X_j.X_j = n
      close(fit.coef[j], expected, 1e-12, `coef ${j} at alpha ${alpha}`);
      if (expected === 0) assert.ok(fit.coef[j] === 0, 'exact zero (sklearn may give -0)');
    }
    close(fit.intercept, ymean, 1e-12, 'intercept');
  }
});

test('lasso path: sparsity never decreases as alpha grows (orthogonal design)', () => {
  const alphas = [0.01, 0.05, 0.1, 0.2, 0.5, 0.6, 0.86, 0.95, 2];
  const path = regularizationPath(hadamard8(), y8, 8, 7, 'l1', alphas);
  const zeros = path.coefs.map((c) => Array.from(c).filter((v) => v === 0).length);
  for (let k = 1; k < zeros.length; k++) assert.ok(zeros[k] >= zeros[k - 1], `zeros ${zeros}`);
  assert.equal(zeros[0], 0);
  assert.equal(zeros[zeros.length - 1], 7);
});

test('L1 gives exact zeros where L2 does not (lasso vs ridge)', () => {
  const r = makeRegression({ n: 100, informative: 3, useless: 7, noise: 0.5, seed: 4 });
  const l1 = lasso(r.X, r.y, r.n, r.d, 0.3);
  const l2 = ridge(r.X, r.y, r.n, r.d, 30);
  const zerosL1 = Array.from(l1.coef).filter((v) => v === 0).length;
  const zerosL2 = Array.from(l2.coef).filter((v) => v === 0).length;
  assert.ok(zerosL1 >= 5, `lasso zeros ${zerosL1}`);
  assert.equal(zerosL2, 0);
  for (let j = 0; j < 3; j++) assert.notEqual(l1.coef[j], 0); // the informative features survive
});

test('ridge solves (Xc^T Xc + alpha I) w = Xc^T yc; intercept from the means', () => {
  const r = makeRegression({ n: 30, informative: 2, useless: 2, noise: 0.3, seed: 1 });
  const alpha = 2.5, fit = ridge(r.X, r.y, r.n, r.d, alpha);
  const mean = (j: number) => { let s = 0; for (let i = 0; i < r.n; i++) s += r.X[i * r.d + j]; return s / r.n; };
  const ym = r.y.reduce((s, v) => s + v, 0) / r.n;
  // gradient of ||yc - Xc w||^2 + alpha ||w||^2 vanishes
  for (let k = 0; k < r.d; k++) {
    let g = alpha * fit.coef[k];
    for (let i = 0; i < r.n; i++) {
      let pred = 0;
      for (let j = 0; j < r.d; j++) pred += (r.X[i * r.d + j] - mean(j)) * fit.coef[j];
      g -= (r.X[i * r.d + k] - mean(k)) * (r.y[i] - ym - pred);
    }
    close(g, 0, 1e-9, `stationarity ${k}`);
  }
  let b = ym;
  for (let j = 0; j < r.d; j++) b -= mean(j) * fit.coef[j];
  close(fit.intercept, b, 1e-12);
  const noIntercept = ridge(r.X, r.y, r.n, r.d, alpha, { fitIntercept: false });
  assert.equal(noIntercept.intercept, 0);
});

test('lasso without intercept and with a warm start', () => {
  const r = makeRegression({ n: 60, informative: 2, useless: 3, noise: 0.1, seed: 8 });
  const cold = lasso(r.X, r.y, r.n, r.d, 0.05, { fitIntercept: false, tol: 1e-10 });
  const warm = lasso(r.X, r.y, r.n, r.d, 0.05, { fitIntercept: false, tol: 1e-10, warmStart: cold.coef });
  assert.equal(cold.intercept, 0);
  assert.ok(warm.iterations <= 2);
  for (let j = 0; j < r.d; j++) close(warm.coef[j], cold.coef[j], 1e-8);
});
