import type { Control, Report } from './protocol.ts';

/** A channel to a training host: the Web Worker, or the page itself when workers are unavailable. */
export interface HostChannel {
  send(c: Control): void;
  close(): void;
}

export function openHost(onReport: (r: Report) => void): HostChannel {
  try {
    if (typeof Worker === 'undefined') throw new Error('no Worker');
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'training' });
    worker.onmessage = (e: MessageEvent<Report>) => onReport(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      onReport({ type: 'error', running: false, error: { kind: 'internal', message: `The training worker failed: ${e.message || 'unknown error'}` } });
    };
    return { send: (c) => worker.postMessage(c), close: () => worker.terminate() };
  } catch {
    return inPageHost(onReport);
  }
}

/** Fallback: the same host loop on the page, in slices of a few milliseconds. */
function inPageHost(onReport: (r: Report) => void): HostChannel {
  const queue: Control[] = [];
  let handle: ((c: Control) => void) | null = null;
  let closed = false;
  Promise.all([import('./host.ts'), import('../demos/runners.ts')]).then(([h, r]) => {
    if (closed) return;
    handle = h.createHost((rep) => !closed && onReport(rep), r.runnerFactories);
    for (const c of queue.splice(0)) handle(c);
  });
  return {
    send: (c) => (handle ? handle(c) : queue.push(c)),
    close: () => {
      closed = true;
      handle?.({ type: 'dispose' });
    },
  };
}
