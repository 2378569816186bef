/**
 * A torch recipe as a self-contained PyTorch script that re-runs the demo's run and prints one
 * JSON line per epoch, the same lines as the engine's replay (engine-run.ts). Written to be read:
 * the model, the loss with its penalty, the optimizer and the loop come first, each with a short
 * comment; the helpers (the engine's random numbers) and the embedded numbers follow.
 */
import type { LayerSpec, LossName, OptimizerSpec } from '../engine/index.ts';
import { float64ToBase64 } from './encode.ts';
import { pyFloat, pyIntList, pyNumber, pySequential, pyValue, pyWrapped } from '../python/writer.ts';
import { pyEmbeddedData, pyHeader, pyFooter, pyStdImports, pyTensorIoAndCheck, PY_MULBERRY32, PY_TORCH_IMPORTS } from './python-common.ts';
import { lineKey } from './recipe.ts';
import type { LiveSet, TorchRecipe } from './types.ts';

const LIVE_NAMES: Record<keyof LiveSet, string> = {
  lr: 'learning rate', l1: 'L1 strength', l2: 'L2 strength', dropout: 'dropout p', proxL1: 'proximal L1 strength',
};

/** "after 300 optimizer steps (epoch 100): learning rate 0.01 -> 0.05" */
function describeChanges(r: TorchRecipe): string[] {
  const now: LiveSet = {
    lr: r.network.optimizer.lr, l1: r.network.penalty.l1, l2: r.network.penalty.l2,
    dropout: r.network.layers.find((l): l is { type: 'dropout'; p: number } => l.type === 'dropout')?.p,
    proxL1: r.network.proxL1 ?? 0,
  };
  return r.changes.map((c) => {
    const what = Object.entries(c.set).map(([k, v]) => {
      const key = k as keyof LiveSet;
      const from = now[key];
      now[key] = v;
      return `${LIVE_NAMES[key]} ${from === undefined ? '' : `${from} -> `}${v}`;
    });
    return `after ${c.step} optimizer steps (epoch ${c.epoch}): ${what.join(', ')}`;
  });
}

function optimizerCode(o: OptimizerSpec): { code: string; comment: string } {
  const args = [`lr=${pyFloat(o.lr)}`];
  if (o.type === 'sgd') {
    if (o.momentum) args.push(`momentum=${pyFloat(o.momentum)}`);
    if (o.dampening) args.push(`dampening=${pyFloat(o.dampening)}`);
    if (o.nesterov) args.push('nesterov=True');
    if (o.weight_decay) args.push(`weight_decay=${pyFloat(o.weight_decay)}`);
    return { code: `torch.optim.SGD(model.parameters(), ${args.join(', ')})`, comment: o.momentum ? 'SGD with momentum, one step per mini-batch' : 'plain SGD, one step per mini-batch' };
  }
  const [b1, b2] = o.betas ?? [0.9, 0.999];
  if (b1 !== 0.9 || b2 !== 0.999) args.push(`betas=(${pyFloat(b1)}, ${pyFloat(b2)})`);
  if ((o.eps ?? 1e-8) !== 1e-8) args.push(`eps=${pyFloat(o.eps!)}`);
  const wd = o.weight_decay ?? (o.type === 'adamw' ? 0.01 : 0);
  if (wd !== (o.type === 'adamw' ? 0.01 : 0)) args.push(`weight_decay=${pyFloat(wd)}`);
  if (o.amsgrad) args.push('amsgrad=True');
  const name = o.type === 'adam' ? 'Adam' : 'AdamW';
  return {
    code: `torch.optim.${name}(model.parameters(), ${args.join(', ')})`,
    comment: o.type === 'adam' ? 'Adam, a step size per weight from running averages of its gradient' : 'AdamW, Adam with decoupled weight decay',
  };
}

/** `model = nn.Sequential(...)`, a row per engine layer (the indices match the engine's). */
function modelLines(layers: LayerSpec[], loss: LossName): string[] {
  const output = { bce_with_logits: 'one logit per point (class 1 when > 0)', cross_entropy: 'one logit per class (the largest is the prediction)', mse: 'the prediction' }[loss];
  const lastLinear = layers.map((l) => l.type).lastIndexOf('linear');
  return pySequential('model', layers, {
    indent: '    ',
    perLayer: true,
    exact: true,
    layer: (l) => (l.type === 'dropout' ? `EngineDropout(${pyFloat(l.p)}, masks)` : undefined),
    comment: (i) => {
      const l = layers[i];
      if (i === lastLinear) return `${i}: ${output}`;
      return l.type === 'dropout' ? `${i}: nn.Dropout(${pyFloat(l.p)}), with the engine's masks` : `${i}`;
    },
  });
}

export const PY_DROPOUT = `
class EngineDropout(nn.Module):
    """nn.Dropout(p) with the engine's masks (src/engine/layers.ts): in train mode one rng draw per
    element, row by row; an element is kept when its draw >= p and scaled by 1 / (1 - p)."""

    def __init__(self, p, rng):
        super().__init__()
        self.p, self.rng = p, rng
        self.mask = None                       # the last training step's mask (1 kept, 0 dropped)

    def forward(self, x):
        if not self.training:
            return x                           # eval mode: the identity, no draws
        if self.p == 0 or self.p == 1:
            self.mask = torch.full_like(x, 1.0 - self.p)  # no draws: all kept, or all dropped
            return x if self.p == 0 else x * 0.0
        self.mask = (self.rng.uniform(x.numel()).view(x.shape) >= self.p).to(x.dtype)
        return x * (self.mask * (1.0 / (1.0 - self.p)))
`.trim().split('\n');

export const PY_EARLY_STOPPING = `
class EarlyStopping:
    """keras.callbacks.EarlyStopping with Keras 3.15's rules, written out (epochs count from 0)."""

    def __init__(self, patience=0, min_delta=0.0, mode="min", baseline=None, restore_best_weights=False, start_from_epoch=0):
        self.patience, self.min_delta, self.mode, self.baseline = patience, abs(min_delta), mode, baseline
        self.restore_best_weights, self.start_from_epoch = restore_best_weights, start_from_epoch
        self.best = math.inf if mode == "min" else -math.inf
        self.wait, self.best_epoch, self.stopped_epoch, self.best_weights = 0, 0, None, None

    def improves(self, value, reference):
        """Better by more than min_delta, in the mode's direction (NaN never is)."""
        if self.mode == "min":
            return value + self.min_delta < reference
        return value - self.min_delta > reference

    def update(self, epoch, value, model=None):
        """Called after every epoch with the monitored value; True: stop training."""
        if epoch < self.start_from_epoch:
            return False                       # warm-up: not monitored
        if self.restore_best_weights and self.best_weights is None:
            self.best_weights, self.best_epoch = weights_of(model), epoch  # the first monitored epoch is the best so far
        self.wait += 1
        if self.improves(value, self.best):
            self.best, self.best_epoch = value, epoch
            if self.restore_best_weights:
                self.best_weights = weights_of(model)
            if self.baseline is None or self.improves(value, self.baseline):
                self.wait = 0                  # (Keras after 3.15 resets even short of the baseline)
            return False                       # an improvement never stops training
        if self.wait >= self.patience and epoch > 0:
            self.stopped_epoch = epoch
            return True
        return False

    def restored_epoch(self):
        """The epoch whose weights restore_best_weights loads back (None without it)."""
        return self.best_epoch if self.restore_best_weights and self.best_weights is not None else None


def weights_of(model):
    """A copy of every parameter and batch-norm statistic (None when replaying a recorded run)."""
    return copy.deepcopy(model.state_dict()) if model is not None else {}
`.trim().split('\n');

/** The penalty figure: the loss's penalty term, plus the proximal step's L1 penalty where the run has one. */
function penaltyFigure(usesPenalty: boolean, usesProx: boolean): string {
  const prox = 'prox_l1 * sum(w.abs().sum() for w in weights)';
  if (usesPenalty && usesProx) return `(penalty() + ${prox}).item()`;
  if (usesPenalty) return 'penalty().item()';
  return usesProx ? `(${prox}).item()` : '0.0';
}

/** `measure()`: what the demo shows after an epoch, in eval mode over the whole sets. */
function measureLines(r: TorchRecipe, hasVal: boolean, usesPenalty: boolean, usesProx: boolean): string[] {
  const f = r.figures;
  const acc = f.accuracy || r.earlyStopping !== undefined;
  const bn = r.network.layers.map((l, i) => (l.type === 'batchnorm1d' ? i : -1)).filter((i) => i >= 0);
  return [
    '    def measure():',
    '        """The numbers the demo shows after an epoch: eval mode (dropout off, batch norm on its',
    '        running statistics), the data loss over the whole training and validation sets."""',
    '        model.eval()',
    '        with torch.no_grad():',
    '            out_train = model(x_train)',
    `            line = {"train_loss": loss_fn(out_train, y_train).item()}`,
    ...(hasVal
      ? ['            out_val = model(x_val)', '            line["val_loss"] = loss_fn(out_val, y_val).item()']
      : ['            line["val_loss"] = None                 # no validation set']),
    ...(acc
      ? [
          '            line["train_accuracy"] = accuracy(out_train, y_train)',
          ...(hasVal ? ['            line["val_accuracy"] = accuracy(out_val, y_val)'] : []),
        ]
      : []),
    ...(f.penalty ? [`            line["penalty"] = ${penaltyFigure(usesPenalty, usesProx)}`] : []),
    ...(f.zeroWeights
      ? [`            line["zero_weights"] = sum(int((${f.zeroWeights.below === 0 ? 'w == 0' : `w.abs() <= ${pyFloat(f.zeroWeights.below)}`}).sum()) for w in weights)`]
      : []),
    ...(f.nearZeroWeights
      ? [`            line["near_zero_weights"] = sum(int((w.abs() < ${pyFloat(f.nearZeroWeights.below)}).sum()) for w in weights)`]
      : []),
    ...(f.lr ? ['            line["lr"] = opt.param_groups[0]["lr"]'] : []),
    ...(f.bnRunning && bn.length
      ? [`            line["bn"] = {str(i): {"running_mean": model[i].running_mean.tolist(), "running_var": model[i].running_var.tolist()} for i in ${pyValue(bn)}}`]
      : []),
    '        model.train()',
    '        return line',
  ];
}

/** `measure_step()`: what the demo shows after each optimizer step (figures.perStep). */
function measureStepLines(r: TorchRecipe, hasDropout: boolean): string[] {
  const masks = r.figures.perStep?.masks === true;
  if (!hasDropout) {
    return [
      '    def measure_step(step, batch_loss):',
      '        """The numbers the demo shows after a training step: the loss on its mini-batch."""',
      '        return {"step": step, "batch_loss": batch_loss}',
    ];
  }
  return [
    '    drops = [layer for layer in model if isinstance(layer, EngineDropout)]',
    '',
    '    def measure_step(step, batch_loss):',
    '        """The numbers the demo shows after a training step: the loss on its mini-batch, and how',
    `        many of the batch's hidden units the step's dropout masks dropped${masks ? ' (and the masks)' : ''}."""`,
    '        line = {"step": step, "batch_loss": batch_loss, "p": drops[0].p}',
    '        line["dropped"] = sum(int((layer.mask == 0).sum()) for layer in drops)',
    '        line["units"] = sum(layer.mask.numel() for layer in drops)',
    ...(masks
      ? [
          '        # One string per example of the batch: a character per neuron, 1 kept, 0 dropped, | between layers.',
          '        rows = [layer.mask.int().tolist() for layer in drops]',
          '        line["masks"] = ["|".join("".join(map(str, mask[i])) for mask in rows) for i in range(len(rows[0]))]',
        ]
      : []),
    '        return line',
  ];
}

function changeLines(r: TorchRecipe, usesPenalty: boolean): string[] {
  if (r.changes.length === 0) return [];
  const keys = new Set(r.changes.flatMap((c) => Object.keys(c.set)));
  // the penalty strengths main() holds, which apply() sets
  const rebound = [...(usesPenalty && (keys.has('l1') || keys.has('l2')) ? ['l1', 'l2'] : []), ...(keys.has('proxL1') ? ['prox_l1'] : [])];
  const table = r.changes.map((c) => `        ${c.step}: ${pyValue(c.set)},`);
  return [
    '',
    '    # The changes you made while it trained (no reset): optimizer steps taken -> new values.',
    '    changes = {',
    ...table,
    '    }',
    '',
    '    def apply(change):',
    ...(rebound.length ? [`        nonlocal ${rebound.join(', ')}`] : []),
    ...(keys.has('lr') ? ['        if "lr" in change:', '            for group in opt.param_groups:', '                group["lr"] = change["lr"]'] : []),
    ...(keys.has('l1') ? ['        if "l1" in change:', '            l1 = change["l1"]'] : []),
    ...(keys.has('l2') ? ['        if "l2" in change:', '            l2 = change["l2"]'] : []),
    ...(keys.has('proxL1') ? ['        if "proxL1" in change:', '            prox_l1 = change["proxL1"]'] : []),
    ...(keys.has('dropout')
      ? ['        if "dropout" in change:', '            for layer in model:', '                if isinstance(layer, EngineDropout):', '                    layer.p = change["dropout"]']
      : []),
  ];
}

export function torchScript(r: TorchRecipe): string {
  const { network: net, data } = r;
  const ce = net.loss === 'cross_entropy';
  const digits = r.dataSource?.kind === 'sklearn-digits';
  const hasVal = data.val !== null && data.val.n > 0;
  const hasDropout = net.layers.some((l) => l.type === 'dropout');
  const hasBn = net.layers.some((l) => l.type === 'batchnorm1d');
  const touches = (k: keyof LiveSet) => r.changes.some((c) => c.set[k] !== undefined);
  const usesPenalty = net.penalty.l1 !== 0 || net.penalty.l2 !== 0 || touches('l1') || touches('l2');
  const usesProx = (net.proxL1 ?? 0) !== 0 || touches('proxL1');
  const needWeights = usesPenalty || usesProx || r.figures.zeroWeights !== undefined || r.figures.nearZeroWeights !== undefined;
  const es = r.earlyStopping;
  const opt = optimizerCode(net.optimizer);
  const tr = data.train;
  const batches = Math.ceil(tr.n / r.batchSize);
  const perStep = r.figures.perStep !== undefined;
  const stop = r.stopAfterSteps;
  const at = perStep ? '"step": step, ' : ''; // epoch lines say where they are, with step lines

  const doc = pyHeader(r, {
    library: 'PyTorch',
    intro:
      `The run the demo trained in your browser, rebuilt in PyTorch: the same data, the same initial weights, the same mini-batch order${hasDropout ? ', the same dropout masks' : ''}, in float64. ` +
      `It prints ${perStep ? 'one JSON line per training step (its mini-batch\'s loss' + (hasDropout ? ' and the masks dropout drew' : '') + ') and one per epoch' : 'one JSON line per epoch'} with the numbers the demo shows; they agree with the course engine\'s to 1e-6 (relative) or better: only the rounding of sums done in a different order differs.`,
    needs: digits ? 'PyTorch (1.10 or newer), scikit-learn' : 'PyTorch (1.10 or newer)',
    changes: r.changes,
    extra: r.changes.length ? ['Changed while it trained:', ...describeChanges(r).map((d) => `    ${d}`)] : [],
  });

  // Class-index targets for nn.CrossEntropyLoss: the engine's one-hot rows, or load_digits' labels.
  const targets = ce && !digits ? '.argmax(1)' : '';
  const dataLines = digits
    ? [
        `    # 1. The data: scikit-learn's 1,797 handwritten digits (8 x 8 pixels, values 0-16, scaled to [0, 1]),`,
        `    #    the ${tr.n} the demo trained on and the ${data.val?.n ?? 0} it validated with (its random split: the rows at the end`,
        '    #    of this file). The digits: E. Alpaydin and C. Kaynak, UCI Machine Learning Repository, CC BY 4.0.',
        '    digits = load_digits()',
        '    pixels = torch.tensor(digits.data, dtype=torch.float64) / 16.0',
        '    labels = torch.tensor(digits.target, dtype=torch.int64)   # the class indices nn.CrossEntropyLoss takes',
        '    x_train, y_train = pixels[ROWS["train"]], labels[ROWS["train"]]',
        ...(hasVal ? ['    x_val, y_val = pixels[ROWS["val"]], labels[ROWS["val"]]'] : []),
        '',
      ]
    : [
        `    # 1. The data: ${tr.n} training${hasVal ? ` and ${data.val!.n} validation` : ''} points, ${tr.inputs} inputs and ${tr.outputs} target${tr.outputs > 1 ? 's' : ''} each,`,
        `    #    exactly the engine\'s (embedded at the end of this file)${targets ? '; the targets as class indices' : ''}.`,
        `    x_train, y_train = floats(DATA["x_train"]).view(${tr.n}, ${tr.inputs}), floats(DATA["y_train"]).view(${tr.n}, ${tr.outputs})${targets}`,
        ...(hasVal ? [`    x_val, y_val = floats(DATA["x_val"]).view(${data.val!.n}, ${tr.inputs}), floats(DATA["y_val"]).view(${data.val!.n}, ${tr.outputs})${targets}`] : []),
        '',
      ];
  const lossLines = {
    bce_with_logits: ['    # 3. The loss: binary cross-entropy on the logit, the mean over the batch (stable for any logit).', '    loss_fn = nn.BCEWithLogitsLoss()'],
    cross_entropy: ['    # 3. The loss: cross-entropy of the softmax of the logits against the class, the mean over the batch', '    #    (log-sum-exp, stable for any logit).', '    loss_fn = nn.CrossEntropyLoss()'],
    mse: ['    # 3. The loss: mean squared error over the batch.', '    loss_fn = nn.MSELoss()'],
  }[net.loss];
  const main: string[] = [
    'def main():',
    ...dataLines,
    `    # 2. The model. Its layer indices are the engine's.${hasDropout ? ' The dropout masks come from the engine\'s own' : ''}`,
    ...(hasDropout
      ? [
          '    #    network rng, mulberry32, continuing from where the initialisation left it.',
          `    masks = Mulberry32(${net.rngState})`,
        ]
      : []),
    ...modelLines(net.layers, net.loss),
    '    # The initial weights, bit for bit: PyTorch\'s default U(-1/sqrt(in), 1/sqrt(in)), drawn by the engine.',
    '    state = model.state_dict()',
    '    with torch.no_grad():',
    '        for name, text in INITIAL.items():',
    '            state[name].copy_(floats(text).view_as(state[name]))',
    ...(hasBn ? ['    # (batch norm: gamma = weight, beta = bias, and the running statistics it starts from)'] : []),
    '',
    ...lossLines,
    ...(needWeights ? ['    weights = [layer.weight for layer in model if isinstance(layer, nn.Linear)]'] : []),
    ...(usesPenalty
      ? [
          '    # The penalty added to it: L1 and L2 on the weight matrices of the linear layers (never the',
          '    # biases). Its gradient is l1 * sign(w) + 2 * l2 * w, what the engine adds.',
          `    l1, l2 = ${pyFloat(net.penalty.l1)}, ${pyFloat(net.penalty.l2)}`,
          '',
          '    def penalty():',
          '        return sum(l1 * w.abs().sum() + l2 * (w * w).sum() for w in weights)',
        ]
      : [usesProx ? '    # No penalty in the loss: the L1 penalty of this run is a proximal step (below).' : '    # No penalty: this run is not regularized by L1 or L2.']),
    ...(usesProx
      ? [
          '',
          '    # The proximal L1 step ("L1, proximal step"), written by hand because it is NOT what an L1',
          '    # term in the loss does. That term adds l1 * sign(w) to the gradient, so a small weight is',
          '    # pushed past zero and back and never lands on it. Here the loss has no L1 term; instead,',
          '    # after every optimizer step, each weight is soft-thresholded,',
          '    #     w <- sign(w) * max(|w| - lr * prox_l1, 0),',
          '    # the exact minimiser of prox_l1 * |w| + (w - w_step)^2 / (2 lr) (proximal gradient descent,',
          "    # ISTA; Lasso's coordinate descent applies the same operator), so every weight within",
          '    # lr * prox_l1 of zero becomes exactly 0 and stays there while its gradient cannot move it.',
          `    prox_l1 = ${pyFloat(net.proxL1 ?? 0)}`,
          '',
          '    def soft_threshold(threshold):',
          '        with torch.no_grad():',
          '            for w in weights:',
          '                w.copy_(w.sign() * (w.abs() - threshold).clamp(min=0))',
        ]
      : []),
    '',
    `    # 4. The optimizer: ${opt.comment}.`,
    `    opt = ${opt.code}`,
    ...changeLines(r, usesPenalty),
    '',
    `    # 5. What the demo shows after every epoch${perStep ? ' (and after every step)' : ''}.`,
    ...measureLines(r, hasVal, usesPenalty, usesProx),
    '',
    ...(perStep ? [...measureStepLines(r, hasDropout), ''] : []),
  ];

  // 6. (and 7.) the loop
  const monitor = es?.monitor ?? 'val_loss';
  const p = es?.params;
  const stopperArgs = p
    ? `patience=${p.patience}, min_delta=${pyFloat(p.min_delta)}, mode=${JSON.stringify(p.mode)}, baseline=${p.baseline === null ? 'None' : pyFloat(p.baseline)}, ` +
      `restore_best_weights=${p.restore_best_weights ? 'True' : 'False'}, start_from_epoch=${p.start_from_epoch}`
    : '';
  if (es?.action === 'stop') {
    main.push(
      `    # 6. Early stopping: Keras' EarlyStopping(monitor="${monitor}", ...${es.kerasMode === 'auto' ? `, mode="auto" -> "${p!.mode}"` : ''}) with the demo's settings.`,
      `    stopper = EarlyStopping(${stopperArgs})`,
      '',
    );
  }
  const plural = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;
  main.push(
    ...(stop === undefined
      ? []
      : [`    # ${es?.action === 'stop' ? 7 : 6}. Training: the ${plural(stop, 'step')} you trained (${plural(Math.floor(stop / batches), 'epoch')}${stop % batches ? ` and ${plural(stop % batches, 'step')}` : ''}),`]),
    `    ${stop === undefined ? `# ${es?.action === 'stop' ? 7 : 6}. Training: ${r.epochs} epochs of` : '#    in epochs of'} ${batches} mini-batch${batches > 1 ? 'es' : ''} of ${r.batchSize} points${tr.n % r.batchSize ? ` (the last one ${tr.n % r.batchSize})` : ''}, in the order of the engine's`,
    `    #    trainer: a fresh Fisher-Yates shuffle from mulberry32(${r.shuffleSeed}) at the start of every epoch.`,
    `    shuffle_rng = Mulberry32(${r.shuffleSeed})`,
    '    first = measure()',
    perStep
      ? '    emit({"epoch": 0, "step": 0, **first})     # before training: the same data and initial weights'
      : '    emit({"epoch": 0, **first})                # before training: the same data and initial weights',
    ...(r.divergence
      ? [`    limit = ${pyNumber(r.divergence.factor)} * max(first["train_loss"], ${pyFloat(r.divergence.floor)})  # the demo calls a training loss above this diverged`]
      : []),
    ...(es?.action === 'compare' ? ['    history = []                               # every epoch\'s line, for the rule replayed below'] : []),
    '    step = 0',
    '    model.train()',
    `    for epoch in range(${r.epochs}):`,
    `        order = shuffled(${tr.n}, shuffle_rng)`,
    `        for start in range(0, ${tr.n}, ${r.batchSize}):`,
    ...(stop !== undefined ? [`            if step == ${stop}:`, '                return                         # where you stopped training in the demo'] : []),
    ...(r.changes.length ? ['            if step in changes:', '                apply(changes[step])'] : []),
    `            batch = torch.tensor(order[start:start + ${r.batchSize}])`,
    '            opt.zero_grad()',
    ...(perStep
      ? [
          '            data_loss = loss_fn(model(x_train[batch]), y_train[batch])',
          `            loss = data_loss${usesPenalty ? ' + penalty()' : ''}`,
        ]
      : [`            loss = loss_fn(model(x_train[batch]), y_train[batch])${usesPenalty ? ' + penalty()' : ''}`]),
    '            loss.backward()',
    '            opt.step()',
    ...(usesProx
      ? ['            if prox_l1 > 0:                        # the proximal L1 step, after the optimizer\'s', '                soft_threshold(opt.param_groups[0]["lr"] * prox_l1)']
      : []),
    '            step += 1',
    '            if not (math.isfinite(loss.item()) and all(bool(w.isfinite().all()) for w in model.parameters())):',
    '                emit({"diverged": {"step": step}})  # the engine stops at a NaN or infinite loss or weight',
    '                return',
    ...(perStep ? ['            emit(measure_step(step, data_loss.item()))'] : []),
    `        line = {"epoch": epoch + 1, ${at}**measure()}`,
  );
  if (es?.action === 'stop') {
    main.push(
      `        stop = stopper.update(epoch, line["${monitor}"], model)`,
      '        emit({**line, "wait": stopper.wait, "best": stopper.best})',
    );
  } else {
    main.push('        emit(line)');
    if (es?.action === 'compare') main.push(`        history.append({**line, "steps": ${batches}})`);
  }
  if (r.divergence) {
    main.push(
      '        if not line["train_loss"] <= limit:',
      '            emit({"diverged": {"epoch": epoch + 1, "train_loss": line["train_loss"]}})',
      '            return',
    );
  }
  if (es?.action === 'stop') {
    main.push(
      '        if stop:',
      '            print(f"Epoch {epoch + 1}: early stopping", file=sys.stderr)',
      '            break',
      '',
      '    # The model kept: with restore_best_weights the best epoch\'s weights are loaded back (Keras does it',
      '    # at the end of training, stopped or not).',
      '    kept = stopper.restored_epoch()',
      '    if kept is not None:',
      '        model.load_state_dict(stopper.best_weights)',
      '    else:',
      '        kept = epoch',
      '    final = {"stopped_epoch": stopper.stopped_epoch, "best_epoch": stopper.best_epoch, "restored_epoch": stopper.restored_epoch()}',
      '    emit({**final, "kept_epoch": kept, **{"kept_" + key: value for key, value in measure().items()}})',
    );
  }
  if (es?.action === 'compare') {
    main.push(
      '',
      `    # 7. What early stopping would have saved: Keras' rule (monitor="${monitor}") replayed over the`,
      '    #    recorded epochs, once per patience. The model kept is the best epoch with restore_best_weights,',
      '    #    else the last one run (epoch indices count from 0, as Keras\'s).',
      `    for patience in ${pyValue(es.patiences ?? [])}:`,
      `        rule = EarlyStopping(${stopperArgs.replace(/^patience=\d+/, 'patience=patience')})`,
      '        run = 0',
      '        for index, past in enumerate(history):',
      '            run = index + 1',
      `            if rule.update(index, past["${monitor}"]):`,
      '                break',
      '        kept = rule.restored_epoch()',
      '        kept = run - 1 if kept is None else kept',
      '        emit({"patience": patience, "stopped_epoch": rule.stopped_epoch, "epochs_run": run,',
      '              "steps_run": sum(past["steps"] for past in history[:run]), "kept_epoch": kept,',
      '              "val_loss_kept": history[kept]["val_loss"], "val_accuracy_kept": history[kept]["val_accuracy"]})',
    );
  }

  const helpers: string[] = [
    '',
    '',
    `# ---- Helpers: the engine's random numbers${hasDropout ? ', its dropout' : ''}${es ? ', the patience rule' : ''}, accuracy, reading and printing numbers ----`,
    '',
    ...PY_MULBERRY32,
    ...(hasDropout ? ['', '', ...PY_DROPOUT] : []),
    ...(es ? ['', '', ...PY_EARLY_STOPPING] : []),
    '',
    '',
    ...(ce
      ? [
          'def accuracy(logits, y):',
          '    """Share of points whose largest logit is their class."""',
          '    return (logits.argmax(1) == y).double().mean().item()',
        ]
      : [
          'def accuracy(logits, y):',
          '    """Share of points on the right side: a logit > 0 means class 1."""',
          '    return ((logits > 0) == (y > 0.5)).double().mean().item()',
        ]),
    ...pyTensorIoAndCheck(),
  ];

  const initial = Object.entries(net.initial).flatMap(([i, p]) =>
    Object.entries(p).map(([name, v]) => `    "${i}.${name === 'gamma' ? 'weight' : name === 'beta' ? 'bias' : name}": ${pyWrapped(float64ToBase64((v as number[] | number[][]).flat()), '    ')},`),
  );
  const embedded = [
    '',
    '',
    ...(digits
      ? [
          '# ---- The embedded numbers ----',
          '',
          '# The rows of load_digits() in the training and validation sets, in the engine\'s order.',
          'ROWS = {',
          `    "train": ${pyIntList(r.dataSource!.trainRows, '    ')},`,
          ...(hasVal ? [`    "val": ${pyIntList(r.dataSource!.valRows, '    ')},`] : []),
          '}',
        ]
      : pyEmbeddedData(tr, hasVal ? data.val : null)),
    '',
    '# The initial parameters by state_dict name (layer index . weight / bias / running statistics).',
    'INITIAL = {',
    ...initial,
    '}',
    '',
    ...pyFooter(r.shown, lineKey(r)),
  ];

  return [
    ...doc,
    ...pyStdImports(es ? ['copy'] : []),
    ...(digits ? ['from sklearn.datasets import load_digits'] : []),
    ...PY_TORCH_IMPORTS,
    '',
    '',
    ...main,
    ...helpers,
    ...embedded,
  ].join('\n');
}
