import type { Runner } from '../../training/runner.ts';
import { validatedPatch, validated } from '../settings-kit.ts';
import { lasso, makeRegression, ridge, warmStartIndex } from '../../engine/index.ts';
import type { RunLog } from '../../reproduce/types.ts';
import { MARKER_KEYS, pathDataKey, pathFields, type PathSettings } from './settings.ts';
import { LASSO_ALPHAS, RIDGE_ALPHAS } from './path-grid.ts';

/** One fit at one alpha, as scikit-learn's Lasso(alpha) / Ridge(alpha) would return it. */
export interface PathFit {
  alpha: number;
  coef: number[];
  intercept: number;
  /** Coefficients that are exactly 0. */
  zeros: number;
  l1: number;
  l2: number;
  /** Training R^2 (what `model.score(X, y)` reports). */
  r2: number;
}

export interface PathSnapshot {
  /** The data settings this path belongs to (a view ignores snapshots of an older data set). */
  key: string;
  d: number;
  informative: number;
  trueCoef: number[];
  /** Alphas in decreasing order (the order the warm-started Lasso walks them), fits computed so far. */
  lasso: PathFit[];
  ridge: PathFit[];
  lassoAlphas: number[];
  ridgeAlphas: number[];
  /** Smallest alpha at which every Lasso coefficient is 0: max_j |x_j . y| / n on centred data. */
  lassoAlphaMax: number;
  done: boolean;
  /** The fits at the markers' alphas; the Lasso one once the path has reached its warm start (null until then). */
  marker: { lasso: PathFit | null; ridge: PathFit };
  /** The settings (the markers' alphas included) and no changes: what "Reproduce in scikit-learn" refits. */
  reproduce: RunLog;
}

export function validPathSettings(raw: unknown): PathSettings {
  return validated(pathFields, raw);
}

/** The demo's regression data: a few informative features (x1, x2, ...) then the useless ones. */
export function pathData(s: PathSettings) {
  return makeRegression({ n: s.samples, informative: s.informative, useless: s.useless, noise: s.noise, seed: s.seed });
}

type Data = ReturnType<typeof pathData>;

function describeFit(D: Data, alpha: number, coef: Float64Array, intercept: number): PathFit {
  let zeros = 0, l1 = 0, l2 = 0;
  for (const c of coef) {
    if (c === 0) zeros++;
    l1 += Math.abs(c);
    l2 += c * c;
  }
  let mean = 0;
  for (let i = 0; i < D.n; i++) mean += D.y[i];
  mean /= D.n;
  let res = 0, tot = 0;
  for (let i = 0; i < D.n; i++) {
    let p = intercept;
    for (let j = 0; j < D.d; j++) p += D.X[i * D.d + j] * coef[j];
    res += (D.y[i] - p) ** 2;
    tot += (D.y[i] - mean) ** 2;
  }
  return { alpha, coef: Array.from(coef), intercept, zeros, l1, l2, r2: tot > 0 ? 1 - res / tot : 1 };
}

export function lassoAlphaMax(D: Data): number {
  let yMean = 0;
  for (let i = 0; i < D.n; i++) yMean += D.y[i];
  yMean /= D.n;
  let best = 0;
  for (let j = 0; j < D.d; j++) {
    let xMean = 0;
    for (let i = 0; i < D.n; i++) xMean += D.X[i * D.d + j];
    xMean /= D.n;
    let s = 0;
    for (let i = 0; i < D.n; i++) s += (D.X[i * D.d + j] - xMean) * (D.y[i] - yMean);
    best = Math.max(best, Math.abs(s) / D.n);
  }
  return best;
}

/**
 * Lasso and Ridge along their alpha grids, one alpha of each per unit of work (well under a
 * millisecond), the Lasso warm-started from the previous, larger alpha as scikit-learn's
 * lasso_path does. The markers refit at exactly the learner's alphas (update); the Lasso marker
 * starts from the path's fit at the nearest larger grid alpha (warmStartIndex), whenever the
 * learner moves it, so its fit is one fixed fit of the settings, the one the script refits.
 */
export function createPathRun(raw: unknown) {
  const s = validPathSettings(raw);
  const D = pathData(s);
  const lassoAlphas = LASSO_ALPHAS;
  const ridgeAlphas = RIDGE_ALPHAS;
  const lassoPath: PathFit[] = [];
  const ridgePath: PathFit[] = [];
  const lassoCoefs: Float64Array[] = [];
  const alphaMax = lassoAlphaMax(D);

  const fitLasso = (alpha: number, warm?: Float64Array) => {
    const f = lasso(D.X, D.y, D.n, D.d, alpha, { warmStart: warm });
    return { coef: f.coef, fit: describeFit(D, alpha, f.coef, f.intercept) };
  };
  const fitRidge = (alpha: number) => {
    const f = ridge(D.X, D.y, D.n, D.d, alpha);
    return describeFit(D, alpha, f.coef, f.intercept);
  };
  /** The Lasso marker's fit, once the path has its warm start (the fit at the nearest larger alpha). */
  const lassoMarker = (): PathFit | null => {
    const k = warmStartIndex(lassoAlphas, s.lassoAlpha);
    if (k < 0) return fitLasso(s.lassoAlpha).fit;
    return k < lassoCoefs.length ? fitLasso(s.lassoAlpha, lassoCoefs[k]).fit : null;
  };
  let marker = { lasso: lassoMarker(), ridge: fitRidge(s.ridgeAlpha) };

  return {
    settings: s,
    data: D,
    advance(): boolean {
      const i = lassoPath.length, j = ridgePath.length;
      if (i < lassoAlphas.length) {
        const { coef, fit } = fitLasso(lassoAlphas[i], lassoCoefs[i - 1]);
        lassoCoefs.push(coef);
        lassoPath.push(fit);
        if (marker.lasso === null) marker = { ...marker, lasso: lassoMarker() };
      }
      if (j < ridgeAlphas.length) ridgePath.push(fitRidge(ridgeAlphas[j]));
      return lassoPath.length < lassoAlphas.length || ridgePath.length < ridgeAlphas.length;
    },
    /** Moves the markers: refits Lasso and/or Ridge at exactly the given alphas. */
    update(patch: Record<string, unknown>) {
      const value = validatedPatch(pathFields, patch, MARKER_KEYS, s, 'cannot change without recomputing the path');
      const lassoMoved = value.lassoAlpha !== s.lassoAlpha, ridgeMoved = value.ridgeAlpha !== s.ridgeAlpha;
      s.lassoAlpha = value.lassoAlpha;
      s.ridgeAlpha = value.ridgeAlpha;
      if (lassoMoved) marker = { ...marker, lasso: lassoMarker() };
      if (ridgeMoved) marker = { ...marker, ridge: fitRidge(s.ridgeAlpha) };
    },
    snapshot(): PathSnapshot {
      return {
        key: pathDataKey(s),
        d: D.d,
        informative: s.informative,
        trueCoef: D.trueCoef.slice(),
        lasso: lassoPath.slice(),
        ridge: ridgePath.slice(),
        lassoAlphas,
        ridgeAlphas,
        lassoAlphaMax: alphaMax,
        done: lassoPath.length === lassoAlphas.length && ridgePath.length === ridgeAlphas.length,
        marker,
        reproduce: { settings: { ...s }, changes: [] },
      };
    },
  };
}

export function pathRunner(raw: unknown): Runner {
  const run = createPathRun(raw);
  return { advance: run.advance, update: run.update, snapshot: run.snapshot };
}
