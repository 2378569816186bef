import { runToEnd, type RunnerFactory } from './runner.ts';

/**
 * A demo's first run as the build computes it: what its runner shows once created on the page's
 * settings (or, for a demo that plays as soon as it is shown, once it has finished). The page
 * draws it at once and starts the training worker only when the learner first trains or changes
 * something, so a reader who only reads loads no engine (src/training/useTrainer.ts).
 */
export interface FirstRun {
  /** What the runner was created with: the page uses the run only if its trainer asks for the same. */
  input: unknown;
  snapshot: unknown;
  finished: boolean;
}

/** The first run, or null when the runner refuses the input (the page's worker then reports why, as before). */
export function computeFirstRun(factory: RunnerFactory, input: unknown, toEnd: boolean): FirstRun | null {
  try {
    const runner = factory(input);
    if (toEnd && !runToEnd(runner)) return null;
    return { input, snapshot: runner.snapshot(), finished: toEnd };
  } catch {
    return null;
  }
}

/** Settings compared as data, whatever their keys' order (a run's input against the trainer's). */
export function sameInput(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x,
  );
}
