import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createNetwork, EngineError, type LayerSpec } from '../../src/engine/index.ts';
import { close, pseudo } from './helpers.ts';

const layers: LayerSpec[] = [{ type: 'linear', in: 3, out: 5 }, { type: 'batchnorm1d', features: 5 }, { type: 'relu' }, { type: 'linear', in: 5, out: 1 }];
const n = 16;
const x = Float64Array.from(pseudo(n * 3, 3), (v, i) => v * 3 + (i % 3)); // shifted, scaled inputs

function columnStats(a: Float64Array, f: number, j: number) {
  let m = 0, v = 0;
  for (let i = 0; i < n; i++) m += a[i * f + j];
  m /= n;
  for (let i = 0; i < n; i++) v += (a[i * f + j] - m) ** 2;
  return { mean: m, biasedVar: v / n };
}

test('train mode: each feature normalised to mean 0, variance 1 (gamma 1, beta 0)', () => {
  const net = createNetwork({ layers, loss: 'mse', optimizer: { type: 'sgd', lr: 0 }, seed: 2 });
  net.trainStep(x, pseudo(n, 4), n);
  const z = net.layerOutput(0), out = net.layerOutput(1);
  const stats = net.batchNormStats(1);
  for (let j = 0; j < 5; j++) {
    const s = columnStats(out, 5, j);
    close(s.mean, 0, 1e-12, 'mean');
    close(s.biasedVar, 1, 1e-4, 'variance'); // var / (var + eps)
    const zs = columnStats(z, 5, j);
    close(stats.batchMean[j], zs.mean, 1e-12);
    close(stats.batchVar[j], zs.biasedVar, 1e-12); // biased batch variance
  }
});

test('running statistics: (1 - momentum) running + momentum * batch, unbiased variance', () => {
  const net = createNetwork({ layers: [layers[0], { type: 'batchnorm1d', features: 5, momentum: 0.3 }, ...layers.slice(2)], loss: 'mse', optimizer: { type: 'sgd', lr: 0 }, seed: 2 });
  net.trainStep(x, pseudo(n, 4), n);
  const s1 = net.batchNormStats(1);
  const mean1 = Array.from(s1.batchMean), var1 = Array.from(s1.batchVar);
  for (let j = 0; j < 5; j++) {
    close(s1.runningMean[j], 0.3 * mean1[j], 1e-15);
    close(s1.runningVar[j], 0.7 * 1 + 0.3 * var1[j] * n / (n - 1), 1e-15);
  }
  const rm = Array.from(s1.runningMean), rv = Array.from(s1.runningVar);
  net.trainStep(x, pseudo(n, 4), n); // same batch, lr 0: same batch statistics
  for (let j = 0; j < 5; j++) {
    close(s1.runningMean[j], 0.7 * rm[j] + 0.3 * mean1[j], 1e-15);
    close(s1.runningVar[j], 0.7 * rv[j] + 0.3 * var1[j] * n / (n - 1), 1e-15);
  }
  assert.deepEqual(net.params()[1], { gamma: [1, 1, 1, 1, 1], beta: [0, 0, 0, 0, 0], running_mean: Array.from(s1.runningMean), running_var: Array.from(s1.runningVar) });
});

test('eval mode normalises with the running statistics and does not update them', () => {
  const net = createNetwork({
    layers: [layers[0], { type: 'batchnorm1d', features: 5, running_mean: [1, 2, 3, 4, 5], running_var: [1, 4, 9, 16, 25], gamma: [2, 2, 2, 2, 2], beta: [1, 1, 1, 1, 1] }, ...layers.slice(2)],
    loss: 'mse', optimizer: { type: 'sgd', lr: 0.1 }, seed: 2,
  });
  net.mode = 'eval';
  net.trainStep(x, pseudo(n, 4), n);
  const z = net.layerOutput(0), out = net.layerOutput(1);
  for (let i = 0; i < n; i++) for (let j = 0; j < 5; j++) close(out[i * 5 + j], 2 * (z[i * 5 + j] - (j + 1)) / Math.sqrt((j + 1) ** 2 + 1e-5) + 1, 1e-12);
  assert.deepEqual(Array.from(net.batchNormStats(1).runningMean), [1, 2, 3, 4, 5]);
});

test('a batch of one row cannot be batch-normalised in train mode', () => {
  const net = createNetwork({ layers, loss: 'mse', optimizer: { type: 'sgd', lr: 0.1 }, seed: 2 });
  assert.throws(() => net.trainStep(x, pseudo(1, 1), 1), (e: unknown) => e instanceof EngineError && /more than 1 row per batch in train mode, got n = 1/.test(e.message));
});

test('chapter 4: Keras 3 averages the biased batch variance, PyTorch the unbiased one: (n-1)/n apart', async () => {
  // The chapter says so; the engine follows PyTorch. Keras' rule, replayed on the engine's own
  // (biased) batch variances, settles (n-1)/n below PyTorch's on the same batches.
  const { BatchNorm } = await import('../../src/engine/layers.ts');
  const n = 20, m = 0.01;
  const bn = new BatchNorm(1, 1e-5, m, new Float64Array([0]), new Float64Array([1]));
  let keras = 1;
  const x = pseudo(n * 3000, 5);
  for (let k = 0; k < 3000; k++) {
    bn.forward(x.subarray(k * n, (k + 1) * n), n, true);
    bn.commitRunningStats();
    keras = (1 - m) * keras + m * bn.batchVar[0];
  }
  close(keras / bn.runningVar[0], (n - 1) / n, 1e-9, 'Keras / PyTorch running variance');
  const { readFileSync } = await import('node:fs');
  const mdx = readFileSync(new URL('../../content/04-batch-normalization.mdx', import.meta.url), 'utf8').replace(/\s+/g, ' ');
  assert.ok(mdx.includes('Keras 3 averages the *biased* batch variance'), 'the chapter says Keras uses the biased variance');
  assert.ok(mdx.includes('with no $\\frac{n}{n-1}$: on batches of 20 its running variance ends about 5% below PyTorch\'s'));
  assert.equal(Math.round((1 - (n - 1) / n) * 100), 5);
  assert.ok(!mdx.includes('the same rule with $m = 0.01$'), 'not "the same rule"');
});
