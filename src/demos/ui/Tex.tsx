import { useLayoutEffect, useRef } from 'preact/hooks';

interface Props {
  /** KaTeX source. */
  tex: string;
  display?: boolean;
  class?: string;
}

type Katex = typeof import('katex').default;

// The server renders every equation with KaTeX into the page's HTML. The browser loads the
// KaTeX runtime (76 KB gzip'd) only when an equation first changes from the one the server
// rendered (a live equation stepped or trained), so a page that is just read never ships it.
let katex: Katex | null = import.meta.env.SSR ? (await import('katex')).default : null;
let loading: Promise<Katex> | null = null;
const load = () => (loading ??= import('katex').then((m) => (katex = m.default)));

const EMPTY = { __html: '' };

function render(k: Katex, tex: string, display: boolean): string {
  return k.renderToString(tex, { throwOnError: false, displayMode: display, output: 'htmlAndMathml', strict: 'ignore' });
}

/**
 * An equation rendered with KaTeX (its stylesheet is global). The HTML carries KaTeX's MathML
 * too, so screen readers read the mathematics; a bad formula shows its source in red instead of
 * throwing. The element's `data-tex` names the equation it shows; while the runtime loads, the
 * previous equation stays.
 */
export function Tex({ tex, display = false, class: cls }: Props) {
  const ref = useRef<HTMLSpanElement>(null);
  const key = `${display ? 'D' : 'I'}:${tex}`;
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || el.dataset.tex === key) return;
    let live = true;
    const show = (k: Katex) => {
      if (!live) return;
      el.innerHTML = render(k, tex, display);
      el.dataset.tex = key;
    };
    if (katex) show(katex);
    else void load().then(show);
    return () => {
      live = false;
    };
  }, [key]);
  if (import.meta.env.SSR && katex) return <span class={cls} data-tex={key} dangerouslySetInnerHTML={{ __html: render(katex, tex, display) }} />;
  // Hydration keeps the server's HTML (Preact leaves innerHTML alone); the effect above replaces it when the equation changes.
  return <span class={cls} ref={ref} dangerouslySetInnerHTML={EMPTY} />;
}
