import { useEffect, useRef } from 'preact/hooks';
import { rgb, usePalette, type Palette } from './palette.ts';

export interface PixelImage {
  key: string | number;
  /** side x side values, row by row. */
  values: ArrayLike<number>;
  caption?: string;
}

/** 'ink': 0..max drawn as ink (the text colour) on the background; 'signed': -max..max, positive
 *  in the first series colour, negative in the second, zero the background (values beyond clip). */
export type PixelScale = { kind: 'ink'; max: number } | { kind: 'signed'; max: number };

interface Props {
  images: PixelImage[];
  side: number;
  scale: PixelScale;
  /** Text alternative for the whole set, with what matters in numbers and words. */
  summary: string;
  /** CSS size of one image (default 2.75rem). */
  size?: string;
  testId?: string;
}

function paint(canvas: HTMLCanvasElement, values: ArrayLike<number>, side: number, scale: PixelScale, p: Palette): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const bg = rgb(p.bg);
  const [pos, neg] = scale.kind === 'ink' ? [rgb(p.text), rgb(p.text)] : [rgb(p.series[0]), rgb(p.series[1])];
  const img = ctx.createImageData(side, side);
  for (let i = 0; i < side * side; i++) {
    const v = values[i];
    const t = Math.min(1, Math.abs(v) / scale.max);
    const c = v >= 0 ? pos : neg;
    for (let k = 0; k < 3; k++) img.data[4 * i + k] = bg[k] + (c[k] - bg[k]) * t;
    img.data[4 * i + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
}

/**
 * Small square images (8 x 8 digits, or a neuron's input weights drawn as an image), each on its
 * own pixel-exact canvas scaled up by CSS, with an optional caption. The set is one image for
 * assistive technology: `summary` says what it shows.
 */
export function PixelImages({ images, side, scale, summary, size = '2.75rem', testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const palette = usePalette();
  useEffect(() => {
    if (!palette || !ref.current) return;
    const canvases = ref.current.querySelectorAll('canvas');
    images.forEach((im, i) => canvases[i] && paint(canvases[i], im.values, side, scale, palette));
  });
  return (
    <div ref={ref} class="pixel-images" role="img" aria-label={summary} data-testid={testId} style={{ '--pixel-size': size }}>
      {images.map((im) => (
        <figure key={im.key} class="pixel-image" data-testid={testId ? `${testId}-item` : undefined}>
          <canvas width={side} height={side} />
          {im.caption !== undefined && <figcaption>{im.caption}</figcaption>}
        </figure>
      ))}
    </div>
  );
}
