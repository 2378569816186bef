import { useRef } from 'preact/hooks';
import { Chart, type ChartConfiguration, type Plugin } from './chartjs.ts';
import { rgb, usePalette, type Palette } from './palette.ts';
import { decimate, sameValues, type XY } from './decimate.ts';
import { useChart } from './useChart.ts';
import { ChartLegend } from './ChartLegend.tsx';
import { pluginOptions, strokeLine } from './canvas-lines.ts';

export interface Series {
  label: string;
  /** y values; x is the index + xStart unless xs is given. */
  values: ArrayLike<number>;
  xs?: ArrayLike<number>;
  /** Index into the palette's series colours, or 'muted' (the theme's secondary text colour). */
  color: number | 'muted';
  dashed?: boolean;
  /** Line width in pixels (default 2). */
  width?: number;
  /** Shades the area between this series and series[fillTo] (a band, e.g. min to max over seeds). */
  fillTo?: number;
  /** Listed in the legend (default true; a band's edges usually are not). */
  legend?: boolean;
}

export interface VerticalMarker { x: number; label: string; color?: number; /** Where the label goes (default 'top'). */ labelAt?: 'top' | 'bottom' }

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
  /** Fixed x range (otherwise chart.js fits the data). */
  xMin?: number;
  xMax?: number;
  markers?: VerticalMarker[];
  /** Labels of the x ticks at whole numbers (x is an index into a list of settings, e.g. a sweep's strengths). */
  xTickLabels?: string[];
  /** Show the legend (default true). */
  legend?: boolean;
  /**
   * Makes the plot area a pointer target: pressing or dragging on it reports the x value under
   * the pointer (a draggable marker). Keyboard users need another control for the same value.
   */
  onPickX?: (x: number) => void;
  height?: string;
  testId?: string;
}

/** Draws labelled vertical lines (best epoch, stopping epoch, alpha marker). */
const markerPlugin: Plugin<'line'> = {
  id: 'verticalMarkers',
  afterDatasetsDraw(chart) {
    const markers = pluginOptions<{ markers: VerticalMarker[]; colors: string[] }>(chart, 'verticalMarkers');
    if (!markers) return;
    const { ctx, chartArea, scales } = chart;
    for (const m of markers.markers) {
      const x = scales.x.getPixelForValue(m.x);
      if (!Number.isFinite(x) || x < chartArea.left - 1 || x > chartArea.right + 1) continue;
      const color = markers.colors[m.color ?? 0] ?? markers.colors[0];
      ctx.save();
      strokeLine(ctx, x, chartArea.top, x, chartArea.bottom, color, [4, 3]);
      ctx.fillStyle = color;
      ctx.font = '11px system-ui, sans-serif';
      const w = ctx.measureText(m.label).width;
      const tx = Math.min(Math.max(x + 4, chartArea.left), chartArea.right - w);
      ctx.fillText(m.label, tx, m.labelAt === 'bottom' ? chartArea.bottom - 4 : chartArea.top + 11);
      ctx.restore();
    }
  },
};

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

/** Log-axis ticks: only the powers of ten are labelled (0.001 … 1000 as decimals, others as 10ⁿ). */
export function logTick(v: number | string): string {
  const k = Math.log10(Number(v));
  const n = Math.round(k);
  if (Math.abs(k - n) > 1e-6) return '';
  if (n >= -3 && n <= 3) return String(Number((10 ** n).toPrecision(1)));
  return `10${String(n).replace(/./g, (c) => SUPERSCRIPT[c] ?? c)}`;
}

/** On a log axis, grid lines only at the labelled powers of ten (not at every 2, 3, … 9). */
function decadeGrid(color: string) {
  return (ctx: { tick?: { value: number } }) => (ctx.tick && logTick(ctx.tick.value) ? color : 'transparent');
}

/** A chart.js line chart kept in sync with props; the canvas is an image with a text alternative. */
export function LineChart(props: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const palette = usePalette();
  const xStart = props.xStart ?? 0;

  // The chart, made by its first draw and again when its axes or colours change (useChart.ts).
  const create = (el: HTMLCanvasElement, palette: Palette) => {
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
          x: { type: props.logX ? 'logarithmic' : 'linear', min: props.xMin, max: props.xMax, title: { display: true, text: props.xLabel, color: palette.muted }, ticks: { color: palette.muted, maxTicksLimit: props.logX ? undefined : 8, ...(props.logX ? { autoSkip: false, maxRotation: 0, callback: logTick } : {}), ...(props.xTickLabels ? { stepSize: 1, autoSkip: false, callback: (v: number | string) => props.xTickLabels![Number(v)] ?? '' } : {}) }, grid: { color: props.logX ? decadeGrid(palette.border) : palette.border } },
          y: { type: props.logY ? 'logarithmic' : 'linear', min: props.yMin, max: props.yMax, title: { display: true, text: props.yLabel, color: palette.muted }, ticks: { color: palette.muted, maxTicksLimit: 6, ...(props.logY ? { callback: logTick } : {}) }, grid: { color: palette.border } },
        },
        plugins: {
          tooltip: { enabled: true },
          verticalMarkers: { markers: [], colors: palette.series },
        } as never,
      },
      plugins: [markerPlugin],
    };
    return new Chart(el, config);
  };

  // Redraws only when something drawn changed, updating the datasets in place (chart.js keeps
  // its parsed state), with long curves thinned to a few points per pixel column.
  const drawn = useRef<{ values: Float64Array[]; xs: (Float64Array | null)[]; rest: string; chart: unknown }>({ values: [], xs: [], rest: '', chart: null });
  const update = (c: Chart<'line', { x: number; y: number | null }[]>, palette: Palette) => {
    const prev = drawn.current;
    const rest = JSON.stringify([props.series.map((s) => [s.label, s.color, s.dashed, s.width, s.fillTo, s.legend]), props.markers, props.yMin, props.yMax, props.xMin, props.xMax, xStart]);
    const same = prev.chart === c && rest === prev.rest && props.series.length === prev.values.length
      && props.series.every((s, i) => sameValues(prev.values[i], s.values) && sameValues(prev.xs[i], s.xs));
    if (same) return;
    drawn.current = { values: props.series.map((s) => Float64Array.from(s.values)), xs: props.series.map((s) => (s.xs ? Float64Array.from(s.xs) : null)), rest, chart: c };
    const buckets = Math.max(100, Math.round(c.width || 400));
    const datasets = c.data.datasets;
    datasets.length = props.series.length;
    props.series.forEach((s, i) => {
      const color = s.color === 'muted' ? palette.muted : palette.series[s.color % palette.series.length];
      const band = s.fillTo !== undefined ? `rgba(${rgb(color).join(', ')}, 0.18)` : color;
      const data: XY[] = decimate(s.xs ?? null, s.values, xStart, buckets);
      const style = { label: s.label, data, borderColor: color, backgroundColor: band, borderDash: s.dashed ? [6, 4] : [], borderWidth: s.width ?? 2, fill: s.fillTo ?? false };
      const d = datasets[i];
      if (d) Object.assign(d, style);
      else datasets[i] = style;
    });
    (c.options.plugins as { verticalMarkers: { markers: VerticalMarker[]; colors: string[] } }).verticalMarkers = { markers: props.markers ?? [], colors: palette.series };
    if (c.options.scales?.y) Object.assign(c.options.scales.y, { min: props.yMin, max: props.yMax });
    if (c.options.scales?.x) Object.assign(c.options.scales.x as object, { min: props.xMin, max: props.xMax });
    c.update('none');
  };
  const chart = useChart(canvas, palette, [props.logX, props.logY, props.xLabel, props.yLabel], create, update);

  // Pointer picking (press, then drag): the x value under the pointer, clamped to the plot area.
  const pick = props.onPickX;
  const dragging = useRef(false);
  const pickAt = (e: PointerEvent) => {
    const c = chart.current;
    if (!c || !pick) return;
    const rect = (e.currentTarget as HTMLCanvasElement).getBoundingClientRect();
    const px = Math.min(Math.max(e.clientX - rect.left, c.chartArea.left), c.chartArea.right);
    const x = c.scales.x.getValueForPixel(px);
    if (x !== undefined && Number.isFinite(x)) pick(x);
  };
  const pointer = pick
    ? {
        onPointerDown: (e: PointerEvent) => {
          const c = chart.current;
          const rect = (e.currentTarget as HTMLCanvasElement).getBoundingClientRect();
          if (!c || e.clientY - rect.top < c.chartArea.top || e.clientY - rect.top > c.chartArea.bottom) return;
          dragging.current = true;
          (e.currentTarget as HTMLCanvasElement).setPointerCapture(e.pointerId);
          pickAt(e);
        },
        onPointerMove: (e: PointerEvent) => dragging.current && pickAt(e),
        onPointerUp: () => (dragging.current = false),
        onPointerCancel: () => (dragging.current = false),
        style: { cursor: 'ew-resize', touchAction: 'pan-y' },
      }
    : {};

  return (
    <figure class="chart-figure" style="margin:0">
      {(props.legend ?? true) && (
        <ChartLegend items={props.series.filter((s) => s.legend !== false).map((s) => ({ label: s.label, color: s.color, key: s.dashed ? 'dashed' : 'line' }))} />
      )}
      <div class="chart-box" style={props.height ? { height: props.height } : undefined}>
        <canvas ref={canvas} role="img" aria-label={`${props.yLabel} against ${props.xLabel}. ${props.summary}`} data-testid={props.testId} {...pointer} />
      </div>
      <figcaption class="visually-hidden" aria-live="off">{props.summary}</figcaption>
    </figure>
  );
}
