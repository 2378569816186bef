// Chapters are long (up to 270 KB of HTML, a hundred KaTeX equations and several demos). This
// rehype step wraps each h2 and everything after it, up to the next h2, in
// <section class="chapter-part">, and cuts each part into pieces of about half a screen,
// <div class="chapter-chunk">; global.css gives the pieces `content-visibility: auto`, so on load
// the browser styles, lays out and paints only what is near the screen, not the whole chapter
// (each layout of the whole page took 100-400 ms with the CPU slowed 4x, the load's longest tasks;
// a whole part as it came on screen, up to 180 ms).
// The pieces near the screen are held back for the page's first frame and drawn in the next
// (public/theme-init.js), so the top of the page and those pieces are two tasks, not one.
//
// Until a piece has been drawn once, the page reserves an estimated height for it (`--part-h`,
// pixels at desktop width; global.css scales it for a phone), so the scroll bar is about right.
import type { Element, ElementContent, Root, RootContent } from 'hast';

/** MDX's import/export statements stay at the top level of the tree. */
const ROOT_ONLY = new Set(['mdxjsEsm', 'doctype']);

type Node = Root | RootContent | ElementContent | { type: string; name?: string; children?: Node[]; value?: string };

function classes(n: Element): string[] {
  const c = n.properties?.className;
  return Array.isArray(c) ? c.map(String) : [];
}

/** Each demo component's height (px at 1280 px, its definition's `height`), by MDX name. */
export type DemoHeights = Readonly<Record<string, number>>;

/** A demo whose definition the plugin was not given (a test's tree): about a typical one. */
const SOME_DEMO_PX = 1500;

/**
 * A piece's height at 1280 px, px: a least-squares fit to the 70 pieces of the five chapters as
 * drawn (prose within 7% at the median): prose by its characters and paragraphs, display
 * equations and code lines, plus each demo's own height and the quiz's.
 */
export function estimatedHeight(nodes: Node[], demoHeights: DemoHeights = {}): number {
  let chars = 0, paragraphs = 0, displays = 0, codeLines = 0, demos = 0, quizzes = 0;
  const visit = (n: Node): void => {
    if (n.type === 'text' && 'value' in n && typeof n.value === 'string') {
      chars += n.value.length;
      return;
    }
    if (n.type === 'mdxJsxFlowElement' && 'name' in n && typeof n.name === 'string') {
      if (n.name.endsWith('Demo')) demos += demoHeights[n.name] ?? SOME_DEMO_PX;
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
  return Math.round(0.39 * chars + 11 * paragraphs + 105 * displays + 12 * codeLines + demos + 2400 * quizzes);
}

function textOf(n: Node): string {
  if ('value' in n && typeof n.value === 'string') return n.value;
  return 'children' in n && Array.isArray(n.children) ? (n.children as Node[]).map(textOf).join('') : '';
}

/** About how tall a piece may grow before the next one starts (px at 1280 px wide). */
const CHUNK_PX = 600;
/**
 * A piece ends only after prose (a paragraph or a list, 1em margins): whatever follows has a top
 * margin at least as large, and that margin alone is the gap (global.css drops a piece's last bottom
 * margin, since a contained piece's margins no longer collapse with its neighbour's).
 */
const ENDS_PIECE = new Set(['p', 'ul', 'ol']);
const isBlank = (n: Node) => n.type === 'text' && 'value' in n && typeof n.value === 'string' && !n.value.trim();

function chunks(nodes: ElementContent[], demoHeights: DemoHeights): Element[] {
  const groups: { children: ElementContent[]; height: number }[] = [{ children: [], height: 0 }];
  let last: Node | null = null;
  for (const n of nodes) {
    const h = estimatedHeight([n], demoHeights); // the estimate is a sum over nodes
    const group = groups[groups.length - 1];
    if (!isBlank(n) && last?.type === 'element' && ENDS_PIECE.has((last as Element).tagName) && group.height >= CHUNK_PX) groups.push({ children: [n], height: h });
    else {
      group.children.push(n);
      group.height += h;
    }
    if (!isBlank(n)) last = n;
  }
  return groups.map(({ children }) => ({
    type: 'element', tagName: 'div', children,
    properties: { className: ['chapter-chunk'], style: `--part-h:${Math.max(100, estimatedHeight(children, demoHeights))}` },
  }));
}

export function rehypeChapterParts({ demoHeights = {} }: { demoHeights?: DemoHeights } = {}) {
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
      if (n.type === 'element' && n.tagName === 'section' && classes(n).includes('chapter-part')) n.children = chunks(n.children, demoHeights);
    }
    tree.children = out;
  };
}
