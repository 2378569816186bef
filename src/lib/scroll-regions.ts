/**
 * Wide equations and tables scroll sideways inside themselves on a phone. A region that scrolls
 * must be reachable by keyboard (Tab to it, then arrow keys), so each one that actually overflows
 * gets tabindex="0", and loses it again when a wider window makes it fit. Demos render their
 * tables after hydration, so new content is checked too.
 */
const SCROLLERS = '.katex-display, .prose table';

function check(el: Element): void {
  if (!(el instanceof HTMLElement)) return;
  const scrolls = el.scrollWidth > el.clientWidth + 1;
  if (scrolls && !el.hasAttribute('tabindex')) {
    el.tabIndex = 0;
    el.dataset.scrollRegion = '';
  } else if (!scrolls && el.dataset.scrollRegion !== undefined) {
    el.removeAttribute('tabindex');
    delete el.dataset.scrollRegion;
  }
}

/**
 * Each region is measured when it comes near the screen, not all at once on load: reading a width
 * lays out that part of the page, which a chapter leaves undone until it is needed
 * (content-visibility, rehype-chapter-parts.ts); measuring every equation at once cost 200+ ms
 * with the CPU slowed 4x. A resize measures them again as they are seen.
 */
export function keyboardScrollRegions(): void {
  if (typeof IntersectionObserver === 'undefined') return;
  const near = new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      check(e.target);
      near.unobserve(e.target);
    }
  }, { rootMargin: '400px 0px' });
  const watch = (root: ParentNode) => root.querySelectorAll(SCROLLERS).forEach((el) => near.observe(el));
  watch(document);
  let queued = 0;
  addEventListener('resize', () => {
    if (queued) return;
    queued = requestAnimationFrame(() => {
      queued = 0;
      watch(document);
    });
  }, { passive: true });
  // Only new tables matter (a demo's, once it has data); a training demo's every-frame updates do not.
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (!(n instanceof Element)) continue;
        if (n.matches(SCROLLERS)) near.observe(n);
        n.querySelectorAll(SCROLLERS).forEach((t) => near.observe(t));
      }
    }
  }).observe(document.body, { childList: true, subtree: true });
}
