/**
 * Hydrates the demos a page places (./Demo.astro renders each island's HTML into a
 * `.demo-mount` with its props): a demo's island code loads when the demo first comes into view,
 * as Astro's `client:visible` does, so a chapter only downloads the demos a reader reaches (and
 * only their definitions: ./lazy-list.ts).
 */
import { h, hydrate } from 'preact';
import { loadDefinition } from './lazy-list.ts';
import { decodeTyped } from '../lib/typed-json.ts';

async function mount(el: HTMLElement): Promise<void> {
  const def = await loadDefinition(el.dataset.mountDemo ?? '');
  // The props as ./Demo.astro wrote them, the first run's typed arrays included.
  const props = decodeTyped(JSON.parse(el.dataset.props ?? '{}')) as Record<string, unknown>;
  const Island = (await def.island()).default;
  hydrate(h(Island, props as never), el);
  el.dataset.hydrated = '';
}

export function mountDemos(): void {
  const waiting = [...document.querySelectorAll<HTMLElement>('.demo-mount:not([data-mount])')];
  for (const el of waiting) el.dataset.mount = 'waiting';
  if (!('IntersectionObserver' in window)) {
    for (const el of waiting) void mount(el);
    return;
  }
  const io = new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      io.unobserve(e.target);
      void mount(e.target as HTMLElement);
    }
  });
  for (const el of waiting) io.observe(el);
}
