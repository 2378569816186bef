import type { DemoMeta } from '../meta.ts';
import { earlyStoppingFields } from './settings.ts';

export const demoMeta: DemoMeta[] = [
  {
    component: 'EarlyStoppingDemo',
    chapter: 'early-stopping',
    summary:
      'The patience stepper: an overfitting network trains in the browser, then the learner steps through its epochs and sees Keras’ EarlyStopping rule decide at each one (equation with the numbers, wait counter, best epoch, stop), the weights kept with restore_best_weights, and live Keras and PyTorch code.',
    fields: earlyStoppingFields,
    defaultId: 'early-stopping',
    hasControls: true,
    example: '<EarlyStoppingDemo id="my-stopper" patience={3} min_delta={0.001} restore_best_weights={false} controls="patience,min_delta,restore_best_weights" />',
  },
  {
    component: 'EarlyStoppingSavingsDemo',
    chapter: 'early-stopping',
    summary:
      'What early stopping saves: the same run trained to the end once, then the rule applied with patience 0 to 50 — epochs and gradient steps saved, and the validation loss of the model kept (table and charts). Its patience setting is unused: every row has its own.',
    fields: earlyStoppingFields,
    defaultId: 'early-stopping-savings',
    hasControls: true,
    example: '<EarlyStoppingSavingsDemo id="my-savings" noise={0.3} seed={11} controls="min_delta,restore_best_weights" />',
  },
];
