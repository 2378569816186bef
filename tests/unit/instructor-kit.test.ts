// The instructor kit's pure pieces: what an embed page's URL may change (locked controls, title,
// caption; a bad value gives the default and a notice), the builder's snippets, the final figures
// a run reports to a host page, and the chapter quizzes an embed page can show.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { embedOverrides } from '../../src/demos/ui/embed-overrides.ts';
import { embedUrl, iframeSnippet, mdxLine, type EmbedChoice } from '../../src/lib/embed-snippet.ts';
import { finalNumbers } from '../../src/lib/host-events.ts';
import { chapterQuestions } from '../../src/lib/chapter-quiz.ts';
import { validateQuestions } from '../../src/lib/quiz.ts';

const FIELDS = ['p', 'mode', 'seed', 'lr'];

test('controls from the link: a list, none, or the default with a notice when a name is unknown', () => {
  assert.deepEqual(embedOverrides('controls=p,seed', FIELDS), { controls: ['p', 'seed'], notices: [] });
  assert.deepEqual(embedOverrides('controls=%20p%20,,p', FIELDS).controls, ['p']);
  assert.deepEqual(embedOverrides('controls=none', FIELDS).controls, []);
  assert.deepEqual(embedOverrides('controls=', FIELDS).controls, []);
  assert.equal(embedOverrides('', FIELDS).controls, null);
  const bad = embedOverrides('controls=p,<script>', FIELDS);
  assert.equal(bad.controls, null);
  assert.match(bad.notices[0], /"<script>".*does not have.*p, mode, seed, lr.*default controls/);
});

test('title and caption from the link; empty ones keep the default, too long ones give a notice', () => {
  const o = embedOverrides('title=My%20demo&caption=Press%20Train', FIELDS);
  assert.equal(o.title, 'My demo');
  assert.equal(o.caption, 'Press Train');
  assert.equal(embedOverrides('title=%20%20', FIELDS).title, undefined);
  const long = embedOverrides(`title=${'x'.repeat(121)}`, FIELDS);
  assert.equal(long.title, undefined);
  assert.match(long.notices[0], /title is longer than 120 characters/);
});

const CHOICE: EmbedChoice = {
  component: 'DropoutMaskDemo',
  slug: 'dropout-mask-demo',
  demoId: 'dropout-masks',
  kinds: { p: 'number', mode: 'enum', seed: 'int', bn: 'bool' },
  query: 'p=0.3&mode=eval&seed=4',
  controls: ['p'],
  title: 'Masks "live"',
  theme: 'dark',
  quiz: true,
};

test('the embed link carries the settings under the demo id, the locked controls, title, theme and quiz', () => {
  const url = new URL(embedUrl('https://example.org/course/', CHOICE));
  assert.equal(url.origin + url.pathname, 'https://example.org/course/embed/dropout-mask-demo/');
  assert.equal(url.searchParams.get('dropout-masks.p'), '0.3');
  assert.equal(url.searchParams.get('dropout-masks.mode'), 'eval');
  assert.equal(url.searchParams.get('controls'), 'p');
  assert.equal(url.searchParams.get('title'), 'Masks "live"');
  assert.equal(url.searchParams.get('theme'), 'dark');
  assert.equal(url.searchParams.get('quiz'), '1');
  assert.equal(new URL(embedUrl('https://e.org/', { ...CHOICE, controls: [] })).searchParams.get('controls'), 'none');
  assert.equal(embedUrl('https://e.org/', { ...CHOICE, query: '', controls: null, title: '', theme: undefined, quiz: false }), 'https://e.org/embed/dropout-mask-demo/');
});

test('the iframe snippet is valid HTML with the resize script; the MDX line writes values by kind', () => {
  const html = iframeSnippet('https://example.org/course/', CHOICE);
  assert.match(html, /^<iframe src="https:\/\/example\.org\/course\/embed\/dropout-mask-demo\/\?dropout-masks\.p=0\.3&amp;/);
  assert.match(html, /title="Masks &quot;live&quot; \(Regularization Lab\)"/);
  assert.match(html, /\n<script src="https:\/\/example\.org\/course\/embed-resize\.js" defer><\/script>$/);
  assert.equal(mdxLine(CHOICE), '<DropoutMaskDemo p={0.3} mode="eval" seed={4} controls="p" title={"Masks \\"live\\""} />');
  assert.equal(mdxLine({ ...CHOICE, query: 'bn=true', controls: [], title: undefined }), '<DropoutMaskDemo bn={true} controls="" />');
  assert.equal(mdxLine({ ...CHOICE, query: '', controls: null, title: undefined }), '<DropoutMaskDemo />');
});

test('a run’s final figures: its numbers and the last value of each series, not its typed arrays', () => {
  const n = finalNumbers({
    epoch: 600, maxEpochs: 600, train: [0.7, 0.2, 0.05], val: [0.7, 0.4, NaN], bestEpoch: 80,
    grid: new Float32Array(4), mixed: [1, 'a'], plain: { valLoss: 0.31, deep: { x: 1 } }, label: 'x',
  });
  assert.deepEqual(n, { epoch: 600, maxEpochs: 600, train: 0.05, bestEpoch: 80, 'plain.valLoss': 0.31 });
  assert.deepEqual(finalNumbers(null), {});
});

test('every chapter’s quiz is read from its MDX as literals and validates', () => {
  for (const file of readdirSync('content').filter((f) => f.endsWith('.mdx'))) {
    const mdx = readFileSync(`content/${file}`, 'utf8');
    const questions = chapterQuestions(file, mdx);
    if (!mdx.includes('<CheckYourUnderstanding')) continue;
    assert.ok(questions && questions.length > 0, file);
    assert.equal(validateQuestions(file, questions).length, questions!.length);
  }
  assert.equal(chapterQuestions('x', 'no quiz'), null);
  assert.throws(() => chapterQuestions('x', '<CheckYourUnderstanding questions={[{ prompt: evil() }]} />'), /plain literals.*CallExpression/);
});
