// Analytic gradients (Network.trainStep with lr = 0) against central finite differences of the
// full loss (data loss + penalty), for every layer type, both losses and both penalties.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createNetwork, type LayerSpec, type LossName, type ParamsJSON, type Penalty } from '../../src/engine/index.ts';
import { matrix, pseudo } from './helpers.ts';

interface Setup { layers: LayerSpec[]; loss: LossName; penalty?: Penalty; mode?: 'train' | 'eval'; masks?: Record<number, Uint8Array> }

const N = 6;

function check(name: string, s: Setup): void {
  const inF = s.layers[0].type === 'linear' ? s.layers[0].in : 0;
  const net = createNetwork({ layers: s.layers, loss: s.loss, optimizer: { type: 'sgd', lr: 0 }, penalty: s.penalty, seed: 5 });
  net.mode = s.mode ?? 'train';
  const outF = net.outputSize;
  const x = pseudo(N * inF, 11);
  const y = s.loss === 'mse' ? pseudo(N * outF, 12)
    : s.loss === 'cross_entropy' ? Float64Array.from({ length: N * outF }, (_, i) => (i % outF === (Math.floor(i / outF) * 2) % outF ? 1 : 0)) // one-hot rows
    : Float64Array.from(pseudo(N * outF, 12), (v) => (v > 0 ? 1 : 0));
  const base = net.params();
  const lossAt = (p: ParamsJSON) => {
    net.loadParams(p);
    return net.trainStep(x, y, N, s.masks).loss; // lr = 0: parameters stay put
  };
  lossAt(base);
  // gradients() returns views into the network's buffers: copy before the next step
  const analytic = s.layers.map((_, i) => {
    const g = net.gradients(i);
    return g === null ? null : Object.fromEntries(Object.entries(g).map(([k, v]) => [k, Float64Array.from(v as Float64Array)]));
  });
  const h = 1e-6;
  let checked = 0;
  for (const [key, entry] of Object.entries(base)) {
    const grads = analytic[Number(key)];
    assert.ok(grads !== null, `${name}: layer ${key} has gradients`);
    for (const [pname, value] of Object.entries(entry)) {
      if (pname === 'running_mean' || pname === 'running_var') continue;
      const flat = (pname === 'weight' ? (value as number[][]).flat() : (value as number[]));
      const g = (grads as Record<string, Float64Array>)[pname];
      for (let k = 0; k < flat.length; k++) {
        const perturbed = (delta: number): ParamsJSON => {
          const p = structuredClone(base) as Record<string, Record<string, number[] | number[][]>>;
          const arr = p[key][pname];
          if (pname === 'weight') { const cols = (arr[0] as number[]).length; (arr as number[][])[Math.floor(k / cols)][k % cols] += delta; }
          else (arr as number[])[k] += delta;
          return p as unknown as ParamsJSON;
        };
        const numeric = (lossAt(perturbed(h)) - lossAt(perturbed(-h))) / (2 * h);
        const tol = 1e-6 * Math.max(1, Math.abs(numeric));
        assert.ok(Math.abs(numeric - g[k]) <= tol, `${name}: d loss / d layer ${key} ${pname}[${k}]: analytic ${g[k]}, numeric ${numeric}`);
        checked++;
      }
    }
  }
  assert.ok(checked > 0);
}

const lin = (i: number, o: number, seed: number): LayerSpec => ({ type: 'linear', in: i, out: o, weight: matrix(o, i, seed), bias: Array.from(pseudo(o, seed + 1)) });

test('linear + mse', () => check('linear/mse', { layers: [lin(3, 2, 1)], loss: 'mse' }));
test('linear + bce_with_logits', () => check('linear/bce', { layers: [lin(3, 1, 1)], loss: 'bce_with_logits' }));
test('linear + cross_entropy (softmax over 4 classes)', () => check('linear/ce', { layers: [lin(3, 4, 1)], loss: 'cross_entropy' }));
test('relu, dropout and L2 into cross_entropy', () => {
  const mask = Uint8Array.from({ length: N * 5 }, (_, i) => (i * 5) % 4 === 0 ? 0 : 1);
  check('ce-mlp', { layers: [lin(3, 5, 1), { type: 'relu' }, { type: 'dropout', p: 0.25 }, lin(5, 3, 3)], loss: 'cross_entropy', penalty: { l1: 0, l2: 0.02 }, masks: { 2: mask } });
});
test('tanh hidden layer', () => check('tanh', { layers: [lin(3, 4, 1), { type: 'tanh' }, lin(4, 1, 3)], loss: 'mse' }));
test('sigmoid hidden layer, bce', () => check('sigmoid', { layers: [lin(3, 4, 1), { type: 'sigmoid' }, lin(4, 1, 3)], loss: 'bce_with_logits' }));
test('relu hidden layer', () => check('relu', { layers: [lin(3, 5, 1), { type: 'relu' }, lin(5, 2, 3)], loss: 'mse' }));
test('dropout with a given mask (train mode)', () => {
  const mask = Uint8Array.from({ length: N * 4 }, (_, i) => (i * 7) % 3 === 0 ? 0 : 1);
  check('dropout', { layers: [lin(3, 4, 1), { type: 'tanh' }, { type: 'dropout', p: 0.3 }, lin(4, 1, 3)], loss: 'mse', masks: { 2: mask } });
});
test('batchnorm1d in train mode', () => check('bn-train', {
  layers: [lin(3, 4, 1), { type: 'batchnorm1d', features: 4, gamma: [1.2, 0.8, 1, 0.5], beta: [0.1, -0.2, 0, 0.3] }, { type: 'tanh' }, lin(4, 1, 3)], loss: 'mse',
}));
test('batchnorm1d in eval mode (running statistics)', () => check('bn-eval', {
  layers: [lin(3, 4, 1), { type: 'batchnorm1d', features: 4, running_mean: [0.1, -0.1, 0.2, 0], running_var: [0.5, 2, 1, 1.5] }, { type: 'relu' }, lin(4, 1, 3)],
  loss: 'bce_with_logits', mode: 'eval',
}));
test('L2 penalty adds 2 l2 W', () => check('l2', { layers: [lin(3, 4, 1), { type: 'tanh' }, lin(4, 1, 3)], loss: 'mse', penalty: { l1: 0, l2: 0.05 } }));
test('L1 penalty adds l1 sign(W)', () => check('l1', { layers: [lin(3, 4, 1), { type: 'tanh' }, lin(4, 1, 3)], loss: 'bce_with_logits', penalty: { l1: 0.03, l2: 0 } }));
test('both penalties, biases unpenalised', () => {
  check('l1+l2', { layers: [lin(2, 3, 1), { type: 'relu' }, lin(3, 1, 3)], loss: 'mse', penalty: { l1: 0.02, l2: 0.1 } });
  const net = createNetwork({ layers: [lin(2, 3, 1), { type: 'relu' }, lin(3, 1, 3)], loss: 'mse', optimizer: { type: 'sgd', lr: 0 }, penalty: { l1: 0.02, l2: 0.1 } });
  const plain = createNetwork({ layers: [lin(2, 3, 1), { type: 'relu' }, lin(3, 1, 3)], loss: 'mse', optimizer: { type: 'sgd', lr: 0 } });
  const x = pseudo(2 * N, 4), y = pseudo(N, 5);
  const r = net.trainStep(x, y, N), r0 = plain.trainStep(x, y, N);
  assert.deepEqual(Array.from((net.gradients(0) as { bias: Float64Array }).bias), Array.from((plain.gradients(0) as { bias: Float64Array }).bias));
  assert.equal(r.dataLoss, r0.dataLoss);
  assert.ok(Math.abs(r.penaltyLoss - net.penaltyValue()) < 1e-15);
  assert.equal(r.loss, r.dataLoss + r.penaltyLoss);
});
