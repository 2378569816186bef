import { useTrainer, type TrainerHandle } from '../../training/useTrainer.ts';
import type { HostSource } from '../../training/client.ts';
import type { RunnerTable } from '../../training/runner.ts';
import type { FirstRun } from '../../training/first-run.ts';

/** The course's training host: the worker whose entry is src/demos/worker.ts (the demo list's runners). */
const courseHost: HostSource = {
  worker: () => new Worker(new URL('../worker.ts', import.meta.url), { type: 'module', name: 'training' }),
  runners: (): Promise<RunnerTable> => import('../lazy-list.ts').then((m) => m.lazyRunnerTable),
};

/** A demo island's trainer: `kind` is the demo's id (its runner in the table); `first`, the run the build computed. */
export function useDemoTrainer<S>(kind: string, settings: unknown, first?: FirstRun | null): TrainerHandle<S> {
  return useTrainer<S>(courseHost, kind, settings, first);
}
