/**
 * Several seeds, honestly compared: two variants of a run (without and with a regularization)
 * trained on the same seeds, each seed giving both the same data split, initial weights and
 * batches. Pure: the runners (worker), the islands and the unit tests use the same functions.
 */

export interface Band {
  mean: number[];
  min: number[];
  max: number[];
  /** How many runs reached each index (runs stopped early end sooner). */
  count: number[];
}

/** Mean, min and max over runs at every index some run has reached. */
export function bandOf(curves: readonly (readonly number[])[]): Band {
  const len = Math.max(0, ...curves.map((c) => c.length));
  const band: Band = { mean: [], min: [], max: [], count: [] };
  for (let i = 0; i < len; i++) {
    let sum = 0, n = 0, lo = Infinity, hi = -Infinity;
    for (const c of curves) {
      if (i >= c.length || !Number.isFinite(c[i])) continue;
      sum += c[i]; n++;
      lo = Math.min(lo, c[i]); hi = Math.max(hi, c[i]);
    }
    band.mean.push(n ? sum / n : NaN); band.min.push(n ? lo : NaN); band.max.push(n ? hi : NaN); band.count.push(n);
  }
  return band;
}

export interface Paired {
  n: number;
  /** Seeds on which the variant is better than the baseline. */
  better: number;
  /** Mean over the seeds of the improvement (baseline - variant for a loss, variant - baseline for an accuracy). */
  meanGap: number;
  /** Standard deviation of the improvement over the seeds (n - 1 in the denominator); 0 for one seed. */
  sdGap: number;
  /** Standard error of the mean gap, sd / sqrt(n). */
  se: number;
  /** Whether the mean gap is more than twice its standard error: larger than the seed-to-seed spread. */
  clear: boolean;
}

/** A paired comparison over seeds: baseline[i] and variant[i] come from the same seed. */
export function paired(baseline: readonly number[], variant: readonly number[], lowerIsBetter: boolean): Paired {
  const n = Math.min(baseline.length, variant.length);
  const gaps = Array.from({ length: n }, (_, i) => (lowerIsBetter ? baseline[i] - variant[i] : variant[i] - baseline[i]));
  const meanGap = n ? gaps.reduce((a, g) => a + g, 0) / n : NaN;
  const sdGap = n > 1 ? Math.sqrt(gaps.reduce((a, g) => a + (g - meanGap) ** 2, 0) / (n - 1)) : 0;
  const se = n > 1 ? sdGap / Math.sqrt(n) : NaN;
  return { n, better: gaps.filter((g) => g > 0).length, meanGap, sdGap, se, clear: n > 1 && Math.abs(meanGap) > 2 * se };
}

/**
 * The verdict in words, e.g. "Dropout gave the lower validation loss on 5 of 5 seeds; mean gap
 * 0.080 ± 0.020 (mean ± standard deviation over the seeds). That is larger than the seed-to-seed
 * spread: …". `what` names the measure ("validation loss"), `variant` the technique.
 */
export function verdictWords(p: Paired, o: { variant: string; what: string; lowerIsBetter: boolean; digits?: number; percent?: boolean }): string {
  const fmt = (v: number) => (o.percent ? `${(v * 100).toFixed(o.digits ?? 1)} points` : v.toFixed(o.digits ?? 3));
  const better = o.lowerIsBetter ? `the lower ${o.what}` : `the higher ${o.what}`;
  const head = `${capital(o.variant)} gave ${better} on ${p.better} of ${p.n} seed${p.n === 1 ? '' : 's'}; mean gap ${fmt(p.meanGap)} ± ${fmt(p.sdGap)} (mean ± standard deviation over the seeds).`;
  if (p.n < 2) return `${head} One seed cannot separate the technique from luck: run more.`;
  if (!p.clear) return `${head} That is within the seed-to-seed spread: these seeds do not show that ${o.variant} changes the ${o.what}.`;
  const direction = p.meanGap > 0 ? 'better' : 'worse';
  return `${head} That is larger than the seed-to-seed spread (the mean gap is over twice its standard error, ${fmt(p.se)}): ${o.variant} made the ${o.what} ${direction} on these seeds.`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The seeds of a comparison: `count` consecutive seeds from `first`. */
export function seedList(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => first + i);
}

export interface Steppable { advance(): boolean; readonly done: boolean }

/**
 * Trains many runs a unit at a time, round robin, so every run's curve grows together (the bands
 * fill in from left to right); finished runs are skipped. advance() is false when all are done.
 */
export function roundRobin(runs: readonly Steppable[]): { advance(): boolean; readonly next: number } {
  let next = 0;
  return {
    get next() { return next; },
    advance() {
      for (let k = 0; k < runs.length; k++) {
        const r = runs[(next + k) % runs.length];
        if (r.done) continue;
        r.advance();
        next = (next + k + 1) % runs.length;
        return runs.some((x) => !x.done);
      }
      return false;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The pieces every several-seeds comparison shares: a run's curves, a run trained an epoch per
// unit, the runner that interleaves all of them, and the paired verdict of two variants.

/** One network of a comparison on one seed: its validation curves and, once done, its final model. */
export interface SeedCurve {
  seed: number;
  /** Validation loss and accuracy after each epoch (index 0: before training). */
  valLoss: number[];
  valAccuracy: number[];
  done: boolean;
  /** The model the run ends with (after early stopping: the kept epoch's), once done. */
  final: { epoch: number; valLoss: number; valAccuracy: number } | null;
}

export interface SeedRun extends Steppable {
  curve(): SeedCurve;
  /** Epochs trained (a finished run counts all of them). */
  trained(): number;
}

export interface SeedsComparisonSnapshot<S> {
  settings: S;
  seeds: number[];
  /** Per variant (0: the baseline), per seed. */
  runs: SeedCurve[][];
  /** Epochs trained over all runs, of all planned. */
  progress: { done: number; total: number };
  epochs: number;
  /** Per variant, per seed: extra numbers a run keeps (e.g. its weights near zero), once done. */
  extra: Record<string, number[]>[][];
  reproduce: { settings: Record<string, unknown>; changes: [] };
}

export interface PairVerdict {
  /** Seeds whose two runs have both finished (the comparison uses only those). */
  seeds: number[];
  loss: Paired;
  accuracy: Paired;
  words: { loss: string; accuracy: string };
}

/** The paired verdicts of a variant against the baseline over the finished seeds, or null before one has finished. */
export function pairVerdict(base: readonly SeedCurve[], variant: readonly SeedCurve[], name: string): PairVerdict | null {
  const both = base.map((b, i) => [b, variant[i]] as const).filter(([b, v]) => b.final && v?.final);
  if (both.length === 0) return null;
  const loss = paired(both.map(([b]) => b.final!.valLoss), both.map(([, v]) => v.final!.valLoss), true);
  const accuracy = paired(both.map(([b]) => b.final!.valAccuracy), both.map(([, v]) => v.final!.valAccuracy), false);
  return {
    seeds: both.map(([b]) => b.seed),
    loss,
    accuracy,
    words: {
      loss: verdictWords(loss, { variant: name, what: 'validation loss', lowerIsBetter: true }),
      accuracy: verdictWords(accuracy, { variant: name, what: 'validation accuracy', lowerIsBetter: false, percent: true }),
    },
  };
}
