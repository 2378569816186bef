import { useRef } from 'preact/hooks';
import { rgb, usePalette, type Palette } from './palette.ts';
import { sameValues } from './decimate.ts';
import { useDrawWhenVisible } from './visible.ts';

export interface LabelledPoints {
  /** n*2 coordinates in [-1, 1] (row-major x, y). */
  xy: ArrayLike<number>;
  /** n labels, 0 or 1. */
  labels: ArrayLike<number>;
}

interface Props {
  /** size*size probabilities of class 1, row 0 at the top (y = +1), column 0 at x = -1. */
  grid: ArrayLike<number> | null;
  size: number;
  train: LabelledPoints;
  val?: LabelledPoints | null;
  /** Text alternative: what the picture shows, with numbers. */
  summary: string;
  testId?: string;
}

const PX = 320; // canvas resolution; CSS scales it to the column width

interface PointsLayer {
  canvas: OffscreenCanvas;
  /** Whether the layer shows these points. */
  shows(train: LabelledPoints, val: LabelledPoints | null | undefined): boolean;
}

/** The data points, training ones filled and validation ones hollow, on a transparent layer. */
function drawPoints(palette: Palette, train: LabelledPoints, val: LabelledPoints | null | undefined): PointsLayer {
  const canvas = new OffscreenCanvas(PX, PX);
  const ctx = canvas.getContext('2d')!;
  const toPx = (v: number) => ((v + 1) / 2) * PX;
  const draw = (pts: LabelledPoints, hollow: boolean) => {
    for (let i = 0; i < pts.labels.length; i++) {
      const x = toPx(pts.xy[2 * i]);
      const y = PX - toPx(pts.xy[2 * i + 1]);
      const color = pts.labels[i] >= 0.5 ? palette.classA : palette.classB;
      ctx.beginPath();
      ctx.arc(x, y, hollow ? 3.5 : 6, 0, 2 * Math.PI);
      if (hollow) {
        // Validation points: small rings, drawn first and lighter, so the training points stand out.
        ctx.globalAlpha = 0.75;
        ctx.lineWidth = 1.5;
        ctx.strokeStyle = color;
        ctx.stroke();
        ctx.globalAlpha = 1;
      } else {
        ctx.fillStyle = color;
        ctx.fill();
        ctx.lineWidth = 2;
        ctx.strokeStyle = palette.text;
        ctx.stroke();
      }
    }
  };
  if (val) draw(val, true);
  draw(train, false);
  const copy = (p: LabelledPoints | null | undefined) => (p ? { xy: Float64Array.from(p.xy), labels: Float64Array.from(p.labels) } : null);
  const t = copy(train);
  const v = copy(val);
  return {
    canvas,
    shows: (tr, va) => sameValues(t?.xy, tr.xy) && sameValues(t?.labels, tr.labels) && sameValues(v?.xy, va?.xy) && sameValues(v?.labels, va?.labels),
  };
}

/**
 * The decision boundary: each cell coloured by the network's probability of class 1 (orange)
 * vs class 0 (blue), fading to the background where it is unsure; training points filled,
 * validation points hollow.
 */
export function BoundaryCanvas({ grid, size, train, val, summary, testId }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const palette = usePalette();

  // What is on the canvas: redraw only what changed. The points (which rarely change) are kept
  // drawn in a layer of their own, so a new boundary costs one small image and two copies.
  const drawn = useRef<{ grid: Float64Array | null; points: PointsLayer | null; palette: Palette | null }>({ grid: null, points: null, palette: null });
  const draw = () => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || !palette) return;
    const prev = drawn.current;
    const gridNow = grid && grid.length === size * size ? grid : null;
    const pointsSame = prev.points !== null && prev.palette === palette && prev.points.shows(train, val);
    if (pointsSame && prev.palette === palette && sameValues(prev.grid, gridNow)) return;
    const points = pointsSame ? prev.points! : drawPoints(palette, train, val);
    drawn.current = { grid: gridNow ? Float64Array.from(gridNow) : null, points, palette };
    ctx.clearRect(0, 0, PX, PX);
    if (gridNow) {
      const a = rgb(palette.classA);
      const b = rgb(palette.classB);
      const bg = rgb(palette.bg);
      const img = new ImageData(size, size);
      for (let i = 0; i < size * size; i++) {
        const p = gridNow[i];
        const c = p >= 0.5 ? a : b;
        const t = Number.isFinite(p) ? Math.min(1, Math.abs(p - 0.5) * 2) * 0.55 : 0;
        img.data[4 * i] = bg[0] + (c[0] - bg[0]) * t;
        img.data[4 * i + 1] = bg[1] + (c[1] - bg[1]) * t;
        img.data[4 * i + 2] = bg[2] + (c[2] - bg[2]) * t;
        img.data[4 * i + 3] = 255;
      }
      const off = new OffscreenCanvas(size, size);
      off.getContext('2d')!.putImageData(img, 0, 0);
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(off, 0, 0, PX, PX);
    }
    ctx.drawImage(points.canvas, 0, 0);
  };
  useDrawWhenVisible(ref, draw);

  return (
    <figure style="margin:0">
      <canvas ref={ref} width={PX} height={PX} class="boundary-canvas" role="img" aria-label={summary} data-testid={testId} />
      <figcaption class="legend">
        <span><span class="swatch" style={{ background: 'var(--class-a)' }} />class 1</span>
        <span><span class="swatch" style={{ background: 'var(--class-b)' }} />class 0</span>
        <span><span class="swatch" style={{ background: 'var(--text-muted)', border: '2px solid var(--text)' }} />training point</span>
        {val && <span><span class="swatch hollow" style={{ color: 'var(--text-muted)' }} />validation point</span>}
      </figcaption>
    </figure>
  );
}
