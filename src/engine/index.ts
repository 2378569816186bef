// Public API of the training engine (see CONTRACT.md).
export { EngineError, DivergenceError } from './errors.ts';
export { createRng } from './rng.ts';
export type { Rng } from './rng.ts';
export { createNetwork, mlpLayers } from './network.ts';
export { createTrainer } from './trainer.ts';
export { lossValue } from './losses.ts';
export type { Trainer, TrainerSpec, EpochRecord } from './trainer.ts';
export { makeClassification, makeRegression } from './datasets.ts';
export type { ClassificationName, ClassificationOptions, RegressionOptions } from './datasets.ts';
export { lasso, ridge, regularizationPath, warmStartIndex } from './linear-models.ts';
export { softThreshold } from './penalties.ts';
export type { LinearFit, LassoOptions } from './linear-models.ts';
export { createEarlyStopping, runEarlyStopping } from './early-stopping.ts';
export type { EarlyStoppingParams, EarlyStoppingEvent, EarlyStoppingState, EarlyStopping, EarlyStoppingRun } from './early-stopping.ts';
export type {
  LayerSpec, LossName, Penalty, OptimizerSpec, Mode, NetworkSpec, StepResult, Network, ParamsJSON,
  LinearParamsJSON, BatchNormParamsJSON, LinearGrads, BatchNormGrads, BatchNormStats, Dataset,
} from './types.ts';
