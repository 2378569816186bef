import katex from 'katex';
import { useMemo } from 'preact/hooks';

interface Props {
  /** KaTeX source. */
  tex: string;
  display?: boolean;
  class?: string;
}

/**
 * An equation rendered in the browser with KaTeX (its stylesheet is global). The HTML carries
 * KaTeX's MathML too, so screen readers read the mathematics; a bad formula shows its source
 * in red instead of throwing.
 */
export function Tex({ tex, display = false, class: cls }: Props) {
  const html = useMemo(() => katex.renderToString(tex, { throwOnError: false, displayMode: display, output: 'htmlAndMathml', strict: 'ignore' }), [tex, display]);
  return <span class={cls} dangerouslySetInnerHTML={{ __html: html }} />;
}
