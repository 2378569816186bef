import { useEffect, useRef } from 'preact/hooks';
import { Chart, type ChartConfiguration, type Plugin } from './chartjs.ts';
import { usePalette } from './palette.ts';

export interface Series {
  label: string;
  /** y values; x is the index + xStart unless xs is given. */
  values: ArrayLike<number>;
  xs?: ArrayLike<number>;
  /** Index into the palette's series colours. */
  color: number;
  dashed?: boolean;
}

export interface VerticalMarker { x: number; label: string; color?: number }

interface Props {
  series: Series[];
  xLabel: string;
  yLabel: string;
  /** Short text alternative, e.g. "Training loss 0.12, validation loss 0.31 at epoch 240". */
  summary: string;
  xStart?: number;
  logX?: boolean;
  logY?: boolean;
  yMin?: number;
  /** Fixed top of the y axis (two charts compared side by side share one scale). */
  yMax?: number;
  markers?: VerticalMarker[];
  height?: string;
  testId?: string;
}

/** Draws labelled vertical lines (best epoch, stopping epoch, alpha marker). */
const markerPlugin: Plugin<'line'> = {
  id: 'verticalMarkers',
  afterDatasetsDraw(chart) {
    const markers = (chart.options.plugins as { verticalMarkers?: { markers: VerticalMarker[]; colors: string[] } }).verticalMarkers;
    if (!markers) return;
    const { ctx, chartArea, scales } = chart;
    for (const m of markers.markers) {
      const x = scales.x.getPixelForValue(m.x);
      if (!Number.isFinite(x) || x < chartArea.left - 1 || x > chartArea.right + 1) continue;
      const color = markers.colors[m.color ?? 0] ?? markers.colors[0];
      ctx.save();
      ctx.strokeStyle = color;
      ctx.fillStyle = color;
      ctx.setLineDash([4, 3]);
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.moveTo(x, chartArea.top);
      ctx.lineTo(x, chartArea.bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.font = '11px system-ui, sans-serif';
      const w = ctx.measureText(m.label).width;
      const tx = Math.min(Math.max(x + 4, chartArea.left), chartArea.right - w);
      ctx.fillText(m.label, tx, chartArea.top + 11);
      ctx.restore();
    }
  },
};

function points(s: Series, xStart: number): { x: number; y: number | null }[] {
  const out = new Array(s.values.length);
  for (let i = 0; i < s.values.length; i++) {
    const y = s.values[i];
    out[i] = { x: s.xs ? s.xs[i] : i + xStart, y: Number.isFinite(y) ? y : null };
  }
  return out;
}

/** A chart.js line chart kept in sync with props; the canvas is an image with a text alternative. */
export function LineChart(props: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'line', { x: number; y: number | null }[]> | null>(null);
  const palette = usePalette();
  const xStart = props.xStart ?? 0;

  useEffect(() => {
    if (!canvas.current || !palette) return;
    const config: ChartConfiguration<'line', { x: number; y: number | null }[]> = {
      type: 'line',
      data: { datasets: [] },
      options: {
        parsing: false,
        normalized: true,
        spanGaps: true,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        elements: { point: { radius: 0, hoverRadius: 3 }, line: { borderWidth: 2, tension: 0 } },
        scales: {
          x: { type: props.logX ? 'logarithmic' : 'linear', title: { display: true, text: props.xLabel, color: palette.muted }, ticks: { color: palette.muted, maxTicksLimit: 8 }, grid: { color: palette.border } },
          y: { type: props.logY ? 'logarithmic' : 'linear', min: props.yMin, max: props.yMax, title: { display: true, text: props.yLabel, color: palette.muted }, ticks: { color: palette.muted, maxTicksLimit: 6 }, grid: { color: palette.border } },
        },
        plugins: {
          legend: { labels: { color: palette.text, boxWidth: 14, boxHeight: 2 } },
          tooltip: { enabled: true },
          verticalMarkers: { markers: [], colors: palette.series },
        } as never,
      },
      plugins: [markerPlugin],
    };
    chart.current = new Chart(canvas.current, config);
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [palette, props.logX, props.logY, props.xLabel, props.yLabel]);

  useEffect(() => {
    const c = chart.current;
    if (!c || !palette) return;
    c.data.datasets = props.series.map((s) => ({
      label: s.label,
      data: points(s, xStart),
      borderColor: palette.series[s.color % palette.series.length],
      backgroundColor: palette.series[s.color % palette.series.length],
      borderDash: s.dashed ? [6, 4] : [],
    }));
    (c.options.plugins as { verticalMarkers: { markers: VerticalMarker[]; colors: string[] } }).verticalMarkers = { markers: props.markers ?? [], colors: palette.series };
    if (c.options.scales?.y) Object.assign(c.options.scales.y, { min: props.yMin, max: props.yMax });
    c.update('none');
  });

  return (
    <figure class="chart-figure" style="margin:0">
      <div class="chart-box" style={props.height ? { height: props.height } : undefined}>
        <canvas ref={canvas} role="img" aria-label={`${props.yLabel} against ${props.xLabel}. ${props.summary}`} data-testid={props.testId} />
      </div>
      <figcaption class="visually-hidden" aria-live="off">{props.summary}</figcaption>
    </figure>
  );
}
