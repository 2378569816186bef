// A feed-forward network trained on mini-batches, with PyTorch's semantics (float64):
// each trainStep = forward -> loss (data + penalty) -> backward -> one optimizer step.
//
// Random draws (network rng = mulberry32(spec.seed ?? 0)), in this order:
//   1. initialisation, layer by layer: a linear layer without a given weight draws
//      W[o][i] = (2 next() - 1) / sqrt(in) row-major (times initScale), then, without a given bias,
//      b[o] = (2 next() - 1) / sqrt(in): PyTorch's default U(-1/sqrt(in), 1/sqrt(in));
//   2. then, at every train-mode forward, dropout masks (see Dropout in layers.ts), layer by layer.
//
// Memory: all parameters live in one Float64Array (layer by layer: W then b, or gamma then beta),
// the gradients in another of the same layout; per-layer activation buffers are sized for the
// largest batch seen and reused, so the training loop allocates nothing per element.

import { DivergenceError, EngineError, show } from './errors.ts';
import { Activation, BatchNorm, Dropout, Linear, type Layer } from './layers.ts';
import { LOSSES, lossAndGrad, lossValue } from './losses.ts';
import { createOptimizer, validateLearningRate, validateOptimizer, type Optimizer } from './optim.ts';
import { validatePenalty } from './penalties.ts';
import { createRng, type Rng } from './rng.ts';
import type {
  BatchNormGrads, BatchNormStats, LayerSpec, LinearGrads, Mode, Network, NetworkSpec, ParamsJSON, Penalty, StepResult,
} from './types.ts';

/** Layer list of a plain MLP: widths [in, h1, ..., out]; after every hidden linear layer
 *  [batchnorm1d] -> activation -> [dropout]; the output layer is linear only. A dropout layer is
 *  added whenever `dropout` is given (even 0, so setDropout can change it live). */
export function mlpLayers(o: { widths: number[]; activation: 'relu' | 'tanh' | 'sigmoid'; dropout?: number; batchnorm?: boolean }): LayerSpec[] {
  const { widths, activation, dropout, batchnorm = false } = o;
  if (!Array.isArray(widths) || widths.length < 2) throw new EngineError(`widths must list at least an input and an output size, got ${show(widths)}`);
  const layers: LayerSpec[] = [];
  for (let i = 0; i + 1 < widths.length; i++) {
    layers.push({ type: 'linear', in: widths[i], out: widths[i + 1] });
    if (i + 2 === widths.length) break;
    if (batchnorm) layers.push({ type: 'batchnorm1d', features: widths[i + 1] });
    layers.push({ type: activation });
    if (dropout !== undefined) layers.push({ type: 'dropout', p: dropout });
  }
  return layers;
}

export function createNetwork(spec: NetworkSpec): Network {
  return new Net(spec);
}

type ParamRange = { start: number; end: number; penalised: boolean };

function isPositiveInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1;
}

function fillRow(name: string, dst: Float64Array, offset: number, src: unknown, len: number): void {
  if (!Array.isArray(src) || src.length !== len) throw new EngineError(`${name} must hold ${len} numbers, got ${show(src)}`);
  for (let i = 0; i < len; i++) {
    const v = src[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new EngineError(`${name}[${i}] must be a finite number, got ${show(v)}`);
    dst[offset + i] = v;
  }
}

function fillMatrix(name: string, dst: Float64Array, src: unknown, rows: number, cols: number): void {
  if (!Array.isArray(src) || src.length !== rows) throw new EngineError(`${name} must have ${rows} rows of ${cols}, got ${show(src)}`);
  for (let r = 0; r < rows; r++) fillRow(`${name}[${r}]`, dst, r * cols, src[r], cols);
}

class Net implements Network {
  readonly spec: NetworkSpec;
  readonly inputSize: number;
  readonly outputSize: number;
  private modeValue: Mode = 'train';
  private readonly layers: Layer[];
  private readonly paramLayer: ParamRange[][] = []; // per layer index: its ranges in the flat buffers
  private readonly ranges: ParamRange[] = [];
  private readonly P: Float64Array; // all parameters
  private readonly G: Float64Array; // their gradients (last step)
  private readonly saved: Float64Array; // snapshot to undo a diverged step
  private readonly optimizer: Optimizer;
  private readonly rng: Rng;
  private readonly firstParamLayer: number;
  private readonly batchNorms: BatchNorm[];
  private penalty: Penalty;
  private capacity = 0;
  private lossGrad = new Float64Array(0);
  private lastN = 0;
  private steps = 0;

  constructor(spec: NetworkSpec) {
    if (typeof spec !== 'object' || spec === null) throw new EngineError(`network spec must be an object, got ${show(spec)}`);
    if (!LOSSES.includes(spec.loss)) throw new EngineError(`unsupported loss ${show(spec.loss)} (expected mse, bce_with_logits or cross_entropy)`);
    if (!Array.isArray(spec.layers) || spec.layers.length === 0) throw new EngineError(`layers must be a non-empty array, got ${show(spec.layers)}`);
    const seed = spec.seed ?? 0;
    if (!Number.isInteger(seed)) throw new EngineError(`seed must be an integer, got ${show(seed)}`);
    const initScale = spec.initScale ?? 1;
    if (!Number.isFinite(initScale)) throw new EngineError(`initScale must be a finite number, got ${show(initScale)}`);
    this.penalty = validatePenalty(spec.penalty);
    const optimizer = validateOptimizer(spec.optimizer);
    this.rng = createRng(seed);

    // Build the layers, checking that widths chain.
    const layerSpecs = spec.layers.map((l, i) => this.checkLayer(l, i));
    this.layers = [];
    let width = 0;
    let size = 0;
    for (let i = 0; i < layerSpecs.length; i++) {
      const l = layerSpecs[i];
      if (l.type === 'linear') {
        if (i > 0 && l.in !== width) throw new EngineError(`linear layer ${i} expects ${l.in} inputs, but the previous layer gives ${width}`);
        this.layers.push(new Linear(l.in, l.out));
        this.paramLayer[i] = [
          { start: size, end: size + l.in * l.out, penalised: true },
          { start: size + l.in * l.out, end: size + l.in * l.out + l.out, penalised: false },
        ];
        size += l.in * l.out + l.out;
        width = l.out;
      } else if (l.type === 'batchnorm1d') {
        if (i > 0 && l.features !== width) throw new EngineError(`batchnorm1d layer ${i} expects ${l.features} features, but the previous layer gives ${width}`);
        const rm = new Float64Array(l.features), rv = new Float64Array(l.features).fill(1);
        this.layers.push(new BatchNorm(l.features, l.eps ?? 1e-5, l.momentum ?? 0.1, rm, rv));
        this.paramLayer[i] = [
          { start: size, end: size + l.features, penalised: false },
          { start: size + l.features, end: size + 2 * l.features, penalised: false },
        ];
        size += 2 * l.features;
        width = l.features;
      } else {
        if (i === 0) throw new EngineError(`layer 0 must be linear or batchnorm1d (it fixes the input width), got ${show(l.type)}`);
        this.layers.push(l.type === 'dropout' ? new Dropout(l.p, width) : new Activation(l.type, width));
        this.paramLayer[i] = [];
      }
    }
    this.inputSize = layerSpecs[0].type === 'linear' ? layerSpecs[0].in : (layerSpecs[0] as { features: number }).features;
    this.outputSize = width;
    this.firstParamLayer = layerSpecs.findIndex((l) => l.type === 'linear' || l.type === 'batchnorm1d');
    for (const r of this.paramLayer) this.ranges.push(...r);
    this.batchNorms = this.layers.filter((l): l is BatchNorm => l instanceof BatchNorm);

    this.P = new Float64Array(size);
    this.G = new Float64Array(size);
    this.saved = new Float64Array(size);
    this.bindViews();
    this.initialise(layerSpecs, initScale);
    this.optimizer = createOptimizer(optimizer, size);
    this.spec = { ...spec, layers: layerSpecs, optimizer, penalty: { ...this.penalty }, seed, initScale };
  }

  /** Validates one layer spec and fills PyTorch's defaults. */
  private checkLayer(l: LayerSpec, i: number): LayerSpec {
    if (typeof l !== 'object' || l === null) throw new EngineError(`layer ${i} must be an object, got ${show(l)}`);
    const allowed: Record<string, string[]> = {
      linear: ['type', 'in', 'out', 'weight', 'bias'],
      relu: ['type'], tanh: ['type'], sigmoid: ['type'],
      dropout: ['type', 'p'],
      batchnorm1d: ['type', 'features', 'eps', 'momentum', 'gamma', 'beta', 'running_mean', 'running_var'],
    };
    const keys = allowed[l.type];
    if (keys === undefined) throw new EngineError(`unsupported layer type ${show(l.type)} at layer ${i}`);
    for (const k of Object.keys(l)) if (!keys.includes(k)) throw new EngineError(`unsupported option '${k}' on ${l.type} layer ${i}`);
    switch (l.type) {
      case 'linear':
        if (!isPositiveInt(l.in)) throw new EngineError(`linear layer ${i}: in must be an integer >= 1, got ${show(l.in)}`);
        if (!isPositiveInt(l.out)) throw new EngineError(`linear layer ${i}: out must be an integer >= 1, got ${show(l.out)}`);
        return { ...l };
      case 'dropout':
        if (typeof l.p !== 'number' || !(l.p >= 0 && l.p <= 1)) throw new EngineError(`dropout p must be in [0, 1], got ${show(l.p)}`);
        return { ...l };
      case 'batchnorm1d': {
        if (!isPositiveInt(l.features)) throw new EngineError(`batchnorm1d layer ${i}: features must be an integer >= 1, got ${show(l.features)}`);
        const eps = l.eps ?? 1e-5, momentum = l.momentum ?? 0.1;
        if (typeof eps !== 'number' || !(eps > 0)) throw new EngineError(`batchnorm1d layer ${i}: eps must be > 0, got ${show(eps)}`);
        if (typeof momentum !== 'number' || !(momentum >= 0 && momentum <= 1)) throw new EngineError(`batchnorm1d layer ${i}: momentum must be in [0, 1], got ${show(momentum)}`);
        return { ...l, eps, momentum };
      }
      default:
        return { ...l };
    }
  }

  private bindViews(): void {
    this.layers.forEach((layer, i) => {
      const [a, b] = this.paramLayer[i];
      if (layer instanceof Linear) {
        layer.W = this.P.subarray(a.start, a.end); layer.b = this.P.subarray(b.start, b.end);
        layer.gW = this.G.subarray(a.start, a.end); layer.gb = this.G.subarray(b.start, b.end);
      } else if (layer instanceof BatchNorm) {
        layer.gamma = this.P.subarray(a.start, a.end); layer.beta = this.P.subarray(b.start, b.end);
        layer.gGamma = this.G.subarray(a.start, a.end); layer.gBeta = this.G.subarray(b.start, b.end);
      }
    });
  }

  /** Given values, or PyTorch's default init drawn from the network rng (see the header). */
  private initialise(specs: LayerSpec[], initScale: number): void {
    specs.forEach((l, i) => {
      const layer = this.layers[i];
      if (l.type === 'linear' && layer instanceof Linear) {
        const bound = 1 / Math.sqrt(l.in);
        if (l.weight !== undefined) fillMatrix(`linear layer ${i} weight`, layer.W, l.weight, l.out, l.in);
        else for (let k = 0; k < layer.W.length; k++) layer.W[k] = (2 * this.rng.next() - 1) * bound * initScale;
        if (l.bias !== undefined) fillRow(`linear layer ${i} bias`, layer.b, 0, l.bias, l.out);
        else for (let k = 0; k < layer.b.length; k++) layer.b[k] = (2 * this.rng.next() - 1) * bound;
      } else if (l.type === 'batchnorm1d' && layer instanceof BatchNorm) {
        const f = l.features;
        layer.gamma.fill(1);
        if (l.gamma !== undefined) fillRow(`batchnorm1d layer ${i} gamma`, layer.gamma, 0, l.gamma, f);
        if (l.beta !== undefined) fillRow(`batchnorm1d layer ${i} beta`, layer.beta, 0, l.beta, f);
        if (l.running_mean !== undefined) fillRow(`batchnorm1d layer ${i} running_mean`, layer.runningMean, 0, l.running_mean, f);
        if (l.running_var !== undefined) fillRow(`batchnorm1d layer ${i} running_var`, layer.runningVar, 0, l.running_var, f);
      }
    });
  }

  get mode(): Mode {
    return this.modeValue;
  }

  set mode(m: Mode) {
    if (m !== 'train' && m !== 'eval') throw new EngineError(`mode must be 'train' or 'eval', got ${show(m)}`);
    this.modeValue = m;
  }

  // ---------------------------------------------------------------- batches

  private ensureCapacity(n: number): void {
    if (n <= this.capacity) return;
    for (const l of this.layers) l.resize(n);
    this.lossGrad = new Float64Array(n * this.outputSize);
    this.capacity = n;
  }

  /** Checks sizes and that every value is finite ("x holds NaN at row 4, column 1"). */
  private checkBatch(name: string, a: Float64Array, n: number, width: number): void {
    if (!isPositiveInt(n)) throw new EngineError(`batch size n must be an integer >= 1, got ${show(n)}`);
    if (!(a instanceof Float64Array)) throw new EngineError(`${name} must be a Float64Array, got ${show(a)}`);
    if (a.length < n * width) throw new EngineError(`${name} has ${a.length} values, expected n * ${width} = ${n * width} (n = ${n})`);
    let bad = 0;
    for (let i = 0; i < n * width; i++) bad += a[i] * 0;
    if (bad === 0) return;
    for (let i = 0; i < n * width; i++) {
      if (!Number.isFinite(a[i])) throw new EngineError(`${name} holds ${a[i]} at row ${Math.floor(i / width)}, column ${i % width}`);
    }
  }

  private forwardPass(x: Float64Array, n: number, train: boolean, masks?: Record<number, Uint8Array>): Float64Array {
    let a = x;
    for (let i = 0; i < this.layers.length; i++) {
      const l = this.layers[i];
      switch (l.kind) {
        case 'linear': a = l.forward(a, n); break;
        case 'dropout': a = l.forward(a, n, train, this.rng, masks === undefined ? undefined : this.checkMask(masks[i], i, n)); break;
        case 'batchnorm1d': a = l.forward(a, n, train); break;
        default: a = l.forward(a, n);
      }
    }
    this.lastN = n;
    return a;
  }

  private checkMask(m: Uint8Array | undefined, i: number, n: number): Uint8Array | undefined {
    if (m === undefined) return undefined;
    const len = n * (this.layers[i] as Dropout).features;
    if (m.length < len) throw new EngineError(`dropout mask for layer ${i} has ${m.length} values, expected ${len}`);
    return m;
  }

  private backwardPass(x: Float64Array, dOut: Float64Array, n: number): void {
    let g = dOut;
    for (let i = this.layers.length - 1; i >= this.firstParamLayer; i--) {
      const l = this.layers[i];
      const needGradIn = i > this.firstParamLayer;
      switch (l.kind) {
        case 'linear': g = l.backward(i === 0 ? x : this.layers[i - 1].out, g, n, needGradIn); break;
        case 'dropout': g = l.backward(g, n); break;
        case 'batchnorm1d': g = l.backward(g, n, needGradIn); break;
        default: g = l.backward(g, n);
      }
    }
  }

  trainStep(x: Float64Array, y: Float64Array, n: number, masks?: Record<number, Uint8Array>): StepResult {
    this.checkBatch('x', x, n, this.inputSize);
    this.checkBatch('y', y, n, this.outputSize);
    this.ensureCapacity(n);
    const train = this.modeValue === 'train';
    if (train && n < 2 && this.batchNorms.length > 0) throw new EngineError(`batchnorm1d needs more than 1 row per batch in train mode, got n = ${n}`);
    const step = this.steps + 1;
    const out = this.forwardPass(x, n, train, masks);
    const dataLoss = lossAndGrad(this.spec.loss, out, y, n, this.outputSize, this.lossGrad);
    if (!Number.isFinite(dataLoss)) throw this.diverged(step, dataLoss, `the loss became ${dataLoss}`);
    this.backwardPass(x, this.lossGrad, n);

    // Optimizer step over every parameter range; the penalty applies to linear weights only.
    this.saved.set(this.P);
    this.optimizer.save();
    this.optimizer.begin();
    const { l1, l2 } = this.penalty;
    let penalty = 0;
    // Without a penalty every range gets the same rule: one pass over the whole buffer.
    if (l1 === 0 && l2 === 0) penalty = this.optimizer.update(this.P, this.G, 0, this.P.length, 0, 0);
    else for (const r of this.ranges) penalty += this.optimizer.update(this.P, this.G, r.start, r.end, r.penalised ? l1 : 0, r.penalised ? l2 : 0);
    if (!Number.isFinite(penalty)) {
      this.P.set(this.saved);
      this.optimizer.restore();
      throw this.divergedAfterUpdate(step);
    }
    if (train) for (const l of this.batchNorms) l.commitRunningStats();
    this.steps = step;
    return { loss: dataLoss + penalty, dataLoss, penaltyLoss: penalty, step };
  }

  private diverged(step: number, value: number, what: string): DivergenceError {
    return new DivergenceError(`training diverged at step ${step}: ${what}; parameters kept from before this step (try a smaller learning rate)`, step, value);
  }

  /** Names the first non-finite gradient (or parameter) of a step whose update was undone. */
  private divergedAfterUpdate(step: number): DivergenceError {
    for (let i = 0; i < this.layers.length; i++) {
      for (const [k, r] of this.paramLayer[i].entries()) {
        for (let j = r.start; j < r.end; j++) {
          const g = this.G[j];
          if (!Number.isFinite(g)) return this.diverged(step, g, `the gradient of layer ${i} ${this.paramName(i, k)}[${j - r.start}] is ${g}`);
        }
      }
    }
    const pen = this.penaltyValue();
    if (!Number.isFinite(pen)) return this.diverged(step, pen, `the penalty became ${pen}`);
    return this.diverged(step, Infinity, 'a parameter update overflowed to a non-finite value');
  }

  private paramName(i: number, k: number): string {
    return this.layers[i] instanceof Linear ? (k === 0 ? 'weight' : 'bias') : k === 0 ? 'gamma' : 'beta';
  }

  forward(x: Float64Array, n: number, mode: Mode = this.modeValue): Float64Array {
    this.checkBatch('x', x, n, this.inputSize);
    this.ensureCapacity(n);
    return this.forwardPass(x, n, mode === 'train').subarray(0, n * this.outputSize);
  }

  loss(x: Float64Array, y: Float64Array, n: number, mode: Mode = this.modeValue): number {
    this.checkBatch('y', y, n, this.outputSize);
    const out = this.forward(x, n, mode);
    return lossValue(this.spec.loss, out, y, n, this.outputSize);
  }

  // ---------------------------------------------------------------- inspection

  private layerAt(i: number): Layer {
    const l = this.layers[i];
    if (!Number.isInteger(i) || l === undefined) throw new EngineError(`layer index must be an integer in [0, ${this.layers.length - 1}], got ${show(i)}`);
    return l;
  }

  layerOutput(i: number): Float64Array {
    const l = this.layerAt(i);
    const width = l instanceof Linear ? l.outF : l.features;
    return l.out.subarray(0, this.lastN * width);
  }

  lastBatchSize(): number {
    return this.lastN;
  }

  dropoutMask(i: number): Uint8Array | null {
    const l = this.layerAt(i);
    if (!(l instanceof Dropout)) throw new EngineError(`layer ${i} is ${l.kind}, not dropout`);
    return l.lastTrain ? l.mask.subarray(0, this.lastN * l.features) : null;
  }

  batchNormStats(i: number): BatchNormStats {
    const l = this.layerAt(i);
    if (!(l instanceof BatchNorm)) throw new EngineError(`layer ${i} is ${l.kind}, not batchnorm1d`);
    return { batchMean: l.batchMean, batchVar: l.batchVar, runningMean: l.runningMean, runningVar: l.runningVar };
  }

  gradients(i: number): LinearGrads | BatchNormGrads | null {
    const l = this.layerAt(i);
    if (l instanceof Linear) return { weight: l.gW, bias: l.gb };
    if (l instanceof BatchNorm) return { gamma: l.gGamma, beta: l.gBeta };
    return null;
  }

  // ---------------------------------------------------------------- live changes

  setPenalty(p: Penalty): void {
    this.penalty = validatePenalty(p);
    this.spec.penalty = { ...this.penalty };
  }

  setLearningRate(lr: number): void {
    this.optimizer.lr = validateLearningRate(lr);
    this.spec.optimizer.lr = lr;
  }

  setDropout(p: number): void {
    if (typeof p !== 'number' || !(p >= 0 && p <= 1)) throw new EngineError(`dropout p must be in [0, 1], got ${show(p)}`);
    this.layers.forEach((l, i) => {
      if (l instanceof Dropout) {
        l.p = p;
        this.spec.layers[i] = { type: 'dropout', p };
      }
    });
  }

  // ---------------------------------------------------------------- parameters

  params(): ParamsJSON {
    const out: ParamsJSON = {};
    this.layers.forEach((l, i) => {
      if (l instanceof Linear) {
        const weight: number[][] = [];
        for (let o = 0; o < l.outF; o++) weight.push(Array.from(l.W.subarray(o * l.inF, (o + 1) * l.inF)));
        out[i] = { weight, bias: Array.from(l.b) };
      } else if (l instanceof BatchNorm) {
        out[i] = {
          gamma: Array.from(l.gamma), beta: Array.from(l.beta),
          running_mean: Array.from(l.runningMean), running_var: Array.from(l.runningVar),
        };
      }
    });
    return out;
  }

  loadParams(p: ParamsJSON): void {
    if (typeof p !== 'object' || p === null) throw new EngineError(`params must be an object, got ${show(p)}`);
    // Validate everything into a copy first, so a bad argument changes nothing.
    const P = this.P.slice();
    const stats: [Float64Array, Float64Array, Float64Array, Float64Array][] = [];
    this.layers.forEach((l, i) => {
      if (!(l instanceof Linear || l instanceof BatchNorm)) return;
      const entry = p[i] as Record<string, unknown> | undefined;
      if (entry === undefined) throw new EngineError(`params lack layer ${i} (${l.kind})`);
      const [a, b] = this.paramLayer[i];
      if (l instanceof Linear) {
        fillMatrix(`layer ${i} weight`, P.subarray(a.start, a.end), entry.weight, l.outF, l.inF);
        fillRow(`layer ${i} bias`, P, b.start, entry.bias, l.outF);
      } else {
        const f = l.features, rm = new Float64Array(f), rv = new Float64Array(f);
        fillRow(`layer ${i} gamma`, P, a.start, entry.gamma, f);
        fillRow(`layer ${i} beta`, P, b.start, entry.beta, f);
        fillRow(`layer ${i} running_mean`, rm, 0, entry.running_mean, f);
        fillRow(`layer ${i} running_var`, rv, 0, entry.running_var, f);
        stats.push([l.runningMean, rm, l.runningVar, rv]);
      }
    });
    this.P.set(P);
    for (const [m, rm, v, rv] of stats) { m.set(rm); v.set(rv); }
  }

  weightMatrices(): Float64Array[] {
    return this.layers.filter((l): l is Linear => l instanceof Linear).map((l) => l.W);
  }

  penaltyValue(): number {
    const { l1, l2 } = this.penalty;
    let a = 0, b = 0;
    for (const r of this.ranges) {
      if (!r.penalised) continue;
      for (let j = r.start; j < r.end; j++) { const w = this.P[j]; a += Math.abs(w); b += w * w; }
    }
    return l1 * a + l2 * b;
  }

  rngState(): number {
    return this.rng.state();
  }
}
