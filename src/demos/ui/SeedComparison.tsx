import { LineChart, type Series } from '../../views/LineChart.tsx';
import type { ComponentChildren } from 'preact';
import { PairedDots } from '../../views/PairedDots.tsx';
import { bandOf, pairVerdict, type SeedCurve } from '../multi-seed.ts';
import { grouped } from '../../views/number-format.ts';

interface BandProps {
  /** The variants' names ("no regularization", "dropout p = 0.5"). */
  names: readonly string[];
  /** Per variant, one curve per seed (index: epochs trained). */
  curves: number[][][];
  /** Per variant, its palette colour (default: its index). */
  colors?: readonly number[];
  yLabel: string;
  /** The measure in words for the text alternative ("validation loss"). */
  what: string;
  format: (v: number) => string;
  yMin?: number;
  yMax?: number;
  testId?: string;
}

/** Each variant's mean over the seeds as a line, inside a shaded band from the lowest to the highest seed. */
export function SeedBandChart({ names, curves, colors, yLabel, what, format, yMin, yMax, testId }: BandProps) {
  const bands = curves.map((c) => bandOf(c));
  const series: Series[] = bands.flatMap((b, v) => {
    const base = v * 3;
    const color = colors?.[v] ?? v;
    return [
      { label: `${names[v]}: lowest seed`, values: b.min, color, width: 0.5, legend: false },
      { label: `${names[v]}: min to max over seeds`, values: b.max, color, width: 0.5, fillTo: base, legend: false },
      { label: `${names[v]}: mean over seeds`, values: b.mean, color, width: 2.5 },
    ];
  });
  const at = Math.max(...bands.map((b) => b.mean.length)) - 1;
  const summary = at < 0
    ? 'Not trained yet.'
    : bands.map((b, v) => {
        const i = Math.min(at, b.mean.length - 1);
        return i < 0 ? `${names[v]}: not trained yet.` : `${names[v]}: mean ${what} ${format(b.mean[i])} over ${b.count[i]} seed${b.count[i] === 1 ? '' : 's'} at epoch ${i} (from ${format(b.min[i])} to ${format(b.max[i])}).`;
      }).join(' ');
  return (
    <>
      <LineChart testId={testId} series={series} xLabel="epoch" yLabel={yLabel} yMin={yMin} yMax={yMax} summary={summary} />
      <p class="legend">Lines: the mean over the seeds; shaded: from the lowest to the highest seed at each epoch.</p>
    </>
  );
}

/** "Trained 340 of 1,000 epochs": a labelled progress bar while the seeds train. */
export function SeedProgress({ id, done, total, detail }: { id: string; done: number; total: number; detail: string }) {
  return (
    <div class="seed-progress">
      <label for={`${id}-progress`}>Trained {grouped(done)} of {grouped(total)} epochs {detail}</label>
      <progress id={`${id}-progress`} data-testid={`${id}-progress`} value={done} max={total} />
    </div>
  );
}

const f3 = (v: number) => v.toFixed(3);
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

interface ViewProps {
  id: string;
  /** Per variant, per seed (variant `pair[0]` is the baseline of the verdict and the dots). */
  runs: SeedCurve[][];
  names: readonly string[];
  colors?: readonly number[];
  /** The two variants the verdict and the dots compare (default: 0 against 1). */
  pair?: [number, number];
  progress: { done: number; total: number };
  epochs: number;
  finished: boolean;
  /** What one seed trains, for the progress line ("2 networks"). */
  perSeed: string;
  /** A note under the views (e.g. what "final" means). */
  note?: ComponentChildren;
  /** Extra lines for the verdict box (e.g. epochs saved). */
  extra?: ComponentChildren;
  /** What a seed's two dots share (default: the same data, initial weights and batches). */
  joined?: string;
}

/**
 * A comparison on several seeds, the same for every demo: a progress bar while the seeds train,
 * the paired verdict in words, each variant's mean validation loss and accuracy with its min-max
 * band, and every seed's final numbers as paired dots.
 */
export function SeedsComparisonView({ id, runs, names, colors, pair = [0, 1], progress, epochs, finished, perSeed, note, extra, joined = 'the same data, initial weights and batches for both networks' }: ViewProps) {
  const [a, b] = pair;
  const seeds = runs[a]?.length ?? 0;
  const verdict = pairVerdict(runs[a] ?? [], runs[b] ?? [], names[b]);
  const done = verdict?.seeds.length ?? 0;
  const shown = [a, b];
  const pairs = (which: 'valLoss' | 'valAccuracy') =>
    (runs[a] ?? []).map((r, i) => ({ seed: r.seed, a: r.final?.[which] ?? null, b: runs[b]?.[i]?.final?.[which] ?? null }));
  const dotsSummary = (what: string, fmt: (v: number) => string, which: 'valLoss' | 'valAccuracy') => {
    const ps = pairs(which).filter((p) => p.a !== null && p.b !== null);
    return ps.length ? `Final ${what} per seed, ${names[a]} → ${names[b]}: ${ps.map((p) => `seed ${p.seed} ${fmt(p.a!)} → ${fmt(p.b!)}`).join('; ')}.` : 'No seed has finished yet.';
  };
  const rows: [{ label: string; color: number }, { label: string; color: number }] = [
    { label: names[a], color: colors?.[a] ?? a },
    { label: names[b], color: colors?.[b] ?? b },
  ];
  return (
    <div class="seeds-view" data-testid={`${id}-seeds`}>
      <SeedProgress id={id} done={progress.done} total={progress.total}
        detail={`(${seeds} seeds × ${perSeed} × ${epochs} epochs; ${done} seed${done === 1 ? '' : 's'} finished)`} />
      {verdict ? (
        <div class="demo-message info" data-testid={`${id}-verdict`} aria-live={finished ? 'polite' : 'off'}>
          {!finished && <p style="margin:0 0 0.3rem"><b>So far ({done} of {seeds} seeds):</b></p>}
          <p style="margin:0 0 0.3rem">{verdict.words.loss}</p>
          <p style="margin:0">{verdict.words.accuracy}</p>
          {extra}
        </div>
      ) : (
        <p class="status">The verdict comes once a seed has finished both runs.</p>
      )}
      <div class="demo-grid">
        <div class="demo-panel">
          <h4>Validation loss over the seeds</h4>
          <SeedBandChart testId={`${id}-loss-band`} names={shown.map((v) => names[v])} colors={shown.map((v) => colors?.[v] ?? v)}
            curves={shown.map((v) => (runs[v] ?? []).map((c) => c.valLoss))} yLabel="validation loss" what="validation loss" format={f3} yMin={0} />
        </div>
        <div class="demo-panel">
          <h4>Validation accuracy over the seeds</h4>
          <SeedBandChart testId={`${id}-accuracy-band`} names={shown.map((v) => names[v])} colors={shown.map((v) => colors?.[v] ?? v)}
            curves={shown.map((v) => (runs[v] ?? []).map((c) => c.valAccuracy))} yLabel="share classified right" what="validation accuracy" format={pct} />
        </div>
      </div>
      <div class="demo-grid">
        <div class="demo-panel">
          <h4>Final validation loss, seed by seed</h4>
          <PairedDots testId={`${id}-loss-dots`} rows={rows} pairs={pairs('valLoss')} axis="final validation loss" format={f3} summary={dotsSummary('validation loss', f3, 'valLoss')} />
        </div>
        <div class="demo-panel">
          <h4>Final validation accuracy, seed by seed</h4>
          <PairedDots testId={`${id}-accuracy-dots`} rows={rows} pairs={pairs('valAccuracy')} axis="final validation accuracy" format={pct} summary={dotsSummary('validation accuracy', pct, 'valAccuracy')} />
        </div>
      </div>
      <p class="legend">A line joins each seed's two dots: {joined}. {note}</p>
    </div>
  );
}
