import { createHost } from './host.ts';
import type { Control, Report } from './protocol.ts';
import type { RunnerFactory } from './runner.ts';

/**
 * A training host whose runner code is loaded when the first 'create' names its kind: a worker
 * (or the page's fallback host) fetches only the demo it runs. Controls that arrive meanwhile
 * wait, in order.
 */
export function createLazyHost(post: (r: Report) => void, load: (kind: string) => Promise<Record<string, RunnerFactory>>) {
  let handle: ((c: Control) => void) | null = null;
  let queue: Control[] | null = null;
  return function control(msg: Control) {
    if (handle) return handle(msg);
    if (queue) return void queue.push(msg);
    if (msg.type !== 'create') return; // nothing to control before a runner exists
    queue = [msg];
    load(msg.kind).then(
      (factories) => {
        handle = createHost(post, factories);
        for (const c of queue!.splice(0)) handle(c);
      },
      (e: unknown) => post({ type: 'error', running: false, error: { kind: 'internal', message: `The demo's training code did not load: ${e instanceof Error ? e.message : String(e)}` } }),
    );
  };
}
