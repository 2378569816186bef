import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { openHost, type HostChannel, type HostSource } from './client.ts';
import { createDrawPace, measureApply } from './draw-pace.ts';
import type { DemoError, Report } from './protocol.ts';
import { finalNumbers, postToHost } from '../lib/host-events.ts';
import { sameInput, type FirstRun } from './first-run.ts';

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
  /** The learner is about to use the demo: a host kept closed by a first run starts loading now. */
  warm(): void;
}

/**
 * A demo island's handle on its trainer. Snapshots arrive from the host at any rate and are
 * drawn at most once per animation frame (the latest wins); while training, no more often than
 * the page can afford to draw them (draw-pace.ts, and the host is told to post at that rate),
 * and not at all while the tab is hidden. A snapshot that ends training, a step, a reset or a
 * live change is drawn on the next frame.
 *
 * With `first`, the run the build computed for these settings (./first-run.ts), the island draws it
 * at once and the host (the worker, and the engine it loads) starts only at the first control:
 * it is created on the same settings (trained to the end at once if the first run had finished),
 * then given that control, the order it would have had. Play on a first run that already finished
 * does nothing there either, so it starts nothing. `warm()` (the learner's pointer or focus on the
 * demo) starts the worker and loads the runner's code ahead of that first control.
 */
export function useTrainer<S>(source: HostSource, kind: string, settings: unknown, first?: FirstRun | null): TrainerHandle<S> {
  // The first run is used only if it is of the settings this trainer starts with (a link may change them).
  const [usable] = useState(() => (first && sameInput(first.input, settings) ? first : null));
  const channel = useRef<HostChannel | null>(null);
  /** Opens the host on the first control (see above); null once it is open. */
  const open = useRef<((why: 'reset' | 'other') => HostChannel) | null>(null);
  /** Starts the host (the worker and the runner's code) before the first control, if it is closed. */
  const warmUp = useRef<(() => void) | null>(null);
  // Whether this run's end was already reported to a host page (once per run).
  const endReported = useRef(false);
  // The settings of the current run, live changes included (a host page learns what was run).
  const current = useRef(settings);
  // Runs asked for (create, then each reset): reports from an older run are dropped (Report's `run`).
  const runs = useRef(0);
  const stale = (r: Report) => r.run !== undefined && r.run !== runs.current;
  const [state, setState] = useState<TrainerState<S>>({ snapshot: (usable?.snapshot as S | undefined) ?? null, running: false, finished: usable?.finished ?? false, error: null });

  useEffect(() => {
    let latest: Report | null = null;
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastApplied = -Infinity;
    let pacedMs = 0;
    const pace = createDrawPace();

    const apply = () => {
      frame = 0;
      const rep = latest;
      latest = null;
      if (!rep || stale(rep)) return; // a reset was sent since it arrived
      lastApplied = performance.now();
      if (rep.type === 'error') return setState((s) => ({ ...s, running: false, error: rep.error }));
      measureApply(
        () => setState({ snapshot: rep.snapshot as S, running: rep.running, finished: rep.finished, error: null }),
        (ms) => {
          pace.record(ms);
          const every = pace.everyMs;
          if (Math.abs(every - pacedMs) > pacedMs * 0.2) {
            pacedMs = every;
            ch?.send({ type: 'pace', everyMs: every });
          }
        },
      );
    };
    const schedule = () => {
      if (frame || timer || !latest || document.hidden) return;
      const paced = latest.type === 'snapshot' && latest.running;
      const wait = paced ? lastApplied + pace.everyMs - performance.now() : 0;
      if (wait > 1) {
        timer = setTimeout(() => {
          timer = null;
          schedule();
        }, wait);
      } else {
        // Applied just after a frame, in a task of its own: the render's JavaScript and the next
        // frame's style, layout and paint then run as two tasks, not as one long one in the frame.
        frame = requestAnimationFrame(() => {
          frame = 0;
          timer = setTimeout(() => {
            timer = null;
            apply();
          }, 0);
        });
      }
    };
    let ch: HostChannel | null = null;
    const onReport = (r: Report) => {
      if (stale(r)) return;
      if (r.type === 'snapshot' && r.finished) reportEnd(r.snapshot);
      latest = r;
      // A final snapshot replaces a waiting running one at once.
      if (timer && !(r.type === 'snapshot' && r.running)) {
        clearTimeout(timer);
        timer = null;
      }
      schedule();
    };
    const connect = () => (ch ??= openHost(onReport, source));
    const start = (toEnd = false) => {
      const c = connect();
      channel.current = c;
      open.current = null;
      warmUp.current = null;
      runs.current = 1;
      c.send({ type: 'create', kind, settings, ...(toEnd ? { toEnd } : {}) });
      return c;
    };
    const onVisibility = () => schedule();
    document.addEventListener('visibilitychange', onVisibility);
    // A reset replaces the first run at once: no need to train it to its end again first.
    if (usable) {
      open.current = (why) => start(usable.finished && why !== 'reset');
      warmUp.current = () => {
        if (!ch) connect().send({ type: 'prepare', kind });
      };
    } else start();
    return () => {
      cancelAnimationFrame(frame);
      if (timer) clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      ch?.close();
      channel.current = null;
      open.current = null;
      warmUp.current = null;
    };
    // The trainer is created once; later settings go through reset() or update().
  }, [kind]);

  /** Once per run: a host page (an embed's parent) learns that it ended and with what numbers. */
  const reportEnd = (snapshot: unknown) => {
    if (endReported.current) return;
    endReported.current = true;
    postToHost({ type: 'regularization-lab:run-ended', runner: kind, settings: current.current, numbers: finalNumbers(snapshot) });
  };
  /** The host, opened now if the first run has kept it closed until this control. */
  const host = useCallback((why: 'reset' | 'other' = 'other') => channel.current ?? open.current?.(why) ?? null, []);
  const send = useCallback((c: Parameters<HostChannel['send']>[0]) => host()?.send(c), []);
  return {
    ...state,
    play: useCallback((unitsPerSecond?: number) => {
      postToHost({ type: 'regularization-lab:training-started', runner: kind });
      if (!channel.current && usable?.finished) return reportEnd(usable.snapshot);
      send({ type: 'play', unitsPerSecond });
    }, [send, kind]),
    pause: useCallback(() => channel.current?.send({ type: 'pause' }), []),
    step: useCallback((count = 1) => send({ type: 'step', count }), [send]),
    reset: useCallback((next?: unknown) => {
      endReported.current = false;
      if (next !== undefined) current.current = next;
      setState((s) => ({ ...s, error: null }));
      const h = host('reset');
      if (h) runs.current++;
      h?.send({ type: 'reset', settings: next });
    }, [send]),
    update: useCallback((patch: Record<string, unknown>) => {
      current.current = { ...(current.current as Record<string, unknown>), ...patch };
      send({ type: 'update', patch });
    }, [send]),
    warm: useCallback(() => warmUp.current?.(), []),
  };
}
