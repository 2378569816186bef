// Errors thrown by the engine. Messages say what is wrong and show the offending value,
// e.g. "dropout p must be in [0, 1], got 1.5".

export class EngineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineError';
  }
}

/** Thrown by Network.trainStep when the loss, a gradient or an updated parameter is not finite.
 *  The network (parameters, optimizer state, batch-norm running statistics) is left exactly as
 *  it was before the failing step. `step` is the 1-based number of the step that failed. */
export class DivergenceError extends EngineError {
  readonly step: number;
  readonly value: number;
  constructor(message: string, step: number, value: number) {
    super(message);
    this.name = 'DivergenceError';
    this.step = step;
    this.value = value;
  }
}

/** Formats a value for an error message (arrays shortened, strings quoted). */
export function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return String(v);
  if (v === undefined) return 'undefined';
  try {
    const s = JSON.stringify(v);
    return s.length > 60 ? s.slice(0, 57) + '...' : s;
  } catch {
    return String(v);
  }
}

export function checkFinite(name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new EngineError(`${name} must be a finite number, got ${show(v)}`);
  return v;
}

export function checkNonNegative(name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    throw new EngineError(`${name} must be a finite number >= 0, got ${show(v)}`);
  }
  return v;
}

export function checkPositiveInt(name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new EngineError(`${name} must be an integer >= 1, got ${show(v)}`);
  return v;
}

export function checkProbability(name: string, v: unknown): number {
  if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new EngineError(`${name} must be in [0, 1], got ${show(v)}`);
  return v;
}
