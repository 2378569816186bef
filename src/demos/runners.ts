/**
 * Every demo's training runners, by kind: what the worker can host. Each
 * `src/demos/<folder>/runner.ts` exports `runners: Record<kind, RunnerFactory>`. A worker hosts
 * one demo, so it loads only that demo's folder: the one a kind is named after ('l1-l2-penalty'
 * -> l1-l2/, 'bn-histogram' -> batch-norm/ by its initials), or every folder if none claims it.
 */
import type { RunnerFactory } from '../training/runner.ts';

type RunnerModule = { runners: Record<string, RunnerFactory> };
const loaders = import.meta.glob<RunnerModule>('./*/runner.ts');

const folderOf = (path: string) => path.split('/')[1];
const initials = (folder: string) => folder.split('-').map((w) => w[0]).join('');

async function load(paths: string[]): Promise<Record<string, RunnerFactory>> {
  const modules = await Promise.all(paths.map((p) => loaders[p]()));
  return Object.assign({}, ...modules.map((m) => m.runners));
}

export async function loadRunnerFactories(kind: string): Promise<Record<string, RunnerFactory>> {
  const named = Object.keys(loaders).filter((p) => kind.startsWith(`${folderOf(p)}-`) || kind === folderOf(p) || kind.startsWith(`${initials(folderOf(p))}-`));
  const found = await load(named);
  return kind in found ? found : load(Object.keys(loaders));
}
