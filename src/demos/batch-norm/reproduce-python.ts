/**
 * "Reproduce in PyTorch" for the batch-norm demos: the Python every one of their scripts shares
 * (the engine's layer order, its initial weights, its batch order, a train-mode pass that leaves
 * the running statistics alone, the divergence rule) and the frame a script is put together in.
 * The demos compare several networks trained from the same weights on the same batches, which
 * the generic one-network script (src/reproduce/torch-script.ts) does not describe.
 */
import { float64ToBase64 } from '../../reproduce/encode.ts';
import { pyWrapped } from '../../python/writer.ts';
import { pyEmbeddedData, pyFooter, pyHeader, pyStdImports, pyTensorIoAndCheck, PY_MULBERRY32, PY_TORCH_IMPORTS, type ShownKey } from '../../reproduce/python-common.ts';
import { PY_DROPOUT } from '../../reproduce/torch-script.ts';
import type { ProgramRecipe } from '../../reproduce/types.ts';
import { EXPLOSION } from '../classification-run.ts';
import type { BnData, LinearInit } from './reproduce-body.ts';

const PY_MODEL = `
def make_model(batchnorm, dropout=None, rng_state=0, momentum=0.1):
    """The engine's layer order: Linear -> [BatchNorm1d] -> activation -> [Dropout] for every hidden
    layer, then Linear(HIDDEN, 1), one logit per point (class 1 when > 0). BatchNorm1d sits between
    the linear layer and its activation; with dropout, the masks come from the engine's own
    network rng (mulberry32, at the state initialisation left it in)."""
    masks = Mulberry32(rng_state)
    layers, width = [], 2
    for _ in range(HIDDEN_LAYERS):
        layers.append(nn.Linear(width, HIDDEN))
        if batchnorm:
            layers.append(nn.BatchNorm1d(HIDDEN, eps=EPS, momentum=momentum))
        layers.append(nn.ReLU() if ACTIVATION == "relu" else nn.Tanh())
        if dropout is not None:
            layers.append(EngineDropout(dropout, masks))
        width = HIDDEN
    layers.append(nn.Linear(width, 1))
    return nn.Sequential(*layers)


def load_linear(model, weights):
    """The engine's initial weights, bit for bit, into the linear layers in order: PyTorch's default
    U(-1/sqrt(in), 1/sqrt(in)), drawn by the engine (weights times the initial scale). Batch norm
    starts as in PyTorch: gamma 1, beta 0, running mean 0, running variance 1."""
    linears = [m for m in model if isinstance(m, nn.Linear)]
    with torch.no_grad():
        for layer, (w, b) in zip(linears, weights):
            layer.weight.copy_(floats(w).view_as(layer.weight))
            layer.bias.copy_(floats(b).view_as(layer.bias))
    return model


class Batches:
    """The engine trainer's batch order: a Fisher-Yates shuffle from mulberry32(seed) at the start of
    every epoch, then consecutive slices of BATCH rows (the last one may be smaller)."""

    def __init__(self, n, size, seed):
        self.n, self.size, self.rng = n, size, Mulberry32(seed)
        self.order, self.start = shuffled(n, self.rng), 0

    def next(self):
        """The next batch's row indices, and whether it ends an epoch."""
        rows = torch.tensor(self.order[self.start:self.start + self.size])
        self.start += self.size
        done = self.start >= self.n
        if done:
            self.order, self.start = shuffled(self.n, self.rng), 0
        return rows, done


def step(model, opt, xb, yb):
    """One optimizer step on a mini-batch: its loss, or None where the engine stops the network with
    a DivergenceError (a NaN or infinite loss or weight)."""
    opt.zero_grad()
    loss = loss_fn(model(xb), yb)
    if not math.isfinite(loss.item()):
        return None
    loss.backward()
    opt.step()
    if not all(bool(p.isfinite().all()) for p in model.parameters()):
        return None
    return loss.item()


def eval_loss(model, x, y):
    """The loss over a whole set in eval mode (dropout off, batch norm on its running statistics)."""
    model.eval()
    with torch.no_grad():
        loss = loss_fn(model(x), y).item()
    model.train()
    return loss


def train_mode_pass(model, x):
    """A forward pass in train mode (batch norm on this batch's own statistics) that leaves the running
    statistics as they were: the engine's forward(x, 'train') moves them only in a training step,
    PyTorch's in every train-mode forward pass."""
    saved = [(m, m.running_mean.clone(), m.running_var.clone()) for m in model if isinstance(m, nn.BatchNorm1d)]
    model.train()
    with torch.no_grad():
        out = model(x)
    for m, mean, var in saved:
        m.running_mean.copy_(mean)
        m.running_var.copy_(var)
    return out


def exploded(loss, initial):
    """The demo's explosion rule: a loss that is not finite, or over ${EXPLOSION.factor} times max(initial loss, ${EXPLOSION.floor})."""
    return not math.isfinite(loss) or loss > ${EXPLOSION.factor} * max(initial, ${EXPLOSION.floor})


def pooled(values):
    """Mean and (biased) variance of every value of a layer's batch output, as the demo prints them."""
    mean = values.mean()
    return mean.item(), ((values - mean) ** 2).mean().item()
`.trim().split('\n');

export interface ScriptParts {
  /** What the script reproduces, for the docstring. */
  intro: string;
  /** Module-level constants (the network's shape, the data's size). */
  constants: string[];
  /** `def main():` and its body. */
  main: string[];
  /** Python after the shared helpers (the demo's own). */
  helpers?: string[];
  dropout?: boolean;
  /** Extra docstring lines after the settings. */
  extra?: string[];
  /** The key of the lines the demo's shown numbers are matched by (default: the epoch). */
  key?: ShownKey;
  /** Embedded blobs after DATA and INITIAL. */
  embedded?: string[];
  /** Python after PY_SHOWN_CHECK (the grid's check of outcomes). */
  check?: string[];
  /** Replaces `SHOWN = ...` and `SHOWN_CHECK = ShownCheck(SHOWN)` at the end. */
  footer?: string[];
}

const blob = (x: ArrayLike<number>, indent = '    ') => pyWrapped(float64ToBase64(x), indent);

/** The initial linear weights as rows of a Python list: one (weight, bias) pair of base64 blobs per linear layer. */
export function initialRows(init: LinearInit, indent: string): string[] {
  return init.map(([w, b], i) => `${indent}(${blob(w, `${indent} `)},  # linear layer ${i + 1}: weight, then bias\n${indent} ${blob(b, `${indent} `)}),`);
}

/** The whole script: docstring, imports, constants, main, helpers, embedded data and the check. */
export function bnScript(r: ProgramRecipe, data: BnData, p: ScriptParts): string {
  const { train, val } = data;
  return [
    ...pyHeader(r, { library: 'PyTorch', intro: p.intro, needs: 'PyTorch (1.10 or newer)', extra: p.extra }),
    ...pyStdImports(),
    ...PY_TORCH_IMPORTS,
    'loss_fn = nn.BCEWithLogitsLoss()        # binary cross-entropy on the logit, the mean over the batch',
    '',
    ...p.constants,
    '',
    '',
    ...p.main,
    '',
    '',
    '# ---- Helpers: the engine\'s random numbers, layer order, initial weights, batches and rules ----',
    '',
    ...PY_MULBERRY32,
    ...(p.dropout ? ['', '', ...PY_DROPOUT] : []),
    '',
    '',
    ...PY_MODEL,
    ...(p.helpers ? ['', '', ...p.helpers] : []),
    ...pyTensorIoAndCheck(),
    ...(p.check ? ['', '', ...p.check] : []),
    '',
    '',
    ...pyEmbeddedData(train, val),
    '',
    ...(p.embedded ?? []),
    '',
    ...(p.footer
      ? [...p.footer, '', 'if __name__ == "__main__":', '    main()', '    SHOWN_CHECK.report()', '']
      : pyFooter(r.shown, p.key ?? { names: ['epoch'], noun: 'epochs' })),
  ].join('\n');
}

/** "# 1. The data: ..." and `x_train, y_train = ...` (and the validation set) from the embedded data. */
export function dataLines(data: BnData, dataset: string, noise = ''): string[] {
  const { train, val } = data;
  const sizes = `${train.n} training${val ? ` and ${val.n} validation` : ''} points`;
  return [
    `    # 1. The data: ${sizes} of the "${dataset}" set${noise}, exactly the engine's (embedded at the end).`,
    `    x_train, y_train = floats(DATA["x_train"]).view(${train.n}, 2), floats(DATA["y_train"]).view(${train.n}, 1)`,
    ...(val ? [`    x_val, y_val = floats(DATA["x_val"]).view(${val.n}, 2), floats(DATA["y_val"]).view(${val.n}, 1)`] : []),
  ];
}
