/**
 * The demo list as the browser sees it: each definition loads when a demo on the page needs it
 * (see src/build/demo-definitions.ts, which derives the loaders from ./index.ts at build time).
 * Pages mount islands from here; training workers take their runner table from here.
 */
import { definitionLoaders } from 'virtual:demo-definitions';
import type { AnyDemo } from './define.ts';
import type { RunnerTable } from '../training/runner.ts';

/** A demo's definition by id (own ids only: ids come from the page's HTML and links). */
export function loadDefinition(id: string): Promise<AnyDemo> {
  if (!Object.hasOwn(definitionLoaders, id)) return Promise.reject(new Error(`no demo called "${id}"`));
  return definitionLoaders[id]() as Promise<AnyDemo>;
}

/** The runner table: a demo's runner, loaded with its definition when the demo first trains. */
export const lazyRunnerTable: RunnerTable = Object.fromEntries(
  Object.keys(definitionLoaders).map((id) => [
    id,
    () => loadDefinition(id).then((d) => (d.runner ? d.runner() : Promise.reject(new Error(`the demo "${id}" has no training runner`)))),
  ]),
);
