import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { openHost, type HostChannel, type HostSource } from './client.ts';
import type { DemoError, Report } from './protocol.ts';

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
  const [state, setState] = useState<TrainerState<S>>({ snapshot: null, running: false, finished: false, error: null });

  useEffect(() => {
    const ch = openHost((r) => {
      latest.current = r;
      if (frame.current) return;
      frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        const rep = latest.current;
        if (!rep) return;
        if (rep.type === 'snapshot') {
          setState({ snapshot: rep.snapshot as S, running: rep.running, finished: rep.finished, error: null });
        } else {
          setState((s) => ({ ...s, running: false, error: rep.error }));
        }
      });
    }, source);
    channel.current = ch;
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
    play: useCallback((unitsPerSecond?: number) => send({ type: 'play', unitsPerSecond }), [send]),
    pause: useCallback(() => send({ type: 'pause' }), [send]),
    step: useCallback((count = 1) => send({ type: 'step', count }), [send]),
    reset: useCallback((next?: unknown) => {
      setState((s) => ({ ...s, error: null }));
      send({ type: 'reset', settings: next });
    }, [send]),
    update: useCallback((patch: Record<string, unknown>) => send({ type: 'update', patch }), [send]),
  };
}
