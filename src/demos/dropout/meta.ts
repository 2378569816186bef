import type { DemoMeta } from '../meta.ts';
import { compareFields, maskFields } from './settings.ts';

export const demoMeta: DemoMeta[] = [
  {
    component: 'DropoutMaskDemo',
    chapter: 'dropout',
    summary:
      'The mask viewer: a small network trains one mini-batch per step, and the drawing shows the dropout mask the engine drew for one example (dropped neurons crossed out with their connections, kept ones labelled with the 1/(1-p) scale), the whole batch’s masks, and the fraction dropped step by step against p. Train/eval switch and live PyTorch code.',
    fields: maskFields,
    defaultId: 'dropout-masks',
    hasControls: true,
    example: '<DropoutMaskDemo id="my-masks" p={0.2} hidden={6} layers={1} controls="p,mode" />',
  },
  {
    component: 'DropoutCompareDemo',
    chapter: 'dropout',
    summary:
      'Does it help? The same too-large network trained twice on the same noisy data and seed, without dropout and with dropout at p: training and validation loss curves, decision boundaries and the train/validation gaps of both, live, with the PyTorch code.',
    fields: compareFields,
    defaultId: 'dropout-compare',
    hasControls: true,
    example: '<DropoutCompareDemo id="my-compare" dataset="xor" p={0.3} epochs={200} controls="p,noise,seed" />',
  },
];
