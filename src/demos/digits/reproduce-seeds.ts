/**
 * "Reproduce in PyTorch" for the several-seeds comparison: one script that rebuilds every run of
 * it from the seeds alone, as the engine does (split, initial weights, batches and dropout masks
 * all drawn from mulberry32(seed)): no regularization and the chosen one, seed after seed. It
 * prints a line per run and epoch (validation loss and accuracy) and one per run with the model it
 * ends with (after early stopping, the kept epoch's).
 */
import { DivergenceError } from '../../engine/index.ts';
import { pyFloat, pyIntList } from '../../reproduce/encode.ts';
import { pyFooter, pyHeader, pyIoHelpers, pyStdImports, PY_MULBERRY32, PY_SHOWN_CHECK, PY_TORCH_IMPORTS } from '../../reproduce/python-common.ts';
import { PY_DROPOUT, PY_EARLY_STOPPING } from '../../reproduce/torch-script.ts';
import type { Line, ProgramRecipe, RecipeProgram } from '../../reproduce/types.ts';
import { EXPLOSION } from '../classification-run.ts';
import { seedList } from '../multi-seed.ts';
import { splitDigits } from './run.ts';
import type { SeedsSnapshot } from './seeds-runner.ts';
import { runSettings, type SeedsSettings } from './settings.ts';
import { startDigitsTraining } from './training.ts';

const KEY = { names: ['seed', 'variant', 'epoch'], noun: 'epochs' };
const plain = (l: Line): Line => JSON.parse(JSON.stringify(l)) as Line;

/** The engine's lines: every run of the comparison, trained as the demo trains it. */
export function seedsEngineLines(s: SeedsSettings): Line[] {
  const out: Line[] = [];
  for (const seed of seedList(s.seed, s.seeds)) {
    const split = splitDigits(s.trainSize, seed);
    for (const variant of ['none', 'method'] as const) {
      const name = variant === 'none' ? 'none' : s.method;
      const t = startDigitsTraining(runSettings(s, variant, seed), split);
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
        line(t.val.length - 1);
        if (diverged) break;
      }
      if (diverged) out.push({ seed, variant: name, diverged: { epoch: t.val.length - 1 } });
      else {
        const e = t.shownEpoch();
        out.push(plain({ seed, variant: name, final_epoch: e, final_val_loss: t.val[e], final_val_accuracy: t.valAccuracy[e] }));
      }
    }
  }
  return out;
}

/** What the demo showed: every run's curves so far (the final lines have no epoch: not compared). */
export function seedsShown(snapshot: unknown): Line[] {
  const snap = snapshot as SeedsSnapshot;
  return snap.runs.flatMap((runs, v) => runs.flatMap((c) => c.valLoss.map((vl, e) => ({
    seed: c.seed, variant: v === 0 ? 'none' : snap.settings.method, epoch: e, val_loss: vl, val_accuracy: c.valAccuracy[e],
  }))));
}

function script(r: ProgramRecipe): string {
  const s = r.settings as unknown as SeedsSettings;
  const seeds = seedList(s.seed, s.seeds);
  return [
    ...pyHeader(r, {
      library: 'PyTorch',
      intro:
        `The comparison the demo ran in your browser, rebuilt in PyTorch: on each of the seeds ${seeds[0]} to ${seeds[seeds.length - 1]}, the same network ` +
        `(64 -> ${s.hidden} -> 10, ReLU, Adam) trained without regularization and with ${s.method}, on scikit-learn's handwritten digits. ` +
        'Everything random comes from the engine\'s generator, mulberry32(seed), exactly as in the browser: the split into training and validation ' +
        'digits, the initial weights, the mini-batch order and the dropout masks; so the two runs of a seed differ only by the regularization. ' +
        'It prints one JSON line per run and epoch and one per run with the model it ends with; they agree with the course engine\'s to 1e-6 (relative) or better.',
      needs: 'PyTorch (1.10 or newer), scikit-learn',
      extra: ['', 'The digits: E. Alpaydin and C. Kaynak, "Optical Recognition of Handwritten Digits", UCI Machine Learning Repository (1998), CC BY 4.0.'],
    }),
    ...pyStdImports(['copy']),
    'from sklearn.datasets import load_digits',
    ...PY_TORCH_IMPORTS,
    '',
    `SEEDS = ${pyIntList(seeds, '')}`,
    `METHOD = ${JSON.stringify(s.method)}         # compared with "none"`,
    `P, L1, L2, PATIENCE = ${pyFloat(s.p)}, ${pyFloat(s.l1)}, ${pyFloat(s.l2)}, ${s.patience}  # each used only by its method`,
    `TRAIN_SIZE, HIDDEN, LR, BATCH, EPOCHS = ${s.trainSize}, ${s.hidden}, ${pyFloat(s.lr)}, ${Math.min(s.batch, s.trainSize)}, ${s.epochs}`,
    '',
    '',
    'def make_model(method, rng):',
    '    """64 -> HIDDEN -> 10 with the method\'s layers; the linear layers initialised as the engine does: PyTorch\'s',
    '    U(-1/sqrt(in), 1/sqrt(in)), weight then bias, layer by layer, drawn from the network\'s mulberry32."""',
    '    layers = [nn.Linear(64, HIDDEN)]',
    '    if method == "batchnorm":',
    '        layers.append(nn.BatchNorm1d(HIDDEN))',
    '    layers.append(nn.ReLU())',
    '    if method == "dropout":',
    '        layers.append(EngineDropout(P, rng))  # its masks continue from the same generator',
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
    'def run(seed, method, pixels, labels):',
    '    """One run: the seed\'s split, model and batches; prints its epochs and the model it ends with."""',
    '    order = shuffled(len(labels), Mulberry32(seed))       # the split: the first TRAIN_SIZE digits train',
    '    train_rows, val_rows = torch.tensor(order[:TRAIN_SIZE]), torch.tensor(order[TRAIN_SIZE:])',
    '    x_train, y_train, x_val, y_val = pixels[train_rows], labels[train_rows], pixels[val_rows], labels[val_rows]',
    '    model = make_model(method, Mulberry32(seed))',
    '    loss_fn = nn.CrossEntropyLoss()',
    '    l1, l2 = (L1 if method == "l1" else 0.0), (L2 if method == "l2" else 0.0)',
    '    weights = [layer.weight for layer in model if isinstance(layer, nn.Linear)]',
    '    opt = torch.optim.Adam(model.parameters(), lr=LR)',
    '    stopper = EarlyStopping(patience=PATIENCE, restore_best_weights=True) if method == "early-stopping" else None',
    '',
    '    def measure(epoch):',
    '        model.eval()',
    '        with torch.no_grad():',
    '            out_val = model(x_val)',
    '            line = {"seed": seed, "variant": method, "epoch": epoch, "train_loss": loss_fn(model(x_train), y_train).item(),',
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
    '            emit({"seed": seed, "variant": method, "diverged": {"epoch": epoch + 1}})',
    '            return',
    '        if stopper and stopper.update(epoch, line["val_loss"], model):',
    '            break',
    '    kept = len(history) - 1',
    '    if stopper and stopper.restored_epoch() is not None:',
    '        kept = stopper.restored_epoch() + 1                 # Keras loads the best weights back at the end',
    '    emit({"seed": seed, "variant": method, "final_epoch": kept, "final_val_loss": history[kept]["val_loss"],',
    '          "final_val_accuracy": history[kept]["val_accuracy"]})',
    '',
    '',
    'def main():',
    '    digits = load_digits()',
    '    pixels = torch.tensor(digits.data, dtype=torch.float64) / 16.0',
    '    labels = torch.tensor(digits.target, dtype=torch.int64)',
    '    for seed in SEEDS:',
    '        for method in ("none", METHOD):',
    '            run(seed, method, pixels, labels)',
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
  script,
  engine: (r) => seedsEngineLines(r.settings as unknown as SeedsSettings),
};
