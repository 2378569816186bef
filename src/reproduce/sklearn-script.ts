/**
 * A scikit-learn recipe as a self-contained script: Lasso (L1) and/or Ridge (L2) fitted along the
 * demo's alphas on the embedded data, then at its markers, one JSON line per fit, the same lines
 * as the engine's lasso / ridge (engine-run.ts). Only scikit-learn and the standard library.
 */
import { EngineError } from '../engine/errors.ts';
import { float64ToBase64 } from './encode.ts';
import { pyFloat, pyFloatList, pyValue, pyWrapped } from '../python/writer.ts';
import { pyHeader, pyIoHelpers, pyFooter, pyStdImports, PY_SHOWN_CHECK } from './python-common.ts';
import { lineKey } from './recipe.ts';
import type { SklearnPath, SklearnRecipe } from './types.ts';

const MODEL = {
  l1: {
    name: 'lasso', label: 'Lasso (L1)',
    objective: [
      'minimises (1 / 2n) ||y - X w - b||^2 + alpha ||w||_1 by cyclic coordinate descent;',
      'warm_start=True starts each fit from the previous alpha\'s coefficients, as the demo\'s path does.',
    ],
  },
  l2: { name: 'ridge', label: 'Ridge (L2)', objective: ['minimises ||y - X w - b||^2 + alpha ||w||^2, solved in closed form.'] },
} as const;

/** The script names each path by its model (lasso, ridge): one path per model. */
export function checkPaths(r: SklearnRecipe): void {
  const penalties = r.paths.map((p) => p.penalty);
  if (new Set(penalties).size !== penalties.length) throw new EngineError(`a scikit-learn recipe has one path per model, got ${penalties.join(', ')}`);
}

/** The Python of one path: the model, its fits along the alphas, then at the markers. */
function pathBlock(r: SklearnRecipe, p: SklearnPath, index: number): string[] {
  const m = MODEL[p.penalty];
  const l1 = p.penalty === 'l1';
  const markers = p.markers ?? [];
  const make = l1
    ? `Lasso(alpha=1.0, fit_intercept=True, max_iter=${r.maxIter}, tol=${pyFloat(r.tol)}, warm_start=True)`
    : 'Ridge(alpha=1.0, fit_intercept=True, solver="cholesky")';
  return [
    `    # ${index + 2}. ${m.label}: ${m.objective[0]}`,
    ...m.objective.slice(1).map((c) => `    #    ${c}`),
    `    ${m.name} = ${make}`,
    ...(l1 && markers.length ? [`    ${m.name}_path = []                  # (alpha, coefficients) of each fit: where a marker starts`] : []),
    `    for alpha in ALPHAS["${m.name}"]:${' '.repeat(Math.max(1, 22 - m.name.length))}# ${p.alphas.length} alphas, in the demo's order`,
    `        ${m.name}.set_params(alpha=alpha)`,
    `        ${m.name}.fit(X, y)`,
    ...(l1 && markers.length ? [`        ${m.name}_path.append((alpha, ${m.name}.coef_.copy()))`] : []),
    `        emit(fitted("${m.name}", "path", ${m.name}, alpha))`,
    ...(markers.length
      ? [
          l1
            ? `    # The marker${markers.length > 1 ? 's' : ''}: ${m.label} at exactly your alpha, starting from the path's fit at the nearest larger alpha.`
            : `    # The marker${markers.length > 1 ? 's' : ''}: ${m.label} at exactly your alpha.`,
          `    for alpha in ${pyFloatList(markers, '    ')}:`,
          ...(l1 ? [`        ${m.name}.coef_ = warm_coef(${m.name}_path, alpha)`] : []),
          `        ${m.name}.set_params(alpha=alpha)`,
          `        ${m.name}.fit(X, y)`,
          `        emit(fitted("${m.name}", "marker", ${m.name}, alpha))`,
        ]
      : []),
    '',
  ];
}

export function sklearnScript(r: SklearnRecipe): string {
  checkPaths(r);
  const { n, d, val } = r.data;
  const hasVal = !!val && val.n > 0;
  const blob = (x: ArrayLike<number>) => pyWrapped(float64ToBase64(x), '    ');
  const kinds = [...new Set(r.paths.map((p) => p.penalty))];
  const names = kinds.map((k) => MODEL[k].label).join(' and ');
  const lassoMarkers = r.paths.some((p) => p.penalty === 'l1' && (p.markers ?? []).length > 0);

  return [
    ...pyHeader(r, {
      library: 'scikit-learn',
      intro:
        `The demo's ${names} path${r.paths.length > 1 ? 's' : ''}, refitted by scikit-learn on the same data: for each alpha, one JSON line with the coefficients the demo drew and how many are exactly 0. ` +
        'They agree with the course engine\'s to 1e-6 (relative) or better.',
      needs: 'scikit-learn',
    }),
    ...pyStdImports(),
    `from sklearn.linear_model import ${kinds.map((k) => (k === 'l1' ? 'Lasso' : 'Ridge')).join(', ')}`,
    '',
    '',
    'def main():',
    `    # 1. The data: ${n} examples of ${d} features${r.data.trueCoef ? ` (only ${r.data.trueCoef.filter((c) => c !== 0).length} of them enter the target)` : ''}, exactly the engine's.`,
    `    X = rows(floats(DATA["X"]), ${d})`,
    '    y = floats(DATA["y"])',
    ...(hasVal ? [`    X_val, y_val = rows(floats(DATA["X_val"]), ${d}), floats(DATA["y_val"])`] : []),
    ...(r.data.trueCoef ? [`    true_coef = ${pyValue(r.data.trueCoef)}  # what generated y (plus noise)`] : []),
    '',
    '    def fitted(name, fit, model, alpha):',
    '        """One JSON line: the fit\'s alpha, coefficients and intercept, and how many coefficients',
    '        are exactly 0 (as the demo counts them: -0.0 is 0 too)."""',
    '        coef = [float(c) for c in model.coef_]',
    '        nonzero = sum(c != 0 for c in coef)',
    '        line = {"model": name, "fit": fit, "alpha": alpha, "coef": coef, "intercept": float(model.intercept_),',
    '                "nonzero": nonzero, "zeros": len(coef) - nonzero}',
    ...(r.mse
      ? [
          '        line["train_mse"] = mse(model, X, y)',
          ...(hasVal ? ['        line["val_mse"] = mse(model, X_val, y_val)'] : []),
        ]
      : []),
    '        return line',
    '',
    ...r.paths.flatMap((p, i) => pathBlock(r, p, i)),
    '',
    '# ---- Helpers: reading the embedded numbers, errors, printing ----',
    '',
    'def rows(values, width):',
    '    return [values[i:i + width] for i in range(0, len(values), width)]',
    '',
    '',
    ...(lassoMarkers
      ? [
          'def warm_coef(path, alpha):',
          '    """Where a marker\'s Lasso fit starts: the path\'s coefficients at the smallest alpha >= alpha',
          '    (zeros if there is none), as the demo does it."""',
          '    larger = [(a, k) for k, (a, _) in enumerate(path) if a >= alpha]',
          '    return (path[min(larger)[1]][1] if larger else path[0][1] * 0.0 + 0.0).copy()  # (+ 0.0: no -0.0)',
          '',
          '',
        ]
      : []),
    'def mse(model, X, y):',
    '    """Mean squared error of the fitted model on (X, y)."""',
    '    predictions = model.predict(X)',
    '    return sum((float(p) - t) ** 2 for p, t in zip(predictions, y)) / len(y)',
    '',
    '',
    ...pyIoHelpers(false),
    '',
    '',
    ...PY_SHOWN_CHECK,
    '',
    '',
    '# ---- The embedded numbers: base64 of little-endian float64, exactly the engine\'s ----',
    '',
    'DATA = {',
    `    "X": ${blob(r.data.X)},  # ${n} x ${d}, row by row`,
    `    "y": ${blob(r.data.y)},`,
    ...(hasVal ? [`    "X_val": ${blob(val!.X)},`, `    "y_val": ${blob(val!.y)},`] : []),
    '}',
    '',
    '# The alphas of the paths, in the order they are fitted (the Lasso warm-starts along them).',
    'ALPHAS = {',
    ...r.paths.map((p) => `    "${MODEL[p.penalty].name}": ${pyFloatList(p.alphas, '    ')},`),
    '}',
    '',
    ...pyFooter(r.shown, lineKey(r)),
  ].join('\n');
}
