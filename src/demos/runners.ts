/**
 * The worker's runner table, derived from the demo list: every training demo's runner, under the
 * demo's id (the `kind` an island's trainer asks for). Loaders, so the worker loads a demo's
 * engine code only when that demo starts.
 */
import type { RunnerLoader } from '../training/runner.ts';
import { demos } from './index.ts';

export const runnerTable: Record<string, RunnerLoader> = Object.fromEntries(
  demos.flatMap((d) => (d.runner ? [[d.id, d.runner]] : [])),
);
