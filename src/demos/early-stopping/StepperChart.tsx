import { useRef } from 'preact/hooks';
import { Chart, type ChartConfiguration, type Plugin } from '../../views/chartjs.ts';
import { ChartLegend } from '../../views/ChartLegend.tsx';
import { usePalette, type Palette } from '../../views/palette.ts';
import { pluginOptions, strokeLine } from '../../views/canvas-lines.ts';
import { useChart } from '../../views/useChart.ts';

type Pt = { x: number; y: number | null };

/** What the rule is doing, drawn over the curves. Epochs are 1-based on the x axis. */
export interface RuleMarks {
  /** Epoch of the best value so far, and that value. */
  best: { x: number; y: number } | null;
  /** The value to beat now: best − min_delta (min) or best + min_delta (max). */
  threshold: number | null;
  /** The epoch shown last ("now"). */
  current: number;
  /** Epochs counted by wait: (current - wait, current]. */
  wait: number;
  /** Where training stops if nothing improves: current + patience - wait. */
  deadline: number | null;
  /** The epoch where the rule stopped training. */
  stop: number | null;
  /** Epochs 1..warmup are not monitored (start_from_epoch). */
  warmup: number;
  baseline: number | null;
}

interface Props {
  train: number[];
  val: number[];
  /** The epochs early stopping skipped, drawn faded (index 0 = epoch after the stop). */
  ghostTrain?: number[];
  ghostVal?: number[];
  trainLabel: string;
  valLabel: string;
  yLabel: string;
  xMax: number;
  yMin?: number;
  yMax?: number;
  marks: RuleMarks;
  summary: string;
  testId?: string;
}

type MarksOpt = { marks: RuleMarks; palette: Palette };

function pts(values: number[], start: number): Pt[] {
  return values.map((y, i) => ({ x: start + i, y: Number.isFinite(y) ? y : null }));
}

function alpha(color: string, a: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? color + a : color;
}

/** What both drawing passes need: the marks, the colours, the canvas, the plot area and the pixel scales. */
function ruleDrawing(chart: Chart<'line'>) {
  const o = pluginOptions<MarksOpt>(chart, 'esRuleMarks');
  if (!o) return null;
  const { ctx, chartArea: a, scales } = chart;
  return {
    m: o.marks, p: o.palette, ctx, a,
    X: (x: number) => scales.x.getPixelForValue(x),
    Y: (y: number) => scales.y.getPixelForValue(y),
  };
}

/** Shaded warm-up and wait windows, the threshold to beat, the deadline and the stop. */
const rulePlugin: Plugin<'line'> = {
  id: 'esRuleMarks',
  beforeDatasetsDraw(chart) {
    const d = ruleDrawing(chart);
    if (!d) return;
    const { m, p, ctx, a, X } = d;
    const clampX = (x: number) => Math.min(a.right, Math.max(a.left, x));
    ctx.save();
    ctx.font = '11px system-ui, sans-serif';
    if (m.warmup > 0) {
      const x1 = clampX(X(m.warmup + 0.5));
      ctx.fillStyle = alpha(p.muted, '22');
      ctx.fillRect(a.left, a.top, x1 - a.left, a.bottom - a.top);
      ctx.fillStyle = p.muted;
      if (x1 - a.left > 60) ctx.fillText('warm-up', a.left + 4, a.bottom - 6);
    }
    if (m.wait > 0 && m.current > 0) {
      const x0 = clampX(X(m.current - m.wait + 0.5));
      const x1 = clampX(X(m.current + 0.5));
      ctx.fillStyle = alpha(p.series[3], '26');
      ctx.fillRect(x0, a.top, x1 - x0, a.bottom - a.top);
    }
    ctx.restore();
  },
  afterDatasetsDraw(chart) {
    const d = ruleDrawing(chart);
    if (!d) return;
    const { m, p, ctx, a, X, Y } = d;
    const inX = (x: number) => Number.isFinite(x) && x >= a.left - 1 && x <= a.right + 1;
    const inY = (y: number) => Number.isFinite(y) && y >= a.top - 1 && y <= a.bottom + 1;
    const label = (text: string, x: number, y: number, color: string) => {
      const w = ctx.measureText(text).width;
      const tx = Math.min(Math.max(x, a.left + 2), a.right - w - 2);
      ctx.fillStyle = p.bg;
      ctx.globalAlpha = 0.85;
      ctx.fillRect(tx - 2, y - 10, w + 4, 13);
      ctx.globalAlpha = 1;
      ctx.fillStyle = color;
      ctx.fillText(text, tx, y);
    };
    const vline = (x: number, color: string, dash: number[]) => strokeLine(ctx, x, a.top, x, a.bottom, color, dash);
    ctx.save();
    ctx.font = '11px system-ui, sans-serif';
    if (m.baseline !== null) {
      const y = Y(m.baseline);
      if (inY(y)) {
        strokeLine(ctx, a.left, y, a.right, y, p.muted, [2, 3], 1);
        label('baseline', a.left + 4, y - 3, p.muted);
      }
    }
    if (m.best && m.threshold !== null && m.stop === null) {
      const y = Y(m.threshold);
      const x0 = X(m.best.x);
      if (inY(y) && inX(x0)) {
        strokeLine(ctx, x0, y, a.right, y, p.series[2], [5, 3]);
        const w = ctx.measureText('to beat').width;
        if (a.right - w - 8 > X(m.current) + 8) label('to beat', a.right - w - 4, y - 4, p.series[2]);
      }
    }
    if (m.deadline !== null && m.stop === null) {
      const x = X(m.deadline);
      if (inX(x)) {
        vline(x, p.series[3], [3, 3]);
        label(`stops here if no improvement (epoch ${m.deadline})`, x - 4 - ctx.measureText(`stops here if no improvement (epoch ${m.deadline})`).width, a.bottom - 8, p.series[3]);
      }
    }
    if (m.stop !== null) {
      const x = X(m.stop);
      if (inX(x)) {
        vline(x, p.bad, []);
        label(`stopped: epoch ${m.stop}`, x + 4, a.top + 12, p.bad);
      }
    }
    if (m.best) {
      const x = X(m.best.x);
      const y = Y(m.best.y);
      if (inX(x) && inY(y)) {
        ctx.strokeStyle = p.series[2];
        ctx.lineWidth = 2.5;
        ctx.beginPath();
        ctx.arc(x, y, 6, 0, 2 * Math.PI);
        ctx.stroke();
        label(`best: epoch ${m.best.x}`, x - 30, Math.min(a.bottom - 4, y + 22), p.series[2]);
      }
    }
    ctx.restore();
  },
};

/**
 * The stepper's chart: training and validation curves up to the shown epoch, the epochs the
 * rule skipped (faded), and the rule's state drawn on top: the best epoch (ring), the value to
 * beat (dashed line), the epochs counted by wait (shaded), where training stops if nothing
 * improves, and the stop.
 */
export function StepperChart(props: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const palette = usePalette();

  // The chart, made by its first draw and again when the colours or the title change (useChart.ts).
  const create = (el: HTMLCanvasElement, palette: Palette) => {
    const config: ChartConfiguration<'line', Pt[]> = {
      type: 'line',
      data: { datasets: [] },
      options: {
        parsing: false,
        normalized: true,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        elements: { point: { radius: 0, hoverRadius: 3 }, line: { borderWidth: 2, tension: 0 } },
        scales: {
          x: { type: 'linear', min: 1, title: { display: true, text: 'epoch', color: palette.muted }, ticks: { color: palette.muted, maxTicksLimit: 10, precision: 0, includeBounds: false }, grid: { color: palette.border } },
          y: { type: 'linear', title: { display: true, text: props.yLabel, color: palette.muted }, ticks: { color: palette.muted, maxTicksLimit: 6 }, grid: { color: palette.border } },
        },
        plugins: {
          tooltip: { enabled: true },
        },
      },
      plugins: [rulePlugin],
    };
    return new Chart(el, config);
  };

  const update = (c: Chart<'line', Pt[]>, palette: Palette) => {
    const s = palette.series;
    const n = props.train.length;
    const ghostStart = n + 1;
    // The faded curves start at the last shown point so the lines join.
    const ghost = (g: number[] | undefined, shown: number[]) => (g && g.length ? pts([shown[n - 1], ...g], ghostStart - 1) : []);
    c.data.datasets = [
      { label: props.trainLabel, data: pts(props.train, 1), borderColor: s[0], backgroundColor: s[0] },
      { label: props.valLabel, data: pts(props.val, 1), borderColor: s[1], backgroundColor: s[1] },
      { label: '(skipped training)', data: ghost(props.ghostTrain, props.train), borderColor: alpha(s[0], '66'), backgroundColor: alpha(s[0], '66'), borderDash: [5, 4], borderWidth: 1.5 },
      { label: '(skipped validation)', data: ghost(props.ghostVal, props.val), borderColor: alpha(s[1], '80'), backgroundColor: alpha(s[1], '80'), borderDash: [5, 4], borderWidth: 1.5 },
      {
        label: '(now)',
        data: n > 0 ? [{ x: n, y: Number.isFinite(props.val[n - 1]) ? props.val[n - 1] : null }] : [],
        borderColor: s[1],
        backgroundColor: palette.bg,
        pointRadius: 4,
        pointBorderWidth: 2,
        showLine: false,
      },
    ];
    const x = c.options.scales!.x as { max?: number };
    x.max = Math.max(2, props.xMax);
    const y = c.options.scales!.y as { min?: number; max?: number };
    y.min = props.yMin;
    y.max = props.yMax;
    (c.options.plugins as { esRuleMarks?: MarksOpt }).esRuleMarks = { marks: props.marks, palette };
    c.update('none');
  };
  useChart(canvas, palette, [props.yLabel], create, update);

  return (
    <figure class="chart-figure" style="margin:0">
      <ChartLegend items={[{ label: props.trainLabel, color: 0, key: 'line' }, { label: props.valLabel, color: 1, key: 'line' }]} />
      <div class="chart-box es-chart-box">
        <canvas ref={canvas} role="img" aria-label={`${props.yLabel} against epoch. ${props.summary}`} data-testid={props.testId} />
      </div>
      <figcaption class="legend es-legend">
        <span><span class="es-key es-key-ring" />best epoch so far</span>
        <span><span class="es-key es-key-dash" />value to beat (best ∓ min_delta)</span>
        <span><span class="es-key es-key-wait" />epochs counted by wait</span>
        <span><span class="es-key es-key-stop" />stop</span>
      </figcaption>
    </figure>
  );
}
