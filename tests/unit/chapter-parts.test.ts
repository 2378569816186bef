// The chapter's parts: each h2 opens a <section class="chapter-part"> (drawn only near the screen,
// global.css) that reserves an estimated height until it is drawn; MDX's imports stay at the top.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Element, Root } from 'hast';
import { estimatedHeight, rehypeChapterParts } from '../../src/build/rehype-chapter-parts.ts';

const el = (tagName: string, text: string, className?: string[]): Element => ({
  type: 'element', tagName, properties: className ? { className } : {}, children: [{ type: 'text', value: text }],
});

test('each h2 and what follows it, up to the next h2, become one part; what comes before stays', () => {
  const esm = { type: 'mdxjsEsm', value: 'export const x = 1' } as unknown as Root['children'][number];
  const tree: Root = {
    type: 'root',
    children: [el('p', 'intro'), el('h2', 'One'), el('p', 'a'), esm, el('p', 'b'), el('h2', 'Two'), el('p', 'c')],
  };
  rehypeChapterParts()(tree);
  const kinds = tree.children.map((n) => (n.type === 'element' ? `${n.tagName}${n.tagName === 'section' ? `(${n.children.length})` : ''}` : n.type));
  assert.deepEqual(kinds, ['p', 'section(3)', 'mdxjsEsm', 'section(2)']);
  const part = tree.children[1] as Element;
  assert.deepEqual(part.properties.className, ['chapter-part']);
  assert.match(String(part.properties.style), /^--part-h:\d+$/);
});

test('the estimate grows with prose, equations, code and demos', () => {
  const prose = estimatedHeight([el('p', 'x'.repeat(1000))]);
  assert.ok(estimatedHeight([el('p', 'x'.repeat(2000))]) > prose);
  assert.ok(estimatedHeight([el('p', 'x'.repeat(1000)), el('span', '', ['katex-display'])]) > prose);
  const demo = { type: 'mdxJsxFlowElement', name: 'OverfittingDemo', attributes: [], children: [] } as unknown as Element;
  assert.ok(estimatedHeight([el('p', 'x'.repeat(1000)), demo]) >= prose + 1000);
  // KaTeX's MathML is read by screen readers, not drawn: it adds no height.
  assert.equal(estimatedHeight([el('p', 'x'.repeat(1000)), el('span', 'y'.repeat(5000), ['katex-mathml'])]), prose);
});
