import { drawingTime, whenDrawn } from '../views/draw-queue.ts';

/**
 * How often a demo applies a running snapshot: as often as its host posts them (every 40 ms)
 * on a fast machine, less often where drawing one costs more, so drawing keeps at most about a
 * fifth of the main thread and the page stays smooth (scrolling, other demos, the controls).
 */
const FASTEST_MS = 40;
const SLOWEST_MS = 1000;
/** Interval = cost x this: the drawing's share of the main thread stays about 1 / SHARE. */
const SHARE = 5;

export function createDrawPace() {
  let cost = 0; // smoothed main-thread ms one snapshot takes to render and draw
  return {
    /** The interval between applied running snapshots, ms. */
    get everyMs() {
      return Math.min(SLOWEST_MS, Math.max(FASTEST_MS, Math.round(cost * SHARE)));
    },
    /** One snapshot's measured cost, ms (render plus the views' drawing). */
    record(ms: number) {
      cost = cost === 0 ? ms : cost * 0.7 + ms * 0.3;
    },
  };
}

/**
 * Measures what applying a snapshot costs the main thread: the render that follows `apply` (a
 * microtask), the effects Preact runs after the next frame (a timer), and the views' drawing
 * that those queue (draw-queue.ts, in tasks of their own).
 */
export function measureApply(apply: () => void, done: (ms: number) => void) {
  const t0 = performance.now();
  const drawn0 = drawingTime();
  apply();
  queueMicrotask(() => {
    const render = performance.now() - t0;
    requestAnimationFrame(() => {
      const t1 = performance.now();
      // Queued after Preact's own after-paint timer, so it runs once the effects have.
      setTimeout(() => {
        const effects = performance.now() - t1;
        whenDrawn(() => done(render + effects + drawingTime() - drawn0));
      }, 0);
    });
  });
}
