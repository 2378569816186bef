/// <reference lib="webworker" />
// The training Web Worker: hosts one demo's runner off the main thread (loading only its code).
import { createLazyHost } from './lazy-host.ts';
import { loadRunnerFactories } from '../demos/runners.ts';
import type { Control, Report } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const control = createLazyHost((r: Report) => scope.postMessage(r), loadRunnerFactories);
scope.onmessage = (e: MessageEvent<Control>) => control(e.data);
