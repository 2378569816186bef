import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createNetwork, type LayerSpec } from '../../src/engine/index.ts';
import { close, pseudo } from './helpers.ts';

const layers = (p: number): LayerSpec[] => [
  { type: 'linear', in: 3, out: 16 }, { type: 'relu' }, { type: 'dropout', p }, { type: 'linear', in: 16, out: 1 },
];

test('train mode drops a fraction p of units over many steps, output = input * mask / (1 - p)', () => {
  for (const p of [0.2, 0.5, 0.8]) {
    const net = createNetwork({ layers: layers(p), loss: 'mse', optimizer: { type: 'sgd', lr: 0.01 }, seed: 1 });
    const n = 32, x = pseudo(n * 3, 2), y = pseudo(n, 3);
    let dropped = 0, total = 0;
    for (let s = 0; s < 200; s++) {
      net.trainStep(x, y, n);
      const mask = net.dropoutMask(2)!;
      const input = net.layerOutput(1), output = net.layerOutput(2);
      for (let i = 0; i < mask.length; i++) {
        if (mask[i] === 0) { dropped++; assert.equal(output[i], 0); }
        else close(output[i], input[i] / (1 - p), 1e-12);
        total++;
      }
    }
    close(dropped / total, p, 0.01, `drop fraction at p = ${p}`);
  }
});

test('eval mode drops nothing: identity, no mask', () => {
  const net = createNetwork({ layers: layers(0.5), loss: 'mse', optimizer: { type: 'sgd', lr: 0.01 }, seed: 1 });
  const x = pseudo(8 * 3, 4);
  net.forward(x, 8, 'eval');
  assert.equal(net.dropoutMask(2), null);
  assert.deepEqual(net.layerOutput(2), net.layerOutput(1));
  net.mode = 'eval';
  net.trainStep(x, pseudo(8, 5), 8, { 2: new Uint8Array(8 * 16) }); // given masks are ignored in eval mode
  assert.deepEqual(net.layerOutput(2), net.layerOutput(1));
});

test('p = 1 outputs zeros and p = 0 keeps everything; setDropout changes p live', () => {
  const net = createNetwork({ layers: layers(1), loss: 'mse', optimizer: { type: 'sgd', lr: 0.01 }, seed: 1 });
  const x = pseudo(4 * 3, 6), y = pseudo(4, 7);
  net.trainStep(x, y, 4);
  assert.ok(net.layerOutput(2).every((v) => v === 0));
  assert.ok(net.dropoutMask(2)!.every((v) => v === 0));
  net.setDropout(0);
  net.trainStep(x, y, 4);
  assert.deepEqual(net.layerOutput(2), net.layerOutput(1));
  assert.equal((net.spec.layers[2] as { p: number }).p, 0);
});

test('masks come from the network rng: same seed, same masks', () => {
  const a = createNetwork({ layers: layers(0.5), loss: 'mse', optimizer: { type: 'sgd', lr: 0.01 }, seed: 9 });
  const b = createNetwork({ layers: layers(0.5), loss: 'mse', optimizer: { type: 'sgd', lr: 0.01 }, seed: 9 });
  const x = pseudo(6 * 3, 1), y = pseudo(6, 2);
  for (let s = 0; s < 5; s++) {
    a.trainStep(x, y, 6);
    b.trainStep(x, y, 6);
    assert.deepEqual(a.dropoutMask(2), b.dropoutMask(2));
  }
  assert.deepEqual(a.params(), b.params());
});
