// Shared helpers for the engine unit tests.
import assert from 'node:assert/strict';

export function close(actual: number, expected: number, tol: number, what = ''): void {
  assert.ok(Math.abs(actual - expected) <= tol, `${what} expected ${expected}, got ${actual} (|diff| ${Math.abs(actual - expected)} > ${tol})`);
}

export function seq(n: number, f: (i: number) => number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => f(i));
}

/** Deterministic pseudo-random values in [-1, 1) (independent of the engine's rng). */
export function pseudo(n: number, seed: number): Float64Array {
  let s = seed;
  return seq(n, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s / 2147483648) * 2 - 1;
  });
}

export function matrix(rows: number, cols: number, seed: number): number[][] {
  const v = pseudo(rows * cols, seed);
  return Array.from({ length: rows }, (_, r) => Array.from(v.subarray(r * cols, (r + 1) * cols)));
}

/**
 * What a demo's "Export data and initial weights (JSON)" button saves for a run: the recipe of
 * each of its scripts, read back from the JSON (one object, or a list for several scripts).
 */
export async function exportedRun(ids: string | string[], input: { settings: Record<string, unknown>; changes?: unknown[] }): Promise<any> {
  const { findReproduction } = await import('../../src/demos/reproductions.ts');
  const { makeRecipe, recipeJson } = await import('../../src/reproduce/index.ts');
  const recipes = await Promise.all([ids].flat().map(async (id) => makeRecipe(await findReproduction(id), input as never)));
  return JSON.parse(recipeJson(Array.isArray(ids) ? recipes : recipes[0]));
}
