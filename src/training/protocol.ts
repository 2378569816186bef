/**
 * Messages between a demo island and its training host (a Web Worker, or the page itself in
 * slices when workers are unavailable). Data flows one way: settings and controls in,
 * snapshots out.
 */
export type Control =
  | { type: 'create'; kind: string; settings: unknown }
  | { type: 'play'; unitsPerSecond?: number }
  | { type: 'pause' }
  | { type: 'step'; count: number }
  | { type: 'reset'; settings?: unknown }
  | { type: 'update'; patch: Record<string, unknown> }
  /** While training, post snapshots at most this often: the rate the page manages to draw them. */
  | { type: 'pace'; everyMs: number }
  | { type: 'dispose' };

export type Report =
  | { type: 'snapshot'; snapshot: unknown; running: boolean; finished: boolean; seq: number }
  | { type: 'error'; error: DemoError; running: false };

export interface DemoError {
  /** 'settings': a value the engine refuses; 'diverged': the loss became NaN/Infinity; 'internal': a bug. */
  kind: 'settings' | 'diverged' | 'internal';
  message: string;
}
