import { defineDemo } from '../define.ts';
import type { Reproduction } from '../../reproduce/types.ts';
import { earlyStoppingFields, pickRun, savingsFields } from './settings.ts';

const chapter = { slug: 'early-stopping', title: 'Early stopping' };
// Both demos train the same run in the worker (every epoch's weights kept); the rule itself is
// replayed on the page, so its settings ('view') never retrain.
const runner = () => import('./runner.ts').then((m) => m.earlyStoppingRunner);

/** The patience stepper: Keras' EarlyStopping rule decided epoch by epoch. */
export const earlyStoppingDemo = defineDemo({
  id: 'early-stopping',
  component: 'EarlyStoppingDemo',
  title: 'Step through early stopping',
  caption: 'Your browser trains an overfitting network for every epoch of fit, keeping each epoch’s weights. Step through the epochs and watch the rule decide.',
  height: 2050,
  chapter,
  summary:
    'The patience stepper: an overfitting network trains in the browser, then the learner steps through its epochs and sees Keras’ EarlyStopping rule decide at each one (equation with the numbers, wait counter, best epoch, stop), the weights kept with restore_best_weights, and live Keras and PyTorch code.',
  example: '<EarlyStoppingDemo id="my-stopper" patience={3} min_delta={0.001} restore_best_weights={false} controls="patience,min_delta,restore_best_weights" />',
  fields: earlyStoppingFields,
  controls: ['patience', 'min_delta', 'restore_best_weights', 'monitor', 'mode', 'useBaseline', 'baseline', 'start_from_epoch', 'noise', 'points', 'lr', 'epochs', 'seed'],
  island: () => import('./StepperIsland.tsx'),
  runner,
  runInput: pickRun,
  // The stepper explores the whole run: it trains to the end as soon as it is shown.
  playsWhenShown: true,
  reproduce: (): Promise<Reproduction[]> => import('./reproduce.ts').then((m) => m.stepperReproductions),
});

/** What different patiences save, on one run trained to the end. */
export const earlyStoppingSavingsDemo = defineDemo({
  id: 'early-stopping-savings',
  component: 'EarlyStoppingSavingsDemo',
  title: 'What early stopping saves',
  caption: 'The same run, trained to the end once, and the rule applied with several patience values.',
  height: 440,
  chapter,
  summary:
    'What early stopping saves: the same run trained to the end once, then the rule applied with patience 0 to 50 — epochs and gradient steps saved, and the validation loss of the model kept (table and charts). Its patience setting is used with several seeds (Seeds > 1): the rule at that patience against training all the epochs, seed by seed; with one seed every row has its own.',
  example: '<EarlyStoppingSavingsDemo id="my-savings" noise={0.3} seed={11} controls="min_delta,restore_best_weights" />',
  fields: savingsFields,
  controls: ['seeds', 'patience', 'min_delta', 'restore_best_weights', 'monitor', 'start_from_epoch', 'noise', 'seed'],
  island: () => import('./SavingsIsland.tsx'),
  // One run as the stepper trains it, or (Seeds > 1) the run on every seed.
  runner: () => import('./seeds.ts').then((m) => m.savingsRunner),
  runInput: (s) => ({ ...pickRun(s), seeds: s.seeds }),
  playsWhenShown: true,
  reproduce: (): Promise<Reproduction[]> => import('./reproduce.ts').then((m) => m.savingsReproductions),
});
