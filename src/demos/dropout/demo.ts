import { defineDemo } from '../define.ts';
import type { Reproduction } from '../../reproduce/types.ts';
import { compareFields, maskFields } from './settings.ts';

const chapter = { slug: 'dropout', title: 'Dropout' };

/** The mask viewer: the engine's real dropout masks, step by step, in train and eval mode. */
export const dropoutMaskDemo = defineDemo({
  id: 'dropout-masks',
  component: 'DropoutMaskDemo',
  title: 'See the dropout masks',
  caption: 'A small network trains in your browser, one mini-batch per step. Each step the engine draws a new random mask: crossed-out neurons are dropped for that step.',
  height: 2080,
  chapter,
  summary:
    'The mask viewer: a small network trains one mini-batch per step, and the drawing shows the dropout mask the engine drew for one example (dropped neurons crossed out with their connections, kept ones labelled with the 1/(1-p) scale), the whole batch’s masks, and the fraction dropped step by step against p. Train/eval switch and live PyTorch code.',
  example: '<DropoutMaskDemo id="my-masks" p={0.2} hidden={6} layers={1} controls="p,mode" />',
  fields: maskFields,
  controls: ['p', 'mode', 'dataset', 'noise', 'points', 'hidden', 'layers', 'lr', 'batch', 'seed'],
  island: () => import('./MaskIsland.tsx'),
  runner: () => import('./mask-runner.ts').then((m) => m.dropoutMaskRunner),
  reproduce: (): Promise<Reproduction[]> => import('./reproduce.ts').then((m) => m.maskReproductions),
});

/** "Does it help?": the same network with and without dropout, side by side. */
export const dropoutCompareDemo = defineDemo({
  id: 'dropout-compare',
  component: 'DropoutCompareDemo',
  title: 'Does dropout help?',
  caption: 'The same too-large network, the same noisy points, the same seed: trained side by side without dropout and with it. Press Train; changing a setting trains both again from the start.',
  height: 2060,
  chapter,
  summary:
    'Does it help? The same too-large network trained twice on the same noisy data and seed, without dropout and with dropout at p: training and validation loss curves, decision boundaries and the train/validation gaps of both, live, with the PyTorch code.',
  example: '<DropoutCompareDemo id="my-compare" dataset="xor" p={0.3} epochs={200} controls="p,noise,seed" />',
  fields: compareFields,
  controls: ['p', 'seeds', 'dataset', 'noise', 'points', 'hidden', 'layers', 'lr', 'batch', 'epochs', 'seed'],
  island: () => import('./CompareIsland.tsx'),
  runner: () => import('./compare-runner.ts').then((m) => m.dropoutCompareRunner),
  reproduce: (): Promise<Reproduction[]> => import('./reproduce.ts').then((m) => m.compareReproductions),
});
