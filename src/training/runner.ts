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

export interface RunnerFactory {
  (settings: unknown): Runner;
  /** Loads what the runner needs before it can be built (e.g. a data set fetched on demand):
   *  the host awaits it once, holding the demo's messages meanwhile. */
  preload?: () => Promise<unknown>;
}
