import { useEffect, useRef } from 'preact/hooks';
import { rgb, usePalette } from './palette.ts';

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

/**
 * The decision boundary: each cell coloured by the network's probability of class 1 (orange)
 * vs class 0 (blue), fading to the background where it is unsure; training points filled,
 * validation points hollow.
 */
export function BoundaryCanvas({ grid, size, train, val, summary, testId }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const palette = usePalette();

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || !palette) return;
    const a = rgb(palette.classA);
    const b = rgb(palette.classB);
    const bg = rgb(palette.bg);
    ctx.clearRect(0, 0, PX, PX);
    if (grid && grid.length === size * size) {
      const img = new ImageData(size, size);
      for (let i = 0; i < size * size; i++) {
        const p = grid[i];
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
  });

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
