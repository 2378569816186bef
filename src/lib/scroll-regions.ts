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

// Measuring a region lays out its part of the page, which a chapter otherwise leaves undone until
// it is needed (content-visibility, rehype-chapter-parts.ts): measuring every equation at once on
// load laid out the whole chapter in one task (200+ ms with the CPU slowed 4x). So the regions are
// measured in idle moments, a few milliseconds' worth at a time (in practice one part's layout),
// all of them, seen or not, so a keyboard user can Tab to any of them.
// A piece still held back for the page's first frames (public/theme-init.js: a chapter's piece, or a
// part of an embed page's demo) is not laid out at all (content-visibility: hidden, so it would
// measure 0 wide): its regions wait until it is drawn.
const HELD_BACK = '.cv-staged :is(.chapter-chunk, main.embed .demo > *):not(.cv-drawn)';
const idle: (run: () => void) => void =
  typeof requestIdleCallback === 'function' ? (run) => requestIdleCallback(run, { timeout: 1000 }) : (run) => setTimeout(run, 50);

export function keyboardScrollRegions(): void {
  const queue = new Set<Element>();
  let waiting = false;
  const work = () => {
    waiting = false;
    const start = performance.now();
    for (const el of queue) {
      if (el.closest(HELD_BACK)) continue;
      queue.delete(el);
      check(el);
      if (performance.now() - start > 8) break;
    }
    if (queue.size) measureSoon();
    else document.documentElement.dataset.scrollRegions = 'measured';
  };
  const measureSoon = () => {
    if (waiting) return;
    waiting = true;
    document.documentElement.dataset.scrollRegions = 'pending'; // the e2e tests run axe once measured
    idle(work);
  };
  const add = (root: ParentNode) => {
    root.querySelectorAll(SCROLLERS).forEach((el) => queue.add(el));
    if (root instanceof Element && root.matches(SCROLLERS)) queue.add(root);
    if (queue.size) measureSoon();
  };
  add(document);
  addEventListener('resize', () => add(document), { passive: true });
  // Measuring an equation lays it out, which starts loading KaTeX's fonts; until they arrive it is
  // measured in a fallback font of another width. So every region is measured again once they have.
  document.fonts.addEventListener('loadingdone', () => add(document));
  // New regions are queued too (a demo's table once it has data, an equation rendered live): only
  // the added elements are searched, and measuring waits for an idle moment, so a training demo's
  // every-frame updates cost a query of what they added.
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) add(n);
  }).observe(document.body, { childList: true, subtree: true });
}
