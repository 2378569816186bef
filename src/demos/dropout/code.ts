/**
 * The PyTorch code of the dropout demos, filled in with the learner's settings: the model with
 * nn.Dropout(p=...) after every hidden activation, and where model.train() / model.eval() go.
 * Pure string building.
 */
import { py } from '../python.ts';
import type { CompareSettings, MaskSettings } from './settings.ts';

/** A line with its comment at column 37, so the panel stays narrow enough for a phone. */
function note(code: string, comment: string): string {
  return `${code}${' '.repeat(Math.max(1, 37 - code.length))}# ${comment}`;
}

/** A Python float literal: 0.5, 0.0. */
function pyFloat(x: number): string {
  const s = py(x);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

/** The 1/(1-p) factor as the panels and the drawing write it (3 significant digits). */
export function scaleText(p: number): string {
  return p === 0 ? '1' : String(Number((1 / (1 - p)).toPrecision(3)));
}

/** The nn.Sequential lines of an MLP with `layers` hidden layers of `hidden` ReLU neurons,
 *  with nn.Dropout(p) after every hidden activation unless p is null. */
function sequential(name: string, hidden: number, layers: number, p: number | null): string[] {
  const lines = [`${name} = nn.Sequential(`];
  let width = 2;
  for (let i = 0; i < layers; i++) {
    lines.push(`    nn.Linear(${width}, ${hidden}), nn.ReLU(),${p === null ? '' : ` nn.Dropout(p=${pyFloat(p)}),`}`);
    width = hidden;
  }
  lines.push(note(`    nn.Linear(${width}, 1),`, 'one logit: class 1 if > 0'), ')');
  return lines;
}

/** What dropout does to each hidden output at a training step, as a comment. */
function maskComment(p: number): string {
  return p === 0 ? '# p = 0: nothing is dropped' : `# each hidden output: 0 with prob. ${py(p)}, else × ${scaleText(p)}`;
}

/** The mask viewer's model and one training step; a comment says which mode the demo is in. */
export function maskCode(s: MaskSettings, p: number, mode: 'train' | 'eval'): string {
  return [
    'import torch',
    'from torch import nn',
    '',
    ...sequential('model', s.hidden, s.layers, p),
    'loss_fn = nn.BCEWithLogitsLoss()',
    `opt = torch.optim.Adam(model.parameters(), lr=${py(s.lr)})`,
    '',
    ...(mode === 'train' ? ['# The demo is in train mode:'] : []),
    note('model.train()', 'dropout on: new masks each step'),
    note('for xb, yb in train_loader:', `batches of ${s.batch} shuffled points`),
    '    opt.zero_grad()',
    `    ${maskComment(p)}`,
    '    loss = loss_fn(model(xb), yb)',
    '    loss.backward()',
    '    opt.step()',
    '',
    ...(mode === 'eval' ? ['# The demo is in eval mode:'] : []),
    note('model.eval()', 'dropout off: the identity'),
    'with torch.no_grad():',
    '    probs = torch.sigmoid(model(x_val))',
  ].join('\n');
}

/** "Does it help?": the two models (same seed, so the same initial weights) and the loop. */
export function compareCode(s: CompareSettings): string {
  return [
    'import torch',
    'from torch import nn',
    '',
    '# The same seed before each model gives the same',
    '# initial weights (nn.Dropout has no weights).',
    `torch.manual_seed(${s.seed})`,
    ...sequential('plain', s.hidden, s.layers, null),
    `torch.manual_seed(${s.seed})`,
    ...sequential('dropout', s.hidden, s.layers, s.p),
    'loss_fn = nn.BCEWithLogitsLoss()',
    `opts = [torch.optim.Adam(m.parameters(), lr=${py(s.lr)})`,
    '        for m in (plain, dropout)]',
    '',
    `for epoch in range(${s.epochs}):`,
    '    for model, opt in zip((plain, dropout), opts):',
    note('        model.train()', 'dropout on (2nd model)'),
    note('        for xb, yb in train_loader:', `batches of ${s.batch}`),
    '            opt.zero_grad()',
    '            loss_fn(model(xb), yb).backward()',
    '            opt.step()',
    note('        model.eval()', 'dropout off to measure'),
    '        with torch.no_grad():',
    '            train_loss = loss_fn(model(x_train), y_train).item()',
    '            val_loss = loss_fn(model(x_val), y_val).item()',
    note('        gap = val_loss - train_loss', 'smaller with dropout'),
  ].join('\n');
}
