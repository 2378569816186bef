import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { openHost, type HostChannel, type HostSource } from './client.ts';
import type { DemoError, Report } from './protocol.ts';
import { finalNumbers, postToHost } from '../lib/host-events.ts';

export interface TrainerState<S> {
  snapshot: S | null;
  running: boolean;
  finished: boolean;
  error: DemoError | null;
}

/** What an island drives its run with: the latest state plus the controls. */
export interface TrainerHandle<S> extends TrainerState<S> {
  play(unitsPerSecond?: number): void;
  pause(): void;
  step(count?: number): void;
  reset(next?: unknown): void;
  update(patch: Record<string, unknown>): void;
}

/**
 * A demo island's handle on its trainer. Snapshots arrive from the host at any rate and are
 * drawn at most once per animation frame (the latest wins).
 */
export function useTrainer<S>(source: HostSource, kind: string, settings: unknown): TrainerHandle<S> {
  const channel = useRef<HostChannel | null>(null);
  const latest = useRef<Report | null>(null);
  const frame = useRef(0);
  // Whether this run's end was already reported to a host page (once per run).
  const endReported = useRef(false);
  // The settings of the current run, live changes included (a host page learns what was run).
  const current = useRef(settings);
  // Runs asked for (create, then each reset): reports from an older run are dropped (Report's `run`).
  const runs = useRef(0);
  const stale = (r: Report) => r.run !== undefined && r.run !== runs.current;
  const [state, setState] = useState<TrainerState<S>>({ snapshot: null, running: false, finished: false, error: null });

  useEffect(() => {
    const ch = openHost((r) => {
      if (stale(r)) return;
      latest.current = r;
      if (r.type === 'snapshot' && r.finished && !endReported.current) {
        endReported.current = true;
        postToHost({ type: 'regularization-lab:run-ended', runner: kind, settings: current.current, numbers: finalNumbers(r.snapshot) });
      }
      if (frame.current) return;
      frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        const rep = latest.current;
        if (!rep || stale(rep)) return; // a reset was sent since it arrived
        if (rep.type === 'snapshot') {
          setState({ snapshot: rep.snapshot as S, running: rep.running, finished: rep.finished, error: null });
        } else {
          setState((s) => ({ ...s, running: false, error: rep.error }));
        }
      });
    }, source);
    channel.current = ch;
    runs.current = 1;
    ch.send({ type: 'create', kind, settings });
    return () => {
      cancelAnimationFrame(frame.current);
      frame.current = 0;
      ch.close();
      channel.current = null;
    };
    // The trainer is created once; later settings go through reset() or update().
  }, [kind]);

  const send = useCallback((c: Parameters<HostChannel['send']>[0]) => channel.current?.send(c), []);
  return {
    ...state,
    play: useCallback((unitsPerSecond?: number) => {
      postToHost({ type: 'regularization-lab:training-started', runner: kind });
      send({ type: 'play', unitsPerSecond });
    }, [send, kind]),
    pause: useCallback(() => send({ type: 'pause' }), [send]),
    step: useCallback((count = 1) => send({ type: 'step', count }), [send]),
    reset: useCallback((next?: unknown) => {
      endReported.current = false;
      if (next !== undefined) current.current = next;
      setState((s) => ({ ...s, error: null }));
      if (channel.current) runs.current++;
      send({ type: 'reset', settings: next });
    }, [send]),
    update: useCallback((patch: Record<string, unknown>) => {
      current.current = { ...(current.current as Record<string, unknown>), ...patch };
      send({ type: 'update', patch });
    }, [send]),
  };
}
