/// <reference lib="webworker" />
// The training Web Worker: hosts one demo's runner off the main thread.
import { createHost } from './host.ts';
import { runnerFactories } from '../demos/runners.ts';
import type { Control, Report } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createHost((r: Report) => scope.postMessage(r), runnerFactories);
scope.onmessage = (e: MessageEvent<Control>) => handle(e.data);
