// Reference trainer for the benchmark, written in the style of TensorFlow Playground's src/nn.ts:
// one object per neuron and per link, scalar arithmetic example by example, gradients accumulated
// over the mini-batch and applied once per batch. It trains the same network on the same work as
// the engine (same initial weights, same epoch permutations, same optimizer and penalty), so the
// benchmark can report the engine's speedup over this per-example style.
//
// One difference from nn.ts: nn.ts runs one example at a time through the whole network. Batch
// norm needs its whole batch at each layer, so here the loops go layer by layer and, inside a
// layer, example by example (each neuron keeps its per-example values in small arrays). The
// arithmetic per example and the object graph are the same.

import { createRng, type Rng } from '../src/engine/rng.ts';
import type { Dataset, LossName, OptimizerSpec, Penalty } from '../src/engine/types.ts';

export interface ReferenceSpec {
  widths: number[];
  activation: 'relu' | 'tanh' | 'sigmoid';
  loss: LossName;
  optimizer: OptimizerSpec;
  penalty?: Penalty;
  dropout?: number;
  batchnorm?: boolean;
  seed: number; // initial weights (drawn like the engine: U(-1/sqrt(in), 1/sqrt(in)), row-major, then biases)
}

type Act = { f: (x: number) => number; der: (x: number, y: number) => number };
const ACTIVATIONS: Record<ReferenceSpec['activation'], Act> = {
  relu: { f: (x) => Math.max(0, x), der: (_x, y) => (y > 0 ? 1 : 0) },
  tanh: { f: (x) => Math.tanh(x), der: (_x, y) => 1 - y * y },
  sigmoid: { f: (x) => 1 / (1 + Math.exp(-x)), der: (_x, y) => y * (1 - y) },
};
const IDENTITY: Act = { f: (x) => x, der: () => 1 };

class Link {
  source: Neuron;
  dest: Neuron;
  weight: number;
  accErrorDer = 0;
  velocity = 0; // SGD momentum buffer
  constructor(source: Neuron, dest: Neuron, weight: number) {
    this.source = source;
    this.dest = dest;
    this.weight = weight;
  }
}

class Neuron {
  inputLinks: Link[] = [];
  outputs: Link[] = [];
  bias = 0;
  accInputDer = 0;
  biasVelocity = 0;
  activation: Act;
  // per-example values of the current batch
  totalInput: Float64Array; // z = bias + sum w x
  normed: Float64Array; // batch norm x_hat (when used)
  act: Float64Array; // after the activation
  output: Float64Array; // after dropout
  outputDer: Float64Array; // dLoss/d output
  inputDer: Float64Array; // dLoss/d z
  keep: Float64Array; // dropout factor: 0 or 1/(1-p)
  // batch norm (when used)
  gamma = 1; beta = 0; runningMean = 0; runningVar = 1; invStd = 1;
  gammaVelocity = 0; betaVelocity = 0; accGamma = 0; accBeta = 0;

  constructor(activation: Act, capacity: number) {
    this.activation = activation;
    this.totalInput = new Float64Array(capacity);
    this.normed = new Float64Array(capacity);
    this.act = new Float64Array(capacity);
    this.output = new Float64Array(capacity);
    this.outputDer = new Float64Array(capacity);
    this.inputDer = new Float64Array(capacity);
    this.keep = new Float64Array(capacity).fill(1);
  }
}

export class ReferenceNetwork {
  private readonly layers: Neuron[][];
  private readonly spec: ReferenceSpec;
  private readonly rng: Rng; // dropout draws
  private readonly lr: number;
  private readonly momentum: number;
  private readonly l1: number;
  private readonly l2: number;
  private step = 0;

  constructor(spec: ReferenceSpec, capacity: number) {
    if (spec.optimizer.type !== 'sgd') throw new Error('the reference implements SGD only');
    this.spec = spec;
    this.lr = spec.optimizer.lr;
    this.momentum = spec.optimizer.momentum ?? 0;
    this.l1 = spec.penalty?.l1 ?? 0;
    this.l2 = spec.penalty?.l2 ?? 0;
    const init = createRng(spec.seed);
    this.rng = createRng(spec.seed + 1);
    const w = spec.widths;
    this.layers = w.map((width, l) =>
      Array.from({ length: width }, () => new Neuron(l === 0 || l === w.length - 1 ? IDENTITY : ACTIVATIONS[spec.activation], capacity)));
    for (let l = 1; l < w.length; l++) {
      const bound = 1 / Math.sqrt(w[l - 1]);
      for (const dest of this.layers[l]) {
        for (const source of this.layers[l - 1]) {
          const link = new Link(source, dest, (2 * init.next() - 1) * bound);
          dest.inputLinks.push(link);
          source.outputs.push(link);
        }
      }
      for (const dest of this.layers[l]) dest.bias = (2 * init.next() - 1) * bound;
    }
  }

  private isHidden(l: number): boolean {
    return l > 0 && l < this.layers.length - 1;
  }

  /** Forward pass of examples 0..n-1 whose inputs are already in the input neurons' outputs. */
  private forward(n: number, train: boolean): void {
    const p = this.spec.dropout ?? 0;
    for (let l = 1; l < this.layers.length; l++) {
      const hidden = this.isHidden(l);
      for (const node of this.layers[l]) {
        for (let b = 0; b < n; b++) {
          let z = node.bias;
          for (const link of node.inputLinks) z += link.weight * link.source.output[b];
          node.totalInput[b] = z;
        }
        let pre = node.totalInput;
        if (hidden && this.spec.batchnorm) {
          this.batchNorm(node, n, train);
          pre = node.normed;
        }
        for (let b = 0; b < n; b++) {
          const y = node.activation.f(pre[b]);
          const keep = hidden && train && p > 0 ? (this.rng.next() >= p ? 1 / (1 - p) : 0) : 1;
          node.act[b] = y;
          node.keep[b] = keep;
          node.output[b] = y * keep;
        }
      }
    }
  }

  /** Batch norm of one neuron over the batch; `normed` holds gamma x_hat + beta, invStd kept for backward. */
  private batchNorm(node: Neuron, n: number, train: boolean): void {
    let mean = node.runningMean, vr = node.runningVar;
    if (train) {
      mean = 0;
      for (let b = 0; b < n; b++) mean += node.totalInput[b];
      mean /= n;
      vr = 0;
      for (let b = 0; b < n; b++) vr += (node.totalInput[b] - mean) ** 2;
      vr /= n;
      node.runningMean = 0.9 * node.runningMean + 0.1 * mean;
      node.runningVar = 0.9 * node.runningVar + (0.1 * vr * n) / (n - 1);
    }
    node.invStd = 1 / Math.sqrt(vr + 1e-5);
    for (let b = 0; b < n; b++) node.normed[b] = node.gamma * (node.totalInput[b] - mean) * node.invStd + node.beta;
  }

  private setInputs(x: Float64Array, rows: Uint32Array | null, start: number, n: number): void {
    const inputs = this.layers[0], d = inputs.length;
    for (let b = 0; b < n; b++) {
      const r = rows === null ? start + b : rows[start + b];
      for (let k = 0; k < d; k++) inputs[k].output[b] = x[r * d + k];
    }
  }

  /** d loss / d output for one example (mean reduction over the batch is applied in the update). */
  private lossDer(o: number, t: number): number {
    return this.spec.loss === 'mse' ? 2 * (o - t) : 1 / (1 + Math.exp(-o)) - t;
  }

  private backward(y: Float64Array, rows: Uint32Array, start: number, n: number): void {
    const L = this.layers.length - 1;
    const outs = this.layers[L];
    for (let b = 0; b < n; b++) {
      const r = rows[start + b];
      outs.forEach((node, k) => { node.outputDer[b] = this.lossDer(node.output[b], y[r * outs.length + k]); });
    }
    for (let l = L; l >= 1; l--) {
      const hidden = this.isHidden(l);
      for (const node of this.layers[l]) {
        // through dropout and the activation, per example
        for (let b = 0; b < n; b++) {
          const pre = hidden && this.spec.batchnorm ? node.normed[b] : node.totalInput[b];
          node.inputDer[b] = node.outputDer[b] * node.keep[b] * node.activation.der(pre, node.act[b]);
        }
        if (hidden && this.spec.batchnorm) this.batchNormBackward(node, n);
        for (let b = 0; b < n; b++) {
          node.accInputDer += node.inputDer[b];
          for (const link of node.inputLinks) link.accErrorDer += node.inputDer[b] * link.source.output[b];
        }
      }
      if (l > 1) {
        for (const node of this.layers[l - 1]) {
          for (let b = 0; b < n; b++) {
            let d = 0;
            for (const link of node.outputs) d += link.weight * link.dest.inputDer[b];
            node.outputDer[b] = d;
          }
        }
      }
    }
  }

  /** Turns d/d(normed) in inputDer into d/d(totalInput), accumulating gamma and beta gradients. */
  private batchNormBackward(node: Neuron, n: number): void {
    let sumD = 0, sumDx = 0;
    for (let b = 0; b < n; b++) {
      const xh = (node.normed[b] - node.beta) / node.gamma;
      sumD += node.inputDer[b];
      sumDx += node.inputDer[b] * xh;
    }
    node.accBeta += sumD;
    node.accGamma += sumDx;
    for (let b = 0; b < n; b++) {
      const xh = (node.normed[b] - node.beta) / node.gamma;
      node.inputDer[b] = node.gamma * node.invStd * (node.inputDer[b] - sumD / n - (xh * sumDx) / n);
    }
  }

  /** SGD with momentum (torch.optim.SGD) on the batch-mean gradient plus the penalty gradient. */
  private update(n: number): void {
    const { lr, momentum, l1, l2 } = this;
    const first = this.step === 0;
    const sgd = (g: number, v: number) => (momentum === 0 ? g : first ? g : momentum * v + g);
    for (let l = 1; l < this.layers.length; l++) {
      for (const node of this.layers[l]) {
        node.biasVelocity = sgd(node.accInputDer / n, node.biasVelocity);
        node.bias -= lr * node.biasVelocity;
        node.accInputDer = 0;
        if (this.isHidden(l) && this.spec.batchnorm) {
          node.gammaVelocity = sgd(node.accGamma / n, node.gammaVelocity);
          node.betaVelocity = sgd(node.accBeta / n, node.betaVelocity);
          node.gamma -= lr * node.gammaVelocity;
          node.beta -= lr * node.betaVelocity;
          node.accGamma = node.accBeta = 0;
        }
        for (const link of node.inputLinks) {
          const w = link.weight;
          const g = link.accErrorDer / n + l1 * Math.sign(w) + 2 * l2 * w;
          link.velocity = sgd(g, link.velocity);
          link.weight = w - lr * link.velocity;
          link.accErrorDer = 0;
        }
      }
    }
    this.step++;
  }

  /** One mini-batch: rows[start .. start + n) of the data set. */
  trainBatch(data: Dataset, rows: Uint32Array, start: number, n: number): void {
    this.setInputs(data.x, rows, start, n);
    this.forward(n, true);
    this.backward(data.y, rows, start, n);
    this.update(n);
  }

  /** Mean data loss over the whole data set in eval mode (capacity must cover data.n). */
  loss(data: Dataset): number {
    this.setInputs(data.x, null, 0, data.n);
    this.forward(data.n, false);
    const outs = this.layers[this.layers.length - 1];
    let sum = 0;
    for (let b = 0; b < data.n; b++) {
      outs.forEach((node, k) => {
        const o = node.output[b], t = data.y[b * outs.length + k];
        sum += this.spec.loss === 'mse' ? (o - t) ** 2 : Math.max(o, 0) - o * t + Math.log1p(Math.exp(-Math.abs(o)));
      });
    }
    return sum / (data.n * outs.length);
  }
}

/** Trains for `epochs` epochs with the engine trainer's permutation rule (mulberry32(seed), Fisher-Yates per epoch). */
export function trainReference(net: ReferenceNetwork, data: Dataset, batchSize: number, epochs: number, seed: number): void {
  const rng = createRng(seed);
  const order = new Uint32Array(data.n);
  for (let e = 0; e < epochs; e++) {
    for (let i = 0; i < data.n; i++) order[i] = i;
    rng.shuffle(order);
    for (let start = 0; start < data.n; start += batchSize) net.trainBatch(data, order, start, Math.min(batchSize, data.n - start));
  }
}
