import { useRef } from 'preact/hooks';
import { Chart, type ChartConfiguration } from './chartjs.ts';
import { usePalette, type Palette } from './palette.ts';
import { binCounts, binCountsApartFromZero, binTick } from './histogram-bins.ts';
import { sameValues } from './decimate.ts';
import { useChart } from './useChart.ts';
import { ChartLegend } from './ChartLegend.tsx';

export { binCounts, binTick };

export interface HistogramSeries {
  label: string;
  /** Raw values; binned here. */
  values: ArrayLike<number>;
  color: number;
}

interface Props {
  series: HistogramSeries[];
  /** Bin range; values outside are counted in the first/last bin. */
  min: number;
  max: number;
  bins?: number;
  xLabel: string;
  yLabel?: string;
  /** Text alternative with the numbers that matter (mean, variance, zero count...). */
  summary: string;
  /** Log-scale counts (a spike at zero next to a spread). */
  logCounts?: boolean;
  height?: string;
  testId?: string;
  /** Label the x axis at multiples of this step (e.g. -2, 0, 2) instead of at bin centres. */
  tickStep?: number;
  /** Draw the first series' values that are exactly 0 as a bar of their own colour, stacked in
   *  the bin of 0 and named in the legend (an L1 spike "near zero" is not "at zero"). */
  zeroBar?: { label: string; color: number };
}

interface Bar { label: string; color: number; counts: number[] }

/** A chart.js bar histogram, kept in sync with props, with a text alternative. */
export function Histogram({ series, min, max, bins = 40, xLabel, yLabel = 'count', summary, logCounts, height, testId, tickStep, zeroBar }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const palette = usePalette();
  const axis = useRef({ min, max, bins, tickStep });
  axis.current = { min, max, bins, tickStep };

  // The chart, made by its first draw and again when its axes or colours change (useChart.ts).
  const create = (el: HTMLCanvasElement, palette: Palette) => {
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: { labels: [], datasets: [] },
      options: {
        scales: {
          x: {
            ticks: tickStep
              ? { color: palette.muted, autoSkip: false, maxRotation: 0, callback: (_v, i) => { const a = axis.current; return a.tickStep ? binTick(i, a.min, a.max, a.bins, a.tickStep) : ''; } }
              : { color: palette.muted, maxTicksLimit: 7 },
            grid: { display: false },
            title: { display: true, text: xLabel, color: palette.muted },
          },
          y: { type: logCounts ? 'logarithmic' : 'linear', beginAtZero: !logCounts, ticks: { color: palette.muted, maxTicksLimit: 5 }, grid: { color: palette.border }, title: { display: true, text: yLabel, color: palette.muted } },
        },
        datasets: { bar: { barPercentage: 1, categoryPercentage: series.length > 1 ? 0.9 : 1, grouped: true } },
      },
    };
    return new Chart(el, config);
  };

  // Redraws only when the bars or the axis changed (weights that move within their bins redraw
  // nothing), updating the datasets in place.
  const drawn = useRef<{ bars: Bar[]; rest: string; chart: unknown }>({ bars: [], rest: '', chart: null });
  const update = (c: Chart<'bar'>, palette: Palette) => {
    const prev = drawn.current;
    const bars: Bar[] = series.map((s, i) => ({
      label: s.label,
      color: s.color,
      counts: i > 0 || !zeroBar ? binCounts(s.values, min, max, bins) : binCountsApartFromZero(s.values, min, max, bins).counts,
    }));
    if (zeroBar && series.length) {
      const apart = binCountsApartFromZero(series[0].values, min, max, bins);
      const zeros = new Array<number>(bins).fill(0);
      zeros[apart.zeroBin] = apart.zeros;
      bars.push({ label: `${zeroBar.label} (${apart.zeros})`, color: zeroBar.color, counts: zeros });
    }
    const rest = JSON.stringify([bars.map((b) => [b.label, b.color]), min, max, bins, logCounts]);
    if (prev.chart === c && rest === prev.rest && bars.length === prev.bars.length && bars.every((b, i) => sameValues(prev.bars[i].counts, b.counts))) return;
    drawn.current = { bars, rest, chart: c };
    const w = (max - min) / bins;
    c.data.labels = Array.from({ length: bins }, (_, i) => Number((min + (i + 0.5) * w).toPrecision(2)));
    const datasets = c.data.datasets;
    datasets.length = bars.length;
    bars.forEach((b, i) => {
      const color = palette.series[b.color % palette.series.length];
      const data = b.counts.map((n) => (logCounts && n === 0 ? null : n)) as number[];
      const d = datasets[i];
      if (d) Object.assign(d, { label: b.label, data, backgroundColor: color + 'b0', borderColor: color });
      else datasets[i] = { label: b.label, data, backgroundColor: color + 'b0', borderColor: color, borderWidth: 1 };
    });
    c.update('none');
  };
  useChart(canvas, palette, [logCounts, xLabel, yLabel, series.length, !!tickStep, !!zeroBar], create, update);

  // The zero bar's count is in its legend entry (as it is in the text alternative).
  const zeros = zeroBar && series.length ? countZeros(series[0].values) : 0;
  const legend = series.length > 1 || zeroBar
    ? [...series.map((s) => ({ label: s.label, color: s.color, key: 'box' as const })), ...(zeroBar ? [{ label: `${zeroBar.label} (${zeros})`, color: zeroBar.color, key: 'box' as const }] : [])]
    : [];
  return (
    <figure style="margin:0">
      <ChartLegend items={legend} />
      <div class="chart-box" style={height ? { height } : undefined}>
        <canvas ref={canvas} role="img" aria-label={`Histogram of ${xLabel}. ${summary}`} data-testid={testId} />
      </div>
      <figcaption class="visually-hidden">{summary}</figcaption>
    </figure>
  );
}

function countZeros(values: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === 0) n++;
  return n;
}
