/**
 * The worker's runners of the batch-normalization demos (chapter 4). The runs themselves live in
 * one module each; here they become Runners. `update({ layer, neuron })` only changes what the
 * snapshot shows, never the run, so a run stays determined by its settings and seed.
 */
import type { Runner } from '../../training/runner.ts';
import { createDropoutRun } from './dropout-run.ts';
import { createGridRun } from './grid-run.ts';
import { createHistogramRun } from './histogram-run.ts';
import { createRunningRun } from './running-run.ts';

export function histogramRunner(raw: unknown): Runner {
  const run = createHistogramRun(raw);
  return {
    advance: () => run.advance(),
    update(patch) {
      if (typeof patch.layer === 'number') run.show(patch.layer);
    },
    snapshot: () => run.snapshot(),
  };
}

export function gridRunner(raw: unknown): Runner {
  const run = createGridRun(raw);
  return { advance: () => run.advance(), snapshot: () => run.snapshot() };
}

export function runningRunner(raw: unknown): Runner {
  const run = createRunningRun(raw);
  return {
    advance: () => run.advance(),
    update: (patch) => run.show(patch),
    snapshot: () => run.snapshot(),
  };
}

export function dropoutRunner(raw: unknown): Runner {
  const run = createDropoutRun(raw);
  return { advance: () => run.advance(), snapshot: () => run.snapshot() };
}

export const runners = {
  'bn-histogram': histogramRunner,
  'bn-learning-rates': gridRunner,
  'bn-running-stats': runningRunner,
  'bn-dropout': dropoutRunner,
};
