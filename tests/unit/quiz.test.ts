// Every chapter's quiz, as the quiz island receives it: length gives no answer away, every wrong
// choice says why it is wrong without naming the right one; and the progress rules (the first
// answer counts, a chapter is done only when its quiz is).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { quizExpressions, quizQuestionsIn } from '../../src/lib/quiz-source.ts';
import { validateQuestions, type Question } from '../../src/lib/quiz.ts';
import { demoIdsIn } from '../../src/lib/demo-names.ts';

const chapters = readdirSync('content').filter((f) => f.endsWith('.mdx')).sort();
const quizzes = chapters.map((f) => ({ file: f, questions: quizQuestionsIn(readFileSync(`content/${f}`, 'utf8'), f) }));
const all: (Question & { file: string })[] = quizzes.flatMap((q) => q.questions.map((x) => ({ ...x, file: q.file })));
const lengths = (q: Question) => q.choices.map((c) => c.text.length);

test('every chapter has a quiz', () => {
  assert.ok(chapters.length >= 5);
  for (const { file, questions } of quizzes) assert.ok(questions.length >= 1, `${file}: no questions`);
  assert.ok(all.length >= 20);
});

test('the right answer is the longest choice in at most a third of the questions', () => {
  const longest = all.filter((q) => lengths(q)[q.answer] === Math.max(...lengths(q)));
  assert.ok(longest.length <= all.length / 3, `longest in ${longest.length} of ${all.length}: ${longest.map((q) => `${q.file} ${q.id}`).join(', ')}`);
  // Nor does any one chapter lean on it.
  for (const { file, questions } of quizzes) {
    const n = questions.filter((q) => lengths(q)[q.answer] === Math.max(...lengths(q))).length;
    assert.ok(n <= questions.length / 2, `${file}: the right answer is the longest in ${n} of ${questions.length}`);
  }
});

test('the shortest choice gives nothing away either', () => {
  const shortest = all.filter((q) => lengths(q)[q.answer] === Math.min(...lengths(q)));
  assert.ok(shortest.length <= all.length / 3, `shortest in ${shortest.length} of ${all.length}: ${shortest.map((q) => `${q.file} ${q.id}`).join(', ')}`);
});

test('the right answer is not always in the same place', () => {
  const places = new Set(all.map((q) => q.answer));
  assert.ok(places.size >= 3, `answers only at ${[...places]}`);
});

test('every wrong choice says why it is wrong, without quoting the right one', () => {
  for (const q of all) {
    q.choices.forEach((c, i) => {
      const at = `${q.file} ${q.id} choice ${i + 1}`;
      if (i === q.answer) {
        assert.equal(c.why, undefined, `${at}: the right choice has no "why" (its explanation is shown)`);
        return;
      }
      assert.ok(c.why && c.why.length >= 30, `${at}: needs a "why" a learner can learn from`);
      assert.ok(!c.why.includes(q.choices[q.answer].text), `${at}: its "why" quotes the right answer`);
    });
  }
});

test('quiz props are read from MDX with braces and quotes inside strings', () => {
  const mdx = 'Text {1}\n<CheckYourUnderstanding questions={[{ prompt: "a {b} [c", choices: ["x}", { text: \'y"\', why: "because ]" }], answer: 0, explanation: "e" }]} />\nafter';
  assert.equal(quizExpressions(mdx).length, 1);
  const [q] = quizQuestionsIn(mdx, 'test');
  assert.deepEqual(q, { id: 'q1', prompt: 'a {b} [c', choices: [{ text: 'x}' }, { text: 'y"', why: 'because ]' }], answer: 0, explanation: 'e' });
});

test('a malformed question fails with a message naming it', () => {
  assert.throws(() => validateQuestions('ch', [{ prompt: 'p', choices: ['a', { text: 'b', why: '' }], answer: 0, explanation: 'e' }]), /question 1, choice 2: "why"/);
  assert.throws(() => validateQuestions('ch', [{ prompt: 'p', choices: ['a', { why: 'w' }], answer: 0, explanation: 'e' }]), /choice 2 must be/);
  assert.throws(() => validateQuestions('ch', [{ id: 'a', prompt: 'p', choices: ['a', 'b'], answer: 0, explanation: 'e' }, { id: 'a', prompt: 'p', choices: ['a', 'b'], answer: 1, explanation: 'e' }]), /id "a" is used twice/);
  assert.throws(() => validateQuestions('ch', [{ prompt: 'p', choices: ['a', 'b'], answer: 2, explanation: 'e' }]), /"answer" must be the index/);
});

test('a chapter\'s demo ids come from its MDX: the id prop, else the default', () => {
  const ids = demoIdsIn('<ADemo />\n<BDemo\n  id="mine"\n  x={1} />\n<ADemo id="again" />\n<CDemo />', { ADemo: 'a', BDemo: 'b' });
  assert.deepEqual(ids, ['a', 'mine', 'again']);
});

// ---- progress rules, on an in-memory localStorage ----
const store = new Map<string, string>();
(globalThis as { localStorage?: unknown }).localStorage = {
  getItem: (k: string) => store.get(k) ?? null,
  setItem: (k: string, v: string) => void store.set(k, v),
  removeItem: (k: string) => void store.delete(k),
};
const progress = await import('../../src/lib/progress.ts');

test('the first answer is the one that counts; later tries only find the right one', () => {
  store.clear();
  const { recordAnswer, loadProgress, chapterScore } = progress;
  let r = recordAnswer('ch', 'q1', 2, false);
  assert.deepEqual([r.tried, r.firstCorrect, r.solved], [[2], false, false]);
  r = recordAnswer('ch', 'q1', 1, true);
  assert.deepEqual([r.tried, r.firstCorrect, r.solved], [[2, 1], false, true]);
  recordAnswer('ch', 'q2', 0, true);
  const s = chapterScore(loadProgress(), 'ch', ['q1', 'q2', 'q3'], ['demo-a']);
  assert.deepEqual(s, { answered: 2, firstTry: 1, solved: 2, demosRun: 0, done: false });
});

test('a chapter is done only when every question is solved; opening it or running demos is not progress', () => {
  store.clear();
  const { markVisited, recordDemoRun, recordAnswer, loadProgress, chapterScore, resetQuiz } = progress;
  markVisited('ch');
  recordDemoRun('ch', 'demo-a');
  recordDemoRun('ch', 'demo-a');
  let s = chapterScore(loadProgress(), 'ch', ['q1', 'q2'], ['demo-a', 'demo-b']);
  assert.deepEqual([s.done, s.demosRun, s.answered], [false, 1, 0]);
  recordAnswer('ch', 'q1', 0, true);
  recordAnswer('ch', 'q2', 3, false);
  assert.equal(chapterScore(loadProgress(), 'ch', ['q1', 'q2'], []).done, false);
  recordAnswer('ch', 'q2', 1, true);
  s = chapterScore(loadProgress(), 'ch', ['q1', 'q2'], ['demo-a', 'demo-b']);
  assert.deepEqual(s, { answered: 2, firstTry: 1, solved: 2, demosRun: 1, done: true });
  // Answers to questions the chapter no longer has do not count.
  recordAnswer('ch', 'old', 0, true);
  assert.equal(chapterScore(loadProgress(), 'ch', ['q1', 'q2'], []).answered, 2);
  resetQuiz('ch');
  s = chapterScore(loadProgress(), 'ch', ['q1', 'q2'], ['demo-a']);
  assert.deepEqual([s.answered, s.done, s.demosRun], [0, false, 1]);
});

test('garbage in storage gives empty progress, never an error', () => {
  const { loadProgress } = progress;
  for (const raw of ['not json', '[]', 'null', '{"answers":{"ch/q1":{"tried":"x"},"ch/q2":{"tried":[-1]}},"visited":{"a":"x"},"demos":[]}']) {
    store.clear();
    store.set('regularization-lab:progress:v2', raw);
    assert.deepEqual(loadProgress(), { visited: {}, answers: {}, demos: {} }, raw);
  }
  // The old format's answers counted retries as right: only its visits carry over.
  store.clear();
  store.set('regularization-lab:progress:v1', JSON.stringify({ visited: { ch: 5 }, answers: { 'ch/q1': { correct: true, at: 1 } } }));
  assert.deepEqual(loadProgress(), { visited: { ch: 5 }, answers: {}, demos: {} });
});
