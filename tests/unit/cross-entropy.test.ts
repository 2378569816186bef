// The engine's cross_entropy against PyTorch's nn.CrossEntropyLoss definition: the batch mean
// of logsumexp(o) - o[class], finite for huge logits, and one-hot targets only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createNetwork, EngineError } from '../../src/engine/index.ts';
import { lossAndGrad, lossValue } from '../../src/engine/losses.ts';

test('cross_entropy is the batch mean of logsumexp(o) - o[class] and its gradient (softmax - y) / n', () => {
  const out = Float64Array.from([1, 2, 3, -1, 0, 1]); // 2 rows x 3 classes
  const y = Float64Array.from([0, 0, 1, 1, 0, 0]); // classes 2 and 0
  const grad = new Float64Array(6);
  const lse = (a: number[]) => Math.log(a.reduce((s, v) => s + Math.exp(v), 0));
  const expected = ((lse([1, 2, 3]) - 3) + (lse([-1, 0, 1]) + 1)) / 2;
  assert.ok(Math.abs(lossAndGrad('cross_entropy', out, y, 2, 3, grad) - expected) < 1e-15);
  assert.ok(Math.abs(lossValue('cross_entropy', out, y, 2, 3) - expected) < 1e-15);
  const soft = (a: number[], k: number) => Math.exp(a[k] - lse(a));
  assert.ok(Math.abs(grad[2] - (soft([1, 2, 3], 2) - 1) / 2) < 1e-15);
  assert.ok(Math.abs(grad[4] - soft([-1, 0, 1], 1) / 2) < 1e-15);
  // each row's gradient sums to zero (softmax sums to 1, as does the one-hot row)
  assert.ok(Math.abs(grad[0] + grad[1] + grad[2]) < 1e-15 && Math.abs(grad[3] + grad[4] + grad[5]) < 1e-15);
});

test('cross_entropy stays finite for huge logits (log-sum-exp)', () => {
  const out = Float64Array.from([1000, -1000, 0, 800, 1000, 990]);
  const y = Float64Array.from([0, 1, 0, 0, 0, 1]);
  const grad = new Float64Array(6);
  const loss = lossAndGrad('cross_entropy', out, y, 2, 3, grad);
  // row 0: 1000 - (-1000) = 2000; row 1: 1000 + log(1 + e^-10 + e^-200) - 990
  assert.ok(Math.abs(loss - (2000 + 10 + Math.log1p(Math.exp(-10))) / 2) < 1e-9, String(loss));
  assert.ok(grad.every(Number.isFinite));
});

test('cross_entropy refuses targets that are not one-hot rows, naming the row', () => {
  const out = new Float64Array(6), grad = new Float64Array(6);
  assert.throws(() => lossAndGrad('cross_entropy', out, Float64Array.from([0, 1, 0, 0.5, 0.5, 0]), 2, 3, grad), (e: unknown) =>
    e instanceof EngineError && /one-hot rows .* row 1 is \[0\.5, 0\.5, 0\]/.test(e.message));
  assert.throws(() => lossValue('cross_entropy', out, Float64Array.from([1, 1, 0, 0, 1, 0]), 2, 3), /row 0 is \[1, 1, 0\]/);
  const net = createNetwork({ layers: [{ type: 'linear', in: 2, out: 3 }], loss: 'cross_entropy', optimizer: { type: 'sgd', lr: 0.1 } });
  const before = net.params();
  assert.throws(() => net.trainStep(Float64Array.from([1, 2]), Float64Array.from([0, 0, 0]), 1), /one-hot/);
  assert.deepEqual(net.params(), before, 'a refused step changes nothing');
});
