/**
 * The runner table, derived from the demo list: every training demo's runner, under the demo's
 * id (the `kind` an island's trainer asks for). For Node (tests, the reproduce CLI); the browser's
 * worker takes the same table from ./lazy-list.ts, which does not load every definition.
 */
import type { RunnerLoader } from '../training/runner.ts';
import { demos } from './index.ts';

export const runnerTable: Record<string, RunnerLoader> = Object.fromEntries(
  demos.flatMap((d) => (d.runner ? [[d.id, d.runner]] : [])),
);
