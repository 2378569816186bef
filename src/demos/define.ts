/**
 * One demo, one definition. Everything about a demo that is not its drawing lives here, and
 * everything else is derived from the list in ./index.ts: the MDX component (`<OverfittingDemo />`
 * through ./Demo.astro), its embed page, its remix-guide entry, the worker's runner table, the
 * reproduce CLI and page, and the tests' demo lists. Pure data and lazy loaders: a definition is
 * cheap to import anywhere (build, browser, worker, Node scripts); the island, the runner and the
 * reproduction load only where they are used.
 */
import type { ComponentType } from 'preact';
import type { RunnerFactory } from '../training/runner.ts';
import type { FirstRun } from '../training/first-run.ts';
import type { Reproduction } from '../reproduce/types.ts';
import type { Fields, SettingsOf } from './settings-kit.ts';

/** What the generic wrapper hands a demo's island. */
export interface IslandProps<F extends Fields = Fields> {
  /** The instance's id on the page: its anchor and the prefix of its link parameters. */
  id: string;
  title: string;
  caption?: string;
  /** The props' settings, validated at build time (a shared link may still change them). */
  settings: SettingsOf<F>;
  /** The settings the learner can change, in the order their controls show. */
  controls: (keyof F & string)[];
  /** The demo's run on these settings as the build computed it (./Demo.astro): drawn before any worker starts. */
  firstRun?: FirstRun | null;
}

/**
 * Where a demo lives: a chapter (its slug, the content/ file name without the number, and title),
 * or, with `page`, a page of its own that is no chapter (the playground: slug "playground", page
 * "playground/"). Links to the demo, the reproduce page and the remix guide follow `page` then.
 */
export interface ChapterRef {
  slug: string;
  title: string;
  /** The site path (no leading slash) of a demo that belongs to no chapter. */
  page?: string;
}

/** What a demo's runner is created with for these settings (its `runInput`, else the settings themselves). */
export function runInputOf<F extends Fields>(demo: DemoDefinition<F>, settings: SettingsOf<F>): unknown {
  return demo.runInput ? demo.runInput(settings) : settings;
}

/** The site path of where a demo lives, without the base: `chapters/<slug>/` or its own page. */
export function homePath(c: ChapterRef): string {
  return c.page ?? `chapters/${c.slug}/`;
}

export interface DemoDefinition<F extends Fields = Fields> {
  /**
   * The default instance id (anchor, link prefix `?<id>.<setting>=`), the worker's runner key,
   * the reproduce CLI's DEMO and the embed page's slug. Lower case, digits and dashes.
   */
  id: string;
  /** The MDX component name: chapters write `<OverfittingDemo … />` with no import. */
  component: string;
  title: string;
  caption: string;
  /**
   * About how tall the demo stands on a 1280 px page, px (its caption to its code panel, as first
   * drawn): a chapter reserves that space until the demo comes near the screen and is drawn
   * (src/build/rehype-chapter-parts.ts), so the page does not jump as the learner scrolls.
   */
  height: number;
  chapter: ChapterRef;
  /** One paragraph for the remix guide. */
  summary: string;
  /** An example use with non-default props, for the remix guide. */
  example: string;
  /** Its settings, each with its effect: every one is an optional prop and a link parameter. */
  fields: F;
  /** The settings the learner can change by default, in the order their controls show. */
  controls: (keyof F & string)[];
  /**
   * Settings that are fine one by one but not together: a message, or null. Checked at build time
   * (the build fails naming the demo) and on a shared link (the defaults, with a notice).
   */
  clash?(settings: SettingsOf<F>): string | null;
  /** The Preact island that draws the demo (see IslandProps). */
  island(): Promise<{ default: ComponentType<IslandProps<F>> }>;
  /** The runner the worker trains with, when the demo trains (registered under `id`). */
  runner?(): Promise<RunnerFactory>;
  /** What the runner is created with for these settings, when not the settings themselves (and no shared link's changes). */
  runInput?(settings: SettingsOf<F>): unknown;
  /**
   * The island plays its run as soon as it is shown (a run the learner then explores): the build
   * computes the finished run, so the page shows it at once and starts no worker for it.
   */
  playsWhenShown?: boolean;
  /** "Reproduce in PyTorch / scikit-learn": the scripts it writes (a button each). */
  reproduce?(): Promise<Reproduction[]>;
}

const ID = /^[a-z][a-z0-9-]*$/;

/** Checks a definition's own consistency once, where it is written (a mistake fails every caller). */
export function defineDemo<F extends Fields>(d: DemoDefinition<F>): DemoDefinition<F> {
  if (!ID.test(d.id)) throw new Error(`demo id "${d.id}" must be lower-case letters, digits and dashes`);
  if (!/^[A-Z][A-Za-z0-9]*Demo$/.test(d.component)) throw new Error(`demo "${d.id}": component "${d.component}" must be PascalCase ending in "Demo"`);
  for (const c of d.controls) {
    if (!Object.hasOwn(d.fields, c)) throw new Error(`demo "${d.id}": control "${c}" is not one of its fields`);
  }
  return d;
}

/** The untyped view every list and page works with. */
export type AnyDemo = DemoDefinition<Fields>;
