// Recipes for the reproduce tests that exercise what the demos of chapters 2-4 will use
// (dropout, batch norm, L1/L2, the proximal L1 step, live changes, MSE, SGD) and the Lasso/Ridge path.
import { createRng, createTrainer, makeRegression, mlpLayers } from '../../src/engine/index.ts';
import { torchBody } from '../../src/reproduce/index.ts';
import type { SklearnRecipe, TorchRecipe } from '../../src/reproduce/types.ts';

export type SyntheticKind = 'regularized' | 'mse' | 'diverging' | 'proximal' | 'multiclass';

/** A network recipe exercising what the demos of the other chapters use: dropout, batch norm, L1/L2, the proximal step, live changes. */
export function syntheticTorchRecipe(kind: SyntheticKind): TorchRecipe {
  const data = (n: number, seed: number, outputs = 1) => {
    const r = createRng(seed);
    const x = Float64Array.from({ length: n * 2 }, () => r.next() * 2 - 1);
    // multiclass: one-hot rows of 3 classes (the quadrant's sign pattern, folded into 3)
    const cls = (i: number) => ((x[2 * i] > 0 ? 1 : 0) + (x[2 * i + 1] > 0 ? 2 : 0)) % 3;
    const y = Float64Array.from({ length: n * outputs }, (_, i) => (kind === 'multiclass' ? +(cls(Math.floor(i / 3)) === i % 3) : outputs === 1 ? +(x[2 * i] * x[2 * i + 1] > 0) : Math.sin(3 * x[i])));
    return { x, y, n, inputs: 2, outputs };
  };
  const outputs = kind === 'mse' ? 2 : kind === 'multiclass' ? 3 : 1;
  const split = { train: data(kind === 'mse' ? 23 : 40, 5, outputs), val: data(30, 6, outputs) };
  const layers = kind === 'regularized'
    ? mlpLayers({ widths: [2, 12, 10, 1], activation: 'tanh', dropout: 0.3, batchnorm: true })
    : kind === 'multiclass' ? mlpLayers({ widths: [2, 12, 3], activation: 'relu', dropout: 0.2 })
    : mlpLayers({ widths: [2, 16, outputs], activation: kind === 'mse' ? 'sigmoid' : 'relu' });
  const trainer = createTrainer({
    network: {
      layers, loss: kind === 'mse' ? 'mse' : kind === 'multiclass' ? 'cross_entropy' : 'bce_with_logits', seed: 42,
      optimizer: kind === 'mse' ? { type: 'sgd', lr: 0.3, momentum: 0.9, weight_decay: 1e-3 }
        : kind === 'diverging' ? { type: 'sgd', lr: 1e300 } : kind === 'proximal' ? { type: 'sgd', lr: 0.5 } : { type: 'adamw', lr: 0.02 },
      penalty: kind === 'regularized' ? { l1: 1e-3, l2: 0 } : kind === 'multiclass' ? { l1: 0, l2: 1e-3 } : undefined,
    },
    train: split.train, val: split.val, batchSize: 8, seed: 9,
  });
  const body = torchBody({
    trainer, data: split, batchSize: 8, shuffleSeed: 9, epochs: kind === 'diverging' ? 5 : 12,
    // The proximal run starts with the step on, then (mid-epoch) a smaller lr, then swaps it for L2.
    proxL1: kind === 'proximal' ? 0.02 : 0,
    changes: kind === 'regularized'
      ? [{ step: 7, epoch: 1, set: { dropout: 0.6 } }, { step: 20, epoch: 4, set: { l1: 0, l2: 2e-3, lr: 0.005 } }, { step: 33, epoch: 6, set: { dropout: 0 } }]
      : kind === 'proximal' ? [{ step: 13, epoch: 2, set: { lr: 0.2 } }, { step: 30, epoch: 6, set: { proxL1: 0, l2: 0.01 } }] : [],
    figures: kind === 'regularized'
      ? { accuracy: true, penalty: true, zeroWeights: { below: 0.05 }, nearZeroWeights: { below: 0.05 }, lr: true, bnRunning: true }
      : kind === 'mse' ? { penalty: true, lr: true }
      : kind === 'multiclass' ? { accuracy: true, penalty: true }
      : kind === 'proximal' ? { penalty: true, zeroWeights: { below: 0 }, nearZeroWeights: { below: 0.05 }, lr: true } : {},
  });
  return {
    format: 'regularization-lab-recipe/1', demo: `synthetic-${kind}`, title: 'A test network', chapter: { slug: 'none', title: 'none' },
    link: '/', settings: { kind }, query: '', ...body,
  } as TorchRecipe;
}

export function syntheticSklearnRecipe(penalty: 'l1' | 'l2'): SklearnRecipe {
  const train = makeRegression({ n: 60, informative: 3, useless: 7, noise: 0.5, seed: 4 });
  const val = makeRegression({ n: 40, informative: 3, useless: 7, noise: 0.5, seed: 4 + 1 });
  return {
    format: 'regularization-lab-recipe/1', demo: `path-${penalty}`, title: 'A test path', chapter: { slug: 'none', title: 'none' },
    link: '/', settings: { penalty }, query: '', library: 'scikit-learn',
    data: { X: train.X, y: train.y, n: train.n, d: train.d, val: { X: val.X, y: val.y, n: val.n }, trueCoef: train.trueCoef },
    // Markers inside the path, on a path alpha, and beyond both of its ends.
    paths: [{ penalty, alphas: penalty === 'l1' ? [1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.001] : [100, 10, 1, 0.1, 0.01], markers: [0.3, 0.05, 5, 0.0002] }],
    maxIter: 10000, tol: 1e-4, mse: true,
  };
}
