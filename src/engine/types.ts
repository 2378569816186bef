// Public types of the engine (see CONTRACT.md). Type-only module.

export type LayerSpec =
  | { type: 'linear'; in: number; out: number; weight?: number[][] /* out x in */; bias?: number[] }
  | { type: 'relu' }
  | { type: 'tanh' }
  | { type: 'sigmoid' }
  | { type: 'dropout'; p: number }
  | {
      type: 'batchnorm1d'; features: number; eps?: number /* 1e-5 */; momentum?: number /* 0.1 */;
      gamma?: number[]; beta?: number[]; running_mean?: number[]; running_var?: number[];
    };

/** Mean reduction as PyTorch; cross_entropy takes one-hot target rows (nn.CrossEntropyLoss with class indices). */
export type LossName = 'mse' | 'bce_with_logits' | 'cross_entropy';

/** Added to the loss: l1 * sum|W| + l2 * sum W^2 over the weight matrices of linear layers only. */
export interface Penalty { l1: number; l2: number }

export type OptimizerSpec =
  | { type: 'sgd'; lr: number; momentum?: number; dampening?: number; nesterov?: boolean; weight_decay?: number }
  | { type: 'adam' | 'adamw'; lr: number; betas?: [number, number]; eps?: number; weight_decay?: number; amsgrad?: boolean };

export type Mode = 'train' | 'eval';

export interface NetworkSpec {
  layers: LayerSpec[];
  loss: LossName;
  optimizer: OptimizerSpec;
  penalty?: Penalty;
  seed?: number; // default 0
  initScale?: number; // default 1
}

export interface StepResult { loss: number; dataLoss: number; penaltyLoss: number; step: number }

export type LinearParamsJSON = { weight: number[][]; bias: number[] };
export type BatchNormParamsJSON = { gamma: number[]; beta: number[]; running_mean: number[]; running_var: number[] };
export type ParamsJSON = Record<string, LinearParamsJSON | BatchNormParamsJSON>;

export type LinearGrads = { weight: Float64Array; bias: Float64Array };
export type BatchNormGrads = { gamma: Float64Array; beta: Float64Array };

export interface BatchNormStats {
  batchMean: Float64Array; batchVar: Float64Array; runningMean: Float64Array; runningVar: Float64Array;
}

export interface Network {
  readonly spec: NetworkSpec;
  readonly inputSize: number;
  readonly outputSize: number;
  mode: Mode;
  trainStep(x: Float64Array, y: Float64Array, n: number, masks?: Record<number, Uint8Array>): StepResult;
  forward(x: Float64Array, n: number, mode?: Mode): Float64Array;
  loss(x: Float64Array, y: Float64Array, n: number, mode?: Mode): number;
  layerOutput(i: number): Float64Array;
  lastBatchSize(): number;
  dropoutMask(i: number): Uint8Array | null;
  batchNormStats(i: number): BatchNormStats;
  gradients(i: number): LinearGrads | BatchNormGrads | null;
  setPenalty(p: Penalty): void;
  setLearningRate(lr: number): void;
  setDropout(p: number): void;
  params(): ParamsJSON;
  loadParams(p: ParamsJSON): void;
  weightMatrices(): Float64Array[];
  penaltyValue(): number;
  /** State of the network's rng (mulberry32): the next dropout mask continues from it. */
  rngState(): number;
}

export interface Dataset { x: Float64Array; y: Float64Array; n: number; inputs: number; outputs: number }
