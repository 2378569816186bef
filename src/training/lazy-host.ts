import { createHost, toDemoError } from './host.ts';
import type { Control, Report } from './protocol.ts';
import type { RunnerFactory, RunnerTable } from './runner.ts';

/**
 * A host that loads its runner on the first 'create' (or an earlier 'prepare'): a demo's engine
 * code arrives only when the demo starts. Controls sent while it loads wait in order; a runner
 * that cannot be loaded (an unknown kind, a failed chunk) is reported as the demo's error, like
 * any other failure.
 */
export function createLazyHost(post: (r: Report) => void, table: RunnerTable): (c: Control) => void {
  let handle: ((c: Control) => void) | null = null;
  let queue: Control[] | null = null;
  const loads = new Map<string, Promise<RunnerFactory>>();
  const load = (kind: string) => {
    if (!loads.has(kind)) loads.set(kind, Object.hasOwn(table, kind) ? table[kind]() : Promise.reject(new Error(`no training runner called "${kind}"`)));
    return loads.get(kind)!;
  };
  return (c) => {
    if (handle) return handle(c);
    if (c.type === 'prepare') return void load(c.kind).catch(() => {}); // a failure is reported on 'create'
    if (queue) return void queue.push(c);
    if (c.type !== 'create') return; // nothing to run before the first create
    queue = [c];
    load(c.kind).then(
      (factory) => {
        handle = createHost(post, { [c.kind]: factory });
        for (const q of queue!.splice(0)) handle(q);
      },
      (e: unknown) => {
        handle = () => {};
        post({ type: 'error', error: toDemoError(e), running: false });
      },
    );
  };
}
