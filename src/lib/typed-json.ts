/**
 * JSON that keeps typed arrays: a snapshot (plain data plus Float32Array grids, Float64Array points
 * and the like) written into a page at build time and read back by the island, the same values.
 * A typed array becomes `{ "$typed": "Float32Array", "base64": … }`: its bytes, little-endian as
 * every browser and Node on the platforms the course runs on store them, grouped by their place in
 * the element (every element's first byte, then every second byte, …: the "shuffle" of HDF5 and
 * Blosc). Neighbouring floats share their sign and exponent bytes, so grouped they repeat, and the
 * page's gzip shrinks a decision grid by a third more than it would the bytes in order. (Plain
 * arrays of numbers stay JSON: written as binary floats the same way, the pages came out no smaller,
 * round values such as a path's alphas being shorter as digits.)
 */

const TYPES = {
  Float32Array, Float64Array, Int8Array, Int16Array, Int32Array, Uint8Array, Uint16Array, Uint32Array, Uint8ClampedArray,
} as const;
type TypedName = keyof typeof TYPES;
type Typed = InstanceType<(typeof TYPES)[TypedName]>;

interface Encoded {
  $typed: TypedName;
  base64: string;
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  // String.fromCharCode on slices: one call per 32 K bytes, not one per byte.
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return bytes;
}

/** The bytes of `n`-byte elements grouped by byte position (and back, with `undo`). */
function shuffle(bytes: Uint8Array, n: number, undo = false): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bytes.length);
  const count = bytes.length / n;
  for (let i = 0; i < count; i++) {
    for (let b = 0; b < n; b++) {
      if (undo) out[i * n + b] = bytes[b * count + i];
      else out[b * count + i] = bytes[i * n + b];
    }
  }
  return out;
}

/** `value` with every typed array in it replaced by its encoding (JSON.stringify-able). */
export function encodeTyped(value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const name = value.constructor.name as TypedName;
    if (!Object.hasOwn(TYPES, name)) throw new Error(`encodeTyped: ${name} is not supported`);
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return { $typed: name, base64: toBase64(shuffle(bytes, TYPES[name].BYTES_PER_ELEMENT)) } satisfies Encoded;
  }
  if (Array.isArray(value)) return value.map(encodeTyped);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeTyped(v)]));
  return value;
}

function isEncoded(value: object): value is Encoded {
  const v = value as Partial<Encoded>;
  return typeof v.$typed === 'string' && typeof v.base64 === 'string' && Object.hasOwn(TYPES, v.$typed) && Object.keys(value).length === 2;
}

/** The inverse of encodeTyped (on its output after a JSON round trip). */
export function decodeTyped(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeTyped);
  if (value && typeof value === 'object') {
    if (isEncoded(value)) {
      const Type = TYPES[value.$typed];
      const bytes = shuffle(fromBase64(value.base64), Type.BYTES_PER_ELEMENT, true);
      // A fresh buffer, aligned for the element size.
      return new Type(bytes.buffer, 0, bytes.byteLength / Type.BYTES_PER_ELEMENT) as Typed;
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeTyped(v)]));
  }
  return value;
}
