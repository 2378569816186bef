import type { Fields } from './settings-kit.ts';

/** What the remix guide says about a demo component: `src/demos/<folder>/meta.ts` exports `demoMeta`. */
export interface DemoMeta {
  /** The MDX component name, e.g. "OverfittingDemo". */
  component: string;
  /** The chapter that uses it. */
  chapter: string;
  summary: string;
  /** Its settings: every one is an optional prop (and a shareable-link parameter). */
  fields: Fields;
  /** The default `id` (prefix of its link parameters). */
  defaultId: string;
  /** Props other than settings and the common id/title/caption/controls. */
  extraProps?: { name: string; type: string; default: string; description: string }[];
  /** Whether the wrapper takes `controls` (the settings the learner may change). */
  hasControls?: boolean;
  /** An example use with non-default props. */
  example: string;
}

const modules = import.meta.glob<{ demoMeta: DemoMeta | DemoMeta[] }>('./*/meta.ts', { eager: true });

export const demoMetas: DemoMeta[] = Object.values(modules)
  .flatMap((m) => (Array.isArray(m.demoMeta) ? m.demoMeta : [m.demoMeta]))
  .sort((a, b) => a.chapter.localeCompare(b.chapter) || a.component.localeCompare(b.component));
