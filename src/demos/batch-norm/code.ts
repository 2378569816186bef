/**
 * The PyTorch code panels of the batch-norm demos, filled in with the learner's settings.
 * Pure string building. Layer order as in the engine and the original paper: Linear ->
 * BatchNorm1d -> activation (-> Dropout).
 */
import type { DropoutSettings, HistogramSettings, RunningSettings } from './settings.ts';

/** A Python literal for a number. */
export function py(x: number): string {
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(6)));
}

const ACT: Record<'relu' | 'tanh', string> = { relu: 'nn.ReLU()', tanh: 'nn.Tanh()' };

/** The lines of an nn.Sequential body, one hidden layer per line. */
function hiddenLines(o: { layers: number; hidden: number; activation: 'relu' | 'tanh'; batchnorm: boolean; momentum?: number; dropout?: number }): string[] {
  const lines: string[] = [];
  let width = 2;
  const bnArgs = o.momentum !== undefined && o.momentum !== 0.1 ? `${o.hidden}, momentum=${py(o.momentum)}` : `${o.hidden}`;
  for (let i = 0; i < o.layers; i++) {
    const parts = [`nn.Linear(${width}, ${o.hidden})`];
    if (o.batchnorm) parts.push(`nn.BatchNorm1d(${bnArgs})`);
    parts.push(ACT[o.activation]);
    if (o.dropout !== undefined) parts.push(`nn.Dropout(p=${py(o.dropout)})`);
    lines.push(`    ${parts.join(', ')},`);
    width = o.hidden;
  }
  lines.push(`    nn.Linear(${width}, 1),`);
  return lines;
}

/** A code line with a comment aligned at column 40 (the panels stay about 64 columns wide). */
function note(code: string, comment: string): string {
  return `${code}${' '.repeat(Math.max(2, 40 - code.length))}# ${comment}`;
}

/** Demo 1: the two networks, the training loop with model.train() / model.eval(), and hooks on layer k. */
export function histogramCode(s: HistogramSettings): string {
  const k = Math.min(s.layer, s.layers);
  const shape = { layers: s.layers, hidden: s.hidden, activation: s.activation };
  const perEpoch = Math.ceil(s.points / Math.min(s.batch, s.points));
  return [
    'import torch',
    'from torch import nn',
    '',
    note(`torch.manual_seed(${s.seed})`, 'the demo\'s seed: same initial weights'),
    note('model = nn.Sequential(', 'with batch norm'),
    ...hiddenLines({ ...shape, batchnorm: true }),
    ')',
    note(`torch.manual_seed(${s.seed})`, 'BatchNorm1d draws no random numbers'),
    note('plain = nn.Sequential(', 'the same network without it'),
    ...hiddenLines({ ...shape, batchnorm: false }),
    ')',
    ...(s.initScale !== 1
      ? [
          note('with torch.no_grad():', 'the initial weight scale'),
          '    for net in (model, plain):',
          '        for m in net.modules():',
          '            if isinstance(m, nn.Linear):',
          `                m.weight *= ${py(s.initScale)}`,
        ]
      : []),
    '',
    `# What the histograms show: layer ${k}'s values on each batch`,
    'seen = {}',
    'def keep(name):',
    '    def hook(module, inputs, output):',
    '        seen[name] = output.detach()',
    '    return hook',
    note(`model[${3 * (k - 1)}].register_forward_hook(keep("before_bn"))`, 'Linear'),
    note(`model[${3 * (k - 1) + 1}].register_forward_hook(keep("after_bn"))`, 'BatchNorm1d'),
    note(`plain[${2 * (k - 1)}].register_forward_hook(keep("plain"))`, 'Linear'),
    '',
    'loss_fn = nn.BCEWithLogitsLoss()',
    'for net in (model, plain):',
    `    opt = torch.optim.SGD(net.parameters(), lr=${py(s.lr)})`,
    note(`    for epoch in range(${Math.ceil(s.steps / perEpoch)}):`, `${perEpoch} steps per epoch`),
    note('        net.train()', 'BN: statistics of each batch'),
    note('        for xb, yb in train_loader:', `batches of ${Math.min(s.batch, s.points)}`),
    '            opt.zero_grad()',
    '            loss_fn(net(xb), yb).backward()',
    '            opt.step()',
    note('        net.eval()', 'BN: running_mean, running_var'),
    '        with torch.no_grad():',
    '            train_loss = loss_fn(net(x_train), y_train).item()',
    '',
    'after = seen["after_bn"]',
    note('print(after.mean(), after.var(correction=0))', 'as printed by the demo'),
  ].join('\n');
}

/** Demo 3: one network with batch norm, its running statistics, and the two modes. */
export function runningCode(s: RunningSettings): string {
  const k = Math.min(s.layer, s.layers), j = Math.min(s.neuron, s.hidden) - 1;
  const bn = `model[${3 * (k - 1) + 1}]`;
  return [
    'import torch',
    'from torch import nn',
    '',
    'model = nn.Sequential(',
    ...hiddenLines({ layers: s.layers, hidden: s.hidden, activation: 'relu', batchnorm: true, momentum: s.momentum }),
    ')',
    note(`bn = ${bn}`, 'the BatchNorm1d the charts follow'),
    note('print(bn.momentum, bn.eps)', `${py(s.momentum)} 1e-05`),
    note('print(bn.running_mean, bn.running_var)', 'zeros, ones'),
    '',
    `opt = torch.optim.SGD(model.parameters(), lr=${py(s.lr)})`,
    'loss_fn = nn.BCEWithLogitsLoss()',
    note('model.train()', 'batch statistics; running ones move'),
    'for xb, yb in train_loader:',
    '    opt.zero_grad()',
    '    loss_fn(model(xb), yb).backward()',
    '    opt.step()',
    `    # each forward pass: running = ${py(1 - s.momentum)} * running + ${py(s.momentum)} * batch`,
    `    # (running_var averages the unbiased batch variance)`,
    `    print(bn.running_mean[${j}].item(), bn.running_var[${j}].item())`,
    '',
    note('model.eval()', 'running_mean and running_var'),
    'with torch.no_grad():',
    note('    p = torch.sigmoid(model(x_val))', 'each point on its own'),
  ].join('\n');
}

/** Demo 4: the network with batch norm and dropout, and the gap it is judged by. */
export function dropoutCode(s: DropoutSettings): string {
  return [
    'import torch',
    'from torch import nn',
    '',
    '# Linear -> BatchNorm1d -> ReLU -> Dropout, per hidden layer',
    'model = nn.Sequential(',
    ...hiddenLines({ layers: s.layers, hidden: s.hidden, activation: 'relu', batchnorm: true, dropout: s.p }),
    ')',
    `opt = torch.optim.Adam(model.parameters(), lr=${py(s.lr)})`,
    'loss_fn = nn.BCEWithLogitsLoss()',
    '',
    `for epoch in range(${s.epochs}):`,
    note('    model.train()', 'dropout on, BN: batch statistics'),
    note('    for xb, yb in train_loader:', `mini-batches of ${s.batch}`),
    '        opt.zero_grad()',
    '        loss_fn(model(xb), yb).backward()',
    '        opt.step()',
    note('    model.eval()', 'dropout off, BN: running averages'),
    '    with torch.no_grad():',
    '        train_loss = loss_fn(model(x_train), y_train).item()',
    '        val_loss = loss_fn(model(x_val), y_val).item()',
    note('    gap = val_loss - train_loss', 'what the demo plots'),
  ].join('\n');
}
