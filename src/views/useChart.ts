import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Palette } from './palette.ts';
import { DRAW_AGAIN, useDrawWhenVisible } from './visible.ts';

/**
 * A chart.js chart on `canvas`, drawn through the draw queue while it is on screen (visible.ts).
 * `make` builds it on its first draw, in a task of its own (chart.js's first construction on a
 * page is its slowest step, 100+ ms with the CPU slowed 4x); `update` gives it its data on every
 * draw after that. It is made again when the palette or one of `remakeWhen` changes.
 */
export function useChart<C extends { destroy(): void }>(
  canvas: RefObject<HTMLCanvasElement>,
  palette: Palette | null,
  remakeWhen: unknown[],
  make: (el: HTMLCanvasElement, palette: Palette) => C,
  update: (chart: C, palette: Palette) => void,
): RefObject<C | null> {
  const chart = useRef<C | null>(null);
  useEffect(() => () => {
    chart.current?.destroy();
    chart.current = null;
  }, [palette, ...remakeWhen]);
  useDrawWhenVisible(canvas, () => {
    if (!canvas.current?.isConnected || !palette) return;
    if (!chart.current) {
      chart.current = make(canvas.current, palette);
      return DRAW_AGAIN;
    }
    update(chart.current, palette);
  });
  return chart;
}
