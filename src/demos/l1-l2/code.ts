/**
 * The code panels of chapter 3, filled in with the learner's settings: the PyTorch loop of the
 * network demo (L1 or L2 added to the loss, or the proximal step), L2 as weight decay (SGD's
 * coupled weight_decay, AdamW's decoupled one), and scikit-learn's Lasso / Ridge at the path
 * demo's markers. Pure string building.
 */
import { mlp, pySequential, pyShort } from '../../python/writer.ts';
import { PROXIMAL_TORCH } from './proximal-l1.ts';
import { LASSO_ALPHAS } from './path-grid.ts';
import { pathFields, type PathSettings, type PenaltySettings } from './settings.ts';

function modelLines(s: PenaltySettings): string[] {
  return [
    'import torch',
    'from torch import nn',
    '',
    ...pySequential('model', mlp(s), { column: 33, comment: (_, last) => (last ? 'one logit: class 1 if > 0' : undefined) }),
    'loss_fn = nn.BCEWithLogitsLoss()',
    '# The penalty covers the weight matrices, not the biases:',
    'weights = [m.weight for m in model if isinstance(m, nn.Linear)]',
  ];
}

function optimizerLine(s: PenaltySettings): string {
  return s.optimizer === 'sgd'
    ? `opt = torch.optim.SGD(model.parameters(), lr=${pyShort(s.lr)})   # no momentum`
    : `opt = torch.optim.Adam(model.parameters(), lr=${pyShort(s.lr)})`;
}

/** The loop of the demo's run: the penalty exactly as the engine applies it. */
export function torchPenaltyCode(s: PenaltySettings): string {
  const prox = s.penalty === 'l1-prox';
  const head = [
    ...modelLines(s),
    ...(s.penalty === 'none' ? [] : prox ? [`lr, lam = ${pyShort(s.lr)}, ${pyShort(s.strength)}`] : [`lam = ${pyShort(s.strength)}`]),
    prox ? 'opt = torch.optim.SGD(model.parameters(), lr=lr)   # no momentum' : optimizerLine(s),
    '',
  ];
  const loop = [
    `for epoch in range(${s.epochs}):`,
    `    for xb, yb in loader:          # batches of ${s.batch}, reshuffled each epoch`,
    '        data_loss = loss_fn(model(xb), yb)',
  ];
  const step = ['        opt.zero_grad()', '        loss.backward()', '        opt.step()'];
  switch (s.penalty) {
    case 'none':
      return [...head, ...loop, '        loss = data_loss           # no penalty', ...step].join('\n');
    case 'l1':
      return [
        ...head,
        ...loop,
        '        # L1: lam * sum |w|; its gradient adds lam * sign(w)',
        '        penalty = lam * sum(w.abs().sum() for w in weights)',
        '        loss = data_loss + penalty',
        ...step,
        '# sign(w) keeps its size as w shrinks: each step moves a weight by',
        '# lr * lam towards 0 and past it, so weights the data do not need',
        '# hop around 0 instead of landing on it.',
      ].join('\n');
    case 'l2':
      return [
        ...head,
        ...loop,
        '        # L2: lam * sum w^2; its gradient adds 2 * lam * w',
        '        penalty = lam * sum((w ** 2).sum() for w in weights)',
        '        loss = data_loss + penalty',
        ...step,
        ...(s.optimizer === 'sgd'
          ? ['# With SGD this is weight decay: each step multiplies every weight by', `# 1 - 2 * lr * lam = ${pyShort(1 - 2 * s.lr * s.strength)} before the data gradient moves it.`]
          : ["# With Adam the penalty's gradient is rescaled per weight like the", '# data gradient: see the weight-decay tab for AdamW.']),
      ].join('\n');
    case 'l1-prox':
      return [
        ...head,
        ...loop,
        '        loss = data_loss           # the L1 penalty is NOT in the loss',
        ...step,
        ...PROXIMAL_TORCH.split('\n').map((l) => `        ${l}`),
        '# The soft-threshold puts a weight the data cannot hold exactly on 0',
        "# (the operator of scikit-learn's Lasso). An L1 term in the loss does not.",
      ].join('\n');
  }
}

/** L2 as torch.optim's weight_decay: coupled in SGD (the same as the loss term), decoupled in AdamW. */
export function weightDecayCode(s: PenaltySettings): string {
  const mine = s.penalty === 'l2';
  const lam = mine ? s.strength : 0.001;
  const wd = 2 * lam;
  const sgdLr = s.optimizer === 'sgd' ? s.lr : 0.1;
  const adamLr = s.optimizer === 'adam' ? s.lr : 0.01;
  return [
    `lam = ${pyShort(lam)}     # ${mine ? 'the L2 strength of the demo' : 'an L2 strength (choose L2 in the demo for yours)'}`,
    'biases = [m.bias for m in model if isinstance(m, nn.Linear)]',
    '',
    '# 1. SGD. weight_decay adds weight_decay * w to each gradient: the gradient',
    '#    of (weight_decay / 2) * w^2. So weight_decay = 2 * lam IS the L2 term',
    '#    lam * sum w^2, with no penalty in the loss. (On model.parameters() it',
    '#    would decay the biases too; parameter groups keep them out.)',
    'opt = torch.optim.SGD([',
    `    {"params": weights, "weight_decay": ${pyShort(wd)}},   # 2 * lam`,
    '    {"params": biases, "weight_decay": 0.0},',
    `], lr=${pyShort(sgdLr)})`,
    `# each step: w <- ${pyShort(1 - sgdLr * wd)} * w - ${pyShort(sgdLr)} * grad      (1 - lr * weight_decay)`,
    '',
    "# 2. Adam. Its weight_decay is the same coupled term, so Adam divides it",
    "#    by each weight's running gradient size: weights with large gradients",
    '#    barely decay. Same as an L2 term in the loss, and rarely what you want.',
    `opt = torch.optim.Adam(model.parameters(), lr=${pyShort(adamLr)}, weight_decay=${pyShort(wd)})`,
    '',
    '# 3. AdamW decouples the decay from the gradient: every step first does',
    "#    w <- w - lr * weight_decay * w, then Adam's step on the loss gradient.",
    '#    All weights decay at the same rate. (Not an L2 term in any loss.)',
    `opt = torch.optim.AdamW(model.parameters(), lr=${pyShort(adamLr)}, weight_decay=0.01)`,
  ].join('\n');
}

/** scikit-learn at the path demo's two markers, on the same data. */
export function sklearnCode(s: PathSettings, outcome?: { lassoZeros: number; ridgeZeros: number; d: number }): string {
  const d = s.informative + s.useless;
  return [
    'from sklearn.linear_model import Lasso, Ridge',
    '',
    `# X: ${s.samples} rows x ${d} features (x1..x${s.informative} informative), y: target`,
    '# Lasso minimises (1 / (2 n)) ||y - X w - b||^2 + alpha ||w||_1',
    `lasso = Lasso(alpha=${pyShort(s.lassoAlpha)}).fit(X, y)`,
    '# Ridge minimises ||y - X w - b||^2 + alpha ||w||^2   (no 1 / (2 n))',
    `ridge = Ridge(alpha=${pyShort(s.ridgeAlpha)}).fit(X, y)`,
    '',
    `print((lasso.coef_ == 0).sum())   # exactly-zero coefficients${outcome ? `: ${outcome.lassoZeros} of ${outcome.d} here` : ''}`,
    `print((ridge.coef_ == 0).sum())${outcome ? `   # ${outcome.ridgeZeros} of ${outcome.d}` : ''}`,
    '',
    '# The whole Lasso path, as in the chart (warm starts from large alpha down):',
    'import numpy as np',
    'from sklearn.linear_model import lasso_path',
    `alphas = np.logspace(${pyShort(Math.log10(pathFields.lassoAlpha.max))}, ${pyShort(Math.log10(pathFields.lassoAlpha.min))}, ${LASSO_ALPHAS.length})`,
    'alphas, coefs, _ = lasso_path(X - X.mean(0), y - y.mean(), alphas=alphas)',
  ].join('\n');
}
