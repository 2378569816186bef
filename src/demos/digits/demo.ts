import { defineDemo } from '../define.ts';
import type { Reproduction } from '../../reproduce/types.ts';
import { digitsFields, seedsFields, sweepFields } from './settings.ts';

// The digits are fetched on demand (src/data/digits/): a runner or a reproduction is handed out
// only once they have loaded, so the synchronous engine code can read them.
const withDigits = <T>(load: () => Promise<T>): Promise<T> => import('../../data/digits/digits.ts').then((d) => d.loadDigits()).then(load);

/** Chapter 1: real data. An MLP 64-h-10 on 200 of the 1,797 handwritten digits, with a chosen regularization. */
export const digitsDemo = defineDemo({
  id: 'digits',
  component: 'DigitsDemo',
  title: 'Handwritten digits: overfitting on real data',
  caption: 'A network with 64 hidden neurons learns to read 8 × 8 handwritten digits from 200 examples and is tested on the other 1,597. Pick a regularization and press Train.',
  height: 960,
  chapter: { slug: 'what-is-regularization', title: 'What is regularization?' },
  summary:
    'Real data: an MLP 64-h-10 trained on a small part of the 1,797 handwritten 8 × 8 digits (scikit-learn’s load_digits) with a chosen regularization (none, dropout, L2, L1, batch norm, early stopping): loss and accuracy curves, the validation digits it gets wrong, and the first layer’s weights as 8 × 8 images.',
  example: '<DigitsDemo id="my-digits" method="l1" l1={0.001} trainSize={300} controls="method,l1,seed" />',
  fields: digitsFields,
  controls: ['method', 'p', 'l2', 'l1', 'patience', 'trainSize', 'hidden', 'lr', 'seed'],
  island: () => import('./Island.tsx'),
  runner: () => withDigits(() => import('./runner.ts').then((m) => m.digitsRunner)),
  reproduce: (): Promise<Reproduction[]> => withDigits(() => import('./reproduce.ts').then((m) => m.digitsReproductions)),
});

/** Chapter 2: the digits network with and without a regularization, over several seeds. */
export const digitsSeedsDemo = defineDemo({
  id: 'digits-seeds',
  component: 'DigitsSeedsDemo',
  title: 'Does it help, or was it luck? Several seeds',
  caption: 'The digits network of chapter 1 trained without regularization and with it, on several seeds. Each seed gives both networks the same split, initial weights and batches. Press Train.',
  height: 1100,
  chapter: { slug: 'dropout', title: 'Dropout' },
  summary:
    'Several seeds, honestly compared: the digits network without regularization and with one (dropout, L2, L1, batch norm or early stopping) on N seeds, each giving both the same split, initial weights and batches: mean validation loss and accuracy with min-max bands, each seed’s final numbers as paired dots, and a verdict on whether the difference exceeds the seed-to-seed spread.',
  example: '<DigitsSeedsDemo id="l2-seeds" method="l2" l2={0.001} seeds={10} controls="l2,seeds" />',
  fields: seedsFields,
  controls: ['method', 'p', 'l2', 'l1', 'patience', 'seeds', 'seed'],
  island: () => import('./SeedsIsland.tsx'),
  runner: () => withDigits(() => import('./seeds-runner.ts').then((m) => m.digitsSeedsRunner)),
  reproduce: (): Promise<Reproduction[]> => withDigits(() => import('./reproduce.ts').then((m) => m.seedsReproductions)),
});

/** Chapter 3: validation loss against the strength of L2 (or dropout), several seeds per point: the U. */
export const digitsSweepDemo = defineDemo({
  id: 'digits-sweep',
  component: 'DigitsSweepDemo',
  title: 'Too little, too much: sweeping the strength',
  caption: 'The digits network trained at eight strengths of L2 (or dropout), on a few seeds each. Press Train and watch the curve fill in.',
  height: 800,
  chapter: { slug: 'l1-l2', title: 'L1 and L2 regularization' },
  summary:
    'A sweep on the handwritten digits: the validation (and training) loss the network ends with against the L2 strength (0 to 0.1) or the dropout rate (0 to 0.9), mean and min-max over several seeds per strength: too little regularization overfits, too much underfits.',
  example: '<DigitsSweepDemo id="p-sweep" knob="dropout" seeds={2} controls="seeds" />',
  fields: sweepFields,
  controls: ['knob', 'seeds', 'seed'],
  island: () => import('./SweepIsland.tsx'),
  runner: () => withDigits(() => import('./sweep-runner.ts').then((m) => m.digitsSweepRunner)),
  reproduce: (): Promise<Reproduction[]> => withDigits(() => import('./reproduce.ts').then((m) => m.sweepReproductions)),
});
