import { useEffect } from 'preact/hooks';
import { useOnChange } from '../ui/useOnChange.ts';
import { useDemoTrainer } from '../ui/useDemoTrainer.ts';
import type { EarlyStoppingRunSnapshot } from './runner.ts';
import type { RunSettings } from './settings.ts';

/**
 * The run early stopping watches, trained in the Web Worker as soon as the demo is on screen
 * (a second or two for the default run), epoch by epoch. A changed run setting trains a new run;
 * the rule's settings never retrain anything.
 */
export function useRun(run: RunSettings) {
  const t = useDemoTrainer<EarlyStoppingRunSnapshot>('early-stopping', run);
  const key = JSON.stringify(run);
  useEffect(() => t.play(), []);
  useOnChange([key], () => {
    t.reset(run);
    t.play();
  });
  return t;
}
