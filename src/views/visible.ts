import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { cancelDraw, queueDraw } from './draw-queue.ts';

/**
 * Returned by a draw that has just made its chart: chart.js's first construction is its slowest
 * step (its first layout and option resolving, 100+ ms with the CPU slowed 4x), so the data is
 * drawn in the next task, not the same one.
 */
export const DRAW_AGAIN = Symbol('draw again');

/**
 * Draws a view after every render through the draw queue (draw-queue.ts), while its element is
 * on screen (or nearly), and once when it scrolls back into view: a chart far down the page
 * costs nothing while the learner reads elsewhere. A draw that returns `DRAW_AGAIN` has done
 * only its first step (making a chart) and is queued again for the rest: a later task whenever
 * the first step used up the queue's few milliseconds, as a chart's construction does on a slow device.
 */
export function useDrawWhenVisible(ref: RefObject<Element>, draw: () => void | typeof DRAW_AGAIN) {
  const latest = useRef(draw);
  latest.current = draw;
  const visible = useRef(true);
  const stale = useRef(false);
  const job = useRef(function again() {
    if (latest.current() === DRAW_AGAIN) queueDraw(again, again);
  }).current;
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return () => cancelDraw(job);
    const io = new IntersectionObserver((entries) => {
      visible.current = entries[entries.length - 1].isIntersecting;
      if (visible.current && stale.current) {
        stale.current = false;
        queueDraw(job, job);
      }
    }, { rootMargin: '200px' });
    io.observe(el);
    return () => {
      io.disconnect();
      cancelDraw(job);
    };
  }, []);
  useEffect(() => {
    if (visible.current) queueDraw(job, job);
    else stale.current = true;
  });
}
