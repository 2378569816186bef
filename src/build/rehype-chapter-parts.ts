// Chapters are long (up to 270 KB of HTML, a hundred KaTeX equations and several demos). This
// rehype step wraps each h2 and everything after it, up to the next h2, in
// <section class="chapter-part">; global.css gives those `content-visibility: auto`, so on load
// the browser styles, lays out and paints only the parts near the screen, not the whole chapter
// (each layout of the whole page took 100-400 ms with the CPU slowed 4x, the load's longest tasks).
//
// Until a part has been drawn once, the page reserves an estimated height for it (`--part-h`,
// pixels at desktop width; global.css scales it for a phone), so the scroll bar is about right.
import type { Element, ElementContent, Root, RootContent } from 'hast';

/** MDX's import/export statements stay at the top level of the tree. */
const ROOT_ONLY = new Set(['mdxjsEsm', 'doctype']);

type Node = Root | RootContent | ElementContent | { type: string; name?: string; children?: Node[]; value?: string };

function classes(n: Element): string[] {
  const c = n.properties?.className;
  return Array.isArray(c) ? c.map(String) : [];
}

/**
 * A part's height at 1280 px, px: a fit to the chapters' 34 parts as drawn (most within a third):
 * prose by its characters and paragraphs, display equations, code lines, demos and the quiz.
 */
export function estimatedHeight(nodes: Node[]): number {
  let chars = 0, paragraphs = 0, displays = 0, codeLines = 0, demos = 0, quizzes = 0;
  const visit = (n: Node): void => {
    if (n.type === 'text' && 'value' in n && typeof n.value === 'string') {
      chars += n.value.length;
      return;
    }
    if (n.type === 'mdxJsxFlowElement' && 'name' in n && typeof n.name === 'string') {
      if (n.name.endsWith('Demo')) demos++;
      if (n.name === 'CheckYourUnderstanding') quizzes++;
    }
    if (n.type === 'element') {
      const el = n as Element;
      const cls = classes(el);
      if (cls.includes('katex-mathml')) return; // read by screen readers, not drawn
      if (cls.includes('katex-display')) displays++;
      if (el.tagName === 'p' || el.tagName === 'li') paragraphs++;
      if (el.tagName === 'pre') codeLines += textOf(el).split('\n').length;
    }
    if ('children' in n && Array.isArray(n.children)) for (const c of n.children as Node[]) visit(c);
  };
  for (const n of nodes) visit(n);
  return Math.round(100 + 0.45 * chars + 40 * paragraphs + 50 * displays + 3 * codeLines + 1000 * demos + 2400 * quizzes);
}

function textOf(n: Node): string {
  if ('value' in n && typeof n.value === 'string') return n.value;
  return 'children' in n && Array.isArray(n.children) ? (n.children as Node[]).map(textOf).join('') : '';
}

export function rehypeChapterParts() {
  return (tree: Root) => {
    const out: RootContent[] = [];
    let part: Element | null = null;
    for (const node of tree.children) {
      if (node.type === 'element' && node.tagName === 'h2') {
        part = { type: 'element', tagName: 'section', properties: { className: ['chapter-part'] }, children: [node] };
        out.push(part);
      } else if (part && !ROOT_ONLY.has(node.type)) {
        part.children.push(node as ElementContent);
      } else {
        out.push(node);
      }
    }
    for (const n of out) {
      if (n.type === 'element' && n.tagName === 'section' && classes(n).includes('chapter-part')) {
        n.properties.style = `--part-h:${Math.max(200, estimatedHeight(n.children))}`;
      }
    }
    tree.children = out;
  };
}
