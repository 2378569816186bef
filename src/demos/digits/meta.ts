import type { DemoMeta } from '../meta.ts';
import { digitsFields, seedsFields } from './settings.ts';

export const demoMeta: DemoMeta[] = [
  {
    component: 'DigitsDemo',
    chapter: 'what-is-regularization',
    summary:
      'Real data: an MLP 64-h-10 trained on a small part of the 1,797 handwritten 8 × 8 digits (scikit-learn’s load_digits) with a chosen regularization (none, dropout, L2, L1, batch norm, early stopping): loss and accuracy curves, the validation digits it gets wrong, and the first layer’s weights as 8 × 8 images.',
    fields: digitsFields,
    defaultId: 'digits',
    hasControls: true,
    example: '<DigitsDemo id="my-digits" method="l1" l1={0.001} trainSize={300} controls="method,l1,seed" />',
  },
  {
    component: 'DigitsSeedsDemo',
    chapter: 'dropout',
    summary:
      'Several seeds, honestly compared: the digits network without regularization and with one (dropout, L2, L1, batch norm or early stopping) on N seeds, each giving both the same split, initial weights and batches: mean validation loss and accuracy with min-max bands, each seed’s final numbers as paired dots, and a verdict on whether the difference exceeds the seed-to-seed spread.',
    fields: seedsFields,
    defaultId: 'digits-seeds',
    hasControls: true,
    example: '<DigitsSeedsDemo id="l2-seeds" method="l2" l2={0.001} seeds={10} controls="l2,seeds" />',
  },
];
