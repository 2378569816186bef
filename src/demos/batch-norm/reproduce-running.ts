/**
 * "Reproduce in PyTorch" for demo 3 (running statistics): the network with BatchNorm1d at the
 * demo's momentum, the batch statistics of the chosen feature and the running averages PyTorch's
 * update moves toward them, and the validation loss in train mode and in eval mode.
 */
import { DivergenceError } from '../../engine/index.ts';
import { pyFloat } from '../../python/writer.ts';
import type { Line, ProgramRecipe } from '../../reproduce/types.ts';
import { guardExplosion } from '../classification-run.ts';
import { hiddenLayerIndex } from './networks.ts';
import { buildRunningRun, runningShape, type RunningRunSettings, type RunningSnapshot } from './running-run.ts';
import { bnEps, epochAt, plainLine, PY_EPOCH_AT, sharedInit, shownLine, stepsPerEpoch, type BnData, type LinearInit } from './reproduce-body.ts';
import { bnScript, dataLines, initialRows } from './reproduce-python.ts';
import { RUNNING_VIEW, runPart, type RunningSettings } from './settings.ts';

interface Body { data: BnData; init: LinearInit; eps: number }

const shownAt = (s: RunningSettings) => ({ layer: Math.min(s.layer, s.layers), feature: Math.min(s.neuron, s.hidden) });

function accuracy(logits: Float64Array, y: Float64Array): number {
  let right = 0;
  for (let i = 0; i < y.length; i++) if ((logits[i] > 0 ? 1 : 0) === y[i]) right++;
  return right / y.length;
}

/** The engine's lines: the run the demo trains (running-run.ts), measured at every epoch's end and at the last step. */
function engine(r: ProgramRecipe): Line[] {
  const s = r.settings as unknown as RunningSettings;
  const { train, val, trainer } = buildRunningRun(runPart(s, RUNNING_VIEW) as RunningRunSettings);
  const net = trainer.network;
  const bnIndex = Array.from({ length: s.layers }, (_, k) => hiddenLayerIndex(runningShape(s), k).bn);
  const { layer, feature } = shownAt(s);
  const perEpoch = stepsPerEpoch(s.points, s.batch);
  const initial = net.loss(train.x, train.y, train.n, 'eval');
  const lines: Line[] = [];
  let batch: { mean: number; variance: number; unbiased: number } | null = null;
  const line = (step: number): Line => {
    const st = net.batchNormStats(bnIndex[layer - 1]);
    return plainLine({
      epoch: epochAt(step, perEpoch), step,
      train_loss: net.loss(train.x, train.y, train.n, 'eval'),
      val_loss: net.loss(val.x, val.y, val.n, 'eval'),
      val_loss_train_mode: net.loss(val.x, val.y, val.n, 'train'),
      val_accuracy: accuracy(net.forward(val.x, val.n, 'eval'), val.y),
      val_accuracy_train_mode: accuracy(net.forward(val.x, val.n, 'train'), val.y),
      layer, feature,
      batch_mean: batch?.mean ?? null, batch_var: batch?.variance ?? null, batch_var_unbiased: batch?.unbiased ?? null,
      running_mean: st.runningMean[feature - 1], running_var: st.runningVar[feature - 1],
      bn: Object.fromEntries(bnIndex.map((i) => {
        const b = net.batchNormStats(i);
        return [String(i), { running_mean: Array.from(b.runningMean), running_var: Array.from(b.runningVar) }];
      })),
    });
  };
  lines.push(line(0));
  for (let step = 1; step <= s.steps; step++) {
    let done: boolean;
    try {
      const res = trainer.step();
      guardExplosion(step, res.dataLoss, initial, 'step');
      done = res.epochDone !== null;
    } catch (e) {
      if (!(e instanceof DivergenceError)) throw e;
      lines.push({ diverged: { step } });
      return lines;
    }
    const st = net.batchNormStats(bnIndex[layer - 1]), rows = net.lastBatchSize();
    batch = { mean: st.batchMean[feature - 1], variance: st.batchVar[feature - 1], unbiased: st.batchVar[feature - 1] * (rows / (rows - 1)) };
    if (done || step === s.steps) lines.push(line(step));
  }
  return lines;
}

function script(r: ProgramRecipe): string {
  const s = r.settings as unknown as RunningSettings;
  const { data, init, eps } = r.body as Body;
  const { layer, feature } = shownAt(s);
  const batch = Math.min(s.batch, s.points);
  const perEpoch = stepsPerEpoch(s.points, s.batch);
  return bnScript(r, data, {
    intro:
      `The network the demo trained, rebuilt in PyTorch: ${s.layers} hidden layer${s.layers > 1 ? 's' : ''} of Linear -> BatchNorm1d(momentum=${s.momentum}) -> ReLU, the same data, ` +
      'the same initial weights, the same mini-batches, in float64, plain SGD. It prints one JSON line per epoch: the training and validation loss ' +
      '(eval mode: batch norm on its running statistics), the validation loss and accuracy in train mode (the validation set as one batch, ' +
      `normalised with its own statistics), feature ${feature} of batch-norm layer ${layer} (the one the demo showed): the mean and variance of the last ` +
      'training batch and the running averages after its update, and every batch-norm layer\'s running statistics. They agree with the course ' +
      'engine\'s to 1e-6 (relative) or better: only the rounding of sums done in a different order differs.',
    extra: [
      'PyTorch\'s update after every training step: running = (1 - momentum) running + momentum * batch statistic, with the',
      'unbiased batch variance (n / (n - 1) times the biased one the batch is normalised with). Each line: "epoch" (a fraction',
      'for the last line when the steps end inside an epoch), "step", "train_loss", "val_loss", "val_loss_train_mode", "val_accuracy",',
      '"val_accuracy_train_mode", "batch_mean", "batch_var", "batch_var_unbiased", "running_mean", "running_var" (the shown feature) and',
      '"bn": {engine layer index: {"running_mean": [...], "running_var": [...]}} of every BatchNorm1d layer.',
    ],
    constants: [
      `HIDDEN_LAYERS, HIDDEN, ACTIVATION, EPS, MOMENTUM = ${s.layers}, ${s.hidden}, "relu", ${pyFloat(eps)}, ${pyFloat(s.momentum)}`,
      `N, BATCH, STEPS, STEPS_PER_EPOCH, SEED = ${s.points}, ${batch}, ${s.steps}, ${perEpoch}, ${s.seed}`,
      `LR, LAYER, FEATURE = ${pyFloat(s.lr)}, ${layer}, ${feature}  # the learning rate; the batch-norm layer and the feature the demo shows`,
    ],
    main: [
      'def main():',
      ...dataLines(data, s.dataset),
      '',
      '    # 2. The model: nn.BatchNorm1d between every linear layer and its ReLU, with the demo\'s momentum.',
      '    model = load_linear(make_model(batchnorm=True, momentum=MOMENTUM), INITIAL)',
      '    bns = [m for m in model if isinstance(m, nn.BatchNorm1d)]',
      '    bn_index = [i for i, m in enumerate(model) if isinstance(m, nn.BatchNorm1d)]',
      '',
      '    # 3. The optimizer: plain SGD, one step per mini-batch.',
      '    opt = torch.optim.SGD(model.parameters(), lr=LR)',
      '',
      '    # 4. What the shown layer normalised the training batch with: its mean and biased variance (a pre-hook sees its input).',
      '    batch = {}',
      '',
      '    def keep(module, inputs):',
      '        if module.training:',
      '            x = inputs[0].detach()',
      '            batch["mean"], batch["var"], batch["n"] = x.mean(0), x.var(0, unbiased=False), x.shape[0]',
      '',
      '    shown = bns[LAYER - 1]',
      '    shown.register_forward_pre_hook(keep)',
      '',
      '    def accuracy(logits, y):',
      '        return ((logits > 0) == (y > 0.5)).double().mean().item()',
      '',
      '    def line(step, stats):',
      '        """What the demo shows: model.eval() uses the running statistics, model.train() each batch\'s own."""',
      '        out = {"epoch": epoch_at(step), "step": step, "train_loss": eval_loss(model, x_train, y_train), "val_loss": eval_loss(model, x_val, y_val)}',
      '        logits = train_mode_pass(model, x_val)  # the validation set as one batch, train mode (running statistics untouched)',
      '        out["val_loss_train_mode"] = loss_fn(logits, y_val).item()',
      '        model.eval()',
      '        with torch.no_grad():',
      '            out["val_accuracy"] = accuracy(model(x_val), y_val)',
      '        model.train()',
      '        out["val_accuracy_train_mode"] = accuracy(logits, y_val)',
      '        out.update({"layer": LAYER, "feature": FEATURE, **stats})',
      '        out["running_mean"] = shown.running_mean[FEATURE - 1].item()',
      '        out["running_var"] = shown.running_var[FEATURE - 1].item()',
      '        out["bn"] = {str(i): {"running_mean": m.running_mean.tolist(), "running_var": m.running_var.tolist()} for i, m in zip(bn_index, bns)}',
      '        return out',
      '',
      '    # 5. Training, step by step; the demo stops at a NaN or infinite loss or weight, or a batch loss over 20 times its start.',
      '    initial = eval_loss(model, x_train, y_train)',
      '    stats = {"batch_mean": None, "batch_var": None, "batch_var_unbiased": None}',
      '    emit(line(0, stats))',
      '    batches = Batches(N, BATCH, SEED)',
      '    for count in range(1, STEPS + 1):',
      '        rows, epoch_done = batches.next()',
      '        loss = step(model, opt, x_train[rows], y_train[rows])',
      '        if loss is None or exploded(loss, initial):',
      '            emit({"diverged": {"step": count}})',
      '            return',
      '        n = batch["n"]',
      '        stats = {"batch_mean": batch["mean"][FEATURE - 1].item(), "batch_var": batch["var"][FEATURE - 1].item(),',
      '                 "batch_var_unbiased": batch["var"][FEATURE - 1].item() * (n / (n - 1))}',
      '        if epoch_done or count == STEPS:',
      '            emit(line(count, stats))',
    ],
    helpers: PY_EPOCH_AT,
    embedded: ['# The initial weights of the linear layers, in order.', 'INITIAL = [', ...initialRows(init, '    '), ']'],
  });
}

export const runningProgram = { script, engine };

export function runningBody(s: RunningSettings): Body {
  const { train, val, trainer } = buildRunningRun(runPart(s, RUNNING_VIEW) as RunningRunSettings);
  return { data: { train, val }, init: sharedInit([trainer]), eps: bnEps([trainer]) };
}

/** What the demo showed at the epoch ends it kept: the shown feature's statistics and the validation loss in both modes. */
export function runningShown(snapshot: unknown, s: RunningSettings): Line[] {
  const snap = snapshot as RunningSnapshot;
  const { layer, feature } = shownAt(s);
  if (snap.layer !== layer || snap.neuron !== feature) return [];
  const perEpoch = stepsPerEpoch(s.points, s.batch);
  const lines: Line[] = [];
  snap.steps.forEach((step, i) => {
    if (step % perEpoch !== 0 && step !== s.steps) return;
    lines.push({
      epoch: epochAt(step, perEpoch),
      ...shownLine({
        val_loss: snap.valLossEval[i], val_loss_train_mode: snap.valLossTrain[i],
        batch_mean: snap.batchMean[i], batch_var_unbiased: snap.batchVarUnbiased[i],
        running_mean: snap.runningMean[i], running_var: snap.runningVar[i],
        ...(step === snap.step && snap.last ? { batch_var: snap.last.batchVar } : {}),
        ...(step === snap.step ? { val_accuracy: snap.valAccuracy.eval, val_accuracy_train_mode: snap.valAccuracy.train } : {}),
      }),
    });
  });
  return lines;
}
