import { useEffect } from 'preact/hooks';
import type { DemoDefinition, IslandProps } from '../define.ts';
import { useTrainedDemo } from '../ui/useTrainedDemo.ts';
import type { EarlyStoppingRunSnapshot } from './runner.ts';
import type { earlyStoppingFields } from './settings.ts';

type F = typeof earlyStoppingFields;

/**
 * The run early stopping watches: the page's run comes finished with the page (trained at build
 * time, `playsWhenShown`); another (a link's) trains in the Web Worker as soon as the demo is on
 * screen (a second or two), epoch by epoch. A changed run setting ('restart')
 * trains a new run; the rule's settings ('view') never retrain anything: the island replays
 * the rule over the recorded run.
 */
export function useRun(demo: DemoDefinition<F>, props: IslandProps<F>) {
  const d = useTrainedDemo<F, EarlyStoppingRunSnapshot>(demo, props, { restarted: (t) => t.play() });
  useEffect(() => d.t.play(), []);
  return d;
}
