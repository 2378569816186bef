import { defineDemo } from '../define.ts';
import type { Reproduction } from '../../reproduce/types.ts';
import { combinationProblem, geometryFields, pathFields, penaltyFields } from './settings.ts';

const chapter = { slug: 'l1-l2', title: 'L1 and L2 regularization' };

/** A network trained live under a penalty that the learner switches and strengthens while it trains. */
export const penaltyEffectsDemo = defineDemo({
  id: 'penalty-effects',
  component: 'PenaltyEffectsDemo',
  title: 'What a penalty does to a network’s weights',
  caption: 'A network learns to separate two noisy classes. Press Train, then switch the penalty or move its strength while it trains.',
  height: 2310,
  chapter,
  summary:
    'A network trains live under no penalty, L1, L2 or L1 with a proximal step; the penalty, its strength and the learning rate change while it trains (logged with their step). Decision boundary, weight histogram with the near-zero and exact-zero counts, loss split into data loss and penalty, and PyTorch code (L1 in the loss, L2 as weight_decay, AdamW).',
  example: '<PenaltyEffectsDemo id="my-penalty" penalty="l2" strength={0.003} dataset="circle" hidden={12} controls="penalty,strength,lr" />',
  fields: penaltyFields,
  controls: ['penalty', 'strength', 'lr', 'seeds', 'optimizer', 'dataset', 'noise', 'points', 'hidden', 'layers', 'activation', 'batch', 'epochs', 'seed'],
  clash: combinationProblem,
  island: () => import('./PenaltyIsland.tsx'),
  runner: () => import('./penalty-run.ts').then((m) => m.penaltyRunner),
  // No shared link's changes to replay (the island adds a link's).
  runInput: (s) => ({ ...s, schedule: [] }),
  reproduce: (): Promise<Reproduction[]> => import('./reproduce.ts').then((m) => m.penaltyReproductions),
});

/** Lasso and Ridge coefficients along alpha, with a draggable marker on each path. */
export const regularizationPathDemo = defineDemo({
  id: 'regularization-path',
  component: 'RegularizationPathDemo',
  title: 'Lasso vs Ridge: the regularization path',
  caption: 'Each line is one coefficient, fitted again at every alpha. Drag the marker along a path.',
  height: 1160,
  chapter,
  summary:
    'Lasso and Ridge coefficients against alpha (log axis) on a regression data set with a few informative and several useless features, computed by the engine’s solvers; a draggable alpha marker per path shows the exact fit there, the number of exactly-zero coefficients, and the scikit-learn code.',
  example: '<RegularizationPathDemo id="my-path" samples={100} informative={2} useless={10} noise={0.5} lassoAlpha={0.1} controls="noise,lassoAlpha,ridgeAlpha" />',
  fields: pathFields,
  controls: ['lassoAlpha', 'ridgeAlpha', 'samples', 'informative', 'useless', 'noise', 'seed'],
  island: () => import('./PathIsland.tsx'),
  runner: () => import('./path-run.ts').then((m) => m.pathRunner),
  // The paths are computed as soon as the demo is shown.
  playsWhenShown: true,
  reproduce: (): Promise<Reproduction[]> => import('./reproduce.ts').then((m) => m.pathReproductions),
});

/** The two-weight picture: exact optima under the L1 diamond and the L2 circle (no training). */
export const penaltyGeometryDemo = defineDemo({
  id: 'penalty-geometry',
  component: 'PenaltyGeometryDemo',
  title: 'Why L1 makes zeros: the picture for two weights',
  caption: 'Drag the unpenalized optimum w* (or focus it and use the arrow keys), and move the strength λ.',
  height: 1070,
  chapter,
  summary:
    'Why L1 makes zeros: two weights, the contour ellipses of a quadratic data loss, the L1 diamond and the L2 circle; drag the unpenalized optimum or move the strength and see the exact penalized optima, L1’s landing on an axis (a zero weight).',
  example: '<PenaltyGeometryDemo id="my-geometry" w1={1.2} w2={-0.8} strength={0.5} tilt={60} stretch={3} controls="w1,w2,strength" />',
  fields: geometryFields,
  controls: ['strength', 'w1', 'w2', 'tilt', 'stretch'],
  island: () => import('./GeometryIsland.tsx'),
});
