import { validated } from '../settings-kit.ts';
/**
 * Demo 4: four networks on the same few noisy points (same data, seed, batch order and initial
 * weights), one epoch of each per unit of work: no regularizer, batch norm only, dropout only,
 * and batch norm + dropout (Linear -> BatchNorm1d -> ReLU -> Dropout). After every epoch, the
 * training and validation loss in eval mode, and their difference: the overfitting gap.
 */
import type { Runner } from '../../training/runner.ts';
import type { RunLog } from '../../reproduce/types.ts';
import { createTrainer, makeClassification, type Dataset, type Trainer } from '../../engine/index.ts';
import { dropoutSeedsRunner } from './dropout-seeds.ts';
import { attempt, checkBatches, contender, shapeSpec, type Contender, type MlpShape } from './networks.ts';
import { dropoutFields, VALIDATION_POINTS, VARIANTS, type DropoutSettings, type VariantKey } from './settings.ts';

export type { VariantKey };

export interface VariantRecord {
  key: VariantKey;
  label: string;
  train: number[];   // after each epoch (eval mode); index 0 = before training
  val: number[];
  gap: number[];     // val - train
  bestVal: number;   // lowest validation loss so far
  bestEpoch: number;
  diverged: string | null;
}

export interface DropoutSnapshot {
  settings: DropoutSettings;
  epoch: number;
  maxEpochs: number;
  variants: VariantRecord[];
  /** The settings the run started from (it has no live changes): "Reproduce in PyTorch". */
  reproduce: RunLog;
}

export function validDropout(raw: unknown): DropoutSettings {
  return validated(dropoutFields, raw);
}

export function variantShape(s: DropoutSettings, v: (typeof VARIANTS)[number]): MlpShape {
  return { layers: s.layers, hidden: s.hidden, activation: 'relu', batchnorm: v.batchnorm, dropout: v.dropout ? s.p : undefined };
}

/** The pure run builder: the split and the four trainers. */
export function buildDropoutRun(s: DropoutSettings): { train: Dataset; val: Dataset; trainers: Trainer[] } {
  checkBatches(s.points, s.batch);
  const n = s.points + VALIDATION_POINTS;
  const { train, val } = makeClassification({ name: s.dataset, n, noise: s.noise, seed: s.seed, valFraction: VALIDATION_POINTS / n });
  const trainers = VARIANTS.map((v) =>
    createTrainer({ network: shapeSpec(variantShape(s, v), { type: 'adam', lr: s.lr }, s.seed), train, val: val!, batchSize: Math.min(s.batch, train.n), seed: s.seed }),
  );
  return { train, val: val!, trainers };
}

/** The worker's runner: the run itself is a Runner (advance, snapshot). */
export const dropoutRunner = (raw: unknown): Runner => {
  const s = validDropout(raw);
  // Several seeds: the four networks on every seed, compared by their final numbers.
  return s.seeds > 1 ? dropoutSeedsRunner(s) : createDropoutRun(s);
};

export function createDropoutRun(raw: unknown) {
  const s = validDropout(raw);
  const { train, val, trainers } = buildDropoutRun(s);
  const records: VariantRecord[] = [];
  const runs: Contender[] = trainers.map((t, i) => {
    const tr = t.network.loss(train.x, train.y, train.n, 'eval');
    const va = t.network.loss(val.x, val.y, val.n, 'eval');
    records.push({ key: VARIANTS[i].key, label: VARIANTS[i].label, train: [tr], val: [va], gap: [va - tr], bestVal: va, bestEpoch: 0, diverged: null });
    return contender(t, tr);
  });
  let epoch = 0;

  return {
    settings: s,
    advance(): boolean {
      if (epoch >= s.epochs) return false;
      epoch++;
      runs.forEach((c, i) => {
        const r = records[i];
        let valLoss = NaN;
        const tr = attempt(c, epoch, 'epoch', () => {
          const rec = c.trainer.runEpoch();
          valLoss = rec.valLoss ?? NaN;
          return rec.trainLoss;
        });
        if (tr === null) {
          r.diverged = c.diverged;
          return;
        }
        r.train.push(tr);
        r.val.push(valLoss);
        r.gap.push(valLoss - tr);
        if (valLoss < r.bestVal) {
          r.bestVal = valLoss;
          r.bestEpoch = epoch;
        }
      });
      return epoch < s.epochs;
    },
    snapshot(): DropoutSnapshot {
      return {
        settings: { ...s },
        reproduce: { settings: { ...s }, changes: [] },
        epoch,
        maxEpochs: s.epochs,
        variants: records.map((r) => ({ ...r, train: r.train.slice(), val: r.val.slice(), gap: r.gap.slice() })),
      };
    },
  };
}
