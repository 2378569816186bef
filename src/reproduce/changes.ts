/**
 * The log of live changes a runner keeps (a slider moved while the network trains, without a
 * reset), so "Reproduce in PyTorch" re-runs the run the learner watched: each change with the
 * optimizer step it took effect at. Runners put `log.run()` in their snapshot as `reproduce`.
 */
import { EngineError, show } from '../engine/errors.ts';
import type { Change, LiveSet, RunLog } from './types.ts';

const LIVE_KEYS = ['lr', 'l1', 'l2', 'dropout', 'proxL1'] as const;

export interface ChangeLog {
  /**
   * Records what `set` changes at `steps` optimizer steps (`epoch` finished); values equal to the
   * current ones are dropped. Moves before the same step merge into one change, and a value moved
   * back to what it was before that step (a slider dragged there and back) is no change at all.
   */
  record(steps: number, epoch: number, set: LiveSet): void;
  readonly changes: Change[];
  /** The settings the run started from, and the changes: what a snapshot carries. */
  run(): RunLog;
}

/** `start`: the run's validated settings; `current`: the live values they start with. */
export function createChangeLog(start: Record<string, unknown>, current: LiveSet): ChangeLog {
  const now: LiveSet = { ...current };
  let before: LiveSet = { ...current }; // the values in force before the last change
  const changes: Change[] = [];
  const settings = { ...start };
  return {
    changes,
    record(steps, epoch, set) {
      const last = changes[changes.length - 1];
      const merging = last !== undefined && last.step === steps; // two moves before the next step: one change
      if (!merging) before = { ...now };
      const diff: LiveSet = {};
      for (const k of LIVE_KEYS) {
        const v = set[k];
        if (v !== undefined && v !== now[k]) diff[k] = now[k] = v;
      }
      if (Object.keys(diff).length === 0) return;
      if (!merging) {
        changes.push({ step: steps, epoch, set: diff });
        return;
      }
      Object.assign(last.set, diff);
      for (const k of LIVE_KEYS) if (last.set[k] !== undefined && last.set[k] === before[k]) delete last.set[k];
      if (Object.keys(last.set).length === 0) changes.pop();
    },
    run: () => ({ settings, changes: changes.map((c) => ({ ...c, set: { ...c.set } })) }),
  };
}

/** Checks a change log from outside (the CLI's --changes, a button's input): sorted steps, known keys, numbers. */
export function validChanges(raw: unknown): Change[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new EngineError(`changes must be a list of {step, epoch, set}, got ${show(raw)}`);
  let previous = -1;
  return raw.map((c, i) => {
    if (typeof c !== 'object' || c === null) throw new EngineError(`change ${i} must be an object {step, epoch, set}, got ${show(c)}`);
    const { step, epoch = 0, set } = c as Record<string, unknown>;
    if (!Number.isInteger(step) || (step as number) < 0) throw new EngineError(`change ${i}: step must be an integer >= 0, got ${show(step)}`);
    if ((step as number) < previous) throw new EngineError(`change ${i}: steps must not decrease (${step} after ${previous})`);
    if (!Number.isInteger(epoch) || (epoch as number) < 0) throw new EngineError(`change ${i}: epoch must be an integer >= 0, got ${show(epoch)}`);
    if (typeof set !== 'object' || set === null) throw new EngineError(`change ${i}: set must be an object like {"lr": 0.05}, got ${show(set)}`);
    const out: LiveSet = {};
    for (const [k, v] of Object.entries(set)) {
      if (!(LIVE_KEYS as readonly string[]).includes(k)) throw new EngineError(`change ${i}: unknown live setting '${k.length > 30 ? `${k.slice(0, 30)}…` : k}' (known: ${LIVE_KEYS.join(', ')})`);
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new EngineError(`change ${i}: ${k} must be a finite number, got ${show(v)}`);
      out[k as keyof LiveSet] = v;
    }
    previous = step as number;
    return { step: step as number, epoch: epoch as number, set: out };
  });
}

/**
 * A change log in a share link's query value: `2000:l1=0.01,lr=0.05;2500:l2=0.003` (at optimizer
 * step 2000, l1 and lr moved; at 2500, l2). Live keys in the engine's terms, as the log keeps them.
 * The link reopens the run's starting settings with this log, and the demo replays each change at
 * its step: the same run, changes included.
 */
export function changesToQuery(changes: readonly Change[]): string {
  return changes
    .map((c) => `${c.step}:${Object.entries(c.set).map(([k, v]) => `${k}=${v}`).join(',')}`)
    .join(';');
}

/** At most this many changes, and this many characters, are read from a link (a hostile link costs nothing). */
export const LINK_CHANGES_MAX = 200;
const LINK_CHANGES_CHARS = 8000;

/**
 * Reads changesToQuery's text back, checked like any change log (validChanges). The epoch of each
 * change is not in the link (the replaying run logs its own); it reads as 0 here. Throws an
 * EngineError naming what is wrong.
 */
export function changesFromQuery(text: string): Change[] {
  if (text.length > LINK_CHANGES_CHARS) throw new EngineError(`the list of changes is too long (${text.length} characters, at most ${LINK_CHANGES_CHARS})`);
  const parts = text.split(';').filter((p) => p.trim() !== '');
  if (parts.length > LINK_CHANGES_MAX) throw new EngineError(`too many changes (${parts.length}, at most ${LINK_CHANGES_MAX})`);
  return validChanges(parts.map((p, i) => {
    const m = /^\s*(\d+)\s*:(.*)$/.exec(p);
    if (!m) throw new EngineError(`change ${i} must read STEP:KEY=VALUE, got ${show(p)}`);
    const set: Record<string, number> = Object.create(null); // "__proto__" from a link is a key like any other (and refused)
    for (const kv of m[2].split(',')) {
      const [k, v, ...rest] = kv.split('=');
      if (rest.length || k === undefined || v === undefined || !/^[A-Za-z0-9]+$/.test(k.trim()) || v.trim() === '') throw new EngineError(`change ${i}: ${show(kv)} must read KEY=VALUE`);
      set[k.trim()] = Number(v);
    }
    return { step: Number(m[1]), epoch: 0, set };
  }));
}
