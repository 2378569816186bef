/**
 * Reading a number someone typed or put in a link. Strict on purpose: `Number()` reads `0x10` as
 * 16, `0b1` as 1 and `''` as 0, and a typed `1,000` used to become 1 — a demo must refuse what it
 * would otherwise have to guess, and say why. Pure: no DOM.
 */
import { grouped } from '../views/number-format.ts';

/** How many characters of a refused value a message quotes (a 100 KB paste is not echoed back). */
export const EXCERPT_CHARS = 24;

/** The first `max` characters of input, with … when cut (whole code points, never half a pair). */
export function clip(raw: string, max = EXCERPT_CHARS): string {
  const chars = [...raw.slice(0, max * 2 + 2)];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : raw;
}

/** A short, quoted excerpt of input for a message: `"abc…"` (JSON-quoted, so markup stays text). */
export function excerpt(raw: string, max = EXCERPT_CHARS): string {
  return JSON.stringify(clip(raw, max));
}

export type NumberText = { ok: true; value: number } | { ok: false; reason: string };

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Longer than any number a setting can use: refused before any work is done on it. */
export const MAX_NUMBER_CHARS = 40;

/**
 * A decimal number (`0.05`, `-3`, `1e-4`), or the reason it is refused. With `decimalComma`
 * (typed input), `0,5` reads as 0.5, but `1,000` is refused as ambiguous (a thousand, or one).
 */
export function readNumber(raw: string, { decimalComma = false } = {}): NumberText {
  if (raw.length > MAX_NUMBER_CHARS) return { ok: false, reason: `is ${grouped(raw.length)} characters long, too long for a number` };
  let s = raw.trim();
  if (s === '') return { ok: false, reason: 'is empty' };
  if (/^[+-]?0[xX]/.test(s)) return { ok: false, reason: 'is hexadecimal; write the number in decimal' };
  if (/^[+-]?0[bB]/.test(s)) return { ok: false, reason: 'is binary; write the number in decimal' };
  if (/^[+-]?0[oO]/.test(s)) return { ok: false, reason: 'is octal; write the number in decimal' };
  if (/^[+-]?(Infinity|inf)$/i.test(s)) return { ok: false, reason: 'is infinite' };
  if (/^[+-]?NaN$/i.test(s)) return { ok: false, reason: 'is not a number' };
  if (s.includes(',')) {
    if (/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) return { ok: false, reason: 'has a thousands separator (or a decimal comma?); write 1000 for a thousand and 1.5 for one and a half' };
    if (decimalComma && /^[+-]?\d*,\d+$/.test(s)) s = s.replace(',', '.');
    else return { ok: false, reason: 'has a comma; write decimals with a point (0.5)' };
  }
  if (!DECIMAL.test(s)) return { ok: false, reason: 'is not a number' };
  const value = Number(s);
  if (!Number.isFinite(value)) return { ok: false, reason: 'is too large' };
  // 1e-999999 reads as 0: a value that small is not what was meant either.
  if (value === 0 && /[1-9]/.test(s.split(/[eE]/)[0]!)) return { ok: false, reason: 'is too small (it reads as 0)' };
  return { ok: true, value };
}
