// The 1,797 handwritten digits (8 x 8 images, pixel values 0-16, labels 0-9) in
// sklearn.datasets.load_digits() order. The pixels live in digits.bin (gzip, 44 kB), a data file
// the build emits as an asset (Vite's `new URL(…, import.meta.url)`): only the pages and workers
// that train on digits fetch it, and it is never parsed as JavaScript. `await loadDigits()` once,
// then `digits()` returns the same decoded set synchronously (runners and recipes are synchronous;
// the demo definitions load the digits before handing them out).

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

let loaded: Digits | null = null;
let loading: Promise<Digits> | null = null;

/** Where the data file is: an asset URL in the browser (the build rewrites it), a file: URL in Node. */
const DATA_URL = new URL('./digits.bin', import.meta.url);

/**
 * Decodes the data file's bytes: pixels then labels, gzip'd. A host that serves the file already
 * decompressed (a server adding Content-Encoding on its own) hands over the raw bytes: used as they are.
 */
export async function decodeDigits(bytes: Uint8Array): Promise<Digits> {
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const raw = gzipped ? new Uint8Array(await new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()) : bytes;
  const size = DIGITS_COUNT * DIGIT_PIXELS;
  if (raw.length !== size + DIGITS_COUNT) throw new Error(`the digits data holds ${raw.length} bytes, expected ${size + DIGITS_COUNT}`);
  return { n: DIGITS_COUNT, pixels: raw.subarray(0, size), labels: raw.subarray(size) };
}

async function readDataFile(): Promise<Uint8Array> {
  if (DATA_URL.protocol === 'file:') {
    // Node (tests, the reproduce CLI): read from disk. The specifier is a variable so the browser build leaves it alone.
    const fs = 'node:fs/promises';
    const { readFile } = (await import(/* @vite-ignore */ fs)) as typeof import('node:fs/promises');
    // Astro's server build moves this module but not the file: then it is read from the repository.
    const file = await readFile(DATA_URL).catch(() => readFile(`${process.cwd()}/src/data/digits/digits.bin`));
    return new Uint8Array(file);
  }
  const res = await fetch(DATA_URL);
  if (!res.ok) throw new Error(`the handwritten digits could not be loaded (${res.status} ${res.statusText} for ${DATA_URL.pathname})`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Loads (once) and decodes the digits. */
export function loadDigits(): Promise<Digits> {
  loading ??= readDataFile().then(decodeDigits).then((d) => (loaded = d));
  return loading;
}

/** The digits, after loadDigits() has resolved. */
export function digits(): Digits {
  if (loaded === null) throw new EngineError('the digits data has not been loaded yet (await loadDigits() first)');
  return loaded;
}
