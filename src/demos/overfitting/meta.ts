import type { DemoMeta } from '../meta.ts';
import { overfittingFields } from './settings.ts';

export const demoMeta: DemoMeta = {
  component: 'OverfittingDemo',
  chapter: 'what-is-regularization',
  summary: 'A too-large network trains on a few noisy points: training and validation loss curves and the decision boundary, live.',
  fields: overfittingFields,
  defaultId: 'overfitting',
  hasControls: true,
  example: '<OverfittingDemo id="my-overfit" dataset="spiral" noise={0.1} points={60} hidden={24} controls="noise,points,lr" />',
};
