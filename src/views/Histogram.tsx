import { useEffect, useRef } from 'preact/hooks';
import { Chart, type ChartConfiguration } from './chartjs.ts';
import { usePalette } from './palette.ts';
import { binCounts, binCountsApartFromZero, binTick } from './histogram-bins.ts';

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

/** A chart.js bar histogram, kept in sync with props, with a text alternative. */
export function Histogram({ series, min, max, bins = 40, xLabel, yLabel = 'count', summary, logCounts, height, testId, tickStep, zeroBar }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar'> | null>(null);
  const palette = usePalette();
  const axis = useRef({ min, max, bins, tickStep });
  axis.current = { min, max, bins, tickStep };

  useEffect(() => {
    if (!canvas.current || !palette) return;
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
            stacked: !!zeroBar,
          },
          y: { stacked: !!zeroBar, type: logCounts ? 'logarithmic' : 'linear', beginAtZero: !logCounts, ticks: { color: palette.muted, maxTicksLimit: 5 }, grid: { color: palette.border }, title: { display: true, text: yLabel, color: palette.muted } },
        },
        plugins: { legend: { display: series.length > 1 || !!zeroBar, labels: { color: palette.text, boxWidth: 12 } } },
        datasets: { bar: { barPercentage: 1, categoryPercentage: series.length > 1 ? 0.9 : 1, grouped: true } },
      },
    };
    chart.current = new Chart(canvas.current, config);
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [palette, logCounts, xLabel, yLabel, series.length, !!tickStep, !!zeroBar]);

  useEffect(() => {
    const c = chart.current;
    if (!c || !palette) return;
    const w = (max - min) / bins;
    c.data.labels = Array.from({ length: bins }, (_, i) => Number((min + (i + 0.5) * w).toPrecision(2)));
    const bar = (label: string, colorIndex: number, counts: number[]) => {
      const color = palette.series[colorIndex % palette.series.length];
      return { label, data: counts.map((n) => (logCounts && n === 0 ? null : n)) as number[], backgroundColor: color + 'b0', borderColor: color, borderWidth: 1 };
    };
    c.data.datasets = series.map((s, i) => {
      if (i > 0 || !zeroBar) return bar(s.label, s.color, binCounts(s.values, min, max, bins));
      const apart = binCountsApartFromZero(s.values, min, max, bins);
      return bar(s.label, s.color, apart.counts);
    });
    if (zeroBar && series.length) {
      const apart = binCountsApartFromZero(series[0].values, min, max, bins);
      const zeros = new Array<number>(bins).fill(0);
      zeros[apart.zeroBin] = apart.zeros;
      c.data.datasets.push(bar(`${zeroBar.label} (${apart.zeros})`, zeroBar.color, zeros));
    }
    c.update('none');
  });

  return (
    <figure style="margin:0">
      <div class="chart-box" style={height ? { height } : undefined}>
        <canvas ref={canvas} role="img" aria-label={`Histogram of ${xLabel}. ${summary}`} data-testid={testId} />
      </div>
      <figcaption class="visually-hidden">{summary}</figcaption>
    </figure>
  );
}
