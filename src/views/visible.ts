import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * Runs a view's `draw` after every render while its element is on screen (or nearly), and
 * once when it scrolls back into view: a chart far down the page costs nothing while the
 * learner reads elsewhere.
 */
export function useDrawWhenVisible(ref: RefObject<Element>, draw: () => void) {
  const latest = useRef(draw);
  latest.current = draw;
  const visible = useRef(true);
  const stale = useRef(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => {
      visible.current = entries[entries.length - 1].isIntersecting;
      if (visible.current && stale.current) {
        stale.current = false;
        latest.current();
      }
    }, { rootMargin: '200px' });
    io.observe(el);
    return () => io.disconnect();
  }, []);
  useEffect(() => {
    if (visible.current) latest.current();
    else stale.current = true;
  });
}
