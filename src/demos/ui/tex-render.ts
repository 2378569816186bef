import katex from 'katex';

/** An equation as KaTeX HTML (with its MathML); a bad formula shows its source in red instead of throwing. */
export function renderTex(tex: string, display: boolean): string {
  return katex.renderToString(tex, { throwOnError: false, displayMode: display, output: 'htmlAndMathml', strict: 'ignore' });
}
