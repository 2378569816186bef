/**
 * Building recipes: the head every recipe shares (settings, link, change log, shown numbers),
 * and the body of a network run read off a freshly built engine trainer, so the recipe holds
 * exactly what the engine starts from (layers, defaults resolved, initial weights, rng state).
 */
import { EngineError, type Dataset, type LayerSpec, type Trainer } from '../engine/index.ts';
import { check, toQuery, type Fields, type SettingsOf } from '../demos/settings-kit.ts';
import { validChanges } from './changes.ts';
import type { Change, EarlyStoppingPlan, Figures, Library, Line, Recipe, RecipeHead, Reproduction, RunInput, TorchRecipe } from './types.ts';

/**
 * What tells a recipe's lines apart, for matching them with the numbers a demo showed: the epoch
 * of a network run, or the model, the fit (path or marker) and the alpha of a scikit-learn line.
 * `noun` names the rows in the script's verdict ("... at 21 epochs").
 */
export const LINE_KEY: Record<Library, { names: string[]; noun: string }> = {
  pytorch: { names: ['epoch'], noun: 'epochs' },
  'scikit-learn': { names: ['model', 'fit', 'alpha'], noun: 'fits' },
};

/** A reproduction with its settings typed by its fields (the registries see `Reproduction`). */
export interface ReproductionOf<F extends Fields> extends Omit<Reproduction, 'fields' | 'recipe' | 'quick' | 'shown'> {
  fields: F;
  recipe(settings: SettingsOf<F>, changes: Change[]): ReturnType<Reproduction['recipe']>;
  shown?(snapshot: unknown, settings: SettingsOf<F>): Line[];
  quick: Partial<SettingsOf<F>>;
}

export function defineReproduction<F extends Fields>(r: ReproductionOf<F>): Reproduction {
  return r as unknown as Reproduction;
}

/** The layer list without parameters (the recipe carries them in `initial`). */
function bareLayers(layers: LayerSpec[]): LayerSpec[] {
  return layers.map((l) => {
    switch (l.type) {
      case 'linear': return { type: 'linear', in: l.in, out: l.out };
      case 'dropout': return { type: 'dropout', p: l.p };
      case 'batchnorm1d': return { type: 'batchnorm1d', features: l.features, eps: l.eps ?? 1e-5, momentum: l.momentum ?? 0.1 };
      default: return { type: l.type };
    }
  });
}

export interface TorchRun {
  /** A trainer built by the demo's own code for these settings, before any step. */
  trainer: Trainer;
  data: { train: Dataset; val: Dataset | null };
  batchSize: number;
  /** The seed the trainer was given (its epoch permutations). */
  shuffleSeed: number;
  epochs: number;
  changes: Change[];
  /** Strength of a proximal L1 step after every optimizer step (the trainer knows nothing of it); default 0. */
  proxL1?: number;
  figures?: Figures;
  earlyStopping?: EarlyStoppingPlan;
  divergence?: TorchRecipe['divergence'];
}

/** The body of a torch recipe for a run about to start with `trainer`. */
export function torchBody(r: TorchRun): Omit<TorchRecipe, keyof RecipeHead> {
  const net = r.trainer.network;
  if (r.trainer.steps !== 0) throw new EngineError('torchBody needs a trainer that has not taken a step yet');
  return {
    library: 'pytorch',
    network: {
      layers: bareLayers(net.spec.layers),
      loss: net.spec.loss,
      optimizer: { ...net.spec.optimizer },
      penalty: { l1: net.spec.penalty?.l1 ?? 0, l2: net.spec.penalty?.l2 ?? 0 },
      ...(r.proxL1 ? { proxL1: r.proxL1 } : {}),
      initial: net.params(),
      rngState: net.rngState(),
    },
    data: r.data,
    batchSize: Math.min(r.batchSize, r.data.train.n),
    shuffleSeed: r.shuffleSeed,
    epochs: r.epochs,
    changes: r.changes,
    figures: r.figures ?? {},
    ...(r.earlyStopping ? { earlyStopping: r.earlyStopping } : {}),
    ...(r.divergence ? { divergence: r.divergence } : {}),
  };
}

/** Validates a run input against a reproduction's fields; the problems as one EngineError. */
export function validInput(rep: Reproduction, input: RunInput): { settings: Record<string, unknown>; changes: Change[] } {
  const { value, problems } = check(rep.fields, input.settings ?? {});
  if (problems.length) throw new EngineError(problems.join('; '));
  return { settings: value, changes: validChanges(input.changes) };
}

/** The whole recipe of a run: the demo's body plus the head (settings, link, shown numbers). */
export function makeRecipe(rep: Reproduction, input: RunInput): Recipe {
  const { settings, changes } = validInput(rep, input);
  const body = rep.recipe(settings, changes);
  const query = toQuery(rep.fields, settings as SettingsOf<Fields>);
  const id = input.instanceId ?? rep.id;
  const prefixed = new URLSearchParams();
  for (const [k, v] of new URLSearchParams(query)) prefixed.set(`${id}.${k}`, v);
  const page = input.pageUrl ?? `/chapters/${rep.chapter.slug}/`;
  const q = prefixed.toString();
  let shown: Line[] | undefined;
  if (input.snapshot !== undefined && input.snapshot !== null && rep.shown) shown = rep.shown(input.snapshot, settings);
  return {
    format: 'regularization-lab-recipe/1',
    demo: rep.id,
    title: rep.title,
    chapter: rep.chapter,
    link: `${page}${q ? `?${q}` : ''}#${id}`,
    settings: settings as Record<string, number | string | boolean>,
    query,
    ...(shown && shown.length ? { shown } : {}),
    ...body,
  } as Recipe;
}
