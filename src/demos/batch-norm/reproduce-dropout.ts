/**
 * "Reproduce in PyTorch" for demo 4 (batch norm with dropout): the four networks (neither, batch
 * norm, dropout, both) on the same noisy points, from the same initial weights, on the same
 * batches, each with its own dropout masks from the engine's generator, and Adam.
 */
import { pyFloat } from '../../python/writer.ts';
import type { Line, ProgramRecipe } from '../../reproduce/types.ts';
import { buildDropoutRun, createDropoutRun, type DropoutSnapshot } from './dropout-run.ts';
import { bnEps, plainLine, sharedInit, shownLine, stepsPerEpoch, type BnData, type LinearInit } from './reproduce-body.ts';
import { bnScript, dataLines, initialRows } from './reproduce-python.ts';
import { VARIANTS, type DropoutSettings } from './settings.ts';

interface Body { data: BnData; init: LinearInit; eps: number; rngState: number }

/** The engine's lines: the demo's own four runs, every epoch (null once a network has diverged). */
function engine(r: ProgramRecipe): Line[] {
  const s = r.settings as unknown as DropoutSettings;
  const run = createDropoutRun(s);
  while (run.advance());
  const snap = run.snapshot();
  return Array.from({ length: s.epochs + 1 }, (_, e) => {
    const line: Line = { epoch: e };
    const diverged: Record<string, number> = {};
    for (const v of snap.variants) {
      line[`${v.key}_train_loss`] = v.train[e] ?? null;
      line[`${v.key}_val_loss`] = v.val[e] ?? null;
      if (v.diverged !== null && e >= v.train.length) diverged[v.key] = v.train.length;
    }
    if (Object.keys(diverged).length) line.diverged = diverged;
    return plainLine(line);
  });
}

function script(r: ProgramRecipe): string {
  const s = r.settings as unknown as DropoutSettings;
  const { data, init, eps, rngState } = r.body as Body;
  const batch = Math.min(s.batch, s.points);
  return bnScript(r, data, {
    intro:
      'The four networks the demo trained, rebuilt in PyTorch: the same MLP with neither regularizer, with nn.BatchNorm1d, with nn.Dropout ' +
      `(p = ${s.p}) and with both (Linear -> BatchNorm1d -> ReLU -> Dropout), the same noisy data, the same initial weights, the same mini-batches, ` +
      'the same dropout masks (each network\'s own, from the engine\'s generator), in float64, with Adam. It prints one JSON line per epoch ' +
      'with each network\'s training and validation loss (eval mode: dropout off, batch norm on its running statistics); the validation loss ' +
      'minus the training loss is the overfitting gap the demo plots. They agree with the course engine\'s to 1e-6 (relative) or better ' +
      '(batch norm with Adam to about 1e-8: the bias of a linear layer before batch norm gets pure rounding-noise gradients, which Adam ' +
      'scales up; it changes nothing else).',
    extra: [
      'Each line: "epoch", then "<network>_train_loss" and "<network>_val_loss" for neither, bn, dropout and both;',
      'null once a network has diverged (a NaN or infinite loss or weight, or a training loss over 20 times its start).',
    ],
    dropout: true,
    constants: [
      `HIDDEN_LAYERS, HIDDEN, ACTIVATION, EPS, P = ${s.layers}, ${s.hidden}, "relu", ${pyFloat(eps)}, ${pyFloat(s.p)}`,
      `N, BATCH, EPOCHS, STEPS_PER_EPOCH, SEED = ${s.points}, ${batch}, ${s.epochs}, ${stepsPerEpoch(s.points, s.batch)}, ${s.seed}`,
      `LR, RNG_STATE = ${pyFloat(s.lr)}, ${rngState}  # Adam's step size; the network rng's state after initialisation (the masks start there)`,
    ],
    main: [
      'def main():',
      ...dataLines(data, s.dataset, ` with ${Math.round(s.noise * 100)}% of the labels flipped`),
      '',
      '    # 2. The four networks, from the same initial weights; each has its own dropout generator, as each engine network has.',
      '    nets = {',
      ...VARIANTS.map((v) => `        "${v.key}": load_linear(make_model(batchnorm=${v.batchnorm ? 'True' : 'False'}${v.dropout ? ', dropout=P, rng_state=RNG_STATE' : ''}), INITIAL),  # ${v.label}`),
      '    }',
      '',
      '    # 3. The optimizer: Adam, the same step size for all four.',
      '    opts = {name: torch.optim.Adam(model.parameters(), lr=LR) for name, model in nets.items()}',
      '',
      '    # 4. Training: an epoch of each network per line, on the same batches; a network that diverges stops there.',
      '    initial = {name: eval_loss(model, x_train, y_train) for name, model in nets.items()}',
      '    losses = {name: (initial[name], eval_loss(model, x_val, y_val)) for name, model in nets.items()}',
      '    diverged = {}',
      '    batches = Batches(N, BATCH, SEED)',
      '    for epoch in range(EPOCHS + 1):',
      '        if epoch > 0:',
      '            rows = [batches.next()[0] for _ in range(STEPS_PER_EPOCH)]',
      '            for name, model in nets.items():',
      '                if name in diverged:',
      '                    continue',
      '                if any(step(model, opts[name], x_train[r], y_train[r]) is None for r in rows):',
      '                    diverged[name] = epoch',
      '                    continue',
      '                losses[name] = (eval_loss(model, x_train, y_train), eval_loss(model, x_val, y_val))',
      '                if exploded(losses[name][0], initial[name]):',
      '                    diverged[name] = epoch',
      '        line = {"epoch": epoch}',
      '        for name in nets:',
      '            train, val = (None, None) if name in diverged else losses[name]',
      '            line[f"{name}_train_loss"], line[f"{name}_val_loss"] = train, val',
      '        if diverged:',
      '            line["diverged"] = dict(diverged)',
      '        emit(line)',
    ],
    embedded: ['# The initial weights of the linear layers (the same for all four networks), in order.', 'INITIAL = [', ...initialRows(init, '    '), ']'],
  });
}

export const dropoutProgram = { script, engine };

export function dropoutBody(s: DropoutSettings): Body {
  const { train, val, trainers } = buildDropoutRun(s);
  return { data: { train, val }, init: sharedInit(trainers), eps: bnEps(trainers), rngState: trainers[0].network.rngState() };
}

/** What the demo showed: every network's training and validation loss after every epoch so far. */
export function dropoutShown(snapshot: unknown): Line[] {
  const snap = snapshot as DropoutSnapshot;
  return Array.from({ length: snap.epoch + 1 }, (_, e) => ({
    epoch: e,
    ...shownLine(Object.fromEntries(snap.variants.flatMap((v) => [[`${v.key}_train_loss`, v.train[e]], [`${v.key}_val_loss`, v.val[e]]]))),
  }));
}
