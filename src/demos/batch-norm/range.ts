/**
 * The shared x range of the three histograms: symmetric around 0, wide enough for 99.5% of the
 * values of every view, on a "nice" number, and never narrower than `previous` (so the axis does
 * not jump back and forth while a run trains).
 */
const NICE = [2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 50, 100, 200, 500, 1000];

export function histogramRange(views: ArrayLike<number>[], previous = 0): number {
  let need = 0;
  for (const v of views) {
    const abs = Array.from(v, Math.abs).filter(Number.isFinite).sort((a, b) => a - b);
    if (abs.length) need = Math.max(need, abs[Math.min(abs.length - 1, Math.floor(abs.length * 0.995))]);
  }
  const nice = NICE.find((r) => r >= need) ?? NICE[NICE.length - 1];
  return Math.max(nice, previous, 3);
}

/** Tick spacing for a [-R, R] axis: the smallest nice step that gives at most 7 labels. */
export function tickStepFor(R: number): number {
  return [1, 2, 2.5, 5, 10, 25, 50, 100, 250, 500].find((s) => R / s <= 3) ?? R / 2;
}
