/**
 * "Reproduce in PyTorch" for demo 1 (the activation histogram): both networks, without and with
 * batch norm, trained side by side on the same batches from the same initial weights, and the
 * chosen hidden layer's values on each batch (mean and variance before and after BN).
 */
import { pyFloat } from '../../python/writer.ts';
import type { Line, ProgramRecipe } from '../../reproduce/types.ts';
import { hiddenLayerIndex } from './networks.ts';
import { buildHistogramRun, createHistogramRun, histogramShape, type HistogramSnapshot } from './histogram-run.ts';
import { bnEps, epochAt, plainLine, PY_EPOCH_AT, sharedInit, shownLine, stepsPerEpoch, type BnData, type LinearInit } from './reproduce-body.ts';
import { bnScript, dataLines, initialRows } from './reproduce-python.ts';
import { HISTOGRAM_VIEW, runPart, type HistogramSettings } from './settings.ts';
import type { HistogramRunSettings } from './histogram-run.ts';

interface Body { data: BnData; init: LinearInit; eps: number }

const VIEWS = [['without_bn', 'plain'], ['before_bn', 'bnPre'], ['after_bn', 'bnPost']] as const;

const shownLayer = (s: HistogramSettings) => Math.min(s.layer, s.layers);

/** The line after `step` steps, from the demo's own snapshot (losses only at an epoch's end). */
function lineOf(snap: HistogramSnapshot, perEpoch: number): Line {
  const step = snap.step;
  const line: Line = { epoch: epochAt(step, perEpoch), step, layer: snap.layer };
  if (step % perEpoch === 0) {
    const e = step / perEpoch;
    line.without_bn_train_loss = snap.plainNet.loss[e] ?? null;
    line.with_bn_train_loss = snap.bnNet.loss[e] ?? null;
  }
  const h = snap.history, last = h.steps.length - 1;
  for (const [name, key] of VIEWS) {
    line[`${name}_mean`] = h[`${key}Mean`][last];
    line[`${name}_var`] = h[`${key}Var`][last];
  }
  const diverged: Record<string, number> = {};
  if (snap.plainNet.divergedAt !== null) diverged.without_bn = snap.plainNet.divergedAt;
  if (snap.bnNet.divergedAt !== null) diverged.with_bn = snap.bnNet.divergedAt;
  if (Object.keys(diverged).length) line.diverged = diverged;
  return plainLine(line);
}

/** The engine's lines: the demo's own run, a line at every epoch's end and at the last step. */
function engine(r: ProgramRecipe): Line[] {
  const s = r.settings as unknown as HistogramSettings;
  const run = createHistogramRun(s);
  const perEpoch = stepsPerEpoch(s.points, s.batch);
  const lines = [lineOf(run.snapshot(), perEpoch)];
  let going = true, step = 0;
  while (going) {
    going = run.advance();
    const snap = run.snapshot();
    if (snap.step === step) break; // both networks had diverged
    step = snap.step;
    if (step % perEpoch === 0 || !going) lines.push(lineOf(snap, perEpoch));
  }
  return lines;
}

function script(r: ProgramRecipe): string {
  const s = r.settings as unknown as HistogramSettings;
  const { data, init, eps } = r.body as Body;
  const k = shownLayer(s);
  const plainAt = hiddenLayerIndex(histogramShape(s, false), k - 1), bnAt = hiddenLayerIndex(histogramShape(s, true), k - 1);
  const batch = Math.min(s.batch, s.points);
  const perEpoch = stepsPerEpoch(s.points, s.batch);
  return bnScript(r, data, {
    intro:
      'The two networks the demo trained side by side, rebuilt in PyTorch: the same deep network without and with nn.BatchNorm1d, the same data, ' +
      'the same initial weights (times the initial scale), the same mini-batches, in float64, plain SGD. It prints one JSON line per epoch: ' +
      `both networks' training loss and, for hidden layer ${k} (the one the demo showed), the mean and variance of its values on that epoch's last ` +
      'mini-batch: without batch norm (what its activation receives), and with batch norm before and after the BatchNorm1d layer. ' +
      'They agree with the course engine\'s to 1e-6 (relative) or better: only the rounding of sums done in a different order differs.',
    extra: [
      'Each line: "epoch" (a fraction for the last line when the steps end inside an epoch), "step",',
      `"without_bn_train_loss" / "with_bn_train_loss" (eval mode, whole training set, at an epoch's end), and "layer" ${k}'s`,
      '"without_bn_mean"/"_var", "before_bn_mean"/"_var", "after_bn_mean"/"_var"; null for a network that has diverged',
      '(the demo stops it: a NaN or infinite loss or weight, or a batch loss over 20 times its starting loss; "diverged" says at which step).',
    ],
    constants: [
      `HIDDEN_LAYERS, HIDDEN, ACTIVATION, EPS = ${s.layers}, ${s.hidden}, ${JSON.stringify(s.activation)}, ${pyFloat(eps)}`,
      `N, BATCH, STEPS, STEPS_PER_EPOCH, SEED = ${s.points}, ${batch}, ${s.steps}, ${perEpoch}, ${s.seed}`,
      `LR, LAYER = ${pyFloat(s.lr)}, ${k}  # the learning rate of both networks; the hidden layer the histograms show`,
    ],
    main: [
      'def main():',
      ...dataLines(data, s.dataset),
      '',
      '    # 2. Two networks, identical but for nn.BatchNorm1d between every linear layer and its activation;',
      '    #    both start from the same initial weights (batch norm adds gamma = 1, beta = 0).',
      '    nets = {"without_bn": load_linear(make_model(batchnorm=False), INITIAL),',
      '            "with_bn": load_linear(make_model(batchnorm=True), INITIAL)}',
      '',
      '    # 3. The optimizer: plain SGD, one step per mini-batch, the same learning rate for both.',
      '    opts = {name: torch.optim.SGD(model.parameters(), lr=LR) for name, model in nets.items()}',
      '',
      `    # 4. What the histograms show: hidden layer ${k}'s values on each training batch, kept by forward hooks`,
      '    #    (train mode only): without BN the linear layer\'s output, with BN its output before and after BatchNorm1d.',
      '    seen = {}',
      '',
      '    def keep(name):',
      '        def hook(module, inputs, output):',
      '            if module.training:',
      '                seen[name] = output.detach().clone()',
      '        return hook',
      '',
      `    nets["without_bn"][${plainAt.linear}].register_forward_hook(keep("without_bn"))  # nn.Linear`,
      `    nets["with_bn"][${bnAt.linear}].register_forward_hook(keep("before_bn"))      # nn.Linear`,
      `    nets["with_bn"][${bnAt.bn}].register_forward_hook(keep("after_bn"))       # nn.BatchNorm1d`,
      '    owner = {"without_bn": "without_bn", "before_bn": "with_bn", "after_bn": "with_bn"}',
      '',
      '    # 5. Training, step by step for both networks on the same batches; a network that diverges stops there.',
      '    initial = {name: eval_loss(model, x_train, y_train) for name, model in nets.items()}',
      '    losses, diverged, views = dict(initial), {}, {}',
      '    batches = Batches(N, BATCH, SEED)',
      '',
      '    def line(step):',
      '        out = {"epoch": epoch_at(step), "step": step, "layer": LAYER}',
      '        if step % STEPS_PER_EPOCH == 0:',
      '            out.update({f"{name}_train_loss": losses.get(name) for name in nets})',
      '        for view in ("without_bn", "before_bn", "after_bn"):',
      '            stats = pooled(views[view]) if view in views else (None, None)',
      '            out[f"{view}_mean"], out[f"{view}_var"] = stats',
      '        if diverged:',
      '            out["diverged"] = dict(diverged)',
      '        return out',
      '',
      '    # Step 0: the first batch through the untrained networks in train mode (nothing is updated).',
      '    first = torch.tensor(batches.order[:BATCH])',
      '    for model in nets.values():',
      '        train_mode_pass(model, x_train[first])',
      '    views = dict(seen)',
      '    emit(line(0))',
      '    for count in range(1, STEPS + 1):',
      '        rows, epoch_done = batches.next()',
      '        seen.clear()',
      '        for name, model in nets.items():',
      '            if name in diverged:',
      '                continue',
      '            loss = step(model, opts[name], x_train[rows], y_train[rows])',
      '            if loss is None or exploded(loss, initial[name]):',
      '                diverged[name] = count',
      '        views = {view: values for view, values in seen.items() if owner[view] not in diverged}',
      '        if epoch_done:',
      '            losses = {name: None if name in diverged else eval_loss(model, x_train, y_train) for name, model in nets.items()}',
      '        if epoch_done or count == STEPS or len(diverged) == len(nets):',
      '            emit(line(count))',
      '        if len(diverged) == len(nets):',
      '            break',
    ],
    helpers: PY_EPOCH_AT,
    embedded: ['# The initial weights of both networks\' linear layers (the same for both), in order.', 'INITIAL = [', ...initialRows(init, '    '), ']'],
  });
}

export const histogramProgram = { script, engine };

export function histogramBody(s: HistogramSettings): Body {
  const { train, plain, bn } = buildHistogramRun(runPart(s, HISTOGRAM_VIEW) as HistogramRunSettings);
  return { data: { train, val: null }, init: sharedInit([plain, bn]), eps: bnEps([bn]) };
}

/** What the demo showed: both losses at every epoch, and the shown layer's statistics at the epoch ends it kept. */
export function histogramShown(snapshot: unknown, s: HistogramSettings): Line[] {
  const snap = snapshot as HistogramSnapshot;
  const perEpoch = stepsPerEpoch(s.points, s.batch);
  const sameLayer = snap.layer === shownLayer(s);
  const at = new Map(snap.history.steps.map((step, i) => [step, i]));
  const epochs = Math.max(snap.plainNet.loss.length, snap.bnNet.loss.length);
  const lines: Line[] = [];
  for (let e = 0; e < epochs; e++) {
    const i = at.get(e * perEpoch);
    const h = snap.history;
    lines.push({
      epoch: e,
      ...shownLine({
        without_bn_train_loss: snap.plainNet.loss[e],
        with_bn_train_loss: snap.bnNet.loss[e],
        ...(sameLayer && i !== undefined
          ? Object.fromEntries(VIEWS.flatMap(([name, key]) => [[`${name}_mean`, h[`${key}Mean`][i]], [`${name}_var`, h[`${key}Var`][i]]]))
          : {}),
      }),
    });
  }
  return lines;
}
