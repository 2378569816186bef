// The build's checks as pure functions (no build needed): each names the file as it is in the
// repository, the line where it can, and the field. remix.test.ts builds scratch copies to show
// the build runs them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frontMatterProblems } from '../../src/lib/chapter-front-matter.ts';
import { chapterError, setChapterSource, tagLine } from '../../src/lib/rendering-chapter.ts';
import { orderClash } from '../../src/lib/chapter-order.ts';
import { blockingFindings, isTrusted, lintChapter } from '../../src/lib/chapter-lint.ts';
import { mathProblem, remarkCheckMath } from '../../src/lib/math-check.ts';
import { headersFile, metaPolicy, parseHeadersFile } from '../../src/build/security-headers.ts';
import { checkProps } from '../../src/demos/settings-kit.ts';
import { demoChrome } from '../../src/demos/demo-props.ts';
import { overfittingFields } from '../../src/demos/overfitting/settings.ts';

const source = `---
title: Broken chapter
description: A chapter with mistakes in its front matter.
order: "second"
objectives:
  - Fail.
terms:
  - overfitting
  - nosuch-term
colour: blue
---

Text.
`;

test('front matter: an unknown glossary id in terms fails, naming the file, the line and the field', () => {
  const problems = frontMatterProblems('content/98-broken.mdx', { title: 'Broken chapter', description: 'A chapter with mistakes in its front matter.', order: 'second', objectives: ['Fail.'], terms: ['overfitting', 'nosuch-term'], colour: 'blue' }, source);
  assert.ok(problems.includes('content/98-broken.mdx:9: front matter field "terms" (item 2): no glossary term "nosuch-term" in src/data/glossary.ts'), problems.join('\n'));
  assert.ok(problems.includes('content/98-broken.mdx:4: front matter field "order" must be a number, not a string'), problems.join('\n'));
  assert.ok(problems.some((p) => p.startsWith('content/98-broken.mdx:10: front matter field "colour" is not one the course knows')), problems.join('\n'));
  assert.equal(frontMatterProblems('content/01-ok.mdx', { title: 'Fine chapter', description: 'A chapter that is fine in every way.', order: 1, objectives: ['Pass.'], terms: ['overfitting'] }).length, 0);
});

test('front matter: a missing field is named plainly, with no stray asterisks', () => {
  const problems = frontMatterProblems('content/98-broken.mdx', { description: 'A chapter with no title at all.', order: 3, objectives: ['Fail.'] }, '---\ndescription: x\n---\n');
  assert.deepEqual(problems, ['content/98-broken.mdx: front matter field "title" is missing (it must be a string)']);
  assert.doesNotMatch(problems.join('\n'), /\*/);
});

test('a duplicate order names both files as they are in the repository (not content/content/...)', () => {
  const msg = orderClash([
    { id: 'dropout', filePath: 'content/02-dropout.mdx', data: { order: 2 } },
    { id: 'copy', filePath: 'content/07-copy.mdx', data: { order: 2 } },
  ]);
  assert.equal(msg, 'content/07-copy.mdx: front matter field "order" (2) is also used by content/02-dropout.mdx; each chapter needs its own order');
  assert.equal(orderClash([{ id: 'a', filePath: 'content/a.mdx', data: { order: 1 } }]), null);
});

const chapter = `---
title: Fixture
---

Some text with a <Term id="overfitting">term</Term>.

<OverfittingDemo id="first" />

<OverfittingDemo
  id="second"
  noise={0.1}
  toString="x"
/>

<Term id="no-such-term">x</Term>
`;

test('demo-prop and <Term> errors name the chapter file and the line, not the route', () => {
  assert.equal(tagLine(chapter, 'OverfittingDemo', 'toString'), 12);
  assert.equal(tagLine(chapter, 'Term', 'id', 'no-such-term'), 15);
  assert.equal(tagLine(chapter, 'OverfittingDemo'), 7);
  setChapterSource('content/97-fixture.mdx', chapter);
  try {
    assert.throws(() => checkProps('OverfittingDemo', overfittingFields, { toString: 'x' }), (e: Error) => e.message.startsWith('content/97-fixture.mdx:12: <OverfittingDemo>: unknown setting "toString"'));
    assert.equal(chapterError('<Term id="no-such-term">: no glossary term', 'Term', 'id', 'no-such-term').message, 'content/97-fixture.mdx:15: <Term id="no-such-term">: no glossary term');
    assert.throws(
      () => demoChrome('OverfittingDemo', overfittingFields, { controls: 'constructor' }, { id: 'overfitting', title: 't', controls: ['lr'] }),
      (e: Error) => /^content\/97-fixture\.mdx:7: <OverfittingDemo>: "controls" must list settings of this demo \(dataset, /.test(e.message),
    );
  } finally {
    setChapterSource(undefined);
  }
  // Outside a chapter (embed pages, the remix guide) the message is the demo's alone.
  assert.throws(() => checkProps('OverfittingDemo', overfittingFields, { valueOf: 'x' }), /^Error: <OverfittingDemo>: unknown setting "valueOf"/);
});

test('a malformed equation is an error (KaTeX throws), naming the file, line and column', () => {
  assert.match(mathProblem('\\frac{1}', false)!, /KaTeX parse error/);
  assert.equal(mathProblem('\\frac{1}{2}', true), null);
  const tree = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'inlineMath', value: '\\frac{1}', position: { start: { line: 14, column: 9 } } }] }] };
  assert.throws(() => remarkCheckMath()(tree, { path: `${process.cwd()}/content/95-math.mdx` }), /^Error: content\/95-math\.mdx:14:9: equation \$\\frac\{1\}\$ cannot be rendered: KaTeX parse error/);
});

test('check-chapters flags scripts, handlers, javascript: URLs, iframes and outside imports, by line', () => {
  const mdx = `---
title: Remixed
---
import Callout from '../src/components/Callout.astro';
import fs from 'node:fs';
import x from 'left-pad';

<script>alert(1)</script>

<button onClick={() => alert(1)}>x</button> <img src="x" onerror="alert(1)" />

[link](javascript:alert(1)) and <iframe src="https://example.com" />

\`<script>\` in inline code and

\`\`\`html
<script>in a code block</script>
\`\`\`

{import('node:child_process')}
`;
  const f = lintChapter('content/99-remixed.mdx', mdx).map((x) => `${x.line}: ${x.what.split(':')[0]}`);
  assert.deepEqual(f, [
    '5: import of "node',
    '6: import of "left-pad"',
    '8: <script> element',
    '10: onClick= event handler',
    '10: onerror= event handler',
    '12: <iframe> element',
    '12: javascript',
    '20: import()',
  ]);
  assert.equal(isTrusted(mdx), false);
  const trusted = mdx.replace('title: Remixed', 'title: Remixed\ntrusted: true');
  assert.equal(isTrusted(trusted), true);
  assert.equal(blockingFindings([{ file: 'content/99-remixed.mdx', source: trusted }]).length, 0);
});

test('the headers file carries each page’s policy, read back as it was written', () => {
  const html = `<head><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'sha256-abc='; style-src 'self'"></head>`;
  const policy = metaPolicy(html)!;
  assert.equal(policy, "default-src 'self'; script-src 'self' 'sha256-abc='; style-src 'self'");
  const parsed = parseHeadersFile(headersFile([{ path: '/chapters/dropout/', policy }]));
  assert.equal(parsed.get('/chapters/dropout/')?.['content-security-policy'], policy);
  assert.equal(parsed.get('/chapters/dropout/index.html')?.['content-security-policy'], policy);
});
