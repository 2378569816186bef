import { validated } from '../settings-kit.ts';
/**
 * Demo 2: for every learning rate x initial weight scale of the grid, a pair of runs of the same
 * network (same data, seed, batch order and, for a given scale, initial weights) with and
 * without batch norm, trained with plain SGD for the same number of epochs. The pairs are
 * trained one after the other, one epoch of both runs per unit of work, so the grid fills in
 * cell by cell without ever holding the worker for long.
 */
import type { Runner } from '../../training/runner.ts';
import type { RunLog } from '../../reproduce/types.ts';
import { createTrainer, makeClassification, type Dataset, type Trainer } from '../../engine/index.ts';
import { attempt, checkBatches, contender, shapeSpec, type Contender, type MlpShape } from './networks.ts';
import { GRID_LRS, GRID_SCALES, gridFields, type GridSettings } from './settings.ts';

export { stalled } from './settings.ts';

export type RunStatus = 'waiting' | 'training' | 'done' | 'diverged';

export interface GridRun {
  status: RunStatus;
  losses: number[];          // training loss after each epoch (eval mode, whole training set); index 0 = before training
  divergedEpoch: number | null;
  message: string | null;    // why it diverged
}

export interface GridCell {
  lr: number;
  scale: number;
  bn: GridRun;
  plain: GridRun;
}

export interface GridSnapshot {
  settings: GridSettings;
  lrs: number[];
  scales: number[];
  cells: GridCell[];         // row-major: scales (rows) x learning rates (columns)
  done: number;              // finished pairs
  current: number;           // index of the pair in training (= done while not finished)
  /** Loss of always predicting the training set's class frequency: where a stalled run sits. */
  chanceLoss: number;
  /** The settings the run started from (it has no live changes): "Reproduce in PyTorch". */
  reproduce: RunLog;
}

export function validGrid(raw: unknown): GridSettings {
  return validated(gridFields, raw);
}

export function gridShape(s: GridSettings, batchnorm: boolean): MlpShape {
  return { layers: s.layers, hidden: s.hidden, activation: s.activation, batchnorm };
}

/** The data of every run of the grid. */
export function gridData(s: GridSettings): Dataset {
  checkBatches(s.points, s.batch);
  return makeClassification({ name: s.dataset, n: s.points, noise: 0, seed: s.seed }).train;
}

/** One run of the grid, built from the settings alone (pure: the export and the tests use it too). */
export function gridTrainer(s: GridSettings, train: Dataset, lr: number, scale: number, batchnorm: boolean): Trainer {
  return createTrainer({ network: shapeSpec(gridShape(s, batchnorm), { type: 'sgd', lr }, s.seed, scale), train, batchSize: Math.min(s.batch, train.n), seed: s.seed });
}

/** Binary cross-entropy of the constant prediction p = fraction of class 1. */
export function chanceLoss(d: Dataset): number {
  let ones = 0;
  for (let i = 0; i < d.n; i++) ones += d.y[i];
  const p = ones / d.n;
  if (p === 0 || p === 1) return 0;
  return -(p * Math.log(p) + (1 - p) * Math.log(1 - p));
}

/** The worker's runner: the run itself is a Runner (advance, snapshot). */
export const gridRunner = (raw: unknown): Runner => createGridRun(raw);

export function createGridRun(raw: unknown) {
  const s = validGrid(raw);
  const train = gridData(s);
  const chance = chanceLoss(train);
  const newRun = (): GridRun => ({ status: 'waiting', losses: [], divergedEpoch: null, message: null });
  const cells: GridCell[] = [];
  for (const scale of GRID_SCALES) for (const lr of GRID_LRS) cells.push({ lr, scale, bn: newRun(), plain: newRun() });
  let current = 0;
  let pair: { bn: Contender; plain: Contender } | null = null;

  function start(cell: GridCell) {
    const make = (bn: boolean) => {
      const t = gridTrainer(s, train, cell.lr, cell.scale, bn);
      return contender(t, t.network.loss(train.x, train.y, train.n, 'eval'));
    };
    pair = { bn: make(true), plain: make(false) };
    for (const k of ['bn', 'plain'] as const) {
      cell[k].status = 'training';
      cell[k].losses.push(pair[k].initialLoss);
    }
  }

  return {
    settings: s,
    /** One epoch of both runs of the current pair; false once every pair is done. */
    advance(): boolean {
      if (current >= cells.length) return false;
      const cell = cells[current];
      if (!pair) start(cell);
      const p = pair!;
      for (const k of ['bn', 'plain'] as const) {
        const run = cell[k], c = p[k];
        if (run.status !== 'training') continue;
        const epoch = c.trainer.epoch + 1;
        const loss = attempt(c, epoch, 'epoch', () => c.trainer.runEpoch().trainLoss);
        if (loss === null) {
          run.status = 'diverged';
          run.divergedEpoch = c.divergedAt;
          run.message = c.diverged;
        } else {
          run.losses.push(loss);
          if (c.trainer.epoch >= s.epochs) run.status = 'done';
        }
      }
      if (cell.bn.status !== 'training' && cell.plain.status !== 'training') {
        current++;
        pair = null;
      }
      return current < cells.length;
    },
    snapshot(): GridSnapshot {
      return {
        settings: { ...s },
        reproduce: { settings: { ...s }, changes: [] },
        lrs: [...GRID_LRS],
        scales: [...GRID_SCALES],
        cells: cells.map((c) => ({ ...c, bn: { ...c.bn, losses: c.bn.losses.slice() }, plain: { ...c.plain, losses: c.plain.losses.slice() } })),
        done: current,
        current,
        chanceLoss: chance,
      };
    },
  };
}
