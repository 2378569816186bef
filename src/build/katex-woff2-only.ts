/**
 * Vite plugin: KaTeX's style sheet with WOFF2 fonts only. katex.min.css lists three files for each of
 * its 20 fonts (WOFF2, WOFF, TrueType); every browser the course runs in reads WOFF2 (the islands'
 * JavaScript needs a newer one than WOFF2 does), so the other two are never fetched. They still
 * cost a page's first frame: while building the style sheets the browser makes a font resource
 * for every source listed, 60 where 20 do (about 10 ms of that frame with the CPU slowed 4x, in a
 * Chromium trace). The build then also leaves out the 40 unused font files.
 */
import type { Plugin } from 'vite';

const KATEX_CSS = /[\\/]katex[\\/]dist[\\/]katex(\.min)?\.css$/;
const OLDER_FORMATS = /\s*,\s*url\([^)]*\.woff\)\s*format\(["']woff["']\)\s*,\s*url\([^)]*\.ttf\)\s*format\(["']truetype["']\)/g;

/** KaTeX's CSS with each @font-face's WOFF and TrueType sources dropped; throws if the rules no longer read as expected. */
export function woff2Only(css: string): string {
  const out = css.replace(OLDER_FORMATS, '');
  if (/\.(woff|ttf)\)/.test(out) || !/\.woff2\)/.test(out)) {
    throw new Error("katex-woff2-only: KaTeX's @font-face rules no longer read `url(X.woff2) format(\"woff2\"),url(X.woff) format(\"woff\"),url(X.ttf) format(\"truetype\")`: update src/build/katex-woff2-only.ts");
  }
  return out;
}

export function katexWoff2Only(): Plugin {
  return {
    name: 'katex-woff2-only',
    // Before Vite's own CSS plugin resolves the url()s into emitted files.
    enforce: 'pre',
    transform(code, id) {
      return KATEX_CSS.test(id.split('?')[0]) ? { code: woff2Only(code), map: null } : null;
    },
  };
}
