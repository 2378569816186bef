// The 1,797 handwritten digits (8 x 8 images, pixel values 0-16, labels 0-9) in
// sklearn.datasets.load_digits() order. The pixels live in packed.ts (gzip + base64, ~60 kB),
// imported on demand so only the pages and workers that train on digits download them:
// `await loadDigits()` once, then `digits()` returns the same decoded set synchronously
// (runners and recipes are synchronous; the demo definitions load the digits before handing them out).

import { EngineError } from '../../engine/errors.ts';

export const DIGITS_COUNT = 1797;
export const DIGIT_PIXELS = 64; // 8 x 8, row by row
export const DIGIT_MAX = 16; // pixel values are 0..16

export interface Digits {
  readonly n: number;
  /** n * 64 pixel values 0..16, image by image, each row by row. */
  readonly pixels: Uint8Array;
  /** n labels 0..9. */
  readonly labels: Uint8Array;
}

/** Where the images come from, for the credit line on every page that shows them. */
export const DIGITS_SOURCE = {
  name: 'Optical Recognition of Handwritten Digits',
  authors: 'E. Alpaydin and C. Kaynak',
  year: 1998,
  publisher: 'UCI Machine Learning Repository',
  url: 'https://doi.org/10.24432/C50P49',
  license: 'CC BY 4.0',
  licenseUrl: 'https://creativecommons.org/licenses/by/4.0/',
} as const;

let loaded: Digits | null = null;
let loading: Promise<Digits> | null = null;

/** Decodes the packed copy (base64 of gzip): pixels then labels. */
export async function decodeDigits(base64: string): Promise<Digits> {
  const bin = atob(base64);
  const gz = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) gz[i] = bin.charCodeAt(i);
  const stream = new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'));
  const raw = new Uint8Array(await new Response(stream).arrayBuffer());
  const size = DIGITS_COUNT * DIGIT_PIXELS;
  if (raw.length !== size + DIGITS_COUNT) throw new Error(`the digits data holds ${raw.length} bytes, expected ${size + DIGITS_COUNT}`);
  return { n: DIGITS_COUNT, pixels: raw.subarray(0, size), labels: raw.subarray(size) };
}

/** Loads (once) and decodes the digits. */
export function loadDigits(): Promise<Digits> {
  loading ??= import('./packed.ts').then((m) => decodeDigits(m.DIGITS_GZIP_BASE64)).then((d) => (loaded = d));
  return loading;
}

/** The digits, after loadDigits() has resolved. */
export function digits(): Digits {
  if (loaded === null) throw new EngineError('the digits data has not been loaded yet (await loadDigits() first)');
  return loaded;
}
