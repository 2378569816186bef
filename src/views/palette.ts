import { useEffect, useState } from 'preact/hooks';

/** The site's colours, read from the CSS variables of the current theme (src/styles/global.css). */
export interface Palette {
  text: string; muted: string; border: string; bg: string; sunken: string;
  classA: string; classB: string; good: string; bad: string;
  series: string[];
}

export const THEME_EVENT = 'regularization-lab:theme';

export function readPalette(): Palette {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--text', '#1d2230'),
    muted: v('--text-muted', '#545b6e'),
    border: v('--border', '#d9dde7'),
    bg: v('--bg-raised', '#ffffff'),
    sunken: v('--bg-sunken', '#f1f3f8'),
    classA: v('--class-a', '#e8590c'),
    classB: v('--class-b', '#1c7ed6'),
    good: v('--good', '#15803d'),
    bad: v('--bad', '#b42318'),
    series: [v('--series-1', '#3050d8'), v('--series-2', '#d9480f'), v('--series-3', '#2b8a3e'), v('--series-4', '#862e9c')],
  };
}

/** The palette, re-read whenever the learner switches theme. */
export function usePalette(): Palette | null {
  const [p, setP] = useState<Palette | null>(null);
  useEffect(() => {
    const update = () => setP(readPalette());
    update();
    addEventListener(THEME_EVENT, update);
    return () => removeEventListener(THEME_EVENT, update);
  }, []);
  return p;
}

/** '#rrggbb', '#rgb' (the built CSS is minified: #ffffff becomes #fff) or 'rgb(r, g, b)' -> [r, g, b];
 *  other CSS colour forms fall back to grey. */
export function rgb(color: string): [number, number, number] {
  const c = color.trim();
  const long = /^#([0-9a-f]{6})$/i.exec(c);
  if (long) {
    const n = parseInt(long[1], 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(c);
  if (short) return [1, 2, 3].map((i) => parseInt(short[i] + short[i], 16)) as [number, number, number];
  const fn = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(c);
  if (fn) return [Number(fn[1]), Number(fn[2]), Number(fn[3])];
  return [128, 128, 128];
}
