/**
 * The code panels of the early-stopping demo, filled in with the learner's settings: Keras'
 * EarlyStopping callback, and the same rule written out in a plain PyTorch loop (Keras 3.15
 * semantics, line for line). Pure string building.
 */
import type { RunSettings, RuleSettings } from './settings.ts';
import { resolveMode } from './rule.ts';
import { py } from '../python.ts';


/** Python float literal (always with a decimal point or exponent). */
function pyFloat(x: number): string {
  const s = py(x);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

export interface Outcome {
  /** 0-based epoch at which training stopped, null if it ran all epochs. */
  stoppedEpoch: number | null;
  bestEpoch: number;
  restoredEpoch: number | null;
}

function outcomeComment(o: Outcome | null, epochs: number, flavour: 'keras' | 'pytorch'): string[] {
  if (!o) return [];
  if (flavour === 'pytorch') {
    return [
      o.stoppedEpoch === null
        ? `# In the demo's run the rule never fires: all ${epochs} epochs run.`
        : `# In the demo's run this prints "Epoch ${o.stoppedEpoch + 1}: early stopping" (epoch == ${o.stoppedEpoch}).`,
      ...(o.restoredEpoch !== null ? [`# and loads back the weights of epoch ${o.restoredEpoch + 1} (best_epoch == ${o.restoredEpoch}).`] : []),
    ];
  }
  const lines = [
    o.stoppedEpoch === null
      ? `# In the demo's run the rule never fires: all ${epochs} epochs run.`
      : `# In the demo's run: "Epoch ${o.stoppedEpoch + 1}: early stopping"; early_stopping.stopped_epoch == ${o.stoppedEpoch} (0-based).`,
  ];
  if (o.restoredEpoch !== null) lines.push(`# The weights kept are those of epoch ${o.restoredEpoch + 1} (early_stopping.best_epoch == ${o.restoredEpoch}).`);
  return lines;
}

/** A code line with a comment aligned at column 43, like the other comments of the panels. */
function withComment(code: string, comment: string): string {
  return `${code}${' '.repeat(Math.max(1, 43 - code.length))}# ${comment}`;
}

export function kerasCode(run: RunSettings, rule: RuleSettings, outcome: Outcome | null = null): string {
  const hidden = Array.from({ length: run.layers }, () => `    keras.layers.Dense(${run.hidden}, activation="relu"),`);
  return [
    'import keras',
    '',
    'model = keras.Sequential([',
    '    keras.Input(shape=(2,)),',
    ...hidden,
    '    keras.layers.Dense(1),                 # one logit: class 1 if > 0',
    '])',
    'model.compile(',
    `    optimizer=keras.optimizers.Adam(learning_rate=${py(run.lr)}),`,
    '    loss=keras.losses.BinaryCrossentropy(from_logits=True),',
    '    metrics=[keras.metrics.BinaryAccuracy(name="accuracy", threshold=0.0)],',
    ')',
    '',
    'early_stopping = keras.callbacks.EarlyStopping(',
    `    monitor="${rule.monitor}",`,
    `    patience=${rule.patience},`,
    `    min_delta=${py(rule.min_delta)},`,
    `    restore_best_weights=${rule.restore_best_weights ? 'True' : 'False'},`,
    `    mode="${rule.mode}",${rule.mode === 'auto' ? `                 # here: "${resolveMode(rule)}"` : ''}`,
    `    baseline=${rule.useBaseline ? py(rule.baseline) : 'None'},`,
    `    start_from_epoch=${rule.start_from_epoch},`,
    ')',
    'history = model.fit(',
    '    x_train, y_train,',
    '    validation_data=(x_val, y_val),        # gives val_loss, val_accuracy',
    `    epochs=${run.epochs}, batch_size=${run.batch},`,
    '    callbacks=[early_stopping],',
    ')',
    ...outcomeComment(outcome, run.epochs, 'keras'),
  ].join('\n');
}

export function pytorchCode(run: RunSettings, rule: RuleSettings, outcome: Outcome | null = null): string {
  const mode = resolveMode(rule);
  const acc = rule.monitor === 'val_accuracy';
  const layers: string[] = [];
  let width = 2;
  for (let i = 0; i < run.layers; i++) {
    layers.push(`    nn.Linear(${width}, ${run.hidden}), nn.ReLU(),`);
    width = run.hidden;
  }
  const baseline = rule.useBaseline;
  const warmup = rule.start_from_epoch > 0;
  const restore = rule.restore_best_weights;
  const better = (x: string, ref: string) => (mode === 'min' ? `${x} + min_delta < ${ref}` : `${x} - min_delta > ${ref}`);
  const v = acc ? 'val_acc' : 'val_loss';
  return [
    'import copy',
    'import torch',
    'from torch import nn',
    '',
    'model = nn.Sequential(',
    ...layers,
    `    nn.Linear(${width}, 1),`,
    ')',
    'loss_fn = nn.BCEWithLogitsLoss()',
    `opt = torch.optim.Adam(model.parameters(), lr=${py(run.lr)})`,
    '',
    `patience, min_delta = ${rule.patience}, ${pyFloat(rule.min_delta)}`,
    ...(baseline ? [`baseline = ${pyFloat(rule.baseline)}`] : []),
    ...(warmup ? [`start_from_epoch = ${rule.start_from_epoch}`] : []),
    `best = float("${mode === 'min' ? 'inf' : '-inf'}")${' '.repeat(mode === 'min' ? 14 : 13)}# mode "${mode}": ${mode === 'min' ? 'lower' : 'higher'} ${v} is better`,
    'wait = 0',
    ...(restore ? ['best_state, best_epoch = None, 0'] : []),
    '',
    `for epoch in range(${run.epochs}):`,
    '    model.train()',
    `    for xb, yb in train_loader:            # mini-batches of ${run.batch} shuffled points`,
    '        opt.zero_grad()',
    '        loss_fn(model(xb), yb).backward()',
    '        opt.step()',
    '    model.eval()',
    '    with torch.no_grad():',
    ...(acc
      ? ['        val_acc = ((model(x_val) > 0).float() == y_val).float().mean().item()']
      : ['        val_loss = loss_fn(model(x_val), y_val).item()']),
    '',
    ...(warmup ? ['    if epoch < start_from_epoch:           # warm-up: not monitored', '        continue'] : []),
    ...(restore ? ['    if best_state is None:                 # the first monitored epoch', '        best_state, best_epoch = copy.deepcopy(model.state_dict()), epoch'] : []),
    '    wait += 1',
    withComment(`    if ${better(v, 'best')}:`, 'an improvement (NaN never is)'),
    `        best = ${v}`,
    ...(restore ? ['        best_state, best_epoch = copy.deepcopy(model.state_dict()), epoch'] : []),
    ...(baseline
      ? [withComment(`        if ${better(v, 'baseline')}:`, 'reset only once the baseline is beaten'), '            wait = 0']
      : ['        wait = 0']),
    '        continue                           # an improvement never stops training',
    '    if wait >= patience and epoch > 0:',
    '        print(f"Epoch {epoch + 1}: early stopping")',
    '        break',
    ...(restore ? ['', 'model.load_state_dict(best_state)          # restore_best_weights=True'] : []),
    ...outcomeComment(outcome, run.epochs, 'pytorch'),
  ].join('\n');
}
