import { LineChart, type Series } from '../../views/LineChart.tsx';
import { bandOf } from '../multi-seed.ts';

interface BandProps {
  /** The two variants' names ("no regularization", "dropout p = 0.5"). */
  names: [string, string];
  /** Per variant, one curve per seed (index: epochs trained). */
  curves: [number[][], number[][]];
  yLabel: string;
  /** The measure in words for the text alternative ("validation loss"). */
  what: string;
  format: (v: number) => string;
  yMin?: number;
  yMax?: number;
  testId?: string;
}

/** Each variant's mean over the seeds as a line, inside a shaded band from the lowest to the highest seed. */
export function SeedBandChart({ names, curves, yLabel, what, format, yMin, yMax, testId }: BandProps) {
  const bands = curves.map((c) => bandOf(c));
  const series: Series[] = bands.flatMap((b, v) => {
    const base = v * 3;
    return [
      { label: `${names[v]}: lowest seed`, values: b.min, color: v, width: 0.5, legend: false },
      { label: `${names[v]}: min to max over seeds`, values: b.max, color: v, width: 0.5, fillTo: base, legend: false },
      { label: `${names[v]}: mean over seeds`, values: b.mean, color: v, width: 2.5 },
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
      <label for={`${id}-progress`}>Trained {done.toLocaleString('en')} of {total.toLocaleString('en')} epochs {detail}</label>
      <progress id={`${id}-progress`} data-testid={`${id}-progress`} value={done} max={total} />
    </div>
  );
}
