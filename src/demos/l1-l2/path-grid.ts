import { PATH_PER_DECADE, pathFields } from './settings.ts';

/** `perDecade` log-spaced alphas from max down to min (both included), to 6 significant digits. */
export function alphaGrid(min: number, max: number, perDecade = PATH_PER_DECADE): number[] {
  const decades = Math.log10(max / min);
  const k = Math.max(1, Math.round(decades * perDecade));
  return Array.from({ length: k + 1 }, (_, i) => Number((max * 10 ** (-(decades * i) / k)).toPrecision(6)));
}

/** The alphas of the two paths: the range of the markers' sliders, from large to small. */
export const LASSO_ALPHAS = alphaGrid(pathFields.lassoAlpha.min, pathFields.lassoAlpha.max);
export const RIDGE_ALPHAS = alphaGrid(pathFields.ridgeAlpha.min, pathFields.ridgeAlpha.max);
