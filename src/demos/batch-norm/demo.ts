import { defineDemo } from '../define.ts';
import type { Reproduction } from '../../reproduce/types.ts';
import { dropoutFields, gridFields, histogramFields, loneBatchProblem, missingPart, runningFields } from './settings.ts';

const chapter = { slug: 'batch-normalization', title: 'Batch normalization' };

/** Activation histograms of one hidden layer, with and without batch norm. */
export const batchNormHistogramDemo = defineDemo({
  id: 'bn-histogram',
  component: 'BatchNormHistogramDemo',
  title: 'Inside a layer, with and without batch norm',
  caption: 'Two copies of a deep network, identical but for batch norm, train on the same batches from the same initial weights. Press Train and pick a layer.',
  height: 2500,
  chapter,
  summary:
    'The same deep network with and without batch norm trains live from the same initial weights: histograms of a chosen hidden layer’s values on the current mini-batch (without BN; with BN before and after it) with their mean and variance, their history, both loss curves, and the live PyTorch code.',
  example: '<BatchNormHistogramDemo id="my-bn-histogram" layers={5} layer={5} activation="tanh" initScale={2} controls="lr,initScale" />',
  fields: histogramFields,
  controls: ['lr', 'initScale', 'activation', 'dataset', 'points', 'layers', 'hidden', 'batch', 'steps', 'seed'],
  clash: (s) => missingPart(s) ?? loneBatchProblem(s.points, s.batch),
  island: () => import('./HistogramIsland.tsx'),
  runner: () => import('./histogram-run.ts').then((m) => m.histogramRunner),
  reproduce: (): Promise<Reproduction[]> => import('./reproduce.ts').then((m) => m.histogramReproductions),
});

/** A grid of learning rates by initial weight scales, each cell trained with and without batch norm. */
export const batchNormLearningRateDemo = defineDemo({
  id: 'bn-learning-rates',
  component: 'BatchNormLearningRateDemo',
  title: 'Higher learning rates, any initial weights',
  caption: 'For every learning rate and initial weight scale, the same network trains twice: with and without batch norm. Press Train and watch the grid fill in.',
  height: 1130,
  chapter,
  summary:
    'A grid of learning rates (0.01 to 10) by initial weight scales (×0.3 to ×10): every cell trains the same network with and without batch norm (plain SGD), live; two heat-map tables of the final training loss (diverged and stalled runs marked) and the loss curves of a chosen cell.',
  example: '<BatchNormLearningRateDemo id="my-bn-grid" dataset="spiral" layers={3} epochs={20} controls="epochs,seed" />',
  fields: gridFields,
  controls: ['dataset', 'layers', 'hidden', 'activation', 'batch', 'epochs', 'seed'],
  clash: (s) => loneBatchProblem(s.points, s.batch),
  island: () => import('./LearningRateIsland.tsx'),
  runner: () => import('./grid-run.ts').then((m) => m.gridRunner),
  reproduce: (): Promise<Reproduction[]> => import('./reproduce.ts').then((m) => m.gridReproductions),
});

/** One feature of a BatchNorm1d layer: batch statistics, running averages, train vs eval mode. */
export const batchNormRunningStatsDemo = defineDemo({
  id: 'bn-running-stats',
  component: 'BatchNormRunningStatsDemo',
  title: 'Train mode, eval mode and the running statistics',
  caption: 'A network with batch norm trains one batch at a time. Follow one feature: its batch statistics jump from batch to batch, the running averages follow them slowly.',
  height: 2030,
  chapter,
  summary:
    'One feature of a BatchNorm1d layer while the network trains: the batch mean and variance of every step, the running averages converging toward them, PyTorch’s momentum update with the numbers, and what train and eval mode normalise with (one point in two batches, validation loss in each mode).',
  example: '<BatchNormRunningStatsDemo id="my-bn-running" momentum={0.3} layer={2} neuron={3} mode="eval" controls="momentum,lr" />',
  fields: runningFields,
  controls: ['momentum', 'dataset', 'points', 'layers', 'hidden', 'lr', 'batch', 'steps', 'seed'],
  clash: (s) => missingPart(s) ?? loneBatchProblem(s.points, s.batch),
  island: () => import('./RunningStatsIsland.tsx'),
  runner: () => import('./running-run.ts').then((m) => m.runningRunner),
  reproduce: (): Promise<Reproduction[]> => import('./reproduce.ts').then((m) => m.runningReproductions),
});

/** Four networks: neither, batch norm, dropout, both — the overfitting gap of each. */
export const batchNormDropoutDemo = defineDemo({
  id: 'bn-dropout',
  component: 'BatchNormDropoutDemo',
  title: 'Batch norm and dropout against overfitting',
  caption: 'The same network four times, on the same 60 noisy points: with neither, one or both regularizers. Press Train and watch the gap between validation and training loss.',
  height: 1320,
  chapter,
  summary:
    'Four networks on the same few noisy points with the same seed and initial weights (neither, batch norm, dropout, both): the overfitting gap and the validation loss of each, live, and a table of where each ends.',
  example: '<BatchNormDropoutDemo id="my-bn-dropout" p={0.3} noise={0.1} points={80} controls="p,noise" />',
  fields: dropoutFields,
  controls: ['p', 'noise', 'points', 'seeds', 'versus', 'dataset', 'layers', 'hidden', 'lr', 'batch', 'epochs', 'seed'],
  clash: (s) => loneBatchProblem(s.points, s.batch),
  island: () => import('./DropoutIsland.tsx'),
  runner: () => import('./dropout-run.ts').then((m) => m.dropoutRunner),
  reproduce: (): Promise<Reproduction[]> => import('./reproduce.ts').then((m) => m.dropoutReproductions),
});
