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
  let closed = false;
  const host = Promise.all([import('./lazy-host.ts'), import('../demos/runners.ts')]).then(([h, r]) =>
    h.createLazyHost((rep) => !closed && onReport(rep), r.loadRunnerFactories));
  return {
    send: (c) => void host.then((control) => !closed && control(c)),
    close: () => {
      void host.then((control) => control({ type: 'dispose' }));
      closed = true;
    },
  };
}
