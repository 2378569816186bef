/**
 * The learner's own points in a link: 5 characters a point, URL-safe. x and y in [-1, 1] are
 * each rounded to one of 4,096 levels (two base-64 characters, a step of about 0.0005, far below
 * what a click can place), then the class as "0" or "1". The decoded points are the data: a
 * point is rounded once when it is drawn or uploaded (`quantize`), so the link, the run and the
 * PyTorch script all see the same numbers. Pure, no DOM.
 */
import { EngineError } from '../../engine/errors.ts';

export interface Point {
  x: number;
  y: number;
  label: 0 | 1;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LEVELS = 4096;
/** The most points a data set may hold (the CSV upload's limit too). */
export const MAX_POINTS = 5000;
/** The setting's pattern: whole points only. */
export const POINTS_PATTERN = '^([A-Za-z0-9_-]{4}[01])*$';

function level(v: number): number {
  return Math.min(LEVELS - 1, Math.max(0, Math.round(((v + 1) / 2) * (LEVELS - 1))));
}
function valueOf(l: number): number {
  return (2 * l) / (LEVELS - 1) - 1;
}

/** A coordinate as the encoding keeps it (clamped to [-1, 1], rounded to its level). */
export function quantize(v: number): number {
  return valueOf(level(v));
}

export function encodePoints(points: readonly Point[]): string {
  let out = '';
  for (const p of points) {
    for (const l of [level(p.x), level(p.y)]) out += ALPHABET[l >> 6] + ALPHABET[l & 63];
    out += p.label ? '1' : '0';
  }
  return out;
}

export function decodePoints(code: string): Point[] {
  if (code.length % 5 !== 0) throw new EngineError(`the points' code has ${code.length} characters, not a multiple of 5 (5 a point)`);
  const points: Point[] = [];
  const digit = (i: number) => {
    const d = ALPHABET.indexOf(code[i]);
    if (d < 0) throw new EngineError(`the points' code has "${code[i]}" at character ${i + 1}, which is not one of its letters`);
    return d;
  };
  for (let i = 0; i < code.length; i += 5) {
    const label = code[i + 4];
    if (label !== '0' && label !== '1') throw new EngineError(`point ${i / 5 + 1} of the points' code has class "${label}", not 0 or 1`);
    points.push({ x: valueOf(digit(i) * 64 + digit(i + 1)), y: valueOf(digit(i + 2) * 64 + digit(i + 3)), label: label === '1' ? 1 : 0 });
  }
  if (points.length > MAX_POINTS) throw new EngineError(`the points' code holds ${points.length} points, at most ${MAX_POINTS} are allowed`);
  return points;
}

/** How many points of each class. */
export function classCounts(points: readonly Point[]): [number, number] {
  let ones = 0;
  for (const p of points) ones += p.label;
  return [points.length - ones, ones];
}
