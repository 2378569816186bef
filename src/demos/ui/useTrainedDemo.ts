import type { TrainerHandle } from '../../training/useTrainer.ts';
import { runInputOf, type DemoDefinition, type IslandProps } from '../define.ts';
import { runKeyOf, type Fields, type SettingsOf } from '../settings-kit.ts';
import { useFieldEffects } from './useFieldEffects.ts';
import { useDemoSettings } from './useDemoSettings.ts';
import { useDemoTrainer } from './useDemoTrainer.ts';

export interface TrainedDemoOptions<F extends Fields, S> {
  /** What the runner receives, when it depends on more than the settings (default: the definition's runInput). */
  run?(s: SettingsOf<F>): unknown;
  /** A live change (default: sent to the runner as it is). */
  live?(patch: Record<string, unknown>, t: TrainerHandle<S>): void;
  /** After a restart (default: nothing; a demo that trains on its own plays again). */
  restarted?(t: TrainerHandle<S>): void;
  /** Link parameters the island reads itself (not settings, so no "unknown setting" notice): a run's live changes. */
  linkKeys?: readonly string[];
}

/**
 * How a training demo's island starts: its settings (props, then a shared link), its trainer
 * (the demo's runner in the worker) and its fields' effects applied (a restart resets the run,
 * a live change updates it).
 */
export function useTrainedDemo<F extends Fields, S>(demo: DemoDefinition<F>, props: IslandProps<F>, opts: TrainedDemoOptions<F, S> = {}) {
  const run = opts.run ?? ((s: SettingsOf<F>) => runInputOf(demo, s));
  // A link naming settings the demo cannot run together gets the chapter's settings and a notice.
  const ds = useDemoSettings({ id: props.id, title: props.title, caption: props.caption, controls: props.controls }, demo.fields, props.settings, opts.linkKeys, demo.clash && ((s) => demo.clash!(s)));
  const t = useDemoTrainer<S>(demo.id, run(ds.settings), props.firstRun);
  const runKey = useFieldEffects(demo.fields, ds.settings, {
    restart: () => {
      t.reset(run(ds.settings));
      opts.restarted?.(t);
    },
    live: (patch) => (opts.live ? opts.live(patch, t) : t.update(patch)),
  });
  /** Whether a snapshot's settings are those of the run the controls show (older runs are not drawn). */
  const sameRun = (snapshotSettings: Record<string, unknown> | undefined) => !!snapshotSettings && runKeyOf(demo.fields, snapshotSettings) === runKey;
  /** A control's onChange: the setting takes the new value. */
  const set = (k: keyof F & string) => (v: number | string | boolean) => ds.setSettings({ ...ds.settings, [k]: v });
  // A pointer over the demo or a control focused: the worker starts loading before the first press.
  const frame = { ...ds.frame, onIntent: t.warm };
  return { ...ds, frame, t, runKey, sameRun, set };
}
