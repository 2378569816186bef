// "Reproduce in PyTorch / scikit-learn" for chapter 3's training demos (see src/reproduce/ and
// docs/writing-a-demo.md). The network demo's script replays the run with every live change of
// penalty, λ and learning rate at its step (the proximal variant written out by hand after
// opt.step()); the path demo's script refits Lasso and Ridge along the demo's alphas and at its
// markers. The geometry demo trains nothing (exact formulas on the page): it has no script.
import { classificationBody } from '../classification-recipe.ts';
import { defineReproduction } from '../../reproduce/recipe.ts';
import type { Line } from '../../reproduce/types.ts';
import { buildPenaltyRun, type PenaltySnapshot } from './penalty-run.ts';
import { pathData, type PathFit, type PathSnapshot } from './path-run.ts';
import { LASSO_ALPHAS, RIDGE_ALPHAS } from './path-grid.ts';
import { penaltyEffectsDemo, regularizationPathDemo } from './demo.ts';
import { NEAR_ZERO } from './settings.ts';


/** A path demo's fit as a script line (the keys of engine-run.ts's sklearn lines). */
function fitLine(model: 'lasso' | 'ridge', fit: 'path' | 'marker', f: PathFit): Line {
  const nonzero = f.coef.length - f.zeros;
  return { model, fit, alpha: f.alpha, coef: f.coef, intercept: f.intercept, nonzero, zeros: f.zeros };
}

export const penaltyReproductions = [
  defineReproduction(penaltyEffectsDemo, {
    library: 'pytorch',
    recipe(s, changes) {
      return classificationBody(buildPenaltyRun(s), s, changes, {
        proxL1: s.penalty === 'l1-prox' ? s.strength : 0,
        figures: { accuracy: true, penalty: true, nearZeroWeights: { below: NEAR_ZERO }, zeroWeights: { below: 0 } },
      });
    },
    /**
     * Every epoch's losses, penalty term and zero counts (index 0: before training), and the
     * accuracies of the epoch on screen. At an epoch where the learner changed the penalty, the
     * demo redraws the penalty term under the new choice at once (the jump in its chart); the
     * script prints that epoch's term under the old one, so it is not compared there.
     */
    shown(snapshot) {
      const s = snapshot as PenaltySnapshot;
      const redrawn = new Set(s.reproduce.changes.filter((c) => c.set.l1 !== undefined || c.set.l2 !== undefined || c.set.proxL1 !== undefined).map((c) => c.epoch));
      const lines: Line[] = s.dataLoss.map((train, i) => ({
        epoch: i, train_loss: train, val_loss: s.valLoss[i],
        ...(redrawn.has(i) ? {} : { penalty: s.penalty[i] }),
        near_zero_weights: s.nearZero[i], zero_weights: s.exactZero[i],
      }));
      Object.assign(lines[lines.length - 1], { train_accuracy: s.trainAccuracy, val_accuracy: s.valAccuracy });
      return lines;
    },
    quick: { epochs: 12 },
    // From L1 in the loss to the proximal step (and a larger λ) after 4 epochs.
    runner: { livePatch: { penalty: 'l1-prox', strength: 0.003 }, afterUnits: 4 },
  }),
];

export const pathReproductions = [
  defineReproduction(regularizationPathDemo, {
    library: 'scikit-learn',
    recipe(s) {
      const D = pathData(s);
      return {
        library: 'scikit-learn',
        data: { X: D.X, y: D.y, n: D.n, d: D.d, trueCoef: D.trueCoef },
        paths: [
          { penalty: 'l1', alphas: LASSO_ALPHAS, markers: [s.lassoAlpha] },
          { penalty: 'l2', alphas: RIDGE_ALPHAS, markers: [s.ridgeAlpha] },
        ],
        // The engine's Lasso defaults, which the demo uses (scikit-learn's max_iter default is 1000).
        maxIter: 10000, tol: 1e-4,
      };
    },
    /** The fits computed so far along both paths, and at the two markers. */
    shown(snapshot) {
      const p = snapshot as PathSnapshot;
      return [
        ...p.lasso.map((f) => fitLine('lasso', 'path', f)),
        ...(p.marker.lasso ? [fitLine('lasso', 'marker', p.marker.lasso)] : []),
        ...p.ridge.map((f) => fitLine('ridge', 'path', f)),
        fitLine('ridge', 'marker', p.marker.ridge),
      ];
    },
    quick: { lassoAlpha: 0.05, ridgeAlpha: 3 },
  }),
];
