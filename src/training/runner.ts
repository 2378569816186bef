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
