/**
 * Exact, compact embedding of float64 data in a Python script (its literals: src/python/writer.ts).
 * Numbers travel as base64 of little-endian IEEE-754 float64 (8 bytes each: every bit kept,
 * about 11 characters a number); Python reads them back with struct.unpack('<...d').
 * Pure TypeScript (no btoa/Buffer), the same in the browser and under Node.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64FromBytes(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + '==';
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + '=';
  }
  return out;
}

export function bytesFromBase64(text: string): Uint8Array {
  const clean = text.replace(/[\s=]/g, '');
  if (/[^A-Za-z0-9+/]/.test(clean)) throw new Error('not base64');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0, acc = 0, o = 0;
  for (const ch of clean) {
    acc = (acc << 6) | ALPHABET.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 255;
    }
  }
  return out.subarray(0, o);
}

/** Float64 values as base64 of their little-endian bytes. */
export function float64ToBase64(values: ArrayLike<number>): string {
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat64(i * 8, values[i], true);
  return base64FromBytes(bytes);
}

export function float64FromBase64(text: string): Float64Array {
  const bytes = bytesFromBase64(text);
  if (bytes.length % 8 !== 0) throw new Error(`base64 float64 data must be a multiple of 8 bytes, got ${bytes.length}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Float64Array.from({ length: bytes.length / 8 }, (_, i) => view.getFloat64(i * 8, true));
}

/** Reads back the float64 blob a generated script assigns to `"name": ...` (tests and tools). */
export function embeddedFloats(script: string, name: string): Float64Array | null {
  const at = script.indexOf(`"${name}": `);
  if (at < 0) return null;
  const rest = script.slice(at + name.length + 4);
  const literal = rest.startsWith('(') ? rest.slice(0, rest.indexOf(')')) : rest.slice(0, rest.indexOf('\n'));
  return float64FromBase64([...literal.matchAll(/"([A-Za-z0-9+/=]*)"/g)].map((m) => m[1]).join(''));
}
