// The PyTorch recipe of a classification demo's run, as its buildRun() starts it: the same split,
// batches (shuffled from the seed), epochs and live changes, the accuracy printed beside the losses,
// and the run declared diverged where the demo stops it (EXPLOSION). A demo adds what is its own.
import { torchBody, type TorchRun } from '../reproduce/recipe.ts';
import type { Change } from '../reproduce/types.ts';
import type { Trainer } from '../engine/index.ts';
import { EXPLOSION } from './classification-run.ts';

export function classificationBody(
  run: { split: TorchRun['data']; trainer: Trainer },
  s: { batch: number; seed: number; epochs: number },
  changes: Change[],
  more: Partial<TorchRun> = {},
): ReturnType<typeof torchBody> {
  return torchBody({
    trainer: run.trainer, data: run.split, batchSize: s.batch, shuffleSeed: s.seed, epochs: s.epochs, changes,
    figures: { accuracy: true }, divergence: EXPLOSION, ...more,
  });
}
