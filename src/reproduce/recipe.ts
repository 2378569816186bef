/**
 * Building recipes: the head every recipe shares (settings, link, change log, shown numbers),
 * and the body of a network run read off a freshly built engine trainer, so the recipe holds
 * exactly what the engine starts from (layers, defaults resolved, initial weights, rng state).
 */
import { EngineError, type LayerSpec, type Trainer } from '../engine/index.ts';
import { check, toQuery, type Fields, type SettingsOf } from '../demos/settings-kit.ts';
import { validChanges } from './changes.ts';
import type { Change, Figures, Line, Recipe, RecipeHead, Reproduction, RunInput, TorchRecipe } from './types.ts';

/**
 * What tells a recipe's lines apart, for matching them with the numbers a demo showed: the epoch
 * of a network run (the step, for a run that prints a line per step: its epoch lines carry the step
 * they end at), or the model, the fit (path or marker) and the alpha of a scikit-learn line.
 * `noun` names the rows in the script's verdict ("... at 21 epochs").
 */
export function lineKey(r: Recipe): { names: string[]; noun: string } {
  if ('program' in r) return r.program.lineKey ?? { names: ['epoch'], noun: 'epochs' };
  if (r.library === 'scikit-learn') return { names: ['model', 'fit', 'alpha'], noun: 'fits' };
  return r.figures.perStep ? { names: ['step'], noun: 'steps' } : { names: ['epoch'], noun: 'epochs' };
}

/** The demo a reproduction belongs to (its definition, read structurally: src/reproduce imports no demo). */
export type ReproducedDemo<F extends Fields> = Pick<Reproduction, 'id' | 'title' | 'chapter'> & { fields: F };

/** A reproduction with its settings typed by its fields (the registries see `Reproduction`). */
export interface ReproductionOf<F extends Fields, R extends Fields = Record<never, never>>
  extends Omit<Reproduction, 'id' | 'title' | 'chapter' | 'fields' | 'instance' | 'runFields' | 'recipe' | 'quick' | 'shown' | 'runner'> {
  /** When a demo writes several scripts (a button each): this one's id and title; default the demo's. */
  id?: string;
  title?: string;
  runFields?: R;
  recipe(settings: SettingsOf<F & R>, changes: Change[]): ReturnType<Reproduction['recipe']>;
  shown?(snapshot: unknown, settings: SettingsOf<F & R>): Line[];
  quick: Partial<SettingsOf<F & R>>;
  /** How the tests exercise the demo's runner (its kind is the demo's id). */
  runner?: Omit<NonNullable<Reproduction['runner']>, 'kind'>;
}

/** A demo's reproduction: id, title, chapter, fields and runner kind come from the demo itself. */
export function defineReproduction<F extends Fields, R extends Fields = Record<never, never>>(demo: ReproducedDemo<F>, r: ReproductionOf<F, R>): Reproduction {
  const id = r.id ?? demo.id;
  return {
    ...r,
    id,
    title: r.title ?? demo.title,
    chapter: demo.chapter,
    fields: demo.fields,
    ...(id !== demo.id ? { instance: demo.id } : {}),
    runner: { kind: demo.id, ...r.runner },
  } as unknown as Reproduction;
}

/** Every setting a reproduction reads: the demo's, then the run's own (runFields). */
export function allFields(rep: Reproduction): Fields {
  return rep.runFields ? { ...rep.fields, ...rep.runFields } : rep.fields;
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

/**
 * A run about to start, as a demo hands it over: its trainer, plus the recipe's own fields (data,
 * batches, epochs, changes, early stopping: documented on TorchRecipe).
 */
export interface TorchRun extends Pick<TorchRecipe, 'data' | 'dataSource' | 'batchSize' | 'shuffleSeed' | 'epochs' | 'stopAfterSteps' | 'changes' | 'earlyStopping' | 'divergence'> {
  /** A trainer built by the demo's own code for these settings, before any step. */
  trainer: Trainer;
  /** Strength of a proximal L1 step after every optimizer step (the trainer knows nothing of it); default 0. */
  proxL1?: number;
  figures?: Figures;
}

/** The body of a torch recipe for a run about to start with `trainer`. */
export function torchBody(r: TorchRun): Omit<TorchRecipe, keyof RecipeHead> {
  const net = r.trainer.network;
  if (r.trainer.steps !== 0) throw new EngineError('torchBody needs a trainer that has not taken a step yet');
  if (r.stopAfterSteps !== undefined && r.earlyStopping) throw new EngineError('torchBody: stopAfterSteps and earlyStopping do not go together');
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
    ...(r.dataSource ? { dataSource: r.dataSource } : {}),
    batchSize: Math.min(r.batchSize, r.data.train.n),
    shuffleSeed: r.shuffleSeed,
    epochs: r.epochs,
    ...(r.stopAfterSteps !== undefined ? { stopAfterSteps: r.stopAfterSteps } : {}),
    changes: r.changes,
    figures: r.figures ?? {},
    ...(r.earlyStopping ? { earlyStopping: r.earlyStopping } : {}),
    ...(r.divergence ? { divergence: r.divergence } : {}),
  };
}

/** Validates a run input against a reproduction's fields; the problems as one EngineError. */
export function validInput(rep: Reproduction, input: RunInput): { settings: Record<string, unknown>; changes: Change[] } {
  const { value, problems } = check(allFields(rep), input.settings ?? {});
  if (problems.length) throw new EngineError(problems.join('; '));
  return { settings: value, changes: validChanges(input.changes) };
}

/** The whole recipe of a run: the demo's body plus the head (settings, link, shown numbers). */
export function makeRecipe(rep: Reproduction, input: RunInput): Recipe {
  const { settings, changes } = validInput(rep, input);
  const body = rep.recipe(settings, changes);
  const query = toQuery(allFields(rep), settings as SettingsOf<Fields>);
  const id = input.instanceId ?? rep.instance ?? rep.id;
  const prefixed = new URLSearchParams();
  // The link reopens the demo: only its own settings (not the run's, see runFields).
  for (const [k, v] of new URLSearchParams(query)) if (Object.hasOwn(rep.fields, k)) prefixed.set(`${id}.${k}`, v);
  const page = input.pageUrl ?? `/${rep.chapter.page ?? `chapters/${rep.chapter.slug}/`}`;
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
