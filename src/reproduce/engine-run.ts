/**
 * The engine's own lines for a recipe: the same run replayed by src/engine (the CLI's --engine),
 * line for line what the generated script prints. A torch recipe rebuilds the network from its
 * initial parameters with the rng at the recorded state, so every draw (shuffles, dropout masks)
 * continues exactly as in the demo; a scikit-learn recipe fits the path with lasso / ridge.
 */
import {
  createEarlyStopping, createTrainer, DivergenceError, lasso, regularizationPath, ridge, softThreshold, warmStartIndex,
  type Dataset, type EarlyStoppingEvent, type LayerSpec, type Network, type ParamsJSON,
} from '../engine/index.ts';
import { checkPaths } from './sklearn-script.ts';
import type { Line, Recipe, SklearnPath, SklearnRecipe, TorchRecipe } from './types.ts';

/** JSON's view of a line (NaN and infinities as null), as the script prints it. */
function plain(line: Line): Line {
  return JSON.parse(JSON.stringify(line)) as Line;
}

/** Layer specs with the recipe's initial parameters given, so initialisation draws nothing. */
function layersWithParams(layers: LayerSpec[], initial: ParamsJSON): LayerSpec[] {
  return layers.map((l, i) => {
    const p = initial[i];
    if (l.type === 'linear' && p && 'weight' in p) return { ...l, weight: p.weight, bias: p.bias };
    if (l.type === 'batchnorm1d' && p && 'gamma' in p) return { ...l, gamma: p.gamma, beta: p.beta, running_mean: p.running_mean, running_var: p.running_var };
    return l;
  });
}

/** Share of points classified right: logit > 0 means class 1; with several outputs (cross_entropy)
 *  the largest logit is the class (the first of equal ones, as torch.argmax). */
function accuracy(net: Network, d: Dataset): number {
  const logits = net.forward(d.x, d.n, 'eval');
  const c = d.outputs;
  let right = 0;
  if (c === 1) {
    for (let i = 0; i < d.n; i++) if ((logits[i] > 0 ? 1 : 0) === (d.y[i] > 0.5 ? 1 : 0)) right++;
  } else {
    for (let i = 0; i < d.n; i++) {
      let best = 0;
      for (let k = 1; k < c; k++) if (logits[i * c + k] > logits[i * c + best]) best = k;
      if (d.y[i * c + best] === 1) right++;
    }
  }
  return right / d.n;
}

/** Linear weights w with test(|w|), over every weight matrix. */
function countWeights(net: Network, test: (a: number) => boolean): number {
  let n = 0;
  for (const W of net.weightMatrices()) for (const w of W) if (test(Math.abs(w))) n++;
  return n;
}

/** The same figures as the script's measure(), in the same order; `prox`: the proximal L1 strength in force. */
function measure(r: TorchRecipe, net: Network, prox: number): Line {
  const { train, val } = r.data;
  const f = r.figures;
  const line: Line = { train_loss: net.loss(train.x, train.y, train.n, 'eval') };
  line.val_loss = val && val.n > 0 ? net.loss(val.x, val.y, val.n, 'eval') : null;
  if (f.accuracy || r.earlyStopping) {
    line.train_accuracy = accuracy(net, train);
    if (val && val.n > 0) line.val_accuracy = accuracy(net, val);
  }
  if (f.penalty) {
    let penalty = net.penaltyValue();
    if (prox !== 0) {
      let sum = 0; // sum |W| in the weights' order, as a demo adds it up
      for (const W of net.weightMatrices()) for (const w of W) sum += Math.abs(w);
      penalty += prox * sum;
    }
    line.penalty = penalty;
  }
  if (f.zeroWeights) {
    const below = f.zeroWeights.below;
    line.zero_weights = countWeights(net, (a) => a <= below);
  }
  if (f.nearZeroWeights) {
    const below = f.nearZeroWeights.below;
    line.near_zero_weights = countWeights(net, (a) => a < below);
  }
  if (f.lr) line.lr = net.spec.optimizer.lr;
  if (f.bnRunning) {
    const bn: Record<string, Line> = {};
    r.network.layers.forEach((l, i) => {
      if (l.type !== 'batchnorm1d') return;
      const s = net.batchNormStats(i);
      bn[String(i)] = { running_mean: Array.from(s.runningMean), running_var: Array.from(s.runningVar) };
    });
    if (Object.keys(bn).length) line.bn = bn;
  }
  return line;
}

/** The line after an optimizer step (figures.perStep), as the script's measure_step(). */
function measureStep(r: TorchRecipe, net: Network, step: number, batchLoss: number): Line {
  const line: Line = { step, batch_loss: batchLoss };
  const drops = r.network.layers.flatMap((l, i) => (l.type === 'dropout' ? [i] : []));
  if (drops.length === 0) return line;
  // The masks this step's forward pass drew (the trainer evaluates nothing in between).
  const masks = drops.map((i) => net.dropoutMask(i)!);
  const n = net.lastBatchSize();
  line.p = (net.spec.layers[drops[0]] as { p: number }).p;
  line.dropped = masks.reduce((a, m) => a + m.reduce((z, k) => z + (k === 0 ? 1 : 0), 0), 0);
  line.units = masks.reduce((a, m) => a + m.length, 0);
  if (r.figures.perStep!.masks) {
    line.masks = Array.from({ length: n }, (_, row) => masks.map((m) => {
      const f = m.length / n;
      return Array.from(m.subarray(row * f, (row + 1) * f)).join('');
    }).join('|'));
  }
  return line;
}

export function runTorchRecipe(r: TorchRecipe): Line[] {
  const out: Line[] = [];
  const emit = (l: Line) => out.push(plain(l));
  const { network: n } = r;
  const trainer = createTrainer({
    network: { layers: layersWithParams(n.layers, n.initial), loss: n.loss, optimizer: { ...n.optimizer }, penalty: { ...n.penalty }, seed: n.rngState },
    train: r.data.train, val: r.data.val, batchSize: r.batchSize, seed: r.shuffleSeed,
    // measure() evaluates after each epoch; the trainer's own pass would be a second one (and
    // would replace the last step's dropout masks before measureStep reads them).
    evaluateEachEpoch: false,
  });
  const net = trainer.network;
  const penalty = { ...n.penalty };
  let prox = n.proxL1 ?? 0;
  const pending = [...r.changes];
  const es = r.earlyStopping;
  const stopper = es ? createEarlyStopping(es.params) : null;
  let best: { epoch: number; params: ParamsJSON } | null = null;
  const history: Line[] = [];
  const stepsPerEpoch = Math.ceil(r.data.train.n / r.batchSize);

  const perStep = r.figures.perStep !== undefined;
  const at = (): Line => (perStep ? { step: trainer.steps } : {}); // epoch lines say where they are, with step lines
  const first = measure(r, net, prox);
  emit({ epoch: 0, ...at(), ...first });
  const limit = r.divergence ? r.divergence.factor * Math.max(first.train_loss as number, r.divergence.floor) : Infinity;
  let last = -1;
  for (let epoch = 0; epoch < r.epochs; epoch++) {
    try {
      let done = false;
      do {
        if (r.stopAfterSteps !== undefined && trainer.steps >= r.stopAfterSteps) return out; // where the demo stopped
        while (pending.length && pending[0].step === trainer.steps) {
          const { set } = pending.shift()!;
          if (set.lr !== undefined) net.setLearningRate(set.lr);
          if (set.l1 !== undefined || set.l2 !== undefined) net.setPenalty(Object.assign(penalty, { l1: set.l1 ?? penalty.l1, l2: set.l2 ?? penalty.l2 }));
          if (set.dropout !== undefined) net.setDropout(set.dropout);
          if (set.proxL1 !== undefined) prox = set.proxL1;
        }
        const result = trainer.step();
        // The proximal L1 step comes after the optimizer's; the numbers are measured after it.
        if (prox > 0) softThreshold(net.weightMatrices(), net.spec.optimizer.lr * prox);
        if (perStep) emit(measureStep(r, net, trainer.steps, result.dataLoss));
        done = result.epochDone !== null;
      } while (!done);
    } catch (e) {
      if (!(e instanceof DivergenceError)) throw e;
      emit({ diverged: { step: e.step } });
      return out;
    }
    last = epoch;
    const line: Line = { epoch: epoch + 1, ...at(), ...measure(r, net, prox) };
    let ev: EarlyStoppingEvent | null = null;
    if (stopper && es!.action === 'stop') {
      const hadBest = stopper.state.hasBestWeights;
      ev = stopper.update(epoch, line[es!.monitor] as number);
      if (es!.params.restore_best_weights && (ev.improved || (!hadBest && stopper.state.hasBestWeights))) best = { epoch, params: net.params() };
      emit({ ...line, wait: ev.wait, best: ev.best });
    } else {
      emit(line);
      history.push({ ...line, steps: stepsPerEpoch });
    }
    if (!((line.train_loss as number) <= limit)) {
      emit({ diverged: { epoch: epoch + 1, train_loss: line.train_loss } });
      return out;
    }
    if (ev?.stop) break;
  }

  if (stopper && es!.action === 'stop') {
    const restored = best !== null ? best.epoch : null;
    if (best) net.loadParams(best.params);
    const kept = Object.fromEntries(Object.entries(measure(r, net, prox)).map(([k, v]) => [`kept_${k}`, v]));
    const s = stopper.state;
    emit({ stopped_epoch: s.stoppedEpoch, best_epoch: s.bestEpoch, restored_epoch: restored, kept_epoch: restored ?? last, ...kept });
  }
  if (es && es.action === 'compare') {
    for (const patience of es.patiences ?? []) {
      const rule = createEarlyStopping({ ...es.params, patience });
      let run = 0;
      for (let i = 0; i < history.length; i++) {
        run = i + 1;
        if (rule.update(i, history[i][es.monitor] as number).stop) break;
      }
      const restored = es.params.restore_best_weights && rule.state.hasBestWeights ? rule.state.bestEpoch : null;
      const kept = restored ?? run - 1;
      emit({
        patience, stopped_epoch: rule.state.stoppedEpoch, epochs_run: run,
        steps_run: history.slice(0, run).reduce((a, h) => a + (h.steps as number), 0), kept_epoch: kept,
        val_loss_kept: history[kept].val_loss, val_accuracy_kept: history[kept].val_accuracy ?? null,
      });
    }
  }
  return out;
}

function mse(X: Float64Array, y: Float64Array, n: number, d: number, coef: Float64Array, intercept: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) {
    let p = intercept;
    for (let j = 0; j < d; j++) p += X[i * d + j] * coef[j];
    s += (y[i] - p) ** 2;
  }
  return s / n;
}


function pathLines(r: SklearnRecipe, p: SklearnPath): Line[] {
  const { X, y, n, d, val } = r.data;
  const model = p.penalty === 'l1' ? 'lasso' : 'ridge';
  const line = (fit: 'path' | 'marker', alpha: number, coef: Float64Array, intercept: number): Line => {
    const nonzero = coef.filter((c) => c !== 0).length;
    const l: Line = { model, fit, alpha, coef: Array.from(coef), intercept, nonzero, zeros: d - nonzero };
    if (r.mse) {
      l.train_mse = mse(X, y, n, d, coef, intercept);
      if (val && val.n > 0) l.val_mse = mse(val.X, val.y, val.n, d, coef, intercept);
    }
    return plain(l);
  };
  const path = regularizationPath(X, y, n, d, p.penalty, p.alphas);
  const out = path.alphas.map((alpha, k) => line('path', alpha, path.coefs[k], path.intercepts[k]));
  for (const alpha of p.markers ?? []) {
    const k = warmStartIndex(p.alphas, alpha);
    const fit = p.penalty === 'l1' ? lasso(X, y, n, d, alpha, { maxIter: r.maxIter, tol: r.tol, warmStart: k >= 0 ? path.coefs[k] : undefined }) : ridge(X, y, n, d, alpha);
    out.push(line('marker', alpha, fit.coef, fit.intercept));
  }
  return out;
}

export function runSklearnRecipe(r: SklearnRecipe): Line[] {
  checkPaths(r);
  if (r.paths.some((p) => p.penalty === 'l1') && (r.maxIter !== 10000 || r.tol !== 1e-4)) {
    throw new Error('the engine path uses Lasso max_iter 10000 and tol 1e-4; set them in the recipe');
  }
  if (r.paths.some((p) => p.penalty === 'l1' && (p.markers ?? []).length > 0 && p.alphas.length === 0)) {
    throw new Error('a Lasso marker starts from its path: give the path at least one alpha');
  }
  return r.paths.flatMap((p) => pathLines(r, p));
}

/** The engine's lines for any recipe. */
export function runRecipe(r: Recipe): Line[] {
  if ('program' in r) return r.program.engine(r);
  return r.library === 'pytorch' ? runTorchRecipe(r) : runSklearnRecipe(r);
}
