/**
 * "Reproduce in PyTorch / scikit-learn": the types of a run recipe, the complete description of
 * one demo run from which src/reproduce/ writes a self-contained Python script (and which the
 * engine can replay, see engine-run.ts). Pure data: no DOM, no Node APIs; runs in the browser
 * and under Node. Type-only module. How a demo provides its recipe: docs/writing-a-demo.md.
 */
import type { Dataset, EarlyStoppingParams, LayerSpec, LossName, OptimizerSpec, ParamsJSON, Penalty } from '../engine/index.ts';
import type { Fields } from '../demos/settings-kit.ts';

export type Library = 'pytorch' | 'scikit-learn';

/** What a live change sets (the names of the engine's live setters). */
export interface LiveSet {
  lr?: number;        // network.setLearningRate
  l1?: number;        // network.setPenalty({ l1, l2 })
  l2?: number;
  dropout?: number;   // network.setDropout: every dropout layer
  /**
   * The strength of a proximal L1 step (not a loss term, so no network setter): after every
   * optimizer step the run soft-thresholds the linear weights by lr * proxL1 (engine softThreshold).
   */
  proxL1?: number;
}

/** A change the learner made while the run trained (a slider moved without a reset). */
export interface Change {
  /** Optimizer steps taken when it took effect: it applies to step `step + 1` (1-based) and later. */
  step: number;
  /** Epochs finished at that moment (for the reader; `step` decides). */
  epoch: number;
  set: LiveSet;
}

/** One printed line of a run: `{"epoch": 3, "train_loss": ..., "val_loss": ...}` and the like. */
export type LineValue = number | string | boolean | null | LineValue[] | { [k: string]: LineValue };
export type Line = Record<string, LineValue>;

/** The extra per-epoch figures a demo shows, besides "epoch", "train_loss" and "val_loss". */
export interface Figures {
  /** "train_accuracy", "val_accuracy": share of points whose logit has the label's side (> 0: class 1). */
  accuracy?: boolean;
  /** "penalty": (l1 + proxL1) sum|W| + l2 sum W^2 over the linear weights, after the epoch (the loss's penalty term, plus the proximal step's L1 penalty). */
  penalty?: boolean;
  /** "zero_weights": how many linear weights have |w| <= below (0: exactly zero). */
  zeroWeights?: { below: number };
  /** "near_zero_weights": how many linear weights have |w| < below (strictly: a demo's "near zero"). */
  nearZeroWeights?: { below: number };
  /** "lr": the learning rate in use. */
  lr?: boolean;
  /** "bn": {"<layer index>": {"running_mean": [...], "running_var": [...]}} of every batchnorm1d layer. */
  bnRunning?: boolean;
  /**
   * A line after every optimizer step too (a demo that shows each step), and "step" in the epoch
   * lines: {"step", "batch_loss"} (the step's data loss on its mini-batch) and, with dropout layers,
   * "p", "dropped" and "units" (the batch's hidden units the step's masks zeroed, of all of them);
   * with `masks`, "masks": one string per example of the batch, a character per neuron of the
   * dropout layers ("1" kept, "0" dropped), the layers separated by "|".
   */
  perStep?: { masks?: boolean };
}

/** Keras 3.15 EarlyStopping with the demo's settings (mode resolved: 'min' or 'max'). */
export interface EarlyStoppingPlan {
  monitor: 'val_loss' | 'val_accuracy';
  params: Required<EarlyStoppingParams>;
  /** Keras' own `mode` argument as the learner chose it ('auto' included), for the script's comment. */
  kerasMode?: 'auto' | 'min' | 'max';
  /**
   * 'stop': the rule runs after every epoch and stops training; the epoch lines carry "wait" and
   *   "best"; a last line reports where it stopped and measures the model kept.
   * 'compare': every epoch is trained, then the rule is replayed over the recorded values once per
   *   patience in `patiences` (one line each: what each patience would have saved).
   */
  action: 'stop' | 'compare';
  patiences?: number[];
}

/** What every recipe has: which demo, its settings, where to see it. */
export interface RecipeHead {
  format: 'regularization-lab-recipe/1';
  /** The reproduction id: the CLI's DEMO and the file name `<demo>.py`. */
  demo: string;
  title: string;
  chapter: { slug: string; title: string; page?: string };
  /** The link that reopens the demo with these settings. */
  link: string;
  /** The run's settings as the demo validated them (at the start of the run). */
  settings: Record<string, number | string | boolean>;
  /** Settings that differ from the defaults, as a link query (`--settings` of the CLI). */
  query: string;
  /** Numbers the demo showed in the browser for this run; the script checks itself against them. */
  shown?: Line[];
}

/** A network trained on mini-batches: the Python script uses torch. */
export interface TorchRecipe extends RecipeHead {
  library: 'pytorch';
  network: {
    /** As the engine validated them (dropout p, batchnorm eps and momentum); no parameters. */
    layers: LayerSpec[];
    loss: LossName;
    optimizer: OptimizerSpec;
    penalty: Penalty;
    /** Strength of a proximal L1 step after every optimizer step (LiveSet.proxL1); 0 or absent: none. */
    proxL1?: number;
    /** The initial parameters, exactly (network.params() before the first step). */
    initial: ParamsJSON;
    /** The network rng's state after initialisation: the dropout masks continue from it. */
    rngState: number;
  };
  data: { train: Dataset; val: Dataset | null };
  /**
   * Where the script gets the data instead of embedding it: `sklearn-digits` loads
   * sklearn.datasets.load_digits(), scales the pixels by 1/16 and takes these rows, in order
   * (the engine's `data` holds the same rows; src/data/digits/).
   */
  dataSource?: DataSource;
  /** Rows per mini-batch (at most the training set: the engine clamps it). */
  batchSize: number;
  /** Seed of the trainer's rng: the epoch permutations. */
  shuffleSeed: number;
  epochs: number;
  /**
   * Stop after this many optimizer steps (a demo trained step by step, with no epoch count): the
   * last epoch may end part-way, without its epoch line. Not with early stopping.
   */
  stopAfterSteps?: number;
  changes: Change[];
  figures: Figures;
  earlyStopping?: EarlyStoppingPlan;
  /** The demo's explosion guard: stop once the training loss exceeds factor * max(initial loss, floor). */
  divergence?: { factor: number; floor: number };
}

/** A data set the script loads itself (TorchRecipe.dataSource). */
export interface DataSource { kind: 'sklearn-digits'; trainRows: number[]; valRows: number[] }

/** One model fitted along a list of alphas, and at single alphas (a demo's markers). */
export interface SklearnPath {
  /** 'l1': sklearn.linear_model.Lasso (coordinate descent, warm starts along the path); 'l2': Ridge (closed form). */
  penalty: 'l1' | 'l2';
  /** In the order they are fitted (warm starts follow it). Lines: {"model": "lasso" | "ridge", "fit": "path", "alpha", ...}. */
  alphas: number[];
  /**
   * Fits at exactly these alphas after the path ({"fit": "marker"} lines). A Lasso marker starts
   * from the path's coefficients at the smallest path alpha >= it (zeros if there is none).
   */
  markers?: number[];
}

/** Lasso and/or Ridge along lists of alphas: the Python script uses scikit-learn. */
export interface SklearnRecipe extends RecipeHead {
  library: 'scikit-learn';
  /** n x d row-major, as makeRegression gives it; `val` optional (held-out error along the path). */
  data: { X: Float64Array; y: Float64Array; n: number; d: number; val?: { X: Float64Array; y: Float64Array; n: number } | null; trueCoef?: number[] };
  /** The models, fitted one after the other; each line names its model, its fit and its alpha. */
  paths: SklearnPath[];
  /** Lasso's max_iter and tol (the engine's defaults: 10000 and 1e-4; scikit-learn's max_iter default is 1000). */
  maxIter: number;
  tol: number;
  /** "train_mse" (and "val_mse" with val data) besides "alpha", "coef", "intercept", "nonzero", "zeros". */
  mse?: boolean;
}

/**
 * A run the generic network script cannot describe (several networks side by side, a grid of
 * runs): the demo writes the script and the engine's lines itself. `body` is the demo's own data;
 * `compare` (optional) replaces the plain 1e-6 comparison, e.g. to compare chaotic runs by their
 * outcome only; it must report what it did not compare.
 */
export interface ProgramRecipe extends RecipeHead {
  library: 'pytorch';
  program: RecipeProgram;
  body: unknown;
}

export interface RecipeProgram {
  /** What tells its lines apart (default: the epoch); see lineKey in recipe.ts. */
  lineKey?: { names: string[]; noun: string };
  script(r: ProgramRecipe): string;
  engine(r: ProgramRecipe): Line[];
  compare?(script: Line[], engine: Line[], r: ProgramRecipe): RunComparison;
}

/** Script lines against the engine's (scripts/reproduce.ts compareRuns, or a program's own). */
export interface RunComparison { ok: boolean; lines: number; worst: number; problems: string[]; notes?: string[] }

export type Recipe = TorchRecipe | SklearnRecipe | ProgramRecipe;
export type RecipeBody = Omit<TorchRecipe, keyof RecipeHead> | Omit<SklearnRecipe, keyof RecipeHead> | Omit<ProgramRecipe, keyof RecipeHead>;

/** What a button (or the CLI) hands over: the run's settings and the learner's live changes. */
export interface RunInput {
  settings: Record<string, unknown>;
  changes?: Change[];
  /** The demo's latest snapshot (browser), for the numbers it showed. */
  snapshot?: unknown;
  /** Base of the link (the page the learner is on); default the chapter's site path. */
  pageUrl?: string;
  /** The demo instance's id on the page (its link prefix); default the reproduction's. */
  instanceId?: string;
}

/**
 * A demo's reproduction: `src/demos/<folder>/reproduce.ts` exports `reproductions: Reproduction[]`
 * (found by src/reproduce/browser.ts in the browser and scripts/reproduce.ts under Node).
 */
export interface Reproduction {
  /** The CLI's DEMO and the downloaded file's name (`<id>.py`): the demo's default instance id. */
  id: string;
  library: Library;
  title: string;
  chapter: { slug: string; title: string; page?: string };
  /** The demo's settings: `--settings QUERY` and links are read with them. */
  fields: Fields;
  /**
   * Settings of the run that the demo has no control for (the mask viewer's number of steps
   * trained): `--settings` reads them and recipe() gets them, the demo's link leaves them out.
   * A runner's snapshot puts them in its `reproduce.settings`.
   */
  runFields?: Fields;
  /**
   * The demo's default instance id (its link prefix and page anchor) when it is not `id`: a demo
   * with two reproductions, one button each (the dropout comparison: without and with dropout).
   */
  instance?: string;
  /** The recipe body of the run these validated settings start (throws EngineError on bad ones). */
  recipe(settings: Record<string, unknown>, changes: Change[]): RecipeBody;
  /** The numbers the demo shows, read from its snapshot (keys as in the script's lines). */
  shown?(snapshot: unknown, settings: Record<string, unknown>): Line[];
  /** The settings the tests use: a short run, so CI stays fast. */
  quick: Record<string, unknown>;
  /**
   * The worker runner this demo trains with and a live change to exercise its change log in tests;
   * `units`: how many units of work the tests train in all, for a runner that never finishes by
   * itself (default: until advance() returns false).
   */
  runner?: { kind: string; livePatch?: Record<string, unknown>; afterUnits?: number; units?: number };
  /** Python modules the script imports besides the library's own (e.g. sklearn for load_digits). */
  pythonModules?: string[];
}

/** What a runner's snapshot carries for the button: the settings it started from and the change log. */
export interface RunLog {
  settings: Record<string, unknown>;
  changes: Change[];
}
