// Regularised linear regression, as scikit-learn 1.2 computes it (w excludes the intercept b):
//   lasso (sklearn.linear_model.Lasso):  min (1 / 2n) ||y - X w - b||^2 + alpha ||w||_1
//   ridge (sklearn.linear_model.Ridge):  min ||y - X w - b||^2 + alpha ||w||^2
// With fit_intercept, X and y are centred first and b = mean(y) - mean(X) w afterwards.
// X is n x d row-major.

import { EngineError, show } from './errors.ts';
import { choleskySolve } from './linalg.ts';

export interface LinearFit { coef: Float64Array; intercept: number; iterations: number }

export interface LassoOptions { fitIntercept?: boolean; maxIter?: number; tol?: number; warmStart?: Float64Array | number[] }

function checkData(X: Float64Array, y: Float64Array, n: number, d: number, alpha: number): void {
  if (!Number.isInteger(n) || n < 1) throw new EngineError(`n must be an integer >= 1, got ${show(n)}`);
  if (!Number.isInteger(d) || d < 1) throw new EngineError(`d must be an integer >= 1, got ${show(d)}`);
  if (X.length !== n * d) throw new EngineError(`X has ${X.length} values, expected n * d = ${n * d} (n = ${n}, d = ${d})`);
  if (y.length !== n) throw new EngineError(`y has ${y.length} values, expected n = ${n}`);
  for (let k = 0; k < n * d; k++) if (!Number.isFinite(X[k])) throw new EngineError(`X holds ${X[k]} at row ${Math.floor(k / d)}, column ${k % d}`);
  for (let i = 0; i < n; i++) if (!Number.isFinite(y[i])) throw new EngineError(`y holds ${y[i]} at row ${i}`);
  if (typeof alpha !== 'number' || !Number.isFinite(alpha) || alpha < 0) throw new EngineError(`alpha must be a finite number >= 0, got ${show(alpha)}`);
}

/** Column-major copy of X (centred per column when fitIntercept), centred y, and the means. */
function prepare(X: Float64Array, y: Float64Array, n: number, d: number, fitIntercept: boolean) {
  const xMean = new Float64Array(d);
  let yMean = 0;
  if (fitIntercept) {
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) xMean[j] += X[i * d + j];
    for (let j = 0; j < d; j++) xMean[j] /= n;
    for (let i = 0; i < n; i++) yMean += y[i];
    yMean /= n;
  }
  const cols = new Float64Array(n * d); // cols[j * n + i] = X[i][j] - mean_j
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) cols[j * n + i] = X[i * d + j] - xMean[j];
  const yc = new Float64Array(n);
  for (let i = 0; i < n; i++) yc[i] = y[i] - yMean;
  return { cols, yc, xMean, yMean };
}

function dot(a: Float64Array, ao: number, b: Float64Array, bo: number, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[ao + i] * b[bo + i];
  return s;
}

function interceptOf(coef: Float64Array, xMean: Float64Array, yMean: number, fitIntercept: boolean): number {
  return fitIntercept ? yMean - dot(xMean, 0, coef, 0, coef.length) : 0;
}

/**
 * Cyclic coordinate descent of sklearn's enet_coordinate_descent (_cd_fast.pyx) on the
 * equivalent problem (1/2)||y - X w||^2 + a ||w||_1 with a = alpha n:
 *   for each feature j: rho = X_j . (r + w_j X_j);  w_j = sign(rho) max(|rho| - a, 0) / ||X_j||^2
 * (so a coefficient is set to exactly 0 when |rho| <= a). After a sweep whose largest change
 * max|dw| / max|w| < tol (or when all w are 0, or at the last iteration), the duality gap is
 * computed and the loop stops when gap < tol ||y||^2.
 */
export function lasso(X: Float64Array, y: Float64Array, n: number, d: number, alpha: number, options: LassoOptions = {}): LinearFit {
  const { fitIntercept = true, maxIter = 10000, tol = 1e-4, warmStart } = options;
  checkData(X, y, n, d, alpha);
  if (!Number.isInteger(maxIter) || maxIter < 1) throw new EngineError(`maxIter must be an integer >= 1, got ${show(maxIter)}`);
  if (typeof tol !== 'number' || !(tol >= 0)) throw new EngineError(`tol must be a number >= 0, got ${show(tol)}`);
  const { cols, yc, xMean, yMean } = prepare(X, y, n, d, fitIntercept);
  const w = new Float64Array(d);
  if (warmStart !== undefined) {
    if (warmStart.length !== d) throw new EngineError(`warmStart has ${warmStart.length} values, expected d = ${d}`);
    w.set(warmStart);
  }
  const a = alpha * n;
  const colNorm2 = new Float64Array(d);
  for (let j = 0; j < d; j++) colNorm2[j] = dot(cols, j * n, cols, j * n, n);
  const r = yc.slice(); // residual y - X w
  for (let j = 0; j < d; j++) if (w[j] !== 0) for (let i = 0; i < n; i++) r[i] -= w[j] * cols[j * n + i];
  const gapTol = tol * dot(yc, 0, yc, 0, n);

  let iterations = 0;
  for (let iter = 0; iter < maxIter; iter++) {
    iterations = iter + 1;
    let wMax = 0, dwMax = 0;
    for (let j = 0; j < d; j++) {
      if (colNorm2[j] === 0) continue;
      const o = j * n, old = w[j];
      if (old !== 0) for (let i = 0; i < n; i++) r[i] += old * cols[o + i];
      const rho = dot(cols, o, r, 0, n);
      const wj = (Math.sign(rho) * Math.max(Math.abs(rho) - a, 0)) / colNorm2[j];
      w[j] = wj;
      if (wj !== 0) for (let i = 0; i < n; i++) r[i] -= wj * cols[o + i];
      dwMax = Math.max(dwMax, Math.abs(wj - old));
      wMax = Math.max(wMax, Math.abs(wj));
    }
    if (wMax === 0 || dwMax / wMax < tol || iter === maxIter - 1) {
      if (dualityGap(cols, yc, r, w, n, d, a) < gapTol) break;
    }
  }
  return { coef: w, intercept: interceptOf(w, xMean, yMean, fitIntercept), iterations };
}

/** Duality gap of (1/2)||y - X w||^2 + a ||w||_1 at w with residual r (sklearn's formula). */
function dualityGap(cols: Float64Array, y: Float64Array, r: Float64Array, w: Float64Array, n: number, d: number, a: number): number {
  let dualNorm = 0, l1 = 0;
  for (let j = 0; j < d; j++) {
    dualNorm = Math.max(dualNorm, Math.abs(dot(cols, j * n, r, 0, n)));
    l1 += Math.abs(w[j]);
  }
  const rNorm2 = dot(r, 0, r, 0, n);
  let scale = 1, gap = rNorm2;
  if (dualNorm > a) {
    scale = a / dualNorm;
    gap = 0.5 * (rNorm2 + rNorm2 * scale * scale);
  }
  return gap + a * l1 - scale * dot(r, 0, y, 0, n);
}

/** Closed form: (Xc^T Xc + alpha I) w = Xc^T yc, solved by Cholesky (sklearn's 'cholesky' solver). */
export function ridge(X: Float64Array, y: Float64Array, n: number, d: number, alpha: number, options: { fitIntercept?: boolean } = {}): LinearFit {
  const { fitIntercept = true } = options;
  checkData(X, y, n, d, alpha);
  const { cols, yc, xMean, yMean } = prepare(X, y, n, d, fitIntercept);
  const S = new Float64Array(d * d), rhs = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    rhs[j] = dot(cols, j * n, yc, 0, n);
    for (let k = 0; k <= j; k++) S[j * d + k] = S[k * d + j] = dot(cols, j * n, cols, k * n, n);
    S[j * d + j] += alpha;
  }
  const w = choleskySolve(S, rhs, d);
  if (w === null) throw new EngineError(`ridge: X^T X + alpha I is singular (alpha = ${alpha}); use alpha > 0`);
  return { coef: w, intercept: interceptOf(w, xMean, yMean, fitIntercept), iterations: 1 };
}

/** Coefficients along a list of alphas: lasso with warm starts (in the given order), or ridge. */
export function regularizationPath(X: Float64Array, y: Float64Array, n: number, d: number, penalty: 'l1' | 'l2', alphas: number[]) {
  if (penalty !== 'l1' && penalty !== 'l2') throw new EngineError(`penalty must be 'l1' or 'l2', got ${show(penalty)}`);
  const coefs: Float64Array[] = [], intercepts: number[] = [];
  let warm: Float64Array | undefined;
  for (const alpha of alphas) {
    const fit = penalty === 'l1' ? lasso(X, y, n, d, alpha, { warmStart: warm }) : ridge(X, y, n, d, alpha);
    warm = fit.coef;
    coefs.push(fit.coef);
    intercepts.push(fit.intercept);
  }
  return { alphas: alphas.slice(), coefs, intercepts };
}

/**
 * Where a marker's Lasso fit starts: the index of the smallest path alpha >= `alpha` (its
 * coefficients are the warm start), or -1 (none: it starts from zeros). The path demo's runner and
 * the recipe's script follow the same rule, so a marker's fit is the same fit everywhere.
 */
export function warmStartIndex(alphas: readonly number[], alpha: number): number {
  let best = -1;
  alphas.forEach((a, k) => {
    if (a >= alpha && (best < 0 || a < alphas[best])) best = k;
  });
  return best;
}
