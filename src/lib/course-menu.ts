/**
 * The course menu on narrow screens: a drawer opened by the header's menu button. It closes the
 * way a learner expects, on Escape (focus back on the button), a tap outside it, scrolling the
 * page, or following one of its links, and the button's label always says what a press will do.
 */
export function wireCourseMenu(): void {
  const button = document.getElementById('menu-button');
  const sidebar = document.getElementById('sidebar');
  const backdrop = document.getElementById('menu-backdrop');
  if (!button || !sidebar) return;
  const isOpen = () => sidebar.dataset.open === 'true';
  const setOpen = (open: boolean) => {
    sidebar.dataset.open = String(open);
    if (backdrop) backdrop.dataset.open = String(open);
    button.setAttribute('aria-expanded', String(open));
    button.setAttribute('aria-label', open ? 'Close the course menu' : 'Open the course menu');
  };
  button.addEventListener('click', () => setOpen(!isOpen()));
  backdrop?.addEventListener('click', () => setOpen(false));
  sidebar.addEventListener('click', (e) => {
    if ((e.target as Element).closest('a')) setOpen(false);
  });
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || !isOpen()) return;
    setOpen(false);
    button.focus();
  });
  // A tap anywhere outside the drawer and its button (the header's search or theme, say).
  document.addEventListener('pointerdown', (e) => {
    const t = e.target as Node;
    if (isOpen() && !sidebar.contains(t) && !button.contains(t)) setOpen(false);
  });
  // Scrolling the page means the learner has gone back to reading; the drawer's own scrolling does not bubble here.
  addEventListener('scroll', () => {
    if (isOpen()) setOpen(false);
  }, { passive: true });
  // Back/forward cache: a restored page starts with the menu closed.
  addEventListener('pageshow', () => setOpen(false));
}
