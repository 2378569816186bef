/**
 * Two weights, a quadratic data loss and a penalty: the picture behind "L1 makes zeros".
 *
 *   data loss   f(w) = 1/2 (w - w*)^T H (w - w*)        (w* = the unpenalized optimum)
 *   L1          f(w) + lambda (|w1| + |w2|)
 *   L2          f(w) + lambda (w1^2 + w2^2)
 *
 * Near its minimum every smooth loss looks like this quadratic, so the picture holds locally for
 * any model. Both problems are solved exactly: L2 in closed form, L1 by checking every sign
 * pattern that the optimality conditions allow (the problem is strictly convex, so exactly one
 * candidate passes). Pure functions, no DOM.
 */
export type Vec = [number, number];
/** Symmetric 2 x 2 matrix [a, b; b, c]. */
export interface Sym2 { a: number; b: number; c: number }

/**
 * H with eigenvalues 1/stretch (along the direction `tiltDeg`) and stretch (across it): the
 * contours are ellipses `stretch` times longer than wide, of the same area for every stretch.
 */
export function hessian(tiltDeg: number, stretch: number): Sym2 {
  const t = (tiltDeg * Math.PI) / 180;
  const co = Math.cos(t), si = Math.sin(t);
  const lo = 1 / stretch, hi = stretch;
  return { a: lo * co * co + hi * si * si, b: (lo - hi) * co * si, c: lo * si * si + hi * co * co };
}

function mul(H: Sym2, v: Vec): Vec {
  return [H.a * v[0] + H.b * v[1], H.b * v[0] + H.c * v[1]];
}

function solve(H: Sym2, r: Vec): Vec {
  const det = H.a * H.c - H.b * H.b;
  return [(H.c * r[0] - H.b * r[1]) / det, (H.a * r[1] - H.b * r[0]) / det];
}

export function dataLoss(H: Sym2, opt: Vec, w: Vec): number {
  const d: Vec = [w[0] - opt[0], w[1] - opt[1]];
  const Hd = mul(H, d);
  return 0.5 * (d[0] * Hd[0] + d[1] * Hd[1]);
}

export function l1Objective(H: Sym2, opt: Vec, lambda: number, w: Vec): number {
  return dataLoss(H, opt, w) + lambda * (Math.abs(w[0]) + Math.abs(w[1]));
}

export function l2Objective(H: Sym2, opt: Vec, lambda: number, w: Vec): number {
  return dataLoss(H, opt, w) + lambda * (w[0] * w[0] + w[1] * w[1]);
}

/** L2: grad = H (w - w*) + 2 lambda w = 0, so (H + 2 lambda I) w = H w*. Never exactly 0 unless w* is. */
export function solveL2(H: Sym2, opt: Vec, lambda: number): Vec {
  return solve({ a: H.a + 2 * lambda, b: H.b, c: H.c + 2 * lambda }, mul(H, opt));
}

const soft = (z: number, t: number) => (z > t ? z - t : z < -t ? z + t : 0);

/**
 * L1, exactly. With g = H w*, the optimality conditions (0 in the subgradient) are:
 *   w = 0                      if |g1| <= lambda and |g2| <= lambda;
 *   w = (soft(g1, l) / H11, 0)  if that w1 != 0 and |H21 w1 - g2| <= lambda (and symmetrically);
 *   w = w* - lambda H^-1 s      for signs s = (+-1, +-1) if sign(w) = s.
 * The objective is strictly convex (H is positive definite), so one candidate satisfies them;
 * among candidates that pass (ties only from rounding) the lowest objective wins.
 */
export function solveL1(H: Sym2, opt: Vec, lambda: number): Vec {
  const g = mul(H, opt);
  const tol = 1e-12 * (1 + Math.abs(lambda));
  const candidates: Vec[] = [];
  if (Math.abs(g[0]) <= lambda + tol && Math.abs(g[1]) <= lambda + tol) candidates.push([0, 0]);
  const w1 = soft(g[0], lambda) / H.a;
  if (w1 !== 0 && Math.abs(H.b * w1 - g[1]) <= lambda + tol) candidates.push([w1, 0]);
  const w2 = soft(g[1], lambda) / H.c;
  if (w2 !== 0 && Math.abs(H.b * w2 - g[0]) <= lambda + tol) candidates.push([0, w2]);
  for (const s1 of [1, -1]) {
    for (const s2 of [1, -1]) {
      const step = solve(H, [s1, s2]);
      const w: Vec = [opt[0] - lambda * step[0], opt[1] - lambda * step[1]];
      if (Math.sign(w[0]) === s1 && Math.sign(w[1]) === s2) candidates.push(w);
    }
  }
  if (candidates.length === 0) return coordinateDescentL1(H, opt, lambda); // only reachable through rounding
  let best = candidates[0];
  for (const c of candidates) if (l1Objective(H, opt, lambda, c) < l1Objective(H, opt, lambda, best)) best = c;
  return best;
}

/** The same L1 problem by cyclic coordinate descent (soft-thresholding), as a cross-check. */
export function coordinateDescentL1(H: Sym2, opt: Vec, lambda: number, sweeps = 500): Vec {
  const g = mul(H, opt);
  const w: Vec = [0, 0];
  for (let k = 0; k < sweeps; k++) {
    w[0] = soft(g[0] - H.b * w[1], lambda) / H.a;
    w[1] = soft(g[1] - H.b * w[0], lambda) / H.c;
  }
  return w;
}

/** The smallest lambda at which the L1 optimum is (0, 0): max |(H w*)_i|. */
export function l1ZeroStrength(H: Sym2, opt: Vec): number {
  const g = mul(H, opt);
  return Math.max(Math.abs(g[0]), Math.abs(g[1]));
}

/**
 * Points of the contour f(w) = level, an ellipse around w* with semi-axes sqrt(2 level / h)
 * along H's eigenvectors.
 */
export function contour(H: Sym2, opt: Vec, level: number, points = 96): Vec[] {
  const tr = H.a + H.c, det = H.a * H.c - H.b * H.b;
  const disc = Math.sqrt(Math.max(0, (tr * tr) / 4 - det));
  const h1 = tr / 2 + disc, h2 = tr / 2 - disc;
  // Eigenvector of h1 (falls back to the axes when H is diagonal).
  let e: Vec = Math.abs(H.b) > 1e-15 ? [h1 - H.c, H.b] : H.a >= H.c ? [1, 0] : [0, 1];
  const n = Math.hypot(e[0], e[1]);
  e = [e[0] / n, e[1] / n];
  const r1 = Math.sqrt((2 * Math.max(level, 0)) / h1), r2 = Math.sqrt((2 * Math.max(level, 0)) / h2);
  const out: Vec[] = [];
  for (let k = 0; k < points; k++) {
    const t = (2 * Math.PI * k) / points;
    const u = r1 * Math.cos(t), v = r2 * Math.sin(t);
    out.push([opt[0] + u * e[0] - v * e[1], opt[1] + u * e[1] + v * e[0]]);
  }
  return out;
}

export interface GeometryState {
  H: Sym2;
  opt: Vec;
  lambda: number;
  l1: { w: Vec; zeros: number; level: number; radius: number };
  l2: { w: Vec; zeros: number; level: number; radius: number };
  /** Where L1 first sets a weight to zero, and where both. */
  l1FirstZero: number;
  l1AllZero: number;
}

const ZERO = 1e-12;
const zerosOf = (w: Vec) => (Math.abs(w[0]) < ZERO ? 1 : 0) + (Math.abs(w[1]) < ZERO ? 1 : 0);

/**
 * Everything the picture draws: both optima, how many weights each sets to zero, the data-loss
 * level through each optimum (the contour that touches the penalty's shape there), and the size
 * of that shape (|w1| + |w2| for the diamond, sqrt(w1^2 + w2^2) for the circle).
 */
export function geometry(tiltDeg: number, stretch: number, opt: Vec, lambda: number): GeometryState {
  const H = hessian(tiltDeg, stretch);
  const w1 = solveL1(H, opt, lambda);
  const w2 = solveL2(H, opt, lambda);
  return {
    H,
    opt,
    lambda,
    l1: { w: w1, zeros: zerosOf(w1), level: dataLoss(H, opt, w1), radius: Math.abs(w1[0]) + Math.abs(w1[1]) },
    l2: { w: w2, zeros: zerosOf(w2), level: dataLoss(H, opt, w2), radius: Math.hypot(w2[0], w2[1]) },
    l1FirstZero: l1FirstZero(H, opt),
    l1AllZero: l1ZeroStrength(H, opt),
  };
}

/** The smallest lambda at which the L1 optimum has a zero weight (bisection on the exact solution). */
export function l1FirstZero(H: Sym2, opt: Vec): number {
  if (zerosOf(solveL1(H, opt, 0)) > 0) return 0;
  let lo = 0, hi = l1ZeroStrength(H, opt);
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (zerosOf(solveL1(H, opt, mid)) > 0) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The optimum as lambda grows from 0 to `max`: the two-weight regularization path. */
export function optimumPath(H: Sym2, opt: Vec, penalty: 'l1' | 'l2', max: number, points = 120): Vec[] {
  const out: Vec[] = [];
  for (let k = 0; k <= points; k++) {
    const l = (max * k) / points;
    out.push(penalty === 'l1' ? solveL1(H, opt, l) : solveL2(H, opt, l));
  }
  return out;
}
