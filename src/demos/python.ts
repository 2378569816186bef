/** Python literals for the live code panels (shared by every demo's code.ts). */

/** A Python literal for a number: integers as they are, others to 6 significant digits. */
export function py(x: number): string {
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(6)));
}
