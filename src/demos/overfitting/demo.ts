import { defineDemo } from '../define.ts';
import type { Reproduction } from '../../reproduce/types.ts';
import { overfittingFields } from './settings.ts';

/** Chapter 1: a too-large network overfits a few noisy points, live. */
export const overfittingDemo = defineDemo({
  id: 'overfitting',
  component: 'OverfittingDemo',
  title: 'Watch a network overfit',
  caption: 'A network far larger than the problem needs trains on a few noisy points. Press Train.',
  height: 900,
  chapter: { slug: 'what-is-regularization', title: 'What is regularization?' },
  summary: 'A too-large network trains on a few noisy points: training and validation loss curves and the decision boundary, live.',
  example: '<OverfittingDemo id="my-overfit" dataset="spiral" noise={0.1} points={60} hidden={24} controls="noise,points,lr" />',
  fields: overfittingFields,
  controls: ['dataset', 'noise', 'points', 'hidden', 'layers', 'lr', 'seed'],
  island: () => import('./Island.tsx'),
  runner: () => import('./runner.ts').then((m) => m.overfittingRunner),
  reproduce: (): Promise<Reproduction[]> => import('./reproduce.ts').then((m) => m.reproductions),
});
