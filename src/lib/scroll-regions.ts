/**
 * Wide equations and tables scroll sideways inside themselves on a phone. A region that scrolls
 * must be reachable by keyboard (Tab to it, then arrow keys), so each one that actually overflows
 * gets tabindex="0", and loses it again when a wider window makes it fit. Demos render their
 * tables after hydration, so new content is checked too.
 */
const SCROLLERS = '.katex-display, .prose table';

function update(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>(SCROLLERS).forEach((el) => {
    const scrolls = el.scrollWidth > el.clientWidth + 1;
    if (scrolls && !el.hasAttribute('tabindex')) {
      el.tabIndex = 0;
      el.dataset.scrollRegion = '';
    } else if (!scrolls && el.dataset.scrollRegion !== undefined) {
      el.removeAttribute('tabindex');
      delete el.dataset.scrollRegion;
    }
  });
}

export function keyboardScrollRegions(): void {
  let queued = 0;
  const schedule = () => {
    if (queued) return;
    queued = requestAnimationFrame(() => {
      queued = 0;
      update(document);
    });
  };
  schedule();
  addEventListener('resize', schedule, { passive: true });
  // Only new tables matter (a demo's, once it has data); a training demo's every-frame updates do not.
  const addsTable = (r: MutationRecord) => [...r.addedNodes].some((n) => n instanceof Element && (n.matches('table') || !!n.querySelector('table')));
  new MutationObserver((records) => {
    if (records.some(addsTable)) schedule();
  }).observe(document.body, { childList: true, subtree: true });
}
