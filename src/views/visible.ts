import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { cancelDraw, queueDraw } from './draw-queue.ts';

/**
 * Draws a view after every render through the draw queue (draw-queue.ts), while its element is
 * on screen (or nearly), and once when it scrolls back into view: a chart far down the page
 * costs nothing while the learner reads elsewhere.
 */
export function useDrawWhenVisible(ref: RefObject<Element>, draw: () => void) {
  const latest = useRef(draw);
  latest.current = draw;
  const visible = useRef(true);
  const stale = useRef(false);
  const job = useRef(() => latest.current()).current;
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
