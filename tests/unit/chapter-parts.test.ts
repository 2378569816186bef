// The chapter's parts: each h2 opens a <section class="chapter-part">, cut into pieces of about half a
// screen (drawn only near the screen, global.css) that reserve an estimated height until drawn; MDX's
// imports stay at the top.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Element, Root } from 'hast';
import { estimatedHeight, rehypeChapterParts } from '../../src/build/rehype-chapter-parts.ts';

const el = (tagName: string, text: string, className?: string[]): Element => ({
  type: 'element', tagName, properties: className ? { className } : {}, children: [{ type: 'text', value: text }],
});

const kind = (n: Root['children'][number]) => (n.type === 'element' ? `${n.tagName}${n.children.length ? `(${n.children.filter((c) => c.type === 'element').length})` : ''}` : n.type);

test('each h2 and what follows it, up to the next h2, become one part; what comes before stays', () => {
  const esm = { type: 'mdxjsEsm', value: 'export const x = 1' } as unknown as Root['children'][number];
  const tree: Root = {
    type: 'root',
    children: [el('p', 'intro'), el('h2', 'One'), el('p', 'a'), esm, el('p', 'b'), el('h2', 'Two'), el('p', 'c')],
  };
  rehypeChapterParts()(tree);
  assert.deepEqual(tree.children.map(kind), ['p(0)', 'section(1)', 'mdxjsEsm', 'section(1)']);
  const part = tree.children[1] as Element;
  assert.deepEqual(part.properties.className, ['chapter-part']);
  const piece = part.children[0] as Element;
  assert.deepEqual(piece.properties.className, ['chapter-chunk']);
  assert.deepEqual(piece.children.map((c) => (c.type === 'element' ? c.tagName : c.type)), ['h2', 'p', 'p']);
  assert.match(String(piece.properties.style), /^--part-h:\d+$/);
});

test('a long part is cut into pieces of about half a screen, each after a paragraph, with its own estimate', () => {
  const long = Array.from({ length: 12 }, (_, i) => el('p', `${i} ${'x'.repeat(500)}`));
  const demo = { type: 'mdxJsxFlowElement', name: 'OverfittingDemo', attributes: [], children: [] } as unknown as Element;
  const tree: Root = { type: 'root', children: [el('h2', 'One'), ...long.slice(0, 6), demo, el('h3', 'Sub'), ...long.slice(6)] };
  rehypeChapterParts({ demoHeights: { OverfittingDemo: 900 } })(tree);
  const pieces = (tree.children[0] as Element).children as Element[];
  assert.ok(pieces.length >= 4, `${pieces.length} pieces`);
  for (const p of pieces) {
    const h = Number(/--part-h:(\d+)/.exec(String(p.properties.style))![1]);
    assert.equal(h, Math.max(100, estimatedHeight(p.children, { OverfittingDemo: 900 })));
    assert.ok(h < 600 + 900 + 300, `a piece of ${h} px`);
  }
  // Nothing is lost or reordered, and no piece starts after a heading or a demo (only after prose).
  assert.deepEqual(pieces.flatMap((p) => p.children), [el('h2', 'One'), ...long.slice(0, 6), demo, el('h3', 'Sub'), ...long.slice(6)]);
  for (const before of pieces.slice(0, -1)) assert.equal((before.children.at(-1) as Element).tagName, 'p');
});

test('the estimate grows with prose, equations, code and demos', () => {
  const prose = estimatedHeight([el('p', 'x'.repeat(1000))]);
  assert.ok(estimatedHeight([el('p', 'x'.repeat(2000))]) > prose);
  assert.ok(estimatedHeight([el('p', 'x'.repeat(1000)), el('span', '', ['katex-display'])]) > prose);
  const demo = { type: 'mdxJsxFlowElement', name: 'OverfittingDemo', attributes: [], children: [] } as unknown as Element;
  // A demo stands as tall as its definition says (or a typical demo's height, not given one).
  assert.equal(estimatedHeight([el('p', 'x'.repeat(1000)), demo], { OverfittingDemo: 900 }), prose + 900);
  assert.ok(estimatedHeight([el('p', 'x'.repeat(1000)), demo]) >= prose + 1000);
  // KaTeX's MathML is read by screen readers, not drawn: it adds no height.
  assert.equal(estimatedHeight([el('p', 'x'.repeat(1000)), el('span', 'y'.repeat(5000), ['katex-mathml'])]), prose);
});
