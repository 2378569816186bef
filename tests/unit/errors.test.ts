import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createNetwork, createTrainer, EngineError, makeClassification, mlpLayers, type NetworkSpec } from '../../src/engine/index.ts';

const spec = (over: Partial<NetworkSpec> = {}): NetworkSpec => ({
  layers: mlpLayers({ widths: [2, 4, 1], activation: 'tanh' }), loss: 'mse', optimizer: { type: 'sgd', lr: 0.1 }, ...over,
});

function throwsEngine(f: () => unknown, message: RegExp): void {
  assert.throws(f, (e: unknown) => e instanceof EngineError && message.test(e.message), `expected EngineError matching ${message}`);
}

test('shape mismatches name the layer and the sizes', () => {
  throwsEngine(() => createNetwork(spec({ layers: [{ type: 'linear', in: 2, out: 3 }, { type: 'relu' }, { type: 'linear', in: 4, out: 1 }] })),
    /linear layer 2 expects 4 inputs, but the previous layer gives 3/);
  throwsEngine(() => createNetwork(spec({ layers: [{ type: 'linear', in: 2, out: 2, weight: [[1, 2, 3], [4, 5, 6]] }] })), /layer 0 weight\[0\] must hold 2 numbers/);
  const net = createNetwork(spec());
  throwsEngine(() => net.trainStep(new Float64Array(5), new Float64Array(3), 3), /x has 5 values, expected n \* 2 = 6 \(n = 3\)/);
  throwsEngine(() => net.trainStep(new Float64Array(6), new Float64Array(2), 3), /y has 2 values, expected n \* 1 = 3/);
  throwsEngine(() => net.forward(new Float64Array(4), 0), /batch size n must be an integer >= 1, got 0/);
});

test('dropout p outside [0, 1]', () => {
  throwsEngine(() => createNetwork(spec({ layers: mlpLayers({ widths: [2, 4, 1], activation: 'relu', dropout: 1.5 }) })), /dropout p must be in \[0, 1\], got 1\.5/);
  const net = createNetwork(spec({ layers: mlpLayers({ widths: [2, 4, 1], activation: 'relu', dropout: 0.2 }) }));
  throwsEngine(() => net.setDropout(-0.1), /dropout p must be in \[0, 1\], got -0\.1/);
});

test('negative or non-finite learning rate', () => {
  throwsEngine(() => createNetwork(spec({ optimizer: { type: 'sgd', lr: -0.1 } })), /learning rate must be a finite number >= 0, got -0\.1/);
  const net = createNetwork(spec());
  throwsEngine(() => net.setLearningRate(Number.NaN), /learning rate must be a finite number >= 0, got NaN/);
  throwsEngine(() => createNetwork(spec({ optimizer: { type: 'adam', lr: 0.1, betas: [0.9, 1.5] } })), /betas must be two numbers in \[0, 1\)/);
  throwsEngine(() => createNetwork(spec({ optimizer: { type: 'rmsprop' as 'sgd', lr: 0.1 } })), /unsupported optimizer type "rmsprop"/);
  throwsEngine(() => createNetwork(spec({ penalty: { l1: -1, l2: 0 } })), /penalty l1 must be a finite number >= 0, got -1/);
});

test('NaN in the data names row and column', () => {
  const net = createNetwork(spec());
  const x = new Float64Array(10);
  x[9] = Number.NaN; // row 4, column 1
  throwsEngine(() => net.trainStep(x, new Float64Array(5), 5), /x holds NaN at row 4, column 1/);
  const { train } = makeClassification({ name: 'xor', n: 20, noise: 0, seed: 1 });
  train.y[7] = Number.POSITIVE_INFINITY;
  throwsEngine(() => createTrainer({ network: spec(), train, batchSize: 4, seed: 1 }), /train\.y holds Infinity at row 7, column 0/);
});

test('other bad arguments', () => {
  throwsEngine(() => createNetwork(spec({ loss: 'hinge' as 'mse' })), /unsupported loss "hinge"/);
  throwsEngine(() => createNetwork(spec({ layers: [{ type: 'conv' } as never] })), /unsupported layer type "conv" at layer 0/);
  const { train } = makeClassification({ name: 'xor', n: 20, noise: 0, seed: 1 });
  throwsEngine(() => createTrainer({ network: spec(), train, batchSize: 0, seed: 1 }), /batchSize must be an integer >= 1, got 0/);
  throwsEngine(() => createTrainer({ network: spec({ layers: mlpLayers({ widths: [3, 4, 1], activation: 'relu' }) }), train, batchSize: 4, seed: 1 }),
    /train has 2 inputs, the network expects 3/);
  const net = createNetwork(spec());
  throwsEngine(() => net.loadParams({ 0: { weight: [[1, 2]], bias: [0] } }), /layer 0 weight must have 4 rows of 2/);
  throwsEngine(() => net.layerOutput(7), /layer index must be an integer in \[0, 2\], got 7/);
  throwsEngine(() => net.dropoutMask(0), /layer 0 is linear, not dropout/);
});
