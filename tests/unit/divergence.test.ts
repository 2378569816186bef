import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createNetwork, createTrainer, DivergenceError, makeClassification, mlpLayers } from '../../src/engine/index.ts';

test('a huge learning rate throws DivergenceError and leaves the parameters as before that step', () => {
  const net = createNetwork({ layers: mlpLayers({ widths: [2, 8, 1], activation: 'relu' }), loss: 'mse', optimizer: { type: 'sgd', lr: 1e12, momentum: 0.9 }, seed: 3 });
  const x = Float64Array.from({ length: 20 }, (_, i) => Math.sin(i)), y = Float64Array.from({ length: 10 }, (_, i) => Math.cos(i) * 5);
  const initial = net.params();
  let error: unknown = null;
  let before = net.params();
  for (let s = 0; s < 50 && error === null; s++) {
    before = net.params();
    try { net.trainStep(x, y, 10); } catch (e) { error = e; }
  }
  assert.ok(error instanceof DivergenceError, 'diverged');
  assert.ok(error.step >= 1);
  assert.ok(!Number.isFinite(error.value));
  assert.match(error.message, new RegExp(`training diverged at step ${error.step}`));
  assert.deepEqual(net.params(), before);
  for (const W of net.weightMatrices()) for (const w of W) assert.ok(Number.isFinite(w));
  // training can go on from restored weights with a sane learning rate
  net.setLearningRate(1e-3);
  net.loadParams(initial);
  assert.doesNotThrow(() => net.trainStep(x, y, 10));
});

test('an overflowing update is undone too (finite gradient, infinite step)', () => {
  const net = createNetwork({ layers: [{ type: 'linear', in: 1, out: 1, weight: [[1]], bias: [0] }], loss: 'mse', optimizer: { type: 'sgd', lr: 1e308 }, seed: 1 });
  const before = net.params();
  assert.throws(() => net.trainStep(Float64Array.of(1), Float64Array.of(100), 1), DivergenceError);
  assert.deepEqual(net.params(), before);
});

test('the trainer propagates DivergenceError without advancing', () => {
  const { train } = makeClassification({ name: 'circle', n: 64, noise: 0, seed: 1 });
  const t = createTrainer({ network: { layers: mlpLayers({ widths: [2, 8, 1], activation: 'tanh' }), loss: 'mse', optimizer: { type: 'sgd', lr: 1e200 }, seed: 1 }, train, batchSize: 16, seed: 2 });
  assert.throws(() => { for (let i = 0; i < 20; i++) t.step(); }, DivergenceError);
});
