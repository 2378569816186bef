/**
 * A scikit-learn recipe as a self-contained script: Lasso (L1) or Ridge (L2) fitted along the
 * demo's alphas on the embedded data, one JSON line per alpha, the same lines as the engine's
 * lasso / ridge (engine-run.ts). Only scikit-learn and the standard library.
 */
import { float64ToBase64, pyFloat, pyValue, pyWrapped } from './encode.ts';
import { pyHeader, pyIoHelpers, pyFooter, PY_SHOWN_CHECK } from './python-common.ts';
import type { SklearnRecipe } from './types.ts';

export function sklearnScript(r: SklearnRecipe): string {
  const { n, d, val } = r.data;
  const l1 = r.penalty === 'l1';
  const hasVal = !!val && val.n > 0;
  const blob = (x: ArrayLike<number>) => pyWrapped(float64ToBase64(x), '    ');
  const model = l1
    ? `Lasso(alpha=1.0, fit_intercept=True, max_iter=${r.maxIter}, tol=${pyFloat(r.tol)}, warm_start=True)`
    : 'Ridge(alpha=1.0, fit_intercept=True, solver="cholesky")';

  return [
    ...pyHeader(r, {
      library: 'scikit-learn',
      intro:
        `The demo's ${l1 ? 'Lasso (L1)' : 'Ridge (L2)'} path, refitted by scikit-learn on the same data: for each alpha, one JSON line with the coefficients the demo drew. ` +
        'They agree with the course engine\'s to 1e-6 (relative) or better.',
      needs: 'scikit-learn',
    }),
    'import base64',
    'import json',
    'import math',
    'import struct',
    'import sys',
    '',
    `from sklearn.linear_model import ${l1 ? 'Lasso' : 'Ridge'}`,
    '',
    '',
    'def main():',
    `    # 1. The data: ${n} examples of ${d} features${r.data.trueCoef ? ` (only ${r.data.trueCoef.filter((c) => c !== 0).length} of them enter the target)` : ''}, exactly the engine's.`,
    `    X = rows(floats(DATA["X"]), ${d})`,
    '    y = floats(DATA["y"])',
    ...(hasVal ? [`    X_val, y_val = rows(floats(DATA["X_val"]), ${d}), floats(DATA["y_val"])`] : []),
    ...(r.data.trueCoef ? [`    true_coef = ${pyValue(r.data.trueCoef)}  # what generated y (plus noise)`] : []),
    '',
    l1
      ? '    # 2. The model: Lasso minimises (1 / 2n) ||y - X w - b||^2 + alpha ||w||_1 by cyclic coordinate\n' +
        '    #    descent; warm_start=True starts each fit from the previous alpha\'s coefficients, as the path does.'
      : '    # 2. The model: Ridge minimises ||y - X w - b||^2 + alpha ||w||^2, solved in closed form.',
    `    model = ${model}`,
    '',
    '    # 3. The path: one fit per alpha, in the demo\'s order.',
    `    for alpha in ${pyValue(r.alphas)}:`,
    '        model.set_params(alpha=alpha)',
    '        model.fit(X, y)',
    '        coef = [float(c) for c in model.coef_]',
    '        line = {"alpha": alpha, "coef": coef, "intercept": float(model.intercept_), "nonzero": sum(c != 0 for c in coef)}',
    ...(r.mse
      ? [
          '        line["train_mse"] = mse(model, X, y)',
          ...(hasVal ? ['        line["val_mse"] = mse(model, X_val, y_val)'] : []),
        ]
      : []),
    '        emit(line)',
    '',
    '',
    '# ---- Helpers: reading the embedded numbers, errors, printing ----',
    '',
    'def rows(values, width):',
    '    return [values[i:i + width] for i in range(0, len(values), width)]',
    '',
    '',
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
    ...pyFooter(r.shown, 'alpha'),
  ].join('\n');
}
