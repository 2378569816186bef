/**
 * The network demo's live settings (penalty kind, strength λ, learning rate) in the terms of the
 * run's change log (src/reproduce/changes.ts): the engine's live values l1 / l2 (the loss
 * penalty), proxL1 (the proximal step's λ) and lr. The runner logs in those terms, so the log
 * replays in the engine and in PyTorch as it is; the change log on the page reads it back in the
 * demo's words. No engine code: the island imports this.
 */
import { EngineError } from '../../engine/errors.ts';
import type { LiveSet, RunLog } from '../../reproduce/types.ts';
import type { LiveKey, PenaltyKind, PenaltySettings } from './settings.ts';

export type LiveSettings = Pick<PenaltySettings, LiveKey>;
export type LiveValues = Required<Pick<LiveSet, 'lr' | 'l1' | 'l2' | 'proxL1'>>;

/** What a choice sets in the run: one of the three penalties at λ (the others 0), and lr. */
export function liveValues(s: LiveSettings): LiveValues {
  const at = (kind: PenaltyKind) => (s.penalty === kind ? s.strength : 0);
  return { l1: at('l1'), l2: at('l2'), proxL1: at('l1-prox'), lr: s.lr };
}

/**
 * The choice that live values mean (the inverse of liveValues). With no penalty there is no λ in
 * the values: the strength stays `previous.strength`, what the slider held.
 */
export function liveSettings(v: LiveValues, previous: LiveSettings): LiveSettings {
  const on = (['l1', 'l2', 'l1-prox'] as const).filter((k) => (k === 'l1' ? v.l1 : k === 'l2' ? v.l2 : v.proxL1) > 0);
  if (on.length > 1) throw new EngineError(`the demo applies one penalty at a time, got ${on.join(' and ')} together`);
  const penalty = on[0] ?? 'none';
  const strength = penalty === 'l1' ? v.l1 : penalty === 'l2' ? v.l2 : penalty === 'l1-prox' ? v.proxL1 : previous.strength;
  return { penalty, strength, lr: v.lr };
}

/** A live change in the demo's words: the settings in force before and after it. */
export interface PenaltyChange {
  /** Optimizer steps done before the change (it applies to step `step` + 1 onwards, counting from 1). */
  step: number;
  /** Epochs done before the change. */
  epoch: number;
  from: LiveSettings;
  to: LiveSettings;
}

/** The run's change log (its settings and changes) read in the demo's words, change by change. */
export function penaltyChanges(run: RunLog): PenaltyChange[] {
  const start = run.settings as LiveSettings;
  let now: LiveSettings = { penalty: start.penalty, strength: start.strength, lr: start.lr };
  let values = liveValues(now);
  return run.changes.map((c) => {
    values = { ...values, ...c.set } as LiveValues;
    const to = liveSettings(values, now);
    const change = { step: c.step, epoch: c.epoch, from: now, to };
    now = to;
    return change;
  });
}
