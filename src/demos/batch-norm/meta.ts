import type { DemoMeta } from '../meta.ts';
import { dropoutFields, gridFields, histogramFields, runningFields } from './settings.ts';

export const demoMeta: DemoMeta[] = [
  {
    component: 'BatchNormHistogramDemo',
    chapter: 'batch-normalization',
    summary:
      'The same deep network with and without batch norm trains live from the same initial weights: histograms of a chosen hidden layer’s values on the current mini-batch (without BN; with BN before and after it) with their mean and variance, their history, both loss curves, and the live PyTorch code.',
    fields: histogramFields,
    defaultId: 'bn-histogram',
    hasControls: true,
    example: '<BatchNormHistogramDemo id="my-bn-histogram" layers={5} layer={5} activation="tanh" initScale={2} controls="lr,initScale" />',
  },
  {
    component: 'BatchNormLearningRateDemo',
    chapter: 'batch-normalization',
    summary:
      'A grid of learning rates (0.01 to 10) by initial weight scales (×0.3 to ×10): every cell trains the same network with and without batch norm (plain SGD), live; two heat-map tables of the final training loss (diverged and stalled runs marked) and the loss curves of a chosen cell.',
    fields: gridFields,
    defaultId: 'bn-learning-rates',
    hasControls: true,
    example: '<BatchNormLearningRateDemo id="my-bn-grid" dataset="spiral" layers={3} epochs={20} controls="epochs,seed" />',
  },
  {
    component: 'BatchNormRunningStatsDemo',
    chapter: 'batch-normalization',
    summary:
      'One feature of a BatchNorm1d layer while the network trains: the batch mean and variance of every step, the running averages converging toward them, PyTorch’s momentum update with the numbers, and what train and eval mode normalise with (one point in two batches, validation loss in each mode).',
    fields: runningFields,
    defaultId: 'bn-running-stats',
    hasControls: true,
    example: '<BatchNormRunningStatsDemo id="my-bn-running" momentum={0.3} layer={2} neuron={3} mode="eval" controls="momentum,lr" />',
  },
  {
    component: 'BatchNormDropoutDemo',
    chapter: 'batch-normalization',
    summary:
      'Four networks on the same few noisy points with the same seed and initial weights (neither, batch norm, dropout, both): the overfitting gap and the validation loss of each, live, and a table of where each ends.',
    fields: dropoutFields,
    defaultId: 'bn-dropout',
    hasControls: true,
    example: '<BatchNormDropoutDemo id="my-bn-dropout" p={0.3} noise={0.1} points={80} controls="p,noise" />',
  },
];
