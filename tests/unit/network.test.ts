import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createNetwork, createRng, createTrainer, makeClassification, mlpLayers, type TrainerSpec } from '../../src/engine/index.ts';
import { tanh } from '../../src/engine/layers.ts';
import { close, pseudo } from './helpers.ts';

test('mlpLayers: linear -> [batchnorm] -> activation -> [dropout] per hidden layer', () => {
  assert.deepEqual(mlpLayers({ widths: [2, 3, 1], activation: 'relu' }).map((l) => l.type), ['linear', 'relu', 'linear']);
  assert.deepEqual(mlpLayers({ widths: [2, 3, 4, 1], activation: 'tanh', dropout: 0.5, batchnorm: true }).map((l) => l.type),
    ['linear', 'batchnorm1d', 'tanh', 'dropout', 'linear', 'batchnorm1d', 'tanh', 'dropout', 'linear']);
});

test('default init is U(-1/sqrt(in), 1/sqrt(in)), drawn from the seed; initScale scales weights only', () => {
  const layers = mlpLayers({ widths: [16, 32, 1], activation: 'relu' });
  const a = createNetwork({ layers, loss: 'mse', optimizer: { type: 'sgd', lr: 0.1 }, seed: 4 });
  const W = a.weightMatrices()[0];
  assert.equal(W.length, 32 * 16);
  assert.ok(W.every((w) => Math.abs(w) <= 0.25));
  assert.ok(Math.max(...W.map(Math.abs)) > 0.24);
  const b = createNetwork({ layers, loss: 'mse', optimizer: { type: 'sgd', lr: 0.1 }, seed: 4, initScale: 3 });
  const pa = a.params()[0] as { weight: number[][]; bias: number[] }, pb = b.params()[0] as { weight: number[][]; bias: number[] };
  close(pb.weight[3][5], 3 * pa.weight[3][5], 1e-15);
  assert.deepEqual(pb.bias, pa.bias);
  assert.notDeepEqual(createNetwork({ layers, loss: 'mse', optimizer: { type: 'sgd', lr: 0.1 }, seed: 5 }).params(), a.params());
});

test('params() / loadParams() round-trip exactly', () => {
  const spec = { layers: mlpLayers({ widths: [2, 6, 6, 1], activation: 'tanh' as const, batchnorm: true }), loss: 'bce_with_logits' as const, optimizer: { type: 'adam' as const, lr: 0.01 } };
  const a = createNetwork({ ...spec, seed: 1 });
  const x = pseudo(40, 1), y = Float64Array.from(pseudo(20, 2), (v) => +(v > 0));
  for (let i = 0; i < 5; i++) a.trainStep(x, y, 20);
  const p = a.params();
  const b = createNetwork({ ...spec, seed: 99 });
  b.loadParams(JSON.parse(JSON.stringify(p)));
  assert.deepEqual(b.params(), p);
  assert.deepEqual(b.forward(x, 20, 'eval'), a.forward(x, 20, 'eval'));
  // a deep copy: mutating the export changes nothing
  (p[0] as { weight: number[][] }).weight[0][0] = 123;
  assert.notEqual((a.params()[0] as { weight: number[][] }).weight[0][0], 123);
});

test('same seed => identical run (trainer, shuffles, dropout)', () => {
  const { train, val } = makeClassification({ name: 'spiral', n: 200, noise: 0.1, seed: 3, valFraction: 0.2 });
  const spec: TrainerSpec = {
    network: { layers: mlpLayers({ widths: [2, 12, 12, 1], activation: 'relu', dropout: 0.3 }), loss: 'bce_with_logits', optimizer: { type: 'sgd', lr: 0.1, momentum: 0.9 }, penalty: { l1: 0.001, l2: 0.001 }, seed: 7 },
    train, val: val!, batchSize: 16, seed: 11,
  };
  const run = () => {
    const t = createTrainer(spec);
    const records = [0, 1, 2].map(() => t.runEpoch());
    return { records, params: t.network.params(), order: Array.from(t.batchOrder()) };
  };
  assert.deepEqual(run(), run());
  const other = createTrainer({ ...spec, seed: 12 });
  other.runEpoch();
  assert.notDeepEqual(other.network.params(), run().params);
});

test('trainer: permutation per epoch, partial last batch, epoch records', () => {
  const { train, val } = makeClassification({ name: 'circle', n: 50, noise: 0, seed: 1, valFraction: 0.2 });
  const t = createTrainer({ network: { layers: mlpLayers({ widths: [2, 4, 1], activation: 'tanh' }), loss: 'mse', optimizer: { type: 'sgd', lr: 0.1 }, seed: 1 }, train, val: val!, batchSize: 16, seed: 2 });
  const order = Array.from(t.batchOrder());
  assert.deepEqual([...order].sort((a, b) => a - b), Array.from({ length: 40 }, (_, i) => i));
  let done = null;
  while (done === null) done = t.step().epochDone;
  // batch sizes, seen before the end-of-epoch evaluation runs its own forward pass
  const quiet = createTrainer({ network: { layers: mlpLayers({ widths: [2, 4, 1], activation: 'tanh' }), loss: 'mse', optimizer: { type: 'sgd', lr: 0.1 }, seed: 1 }, train, batchSize: 16, seed: 2, evaluateEachEpoch: false });
  const sizes: number[] = [];
  let last = null;
  while (last === null) { last = quiet.step().epochDone; sizes.push(quiet.network.lastBatchSize()); }
  assert.deepEqual(sizes, [16, 16, 8]);
  assert.equal(last.valLoss, null);
  assert.equal(done.epoch, 0);
  assert.equal(done.steps, 3);
  assert.equal(t.epoch, 1);
  assert.equal(t.stepInEpoch, 0);
  close(done.trainLoss, t.network.loss(train.x, train.y, train.n, 'eval'), 1e-15);
  close(done.valLoss!, t.network.loss(val!.x, val!.y, val!.n, 'eval'), 1e-15);
  assert.notDeepEqual(Array.from(t.batchOrder()), order); // a fresh permutation for epoch 1
  assert.equal(t.runEpoch().epoch, 1);
});

test('optimizers: first SGD momentum step equals plain SGD; adamw decays decoupled', () => {
  const layer = { type: 'linear' as const, in: 1, out: 1, weight: [[0.5]], bias: [0] };
  const x = Float64Array.of(2), y = Float64Array.of(1);
  const m = createNetwork({ layers: [layer], loss: 'mse', optimizer: { type: 'sgd', lr: 0.1, momentum: 0.9 } });
  const s = createNetwork({ layers: [layer], loss: 'mse', optimizer: { type: 'sgd', lr: 0.1 } });
  m.trainStep(x, y, 1);
  s.trainStep(x, y, 1);
  assert.deepEqual(m.params(), s.params());
  // zero gradient: adamw only shrinks w by (1 - lr wd); adam with zero grad leaves w
  const zero = { type: 'linear' as const, in: 1, out: 1, weight: [[0.5]], bias: [0] };
  const aw = createNetwork({ layers: [zero], loss: 'mse', optimizer: { type: 'adamw', lr: 0.1, weight_decay: 0.5 } });
  aw.trainStep(Float64Array.of(0), Float64Array.of(0), 1);
  close((aw.params()[0] as { weight: number[][] }).weight[0][0], 0.5 * (1 - 0.05), 1e-15);
});

test('fast tanh matches Math.tanh to 1e-15', () => {
  let worst = 0;
  for (let i = -40000; i <= 40000; i++) {
    const x = i / 1000;
    worst = Math.max(worst, Math.abs(tanh(x) - Math.tanh(x)));
  }
  for (const x of [1e-300, -1e-10, 18.999, 19, 19.5, 700, -Infinity, Infinity]) worst = Math.max(worst, Math.abs(tanh(x) - Math.tanh(x)));
  assert.ok(worst < 1e-15, `max |error| ${worst}`);
  assert.ok(Number.isNaN(tanh(Number.NaN)));
});

test('rngState: where initialisation leaves the network rng; the dropout masks continue from it', () => {
  const layers = mlpLayers({ widths: [3, 5, 1], activation: 'relu', dropout: 0.5 });
  const net = createNetwork({ layers, loss: 'mse', optimizer: { type: 'sgd', lr: 0.1 }, seed: 11 });
  const r = createRng(11);
  for (let k = 0; k < 3 * 5 + 5 + 5 * 1 + 1; k++) r.next(); // one draw per initial weight and bias
  assert.equal(net.rngState(), r.state());
  net.trainStep(pseudo(4 * 3, 1), pseudo(4, 2), 4);
  assert.deepEqual(Array.from(net.dropoutMask(2)!), Array.from({ length: 20 }, () => +(r.next() >= 0.5)));
  assert.equal(net.rngState(), r.state());
  // Given weights draw nothing: the state is the seed.
  const given = createNetwork({ layers: [{ type: 'linear', in: 1, out: 1, weight: [[1]], bias: [0] }], loss: 'mse', optimizer: { type: 'sgd', lr: 0.1 }, seed: 2 ** 32 - 5 });
  assert.equal(given.rngState(), 2 ** 32 - 5);
});

test('trainer.steps counts optimizer steps over all epochs', () => {
  const { train } = makeClassification({ name: 'xor', n: 25, noise: 0, seed: 1 });
  const t = createTrainer({ network: { layers: mlpLayers({ widths: [2, 4, 1], activation: 'tanh' }), loss: 'bce_with_logits', optimizer: { type: 'sgd', lr: 0.1 } }, train, batchSize: 10, seed: 3 });
  assert.equal(t.steps, 0);
  t.step();
  assert.equal(t.steps, 1);
  t.runEpoch();
  t.runEpoch();
  assert.equal(t.steps, 6); // 3 batches (10, 10, 5) per epoch
});
