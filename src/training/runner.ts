/**
 * What a demo's training loop looks like to the host: pure engine code, no DOM, no timing.
 * `advance()` does one unit of work (a training step or an epoch) and says whether there is
 * more to do; `snapshot()` returns what the views draw (plain data, structured-cloneable).
 */
export interface Runner {
  advance(): boolean;
  snapshot(): unknown;
  /** Change settings that take effect without a reset (penalty strength, dropout p, ...). */
  update?(patch: Record<string, unknown>): void;
}

export type RunnerFactory = (settings: unknown) => Runner;

/** More units than any demo's full run takes: a runner that never ends cannot hang its thread. */
const MAX_UNITS = 1_000_000;

/**
 * Advances `run` to its end at once (no time slices): for a run the page already shows finished
 * (the build's first run, the worker's `create` with `toEnd`). False if it had not ended after
 * MAX_UNITS units; an engine error is thrown.
 */
export function runToEnd(run: Runner): boolean {
  for (let n = 0; n < MAX_UNITS; n++) if (!run.advance()) return true;
  return false;
}

/** A runner's module, loaded when a demo first asks for it (the worker loads no demo it does not run). */
export type RunnerLoader = () => Promise<RunnerFactory>;

/** The runners a host can run, by kind: handed to it by whoever starts it (src/demos/runners.ts). */
export type RunnerTable = Record<string, RunnerLoader>;

/** A change scheduled for a step of a run (a shared link's live change, replayed). */
export interface ScheduledChange {
  step: number;
  apply(): void;
}

/**
 * `run`, with each scheduled change applied when the run has taken `step` optimizer steps (at
 * the first unit boundary at or after it), so a replayed run logs it as if the learner had made
 * it then. `changes` are in step order.
 */
export function replaying(run: Runner, steps: () => number, changes: readonly ScheduledChange[]): Runner {
  let next = 0;
  return {
    advance() {
      while (next < changes.length && changes[next].step <= steps()) changes[next++].apply();
      return run.advance();
    },
    update: run.update,
    snapshot: run.snapshot,
  };
}
