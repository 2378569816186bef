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

/** A runner's module, loaded when a demo first asks for it (the worker loads no demo it does not run). */
export type RunnerLoader = () => Promise<RunnerFactory>;

/** The runners a host can run, by kind: handed to it by whoever starts it (src/demos/runners.ts). */
export type RunnerTable = Record<string, RunnerLoader>;
