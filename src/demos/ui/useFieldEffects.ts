import { useEffect, useRef } from 'preact/hooks';
import { keysWithEffect, runKeyOf, type Fields, type SettingsOf } from '../settings-kit.ts';

/** What a demo does when its settings move (see Effect in settings-kit.ts). */
export interface EffectHandlers {
  /** A 'restart' field changed: the run starts again with the new settings. */
  restart(): void;
  /** Only 'live' fields changed: the running network takes these values. */
  live?(patch: Record<string, unknown>): void;
}

/**
 * Applies each field's effect when the settings change (never on the first render: the trainer
 * was just created with them): a changed 'restart' field restarts the run; otherwise the changed
 * 'live' fields go to the running network as one patch; 'view' fields do nothing here (the island
 * draws them). Returns the run key of the current settings.
 */
export function useFieldEffects<F extends Fields>(fields: F, settings: SettingsOf<F>, on: EffectHandlers): string {
  const values = settings as Record<string, unknown>;
  const runKey = runKeyOf(fields, values);
  const live = keysWithEffect(fields, 'live');
  const liveNow = live.map((k) => values[k]);
  const prev = useRef({ runKey, live: liveNow });
  useEffect(() => {
    const before = prev.current;
    prev.current = { runKey, live: liveNow };
    if (before.runKey !== runKey) return on.restart();
    const patch: Record<string, unknown> = {};
    live.forEach((k, i) => {
      if (!Object.is(liveNow[i], before.live[i])) patch[k] = liveNow[i];
    });
    if (on.live && Object.keys(patch).length > 0) on.live(patch);
  });
  return runKey;
}
