import { useLayoutEffect, useRef } from 'preact/hooks';
import type { TexReply, TexRequest } from './tex-worker.ts';

interface Props {
  /** KaTeX source. */
  tex: string;
  display?: boolean;
  class?: string;
}

// The server renders every equation with KaTeX into the page's HTML. When an equation changes
// in the browser (a live equation stepped or trained), KaTeX renders the new one in a worker of
// its own (tex-worker.ts), started on that first change: the page itself never loads KaTeX.
const serverRender = import.meta.env.SSR ? (await import('./tex-render.ts')).renderTex : null;

type Render = (tex: string, display: boolean) => Promise<string>;
let renderer: Render | null = null;

// A live equation changes a few numbers at a time. Replacing its whole KaTeX tree (hundreds of
// spans) made the browser restyle and lay out the page every step (40+ ms at 4x CPU throttling on
// the running-statistics demo); morphdom patches only the text and attributes that changed.
// Loaded with the first change, like the worker.
type Morph = (el: HTMLElement, html: string) => void;
let morph: Promise<Morph> | null = null;
function morpher(): Promise<Morph> {
  morph ??= import('morphdom').then(({ default: morphdom }) => (el, html) => {
    morphdom(el, `<span>${html}</span>`, { childrenOnly: true });
  });
  return morph;
}

function texRenderer(): Render {
  if (renderer) return renderer;
  const waiting = new Map<number, (html: string) => void>();
  let next = 0;
  try {
    const worker = new Worker(new URL('./tex-worker.ts', import.meta.url), { type: 'module', name: 'katex' });
    worker.onmessage = (e: MessageEvent<TexReply>) => {
      waiting.get(e.data.id)?.(e.data.html);
      waiting.delete(e.data.id);
    };
    renderer = (tex, display) => new Promise((done) => {
      const id = next++;
      waiting.set(id, done);
      worker.postMessage({ id, tex, display } satisfies TexRequest);
    });
  } catch {
    // No module workers: KaTeX on the page.
    renderer = (tex, display) => import('./tex-render.ts').then((m) => m.renderTex(tex, display));
  }
  return renderer;
}

const cache = new Map<string, string>();
function remember(key: string, html: string) {
  if (cache.size > 300) cache.delete(cache.keys().next().value!);
  cache.set(key, html);
}

const EMPTY = { __html: '' };

/**
 * An equation rendered with KaTeX (its stylesheet is global). The HTML carries KaTeX's MathML
 * too, so screen readers read the mathematics; a bad formula shows its source in red instead of
 * throwing. The element's `data-tex` names the equation it shows; until a new one is rendered
 * (a few milliseconds), the previous one stays.
 */
export function Tex({ tex, display = false, class: cls }: Props) {
  const ref = useRef<HTMLSpanElement>(null);
  const key = `${display ? 'D' : 'I'}:${tex}`;
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.dataset.want = key; // the latest asked for: an older reply arriving later is dropped
    if (el.dataset.tex === key) return;
    const show = (html: string, patch: Morph) => {
      if (el.dataset.want !== key) return; // a later equation was asked for meanwhile
      patch(el, html);
      el.dataset.tex = key;
    };
    const known = cache.get(key);
    const html = known !== undefined ? Promise.resolve(known) : texRenderer()(tex, display).then((h) => (remember(key, h), h));
    void Promise.all([html, morpher()]).then(([h, patch]) => show(h, patch));
  }, [key]);
  if (serverRender) return <span class={cls} data-tex={key} dangerouslySetInnerHTML={{ __html: serverRender(tex, display) }} />;
  // Hydration keeps the server's HTML (Preact leaves innerHTML alone); the effect above replaces it when the equation changes.
  return <span class={cls} ref={ref} dangerouslySetInnerHTML={EMPTY} />;
}
