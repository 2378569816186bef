// Chapter 4's demos: what batch norm does to a batch (train mode, gamma/beta), the running-stat
// update step by step, the four runs the demos watch, their settings and errors, the code panels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createNetwork, createTrainer, EngineError, makeClassification, type LayerSpec } from '../../src/engine/index.ts';
import { defaults } from '../../src/demos/settings-kit.ts';
import { checkBatches, hiddenLayerIndex, pooledStats, shapeLayers, thin } from '../../src/demos/batch-norm/networks.ts';
import { createHistogramRun, exportHistogramRun } from '../../src/demos/batch-norm/histogram-run.ts';
import { chanceLoss, createGridRun, exportGridRun, gridData, gridTrainer } from '../../src/demos/batch-norm/grid-run.ts';
import { createRunningRun } from '../../src/demos/batch-norm/running-run.ts';
import { createDropoutRun, exportDropoutRun } from '../../src/demos/batch-norm/dropout-run.ts';
import { histogramRunner } from '../../src/demos/batch-norm/histogram-run.ts';
import { runnerTable as runners } from '../../src/demos/runners.ts';
import { dropoutCode, histogramCode, runningCode } from '../../src/demos/batch-norm/code.ts';
import { modeLine, texNum, updateLines } from '../../src/demos/batch-norm/rule-tex.ts';
import { histogramRange, tickStepFor } from '../../src/demos/batch-norm/range.ts';
import { binTick } from '../../src/views/histogram-bins.ts';
import { num, sig } from '../../src/demos/batch-norm/format.ts';
import { dropoutFields, GRID_LRS, GRID_SCALES, gridFields, histogramFields, runningFields, stalled, TRAINED_LOSS } from '../../src/demos/batch-norm/settings.ts';
import { close, pseudo } from './helpers.ts';

/** Mean and biased variance of column j of an n x f row-major batch. */
function column(a: ArrayLike<number>, n: number, f: number, j: number) {
  let m = 0;
  for (let i = 0; i < n; i++) m += a[i * f + j];
  m /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (a[i * f + j] - m) ** 2;
  return { mean: m, variance: v / n };
}

const allFinite = (a: ArrayLike<number>) => Array.from(a).every(Number.isFinite);

// ---------------------------------------------------------------- what batch norm computes

test('train mode: every feature of the batch comes out with mean 0 and biased variance var / (var + eps), before gamma and beta', () => {
  const n = 20, f = 6;
  const layers: LayerSpec[] = [{ type: 'linear', in: 3, out: f }, { type: 'batchnorm1d', features: f }, { type: 'relu' }, { type: 'linear', in: f, out: 1 }];
  const net = createNetwork({ layers, loss: 'mse', optimizer: { type: 'sgd', lr: 0 }, seed: 4 });
  const x = Float64Array.from(pseudo(n * 3, 9), (v, i) => 5 * v + 3 * (i % 3)); // far from mean 0, variance 1
  net.trainStep(x, pseudo(n, 2), n);
  const z = net.layerOutput(0), y = net.layerOutput(1);
  for (let j = 0; j < f; j++) {
    const pre = column(z, n, f, j), post = column(y, n, f, j);
    close(post.mean, 0, 1e-12, `feature ${j} mean`);
    // Dividing by sqrt(var + eps), not sqrt(var): the variance falls short of 1 by eps / (var + eps).
    close(post.variance, pre.variance / (pre.variance + 1e-5), 1e-12, `feature ${j} variance`);
    assert.ok(post.variance < 1);
  }
});

test('gamma and beta then scale and shift each normalised feature: mean beta, variance gamma^2 var / (var + eps)', () => {
  const n = 16, f = 4, gamma = [2, 0.5, -1, 3], beta = [1, -2, 0.25, 0];
  const layers: LayerSpec[] = [{ type: 'linear', in: 2, out: f }, { type: 'batchnorm1d', features: f, gamma, beta, eps: 1e-3 }, { type: 'tanh' }, { type: 'linear', in: f, out: 1 }];
  const net = createNetwork({ layers, loss: 'mse', optimizer: { type: 'sgd', lr: 0 }, seed: 1 });
  net.trainStep(pseudo(n * 2, 5), pseudo(n, 6), n);
  const z = net.layerOutput(0), y = net.layerOutput(1);
  const stats = net.batchNormStats(1);
  for (let j = 0; j < f; j++) {
    const pre = column(z, n, f, j), post = column(y, n, f, j);
    close(stats.batchMean[j], pre.mean, 1e-12, 'batch mean');
    close(stats.batchVar[j], pre.variance, 1e-12, 'biased batch variance');
    close(post.mean, beta[j], 1e-12, `feature ${j}: mean beta`);
    close(post.variance, gamma[j] ** 2 * pre.variance / (pre.variance + 1e-3), 1e-12, `feature ${j}: variance gamma^2 var/(var+eps)`);
    for (let i = 0; i < n; i++) close(y[i * f + j], gamma[j] * (z[i * f + j] - pre.mean) / Math.sqrt(pre.variance + 1e-3) + beta[j], 1e-12);
  }
});

test('the running statistics follow PyTorch’s update step by step: (1 - m) running + m batch, with the unbiased variance', () => {
  const { train } = makeClassification({ name: 'spiral', n: 60, noise: 0, seed: 3 });
  const momentum = 0.25, f = 5;
  const tr = createTrainer({
    network: { layers: shapeLayers({ layers: 2, hidden: f, activation: 'relu', batchnorm: true, momentum }), loss: 'bce_with_logits', optimizer: { type: 'sgd', lr: 0.5 }, seed: 2 },
    train, batchSize: 16, seed: 2, evaluateEachEpoch: false,
  });
  const net = tr.network;
  for (const bn of [1, 4]) {
    assert.deepEqual(Array.from(net.batchNormStats(bn).runningMean), [0, 0, 0, 0, 0]);
    assert.deepEqual(Array.from(net.batchNormStats(bn).runningVar), [1, 1, 1, 1, 1]);
  }
  let sawSmallBatch = false;
  for (let step = 0; step < 12; step++) {
    const before = [1, 4].map((bn) => ({ m: Array.from(net.batchNormStats(bn).runningMean), v: Array.from(net.batchNormStats(bn).runningVar) }));
    tr.step();
    const n = net.lastBatchSize();
    if (n < 16) sawSmallBatch = true; // 60 = 3 x 16 + 12: the last batch of an epoch is smaller
    [1, 4].forEach((bn, b) => {
      const z = net.layerOutput(bn - 1); // the linear layer feeding this batch norm
      const st = net.batchNormStats(bn);
      for (let j = 0; j < f; j++) {
        const c = column(z, n, f, j);
        close(st.batchMean[j], c.mean, 1e-12);
        close(st.runningMean[j], (1 - momentum) * before[b].m[j] + momentum * c.mean, 1e-14, `step ${step} running mean`);
        close(st.runningVar[j], (1 - momentum) * before[b].v[j] + momentum * c.variance * n / (n - 1), 1e-14, `step ${step} running var`);
      }
    });
  }
  assert.ok(sawSmallBatch);
});

// ---------------------------------------------------------------- helpers of the demos

test('hidden layer indices: Linear, [BatchNorm1d], activation, [Dropout] per hidden layer', () => {
  const shape = { layers: 3, hidden: 4, activation: 'relu' as const, batchnorm: true, dropout: 0.5 };
  const layers = shapeLayers(shape);
  for (let k = 0; k < 3; k++) {
    const at = hiddenLayerIndex(shape, k);
    assert.equal(layers[at.linear].type, 'linear');
    assert.equal(layers[at.bn].type, 'batchnorm1d');
    assert.equal(layers[at.bn + 1].type, 'relu');
    assert.equal(layers[at.bn + 2].type, 'dropout');
  }
  assert.deepEqual(hiddenLayerIndex({ batchnorm: false }, 2), { linear: 4, bn: -1 });
  assert.equal(shapeLayers({ ...shape, momentum: 0.3 }).filter((l) => l.type === 'batchnorm1d' && l.momentum === 0.3).length, 3);
  assert.deepEqual(pooledStats([1, 2, 3, 4]), { mean: 2.5, variance: 1.25 });
  assert.deepEqual(thin([1, 2, 3, 4, 5], [0, 1, 2, 3, 4], 2), { values: [1, 4, 5], xs: [0, 3, 4] });
});

test('a last batch of a single point is refused with a message that says why', () => {
  assert.throws(() => checkBatches(257, 32), (e: unknown) => e instanceof EngineError && /last batch of every epoch holds a single point/.test(e.message) && /257 training points and batches of 32/.test(e.message));
  assert.doesNotThrow(() => checkBatches(256, 32));
  assert.throws(() => createHistogramRun({ points: 65, batch: 32 }), EngineError);
  assert.throws(() => createDropoutRun({ points: 61, batch: 20 }), EngineError);
});

test('bad settings are reported naming the setting and the allowed values', () => {
  assert.throws(() => createHistogramRun({ lr: -1 }), (e: unknown) => e instanceof EngineError && /"lr" \(Learning rate\) must be a number from 0.001 to 3; got -1/.test(e.message));
  assert.throws(() => createGridRun({ layers: 9 }), (e: unknown) => e instanceof EngineError && /"layers"/.test(e.message));
  assert.throws(() => createRunningRun({ momentum: 'fast' }), (e: unknown) => e instanceof EngineError && /momentum/.test(e.message));
  assert.throws(() => createDropoutRun({ p: 2 }), (e: unknown) => e instanceof EngineError && /"p"/.test(e.message));
  assert.throws(() => createHistogramRun({ nope: 1 }), (e: unknown) => e instanceof EngineError && /unknown setting "nope"/.test(e.message));
});

test('the histogram axis is symmetric, nice, and only widens; ticks fall on multiples of the step', () => {
  assert.equal(histogramRange([[0.1, -0.2]]), 3);
  assert.equal(histogramRange([[0.1], Float64Array.from({ length: 1000 }, (_, i) => (i / 1000) * 7)]), 8);
  assert.equal(histogramRange([[0.1]], 10), 10);
  assert.equal(histogramRange([[NaN, Infinity, 1]]), 3);
  assert.equal(tickStepFor(3), 1);
  assert.equal(tickStepFor(4), 2);
  assert.equal(tickStepFor(10), 5);
  const labels = Array.from({ length: 40 }, (_, i) => binTick(i, -4, 4, 40, 2)).filter(Boolean);
  assert.deepEqual(labels, ['-4', '-2', '0', '2', '4']);
  assert.equal(num(NaN), '–');
  assert.equal(num(Infinity), '–');
  assert.equal(num(123456), '1.23e+5');
  assert.equal(sig(0.01834), '0.0183');
});

// ---------------------------------------------------------------- demo 1: the histograms

const H0 = defaults(histogramFields);

test('histogram run: the two networks start from the same weights; at step 0 the BN output of every layer has mean 0, variance ~1', () => {
  const run = createHistogramRun({});
  const s0 = run.snapshot();
  assert.equal(s0.step, 0);
  assert.equal(s0.layer, H0.layer);
  const exp = exportHistogramRun({});
  const plain = exp.networks.plain.initialParams, bn = exp.networks.batchnorm.initialParams;
  for (let k = 0; k < H0.layers; k++) {
    const p = hiddenLayerIndex({ batchnorm: false }, k).linear, b = hiddenLayerIndex({ batchnorm: true }, k).linear;
    assert.deepEqual(bn[b], plain[p], `hidden layer ${k + 1}: identical initial weights`);
  }
  for (let layer = 1; layer <= H0.layers; layer++) {
    run.show(layer);
    const s = run.snapshot();
    assert.equal(s.layer, layer);
    assert.equal(s.bnPost.values.length, H0.batch * H0.hidden);
    close(s.bnPost.mean, 0, 1e-12, `layer ${layer} mean after BN`);
    close(s.bnPost.variance, 1, 1e-3, `layer ${layer} variance after BN`);
  }
  // The first layer sees the same inputs and weights in both networks.
  run.show(1);
  assert.deepEqual(Array.from(run.snapshot().plain.values), Array.from(run.snapshot().bnPre.values));
});

test('histogram run: deterministic, finite, one evaluation per epoch', () => {
  const a = createHistogramRun({ steps: 100 }), b = createHistogramRun({ steps: 100 });
  while (a.advance());
  while (b.advance());
  assert.deepEqual(a.snapshot(), b.snapshot());
  assert.equal(a.advance(), false);
  assert.equal(a.snapshot().step, 100);
  const s = a.snapshot();
  assert.equal(s.history.steps.length, 101);
  assert.ok(allFinite(s.history.plainVar) && allFinite(s.plainNet.loss) && allFinite(s.bnNet.loss));
  assert.equal(s.plainNet.loss.length, 1 + Math.floor(100 / 8)); // an evaluation after every epoch of 8 batches
});

test('histogram runner: a diverging network stops alone, the other trains on, and nothing on screen is NaN', () => {
  const r = histogramRunner({ lr: 3, initScale: 10, steps: 300 });
  let units = 0;
  while (r.advance() && units < 1000) units++;
  const s = r.snapshot() as ReturnType<ReturnType<typeof createHistogramRun>['snapshot']>;
  assert.ok(s.plainNet.diverged !== null || s.bnNet.diverged !== null, 'lr 3 with 10x initial weights diverges');
  const diverged = s.plainNet.diverged ? s.plainNet : s.bnNet;
  assert.match(diverged.diverged!, /step \d+/);
  for (const v of [s.plain, s.bnPre, s.bnPost]) {
    assert.ok(Number.isFinite(v.mean) && Number.isFinite(v.variance));
    assert.ok(allFinite(v.values));
  }
  assert.ok(allFinite(s.plainNet.loss) && allFinite(s.bnNet.loss));
  r.update!({ layer: 2 });
  assert.equal((r.snapshot() as { layer: number }).layer, 2);
  assert.ok(Object.keys(runners).filter((k) => k.startsWith('bn-')).length === 4);
});

// ---------------------------------------------------------------- demo 2: the grid

test('grid: pairs fill in one after the other, every run ends trained, stalled or diverged, and no loss is NaN', () => {
  const run = createGridRun({ epochs: 5, layers: 2, hidden: 8 });
  const first = run.snapshot();
  assert.equal(first.cells.length, GRID_LRS.length * GRID_SCALES.length);
  assert.ok(first.cells.every((c) => c.bn.status === 'waiting' && c.plain.status === 'waiting'));
  run.advance();
  const s1 = run.snapshot();
  assert.equal(s1.cells[0].bn.status, 'training');
  assert.equal(s1.cells[0].bn.losses.length, 2);
  assert.equal(s1.cells[1].bn.status, 'waiting');
  let done = 0;
  while (run.advance()) {
    const d = run.snapshot().done;
    assert.ok(d >= done);
    done = d;
  }
  const s = run.snapshot();
  assert.equal(s.done, s.cells.length);
  for (const c of s.cells) {
    for (const r of [c.bn, c.plain]) {
      assert.ok(r.status === 'done' || r.status === 'diverged');
      assert.ok(allFinite(r.losses));
      if (r.status === 'done') assert.equal(r.losses.length, 6);
      else assert.ok(r.divergedEpoch! >= 1 && r.message);
    }
  }
  close(s.chanceLoss, Math.LN2, 0.01);
  // Every run is the pure builder's: the same losses when rebuilt from the settings.
  const cell = s.cells[9];
  const again = gridTrainer({ ...defaults(gridFields), epochs: 5, layers: 2, hidden: 8 }, gridData({ ...defaults(gridFields), epochs: 5, layers: 2, hidden: 8 }), cell.lr, cell.scale, true);
  if (cell.bn.status === 'done') close(again.runEpoch().trainLoss, cell.bn.losses[1], 1e-12);
});

test('grid export: the data and, per initial scale, the initial weights of both networks', () => {
  const e = exportGridRun({});
  assert.deepEqual(e.initialParams.map((p) => p.initScale), [...GRID_SCALES]);
  assert.notDeepEqual(e.initialParams[0].plain, e.initialParams[1].plain);
  assert.equal(e.data.train.x.length, 2 * defaults(gridFields).points);
  assert.equal(chanceLoss(gridData(defaults(gridFields))), chanceLoss(gridData(defaults(gridFields))));
  assert.equal(stalled({ status: 'done', losses: [0.69, 0.68] }, Math.LN2), true);
  assert.equal(stalled({ status: 'diverged', losses: [0.69] }, Math.LN2), false);
});

// ---------------------------------------------------------------- demo 3: running statistics

test('running-statistics run: each snapshot’s update numbers satisfy PyTorch’s rule, and eval mode is batch-independent', () => {
  const run = createRunningRun({ steps: 50, layer: 2, neuron: 3 });
  assert.equal(run.snapshot().last, null);
  assert.deepEqual([run.snapshot().runningMean[0], run.snapshot().runningVar[0]], [0, 1]);
  for (let step = 1; step <= 40; step++) {
    run.advance();
    const s = run.snapshot();
    const u = s.last!;
    assert.equal(s.layer, 2);
    assert.equal(s.neuron, 3);
    assert.equal(u.n, 32);
    close(u.runningMean, (1 - u.momentum) * u.runningMeanBefore + u.momentum * u.batchMean, 1e-15, `step ${step} mean`);
    close(u.runningVar, (1 - u.momentum) * u.runningVarBefore + u.momentum * u.batchVar * (u.n / (u.n - 1)), 1e-15, `step ${step} var`);
    close(s.batchVarUnbiased[s.batchVarUnbiased.length - 1], u.batchVar * 32 / 31, 1e-15);
    assert.equal(s.runningMean[s.runningMean.length - 1], u.runningMean);
    assert.equal(s.twoBatches.eval[0], s.twoBatches.eval[1]);
    assert.notEqual(s.twoBatches.train[0], s.twoBatches.train[1]);
  }
  run.show({ layer: 1, neuron: 1 });
  assert.equal(run.snapshot().layer, 1);
  const lines = updateLines(run.snapshot().last);
  assert.equal(lines.length, 2);
  assert.match(lines[0], /0\.90\\cdot/);
  assert.match(lines[1], /\\tfrac\{32\}\{31\}/);
  assert.ok(lines[0].endsWith(texNum(run.snapshot().last!.runningMean)));
});

test('the rendered equations: general before the first step, negative numbers in parentheses', () => {
  assert.match(updateLines(null)[0], /\\hat\\mu_0 = 0/);
  assert.match(updateLines(null)[1], /\\hat\\sigma\^2_0 = 1/);
  assert.equal(texNum(-0.25), '(-0.2500)');
  assert.equal(texNum(0.5), '0.5000');
  assert.match(texNum(2e-6), /10\^\{-6\}/);
  const u = { momentum: 0.1, n: 32, batchMean: -0.3, batchVar: 0.12, runningMeanBefore: -0.2, runningVarBefore: 0.2, runningMean: -0.21, runningVar: 0.19 };
  assert.match(modeLine('train', u), /x - \(-0\.3000\)/);
  assert.match(modeLine('eval', u), /x - \(-0\.2100\)/);
  assert.match(modeLine('eval', null), /\\sqrt\{1 \+ 10\^\{-5\}\}/);
});

// ---------------------------------------------------------------- demo 4: with dropout

test('dropout run: four networks with the same initial linear weights; the losses are the trainers’', () => {
  const e = exportDropoutRun({});
  const w = (k: string, layerIndex: number) => (e.networks[k].initialParams as Record<string, unknown>)[layerIndex];
  const shapes = { neither: { batchnorm: false }, bn: { batchnorm: true }, dropout: { batchnorm: false, dropout: 0.5 }, both: { batchnorm: true, dropout: 0.5 } };
  for (let k = 0; k < 2; k++) {
    const ref = w('neither', hiddenLayerIndex(shapes.neither, k).linear);
    for (const [key, shape] of Object.entries(shapes)) assert.deepEqual(w(key, hiddenLayerIndex(shape, k).linear), ref, `${key}, hidden layer ${k + 1}`);
  }
  const run = createDropoutRun({ epochs: 20 });
  while (run.advance());
  const s = run.snapshot();
  assert.equal(s.epoch, 20);
  for (const v of s.variants) {
    assert.equal(v.train.length, 21);
    v.gap.forEach((g, i) => close(g, v.val[i] - v.train[i], 1e-15));
    assert.equal(v.bestVal, Math.min(...v.val));
  }
  assert.deepEqual(s.variants.map((v) => v.key), ['neither', 'bn', 'dropout', 'both']);
});

// ---------------------------------------------------------------- code panels

test('the code panels: BatchNorm1d between Linear and the activation, train/eval mode, hooks on the shown layer', () => {
  const code = histogramCode({ ...H0, layer: 3 });
  assert.match(code, /nn\.Linear\(2, 16\), nn\.BatchNorm1d\(16\), nn\.ReLU\(\),/);
  assert.match(code, /net\.train\(\)/);
  assert.match(code, /net\.eval\(\)/);
  assert.match(code, /model\[6\]\.register_forward_hook\(keep\("before_bn"\)\)/);
  assert.match(code, /model\[7\]\.register_forward_hook\(keep\("after_bn"\)\)/);
  assert.match(code, /plain\[4\]\.register_forward_hook\(keep\("plain"\)\)/);
  assert.equal((code.match(/nn\.BatchNorm1d/g) ?? []).length, H0.layers);
  assert.match(histogramCode({ ...H0, initScale: 2 }), /m\.weight \*= 2/);
  assert.match(histogramCode({ ...H0, activation: 'tanh' }), /nn\.Tanh\(\)/);
  // The sketch seeds torch with the demo's own seed (7 by default), never a different one.
  assert.equal(H0.seed, 7);
  assert.equal(code.match(/torch\.manual_seed\(7\)/g)?.length, 2);
  assert.doesNotMatch(code, /manual_seed\((?!7\))/);
  assert.equal(histogramCode({ ...H0, seed: 42 }).match(/torch\.manual_seed\(42\)/g)?.length, 2);
  const rc = runningCode({ ...defaults(runningFields), momentum: 0.3, layer: 2 });
  assert.match(rc, /nn\.BatchNorm1d\(8, momentum=0\.3\)/);
  assert.match(rc, /bn = model\[4\]/);
  assert.match(rc, /model\.eval\(\)/);
  const dc = dropoutCode(defaults(dropoutFields));
  assert.match(dc, /nn\.Linear\(2, 40\), nn\.BatchNorm1d\(40\), nn\.ReLU\(\), nn\.Dropout\(p=0\.5\),/);
  assert.match(dc, /model\.train\(\)[\s\S]*model\.eval\(\)/);
  assert.ok(TRAINED_LOSS > 0);
});

// ---------------------------------------------------------------- the chapter's numbers

const f3 = (v: number) => v.toFixed(3);
const firstBelow = (a: number[], t: number) => a.findIndex((v) => v < t);

test('the numbers chapter 4 quotes about the histogram demo are its default run’s', () => {
  const run = createHistogramRun({});
  const s0 = [1, 2, 3, 4].map((l) => { run.show(l); return run.snapshot(); });
  assert.deepEqual(s0.map((s) => s.plain.variance.toPrecision(3)), ['0.251', '0.0570', '0.0312', '0.0183']);
  assert.equal(s0[3].bnPost.variance.toFixed(4), '0.9999');
  for (const s of s0) close(s.bnPost.mean, 0, 1e-12);
  let postVar = [Infinity, -Infinity], postMean = [Infinity, -Infinity];
  const at: Record<number, { mean: number; variance: number }> = {};
  while (run.advance()) {
    const s = run.snapshot();
    postVar = [Math.min(postVar[0], s.bnPost.variance), Math.max(postVar[1], s.bnPost.variance)];
    postMean = [Math.min(postMean[0], s.bnPost.mean), Math.max(postMean[1], s.bnPost.mean)];
    if ([400, 800].includes(s.step)) at[s.step] = s.plain;
  }
  const s = run.snapshot();
  assert.equal(firstBelow(s.bnNet.loss, 0.1), 8);
  assert.equal(firstBelow(s.plainNet.loss, 0.6), 58);
  assert.equal(firstBelow(s.plainNet.loss, 0.1), 75);
  assert.ok(s.plainNet.loss.slice(0, 50).every((v) => v > 0.65));
  assert.equal(at[400].variance.toFixed(2), '0.02');
  assert.equal(at[800].variance.toFixed(2), '0.74');
  assert.equal(s.plain.variance.toFixed(2), '1.06');
  assert.equal(Math.round(s.plain.variance / s0[3].plain.variance), 58);
  assert.deepEqual([s0[3].plain.mean.toFixed(3), s.plain.mean.toFixed(3)], ['0.078', '0.398']);
  assert.ok(postVar[0] >= 0.99 && postVar[1] <= 1.5, `after-BN variance within [1.0, 1.5]: ${postVar}`);
  assert.ok(postMean[0] > -0.005 && postMean[1] <= 0.21, `after-BN mean within [0, 0.21]: ${postMean}`);
  // Smaller initial weights; tanh.
  const small = createHistogramRun({ initScale: 0.3 });
  assert.equal(small.snapshot().plain.variance.toPrecision(3), '0.0137');
  while (small.advance());
  assert.equal(f3(small.snapshot().plainNet.loss.at(-1)!), '0.693');
  assert.equal(firstBelow(small.snapshot().bnNet.loss, 0.1), 8);
  const tanh = createHistogramRun({ activation: 'tanh' });
  while (tanh.advance());
  // "about a dozen": the BN run's loss is bumpy near 0.1, so the epoch it first dips below moves
  // with the last bits of tanh (11 with the engine's, 13 with one a bit less exact).
  const bnTanh = firstBelow(tanh.snapshot().bnNet.loss, 0.1);
  assert.ok(bnTanh >= 10 && bnTanh <= 14, `tanh with BN below 0.1 at epoch ${bnTanh}`);
  assert.equal(firstBelow(tanh.snapshot().plainNet.loss, 0.1), 134);
});

test('the numbers chapter 4 quotes about the learning-rate grid are its default run’s', () => {
  const run = createGridRun({});
  while (run.advance());
  const s = run.snapshot();
  const cell = (lr: number, scale: number) => s.cells.find((c) => c.lr === lr && c.scale === scale)!;
  const last = (r: { losses: number[] }) => r.losses[r.losses.length - 1];
  const trained = (k: 'bn' | 'plain') => s.cells.filter((c) => c[k].status === 'done' && last(c[k]) < TRAINED_LOSS).length;
  assert.deepEqual([trained('bn'), trained('plain')], [24, 7]);
  for (const lr of [0.01, 0.03, 0.1]) assert.ok(stalled(cell(lr, 1).plain, s.chanceLoss), `plain, lr ${lr}, x1 stalls`);
  assert.deepEqual([f3(last(cell(0.3, 1).plain)), f3(last(cell(1, 1).plain))], ['0.196', '0.053']);
  assert.deepEqual([f3(last(cell(0.01, 1).bn)), f3(last(cell(3, 1).bn)), f3(last(cell(0.1, 1).bn))], ['0.188', '0.040', '0.018']);
  assert.ok(GRID_LRS.every((lr) => stalled(cell(lr, 0.3).plain, s.chanceLoss)), 'x0.3 without BN never trains');
  assert.deepEqual([f3(last(cell(0.01, 10).plain)), f3(last(cell(0.03, 10).plain))], ['0.014', '0.298']);
  assert.deepEqual(GRID_SCALES.map((sc) => cell(10, sc).bn.status), ['diverged', 'diverged', 'diverged', 'done']);
  assert.ok(GRID_SCALES.every((sc) => [3, 10].every((lr) => stalled(cell(lr, sc).plain, s.chanceLoss))), 'large rates stall without BN');
  assert.equal(s.cells.filter((c) => c.plain.status === 'diverged').length, 0);
  // Dead ReLUs: after lr 10 at x1, the network gives every point the same output.
  const t = gridTrainer(defaults(gridFields), gridData(defaults(gridFields)), 10, 1, false);
  for (let e = 0; e < 30; e++) t.runEpoch();
  const out = t.network.forward(gridData(defaults(gridFields)).x, 256, 'eval');
  assert.ok(out.every((v) => v === out[0]));
  const c = cell(0.1, 1);
  assert.equal(firstBelow(c.bn.losses, 0.2), 6);
  assert.ok(last(c.plain) > 0.68);
});

test('the numbers chapter 4 quotes about the running statistics are its default run’s', () => {
  const run = createRunningRun({});
  const snaps: ReturnType<typeof run.snapshot>[] = [];
  while (run.advance()) snaps.push(run.snapshot());
  const at = (step: number) => snaps[step - 1];
  close(0.9 ** 22, 0.1, 0.003);
  const pctOf = (v: number) => `${Math.round(v * 100)}%`;
  assert.deepEqual([pctOf(at(5).valAccuracy.eval), pctOf(at(5).valAccuracy.train)], ['52%', '94%']);
  assert.deepEqual(at(50).valAccuracy, { train: 1, eval: 1 });
  const s = snaps[snaps.length - 1];
  const lower = s.steps.map((st, i) => st >= 63 && s.valLossEval[i] < s.valLossTrain[i]);
  assert.equal(s.steps.findIndex((st, i) => st > 0 && s.valLossEval[i] <= s.valLossTrain[i]), 63);
  assert.ok(lower.filter(Boolean).length / s.steps.filter((st) => st >= 63).length > 0.8, 'usually lower from step 63');
  const r50 = at(50);
  const near = (a: number, b: number) => Math.abs(a - b) < 0.25 * Math.abs(b);
  assert.ok(near(r50.runningMean.at(-1)!, -0.27) && near(r50.runningVar.at(-1)!, 0.12), 'settled by step 50');
});

test('the numbers chapter 4 quotes about batch norm and dropout are its default run’s', () => {
  const end = (raw: object) => {
    const run = createDropoutRun(raw);
    while (run.advance());
    return Object.fromEntries(run.snapshot().variants.map((v) => [v.key, v]));
  };
  const v = end({});
  assert.deepEqual(['neither', 'bn', 'dropout', 'both'].map((k) => f3(v[k].gap.at(-1)!)), ['1.572', '0.532', '0.546', '0.215']);
  assert.deepEqual([f3(v.neither.train.at(-1)!), f3(v.neither.val.at(-1)!), f3(v.both.val.at(-1)!)], ['0.154', '1.726', '0.606']);
  assert.ok(Object.values(v).every((x) => x.val.at(-1)! >= v.both.val.at(-1)!));
  assert.equal(Math.round(v.neither.gap.at(-1)! / v.both.gap.at(-1)!), 7);
  const best = Object.values(v).map((x) => x.bestVal);
  assert.deepEqual([f3(Math.min(...best)), f3(Math.max(...best))], ['0.566', '0.607']);
  const full = end({ batch: 60 });
  assert.deepEqual([f3(full.bn.gap.at(-1)!), f3(full.neither.gap.at(-1)!), f3(full.dropout.gap.at(-1)!)], ['3.101', '3.266', '0.408']);
  // On the defaults batch norm alone is not "slight": about as strong as dropout alone, and the text says so plainly.
  assert.ok(Math.abs(v.bn.gap.at(-1)! - v.dropout.gap.at(-1)!) < 0.05 * v.neither.gap.at(-1)!);
  const mdx = readFileSync(new URL('../../content/04-batch-normalization.mdx', import.meta.url), 'utf8').replace(/\s+/g, ' ');
  assert.ok(mdx.includes('On this run batch norm alone is no *slight* regularizer: it brings the gap down to 0.532, about as far as dropout alone (0.546).'));
  // With the whole set as one batch it is the slight (here: no) regularizer the outline describes.
  assert.ok(full.bn.gap.at(-1)! > 0.9 * full.neither.gap.at(-1)!);
});

test('chapter 4 places its tables as the demo shows them: never "side by side" while they are stacked', () => {
  const mdx = readFileSync(new URL('../../content/04-batch-normalization.mdx', import.meta.url), 'utf8').replace(/\s+/g, ' ');
  assert.ok(!/tables side by side/.test(mdx));
  assert.ok(mdx.includes('Compare the two tables, without and with batch norm, once the grid is full:'));
});

test('chapter 4’s quiz answers are what batch norm computes', () => {
  // Question 1: values 1, 2, 3, 6 with gamma 2, beta 0.5 (the engine, eps set tiny).
  const net = createNetwork({ layers: [{ type: 'batchnorm1d', features: 1, gamma: [2], beta: [0.5], eps: 1e-12 }, { type: 'linear', in: 1, out: 1 }], loss: 'mse', optimizer: { type: 'sgd', lr: 0 }, seed: 0 });
  net.trainStep(Float64Array.from([1, 2, 3, 6]), new Float64Array(4), 4);
  assert.equal(net.layerOutput(0)[3].toFixed(2), '3.71');
  assert.equal((2 * 3 / Math.sqrt(14 / 3) + 0.5).toFixed(2), '3.28');
  // Question 3: momentum 0.1, n = 5, mean 1.00, biased variance 0.40, from 0.50 and 0.80.
  close(0.9 * 0.5 + 0.1 * 1, 0.55, 1e-12);
  close(0.9 * 0.8 + 0.1 * (5 / 4) * 0.4, 0.77, 1e-12);
  const bn = createNetwork({ layers: [{ type: 'batchnorm1d', features: 1, running_mean: [0.5], running_var: [0.8] }, { type: 'linear', in: 1, out: 1 }], loss: 'mse', optimizer: { type: 'sgd', lr: 0 }, seed: 0 });
  const h = Math.sqrt(0.5); // five values with mean 1 and biased variance (4 x 0.5) / 5 = 0.4
  const x = Float64Array.from([1 - h, 1 - h, 1, 1 + h, 1 + h]);
  bn.trainStep(x, new Float64Array(5), 5);
  const st = bn.batchNormStats(0);
  close(st.batchMean[0], 1, 1e-12);
  close(st.batchVar[0], 0.4, 1e-12);
  close(st.runningMean[0], 0.55, 1e-12);
  close(st.runningVar[0], 0.77, 1e-12);
});
