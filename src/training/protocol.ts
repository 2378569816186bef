/**
 * Messages between a demo island and its training host (a Web Worker, or the page itself in
 * slices when workers are unavailable). Data flows one way: settings and controls in,
 * snapshots out.
 */
export type Control =
  /** `toEnd`: trained to its end before its first snapshot (a first run the page already shows finished). */
  | { type: 'create'; kind: string; settings: unknown; toEnd?: boolean }
  /** The learner is about to use the demo (a pointer over it, a control focused): load its runner now. */
  | { type: 'prepare'; kind: string }
  | { type: 'play'; unitsPerSecond?: number }
  | { type: 'pause' }
  | { type: 'step'; count: number }
  | { type: 'reset'; settings?: unknown }
  | { type: 'update'; patch: Record<string, unknown> }
  /** While training, post snapshots at most this often: the rate the page manages to draw them. */
  | { type: 'pace'; everyMs: number }
  | { type: 'dispose' };

/**
 * `run` counts the host's runs (each 'create' or 'reset' starts one): a page that has asked for a
 * new run drops reports still on their way from the old one (they would draw, and be read as,
 * the new run). An error without `run` is about the host itself (its runner failed to load).
 */
export type Report =
  | { type: 'snapshot'; snapshot: unknown; running: boolean; finished: boolean; seq: number; run: number }
  | { type: 'error'; error: DemoError; running: false; run?: number };

export interface DemoError {
  /** 'settings': a value the engine refuses; 'diverged': the loss became NaN/Infinity; 'internal': a bug. */
  kind: 'settings' | 'diverged' | 'internal';
  message: string;
}
