import type { DemoMeta } from '../meta.ts';
import { geometryFields, pathFields, penaltyFields } from './settings.ts';

export const demoMeta: DemoMeta[] = [
  {
    component: 'PenaltyEffectsDemo',
    chapter: 'l1-l2',
    summary:
      'A network trains live under no penalty, L1, L2 or L1 with a proximal step; the penalty, its strength and the learning rate change while it trains (logged with their step). Decision boundary, weight histogram with the near-zero and exact-zero counts, loss split into data loss and penalty, and PyTorch code (L1 in the loss, L2 as weight_decay, AdamW).',
    fields: penaltyFields,
    defaultId: 'penalty-effects',
    hasControls: true,
    example: '<PenaltyEffectsDemo id="my-penalty" penalty="l2" strength={0.003} dataset="circle" hidden={12} controls="penalty,strength,lr" />',
  },
  {
    component: 'RegularizationPathDemo',
    chapter: 'l1-l2',
    summary:
      'Lasso and Ridge coefficients against alpha (log axis) on a regression data set with a few informative and several useless features, computed by the engine’s solvers; a draggable alpha marker per path shows the exact fit there, the number of exactly-zero coefficients, and the scikit-learn code.',
    fields: pathFields,
    defaultId: 'regularization-path',
    hasControls: true,
    example: '<RegularizationPathDemo id="my-path" samples={100} informative={2} useless={10} noise={0.5} lassoAlpha={0.1} controls="noise,lassoAlpha,ridgeAlpha" />',
  },
  {
    component: 'PenaltyGeometryDemo',
    chapter: 'l1-l2',
    summary:
      'Why L1 makes zeros: two weights, the contour ellipses of a quadratic data loss, the L1 diamond and the L2 circle; drag the unpenalized optimum or move the strength and see the exact penalized optima, L1’s landing on an axis (a zero weight).',
    fields: geometryFields,
    defaultId: 'penalty-geometry',
    hasControls: true,
    example: '<PenaltyGeometryDemo id="my-geometry" w1={1.2} w2={-0.8} strength={0.5} tilt={60} stretch={3} controls="w1,w2,strength" />',
  },
];
