import type { Control, Report } from './protocol.ts';
import type { RunnerTable } from './runner.ts';

/** A channel to a training host: the Web Worker, or the page itself when workers are unavailable. */
export interface HostChannel {
  send(c: Control): void;
  close(): void;
}

/**
 * Where a page's training runs: a Web Worker started by the caller (its entry hands the worker
 * the runner table), or, where workers are unavailable, the same table on the page.
 */
export interface HostSource {
  worker(): Worker;
  runners(): Promise<RunnerTable>;
}

export function openHost(onReport: (r: Report) => void, source: HostSource): HostChannel {
  try {
    if (typeof Worker === 'undefined') throw new Error('no Worker');
    const worker = source.worker();
    worker.onmessage = (e: MessageEvent<Report>) => onReport(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      onReport({ type: 'error', running: false, error: { kind: 'internal', message: `The training worker failed: ${e.message || 'unknown error'}` } });
    };
    return { send: (c) => worker.postMessage(c), close: () => worker.terminate() };
  } catch {
    return inPageHost(onReport, source);
  }
}

/** Fallback: the same host loop on the page, in slices of a few milliseconds. */
function inPageHost(onReport: (r: Report) => void, source: HostSource): HostChannel {
  const queue: Control[] = [];
  let handle: ((c: Control) => void) | null = null;
  let closed = false;
  Promise.all([import('./lazy-host.ts'), source.runners()]).then(([h, table]) => {
    if (closed) return;
    handle = h.createLazyHost((rep) => !closed && onReport(rep), table);
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
