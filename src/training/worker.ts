/// <reference lib="webworker" />
// The training Web Worker's side of the protocol: hosts one demo's runner off the main thread.
// The worker's entry (src/demos/worker.ts) hands it the runner table derived from the demo list.
import { createLazyHost } from './lazy-host.ts';
import type { Control, Report } from './protocol.ts';
import type { RunnerTable } from './runner.ts';

export function serveWorker(table: RunnerTable): void {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  const handle = createLazyHost((r: Report) => scope.postMessage(r), table);
  scope.onmessage = (e: MessageEvent<Control>) => handle(e.data);
}
