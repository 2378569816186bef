/**
 * Equations must render, or the build fails naming the file and line. rehype-katex catches
 * KaTeX's error even with `throwOnError: true` (it reports a warning and puts a red error on the
 * page), so this remark plugin renders every `$…$` / `$$…$$` first and fails on the first error.
 */
import katex from 'katex';
import { relative } from 'node:path';

/** KaTeX's message for an equation it cannot render, or null. */
export function mathProblem(tex: string, displayMode: boolean): string | null {
  try {
    katex.renderToString(tex, { displayMode, throwOnError: true, strict: 'ignore' });
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

interface MathNode {
  type: string;
  value?: string;
  position?: { start: { line: number; column: number } };
  children?: MathNode[];
}

/** Remark plugin: throws `content/x.mdx:12:5: equation $\frac{1}$ cannot be rendered: KaTeX parse error: …`. */
export function remarkCheckMath() {
  return (tree: MathNode, file: { path?: string }) => {
    const walk = (node: MathNode) => {
      if ((node.type === 'math' || node.type === 'inlineMath') && typeof node.value === 'string') {
        const display = node.type === 'math';
        const problem = mathProblem(node.value, display);
        if (problem) {
          const where = file.path ? relative(process.cwd(), file.path).replace(/\\/g, '/') : 'a chapter';
          const at = node.position ? `:${node.position.start.line}:${node.position.start.column}` : '';
          const tex = node.value.length > 60 ? `${node.value.slice(0, 60)}…` : node.value;
          throw new Error(`${where}${at}: equation ${display ? '$$' : '$'}${tex}${display ? '$$' : '$'} cannot be rendered: ${problem}`);
        }
      }
      for (const c of node.children ?? []) walk(c);
    };
    walk(tree);
  };
}
