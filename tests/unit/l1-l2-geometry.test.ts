// Chapter 3's two-weight picture: the exact L1 and L2 optima of a quadratic data loss.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lasso } from '../../src/engine/index.ts';
import {
  contour, coordinateDescentL1, dataLoss, geometry, hessian, l1FirstZero, l1Objective, l1ZeroStrength, l2Objective,
  optimumPath, solveL1, solveL2, type Sym2, type Vec,
} from '../../src/demos/l1-l2/geometry.ts';
import { close, pseudo } from './helpers.ts';

function cases(n: number) {
  const r = pseudo(5 * n, 11);
  return Array.from({ length: n }, (_, i) => ({
    tilt: Math.round((r[5 * i] + 1) * 90),
    stretch: 1 + 1.5 * (r[5 * i + 1] + 1),
    opt: [2 * r[5 * i + 2], 2 * r[5 * i + 3]] as Vec,
    lambda: 1.5 * (r[5 * i + 4] + 1),
  }));
}

test('the Hessian has eigenvalues 1/stretch and stretch, the long axis along the tilt', () => {
  const H = hessian(30, 3);
  close(H.a + H.c, 3 + 1 / 3, 1e-12, 'trace');
  close(H.a * H.c - H.b * H.b, 1, 1e-12, 'det');
  const u: Vec = [Math.cos(Math.PI / 6), Math.sin(Math.PI / 6)];
  const Hu = [H.a * u[0] + H.b * u[1], H.b * u[0] + H.c * u[1]];
  close(Hu[0], u[0] / 3, 1e-12);
  close(Hu[1], u[1] / 3, 1e-12);
  // A contour is the level set it says it is.
  for (const p of contour(H, [0.5, -0.2], 0.3, 16)) close(dataLoss(H, [0.5, -0.2], p), 0.3, 1e-12);
});

test('L2 in closed form: the gradient H (w - w*) + 2 lambda w is zero', () => {
  for (const c of cases(40)) {
    const H = hessian(c.tilt, c.stretch);
    const w = solveL2(H, c.opt, c.lambda);
    const g = [H.a * (w[0] - c.opt[0]) + H.b * (w[1] - c.opt[1]) + 2 * c.lambda * w[0], H.b * (w[0] - c.opt[0]) + H.c * (w[1] - c.opt[1]) + 2 * c.lambda * w[1]];
    close(g[0], 0, 1e-12);
    close(g[1], 0, 1e-12);
    // It only shrinks: smaller than w*, never exactly zero when w* has no zero coordinate.
    assert.ok(Math.hypot(...w) < Math.hypot(...c.opt));
    assert.ok(w[0] !== 0 && w[1] !== 0);
    // And it beats its neighbours.
    for (const d of [[1e-4, 0], [0, 1e-4], [-1e-4, 0], [0, -1e-4]]) assert.ok(l2Objective(H, c.opt, c.lambda, w) <= l2Objective(H, c.opt, c.lambda, [w[0] + d[0], w[1] + d[1]]));
  }
});

test('L1 exactly: the candidate check agrees with coordinate descent and with the engine\'s Lasso', () => {
  for (const c of cases(60)) {
    const H = hessian(c.tilt, c.stretch);
    const w = solveL1(H, c.opt, c.lambda);
    const cd = coordinateDescentL1(H, c.opt, c.lambda, 5000);
    close(w[0], cd[0], 1e-9, `w1 ${JSON.stringify(c)}`);
    close(w[1], cd[1], 1e-9, `w2 ${JSON.stringify(c)}`);
    assert.equal(w[0] === 0, cd[0] === 0, 'same zero pattern');
    assert.equal(w[1] === 0, cd[1] === 0, 'same zero pattern');
    // The engine's Lasso on two rows with X^T X / n = H and X^T y / n = H w* minimises the same
    // objective up to a constant: (1/2n)||y - X w||^2 + lambda ||w||_1 = f(w) + lambda ||w||_1 + c.
    const { X, y } = equivalentData(H, c.opt);
    const fit = lasso(X, y, 2, 2, c.lambda, { fitIntercept: false, tol: 1e-12, maxIter: 100000 });
    close(fit.coef[0], w[0], 1e-6, 'engine lasso w1');
    close(fit.coef[1], w[1], 1e-6, 'engine lasso w2');
    assert.equal(fit.coef[0] === 0, w[0] === 0);
    assert.equal(fit.coef[1] === 0, w[1] === 0);
    // Optimal: no neighbour is better.
    for (const d of [[1e-5, 0], [0, 1e-5], [-1e-5, 0], [0, -1e-5]]) assert.ok(l1Objective(H, c.opt, c.lambda, w) <= l1Objective(H, c.opt, c.lambda, [w[0] + d[0], w[1] + d[1]]) + 1e-15);
  }
});

/** X = sqrt(2) U with U^T U = H (Cholesky), y = sqrt(2) U w*: then X^T X / 2 = H and X^T y / 2 = H w*. */
function equivalentData(H: Sym2, opt: Vec) {
  const u11 = Math.sqrt(H.a), u12 = H.b / u11, u22 = Math.sqrt(H.c - u12 * u12);
  const r = Math.SQRT2;
  const X = Float64Array.from([r * u11, r * u12, 0, r * u22]);
  const y = Float64Array.from([r * (u11 * opt[0] + u12 * opt[1]), r * u22 * opt[1]]);
  return { X, y };
}

test('L1 lands on an axis: one weight exactly 0 from the first-zero strength, both from l1ZeroStrength', () => {
  const g = geometry(25, 2, [1.5, 0.6], 0.5);
  assert.equal(g.l1.w[1], 0);
  assert.equal(g.l1.zeros, 1);
  close(g.l1.w[0], 0.4, 1e-3);
  assert.equal(g.l2.zeros, 0);
  close(g.l2.w[0], 0.513, 1e-3);
  close(g.l2.w[1], 0.173, 1e-3);
  close(g.l1FirstZero, 0.447, 1e-3);
  close(g.l1AllZero, 0.807, 1e-3);
  const H = g.H;
  assert.equal(solveL1(H, g.opt, g.l1FirstZero * 0.99).filter((v) => v === 0).length, 0);
  assert.equal(solveL1(H, g.opt, g.l1FirstZero * 1.01).filter((v) => v === 0).length, 1);
  assert.deepEqual(solveL1(H, g.opt, l1ZeroStrength(H, g.opt)).map(Math.abs), [0, 0]);
  // Along the path the number of zeros only grows, and the L1 norm only shrinks.
  const path = optimumPath(H, g.opt, 'l1', 3, 300);
  let zeros = 0, norm = Infinity;
  for (const w of path) {
    const z = (w[0] === 0 ? 1 : 0) + (w[1] === 0 ? 1 : 0);
    assert.ok(z >= zeros);
    zeros = z;
    const n = Math.abs(w[0]) + Math.abs(w[1]);
    assert.ok(n <= norm + 1e-12);
    norm = n;
  }
  assert.equal(zeros, 2);
  // The L2 path never reaches a zero.
  assert.ok(optimumPath(H, g.opt, 'l2', 3, 300).every((w) => w[0] !== 0 && w[1] !== 0));
});

test('the geometry demo\'s level sets: the contour through each optimum and the size of its penalty shape', () => {
  const g = geometry(60, 3, [-1, 1.2], 0.6);
  close(g.l1.level, dataLoss(g.H, g.opt, g.l1.w), 1e-15);
  close(g.l1.radius, Math.abs(g.l1.w[0]) + Math.abs(g.l1.w[1]), 1e-15);
  close(g.l2.radius, Math.hypot(...g.l2.w), 1e-15);
  assert.equal(l1FirstZero(g.H, [0, 1]), 0, 'an optimum already on an axis has a zero for every strength');
});
