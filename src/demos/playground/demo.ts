import { defineDemo } from '../define.ts';
import type { Reproduction } from '../../reproduce/types.ts';
import { playgroundFields } from './settings.ts';
import { playgroundClash } from './clash.ts';

/**
 * The Regularization Playground (/playground/): one network on 2-D data, built-in or the
 * learner's own, with dropout, L1, L2, batch norm and early stopping in any combination, and a
 * twin without one of them. It belongs to no chapter: it has a page of its own.
 */
export const playgroundDemo = defineDemo({
  id: 'playground',
  component: 'PlaygroundDemo',
  title: 'Regularization Playground',
  caption: 'One network, every technique of the course, on built-in data or your own points. Switch techniques on, press Train, and watch what each one does.',
  height: 1780,
  chapter: { slug: 'playground', title: 'Regularization Playground', page: 'playground/' },
  summary: 'One network on 2-D data (circle, xor, gauss, spiral or points you draw or upload as CSV) with dropout, L1 and L2 (changed while it trains), batch norm and early stopping in any combination; decision boundary, loss curves with the early stop marked, weight histogram with the zero count, the network with its dropout mask; compare mode trains a twin with one technique switched off.',
  example: '<PlaygroundDemo id="my-playground" dataset="spiral" dropout={0.2} earlyStopping={true} compare="dropout" controls="dropout,l2,earlyStopping,compare" />',
  fields: playgroundFields,
  controls: ['dataset', 'noise', 'points', 'valShare', 'layers', 'hidden', 'activation', 'optimizer', 'lr', 'batch', 'epochs', 'seed', 'dropout', 'l1', 'l2', 'batchnorm', 'earlyStopping', 'patience', 'minDelta', 'restoreBest', 'compare'],
  clash: playgroundClash,
  island: () => import('./Island.tsx'),
  runner: () => import('./runner.ts').then((m) => m.playgroundRunner),
  // No shared link's changes to replay (the island adds a link's).
  runInput: (s) => ({ ...s, schedule: [] }),
  reproduce: (): Promise<Reproduction[]> => import('./reproduce.ts').then((m) => m.reproductions),
});
