/**
 * "Reproduce in PyTorch" for the several-seeds comparison: one script that rebuilds every run of
 * it from the seeds alone, as the engine does (split, initial weights, batches and dropout masks
 * all drawn from mulberry32(seed)): no regularization and the chosen one, seed after seed. It
 * prints a line per run and epoch (validation loss and accuracy) and one per run with the model it
 * ends with (after early stopping, the kept epoch's).
 */
import { DivergenceError } from '../../engine/index.ts';
import { pyFloat } from '../../python/writer.ts';
import { pyFooter, pyHeader, pyIoHelpers, pyStdImports, PY_MULBERRY32, PY_SHOWN_CHECK, PY_TORCH_IMPORTS } from '../../reproduce/python-common.ts';
import { PY_DROPOUT, PY_EARLY_STOPPING } from '../../reproduce/torch-script.ts';
import type { Line, ProgramRecipe, RecipeProgram } from '../../reproduce/types.ts';
import { EXPLOSION } from '../classification-run.ts';
import { seedList } from '../multi-seed.ts';
import { splitDigits } from './run.ts';
import type { SeedsSnapshot } from './seeds-runner.ts';
import { runSettings, sweepRunSettings, SWEEP_VALUES, type DigitsSettings, type SeedsSettings, type SweepSettings } from './settings.ts';
import type { SweepSnapshot } from './sweep-runner.ts';
import { startDigitsTraining } from './training.ts';

const KEY = { names: ['seed', 'variant', 'epoch'], noun: 'epochs' };
const plain = (l: Line): Line => JSON.parse(JSON.stringify(l)) as Line;

/** One run of a comparison or a sweep: its seed, the name its lines carry, its settings. */
export interface PlannedRun { seed: number; variant: string; settings: DigitsSettings }

/** The runs of the several-seeds comparison: per seed, no regularization then the chosen one. */
export function seedsRuns(s: SeedsSettings): PlannedRun[] {
  return seedList(s.seed, s.seeds).flatMap((seed) => [
    { seed, variant: 'none', settings: runSettings(s, 'none', seed) },
    { seed, variant: s.method, settings: runSettings(s, 'method', seed) },
  ]);
}

/** The runs of a sweep: per seed, every strength ("none" for 0, else "l2=0.001" or "p=0.5"). */
export function sweepRuns(s: SweepSettings): PlannedRun[] {
  return seedList(s.seed, s.seeds).flatMap((seed) => SWEEP_VALUES[s.knob].map((v) => ({ seed, variant: sweepVariant(s.knob, v), settings: sweepRunSettings(s, v, seed) })));
}

export const sweepVariant = (knob: 'l2' | 'dropout', v: number) => (v === 0 ? 'none' : `${knob === 'l2' ? 'l2' : 'p'}=${v}`);

/** The engine's lines: every run, trained as the demos train it (a run's split shared by its seed). */
export function engineLines(runs: PlannedRun[]): Line[] {
  const out: Line[] = [];
  const splits = new Map<number, ReturnType<typeof splitDigits>>();
  for (const { seed, variant: name, settings } of runs) {
    if (!splits.has(seed)) splits.set(seed, splitDigits(settings.trainSize, seed));
    const t = startDigitsTraining(settings, splits.get(seed));
    const line = (e: number) => out.push(plain({ seed, variant: name, epoch: e, train_loss: t.train[e], val_loss: t.val[e], val_accuracy: t.valAccuracy[e] }));
    line(0);
    let diverged = false;
    while (!t.done) {
      try {
        t.advance();
      } catch (e) {
        if (!(e instanceof DivergenceError)) throw e;
        diverged = true;
      }
      if (t.val.length - 1 > (out[out.length - 1].epoch as number)) line(t.val.length - 1); // after a step: no new epoch yet
      if (diverged) break;
    }
    if (diverged) out.push({ seed, variant: name, diverged: { epoch: t.val.length - 1 } });
    else {
      const e = t.shownEpoch();
      out.push(plain({ seed, variant: name, final_epoch: e, final_val_loss: t.val[e], final_val_accuracy: t.valAccuracy[e] }));
    }
  }
  return out;
}

/** The several-seeds comparison's engine lines (the tests compare them with the demo's runs). */
export const seedsEngineLines = (s: SeedsSettings): Line[] => engineLines(seedsRuns(s));

/** What the demo showed: every run's curves so far (the final lines have no epoch: not compared). */
export function seedsShown(snapshot: unknown): Line[] {
  const snap = snapshot as SeedsSnapshot;
  return snap.runs.flatMap((runs, v) => runs.flatMap((c) => c.valLoss.map((vl, e) => ({
    seed: c.seed, variant: v === 0 ? 'none' : snap.settings.method, epoch: e, val_loss: vl, val_accuracy: c.valAccuracy[e],
  }))));
}

/** The script of a list of runs (all with the same data size, network, optimizer and epochs). */
function script(r: ProgramRecipe, runs: PlannedRun[], what: string): string {
  const s = runs[0].settings;
  const pyRun = (p: PlannedRun) => `    (${p.seed}, ${JSON.stringify(p.variant)}, ${JSON.stringify(p.settings.method)}, ${pyFloat(p.settings.p)}, ${pyFloat(p.settings.l1)}, ${pyFloat(p.settings.l2)}),`;
  return [
    ...pyHeader(r, {
      library: 'PyTorch',
      intro:
        `${what}, rebuilt in PyTorch: the same network (64 -> ${s.hidden} -> 10, ReLU, Adam) on scikit-learn's handwritten digits, run after run. ` +
        'Everything random comes from the engine\'s generator, mulberry32(seed), exactly as in the browser: the split into training and validation ' +
        'digits, the initial weights, the mini-batch order and the dropout masks; so the runs of one seed differ only by their regularization. ' +
        'It prints one JSON line per run and epoch and one per run with the model it ends with; they agree with the course engine\'s to 1e-6 (relative) or better.',
      needs: 'PyTorch (1.10 or newer), scikit-learn',
      extra: ['', 'The digits: E. Alpaydin and C. Kaynak, "Optical Recognition of Handwritten Digits", UCI Machine Learning Repository (1998), CC BY 4.0.'],
    }),
    ...pyStdImports(['copy']),
    'from sklearn.datasets import load_digits',
    ...PY_TORCH_IMPORTS,
    '',
    '# The runs, in order: (seed, name, method, dropout p, L1 strength, L2 strength); each uses only its method\'s.',
    'RUNS = [',
    ...runs.map(pyRun),
    ']',
    `PATIENCE = ${s.patience}  # early stopping's`,
    `TRAIN_SIZE, HIDDEN, LR, BATCH, EPOCHS = ${s.trainSize}, ${s.hidden}, ${pyFloat(s.lr)}, ${Math.min(s.batch, s.trainSize)}, ${s.epochs}`,
    '',
    '',
    'def make_model(method, p, rng):',
    '    """64 -> HIDDEN -> 10 with the method\'s layers; the linear layers initialised as the engine does: PyTorch\'s',
    '    U(-1/sqrt(in), 1/sqrt(in)), weight then bias, layer by layer, drawn from the network\'s mulberry32."""',
    '    layers = [nn.Linear(64, HIDDEN)]',
    '    if method == "batchnorm":',
    '        layers.append(nn.BatchNorm1d(HIDDEN))',
    '    layers.append(nn.ReLU())',
    '    if method == "dropout":',
    '        layers.append(EngineDropout(p, rng))  # its masks continue from the same generator',
    '    layers.append(nn.Linear(HIDDEN, 10))       # one logit per class',
    '    model = nn.Sequential(*layers)',
    '    with torch.no_grad():',
    '        for layer in model:',
    '            if isinstance(layer, nn.Linear):',
    '                bound = 1 / math.sqrt(layer.in_features)',
    '                layer.weight.copy_(((2 * rng.uniform(layer.weight.numel()) - 1) * bound).view_as(layer.weight))',
    '                layer.bias.copy_((2 * rng.uniform(layer.bias.numel()) - 1) * bound)',
    '    return model',
    '',
    '',
    'def run(seed, name, method, p, l1, l2, pixels, labels):',
    '    """One run: the seed\'s split, model and batches; prints its epochs and the model it ends with."""',
    '    order = shuffled(len(labels), Mulberry32(seed))       # the split: the first TRAIN_SIZE digits train',
    '    train_rows, val_rows = torch.tensor(order[:TRAIN_SIZE]), torch.tensor(order[TRAIN_SIZE:])',
    '    x_train, y_train, x_val, y_val = pixels[train_rows], labels[train_rows], pixels[val_rows], labels[val_rows]',
    '    model = make_model(method, p, Mulberry32(seed))',
    '    loss_fn = nn.CrossEntropyLoss()',
    '    l1, l2 = (l1 if method == "l1" else 0.0), (l2 if method == "l2" else 0.0)',
    '    weights = [layer.weight for layer in model if isinstance(layer, nn.Linear)]',
    '    opt = torch.optim.Adam(model.parameters(), lr=LR)',
    '    stopper = EarlyStopping(patience=PATIENCE, restore_best_weights=True) if method == "early-stopping" else None',
    '',
    '    def measure(epoch):',
    '        model.eval()',
    '        with torch.no_grad():',
    '            out_val = model(x_val)',
    '            line = {"seed": seed, "variant": name, "epoch": epoch, "train_loss": loss_fn(model(x_train), y_train).item(),',
    '                    "val_loss": loss_fn(out_val, y_val).item(), "val_accuracy": accuracy(out_val, y_val)}',
    '        model.train()',
    '        return line',
    '',
    '    first = measure(0)',
    '    emit(first)',
    `    limit = ${EXPLOSION.factor} * max(first["train_loss"], ${pyFloat(EXPLOSION.floor)})  # the demo calls a training loss above this diverged`,
    '    history = [first]',
    '    shuffle_rng = Mulberry32(seed)                       # the mini-batch order, reshuffled every epoch',
    '    for epoch in range(EPOCHS):',
    '        batches = shuffled(TRAIN_SIZE, shuffle_rng)',
    '        for start in range(0, TRAIN_SIZE, BATCH):',
    '            batch = torch.tensor(batches[start:start + BATCH])',
    '            opt.zero_grad()',
    '            loss = loss_fn(model(x_train[batch]), y_train[batch])',
    '            if l1 or l2:',
    '                loss = loss + sum(l1 * w.abs().sum() + l2 * (w * w).sum() for w in weights)',
    '            loss.backward()',
    '            opt.step()',
    '        line = measure(epoch + 1)',
    '        emit(line)',
    '        history.append(line)',
    '        if not line["train_loss"] <= limit:',
    '            emit({"seed": seed, "variant": name, "diverged": {"epoch": epoch + 1}})',
    '            return',
    '        if stopper and stopper.update(epoch, line["val_loss"], model):',
    '            break',
    '    kept = len(history) - 1',
    '    if stopper and stopper.restored_epoch() is not None:',
    '        kept = stopper.restored_epoch() + 1                 # Keras loads the best weights back at the end',
    '    emit({"seed": seed, "variant": name, "final_epoch": kept, "final_val_loss": history[kept]["val_loss"],',
    '          "final_val_accuracy": history[kept]["val_accuracy"]})',
    '',
    '',
    'def main():',
    '    digits = load_digits()',
    '    pixels = torch.tensor(digits.data, dtype=torch.float64) / 16.0',
    '    labels = torch.tensor(digits.target, dtype=torch.int64)',
    '    for seed, name, method, p, l1, l2 in RUNS:',
    '        run(seed, name, method, p, l1, l2, pixels, labels)',
    '',
    '',
    '# ---- Helpers: the engine\'s random numbers, its dropout, the patience rule, accuracy, printing ----',
    '',
    ...PY_MULBERRY32,
    '',
    '',
    ...PY_DROPOUT,
    '',
    '',
    ...PY_EARLY_STOPPING,
    '',
    '',
    'def accuracy(logits, y):',
    '    """Share of digits whose largest logit is their class."""',
    '    return (logits.argmax(1) == y).double().mean().item()',
    '',
    '',
    ...pyIoHelpers(true),
    '',
    '',
    ...PY_SHOWN_CHECK,
    '',
    '',
    ...pyFooter(r.shown, KEY),
  ].join('\n');
}

export const seedsProgram: RecipeProgram = {
  lineKey: KEY,
  script: (r) => script(r, seedsRuns(r.settings as unknown as SeedsSettings), 'The comparison the demo ran in your browser: every seed without regularization and with the chosen one'),
  engine: (r) => seedsEngineLines(r.settings as unknown as SeedsSettings),
};

export const sweepProgram: RecipeProgram = {
  lineKey: KEY,
  script: (r) => script(r, sweepRuns(r.settings as unknown as SweepSettings), 'The sweep the demo ran in your browser: every strength on every seed'),
  engine: (r) => engineLines(sweepRuns(r.settings as unknown as SweepSettings)),
};

/** What the sweep showed: the losses each finished run ended with, at its last epoch. */
export function sweepShown(snapshot: unknown): Line[] {
  const snap = snapshot as SweepSnapshot;
  return snap.seeds.flatMap((seed, si) => snap.values.flatMap((v, vi) => (Number.isFinite(snap.valLoss[si][vi])
    ? [{ seed, variant: sweepVariant(snap.settings.knob, v), epoch: snap.settings.epochs, train_loss: snap.trainLoss[si][vi], val_loss: snap.valLoss[si][vi], val_accuracy: snap.valAccuracy[si][vi] }]
    : [])));
}
