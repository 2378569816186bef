import { useEffect, useState } from 'preact/hooks';
import { chapterAnswers, loadProgress, recordAnswer, resetQuiz, type AnswerRecord } from '../lib/progress';
import type { Question } from '../lib/quiz';
import { RichText } from './RichText';

interface Props {
  chapter: string;
  questions: Question[];
}

/**
 * "Check your understanding": radio groups (native keyboard operation: Tab to a group, arrows
 * to choose) and a Check button. A wrong answer says why that choice is wrong, never which one
 * is right, and the learner tries again; the first answer is the one that counts. Every check
 * is kept in this browser, so the quiz looks the same after a reload until it is reset.
 */
export default function Quiz({ chapter, questions }: Props) {
  const [records, setRecords] = useState<Record<string, AnswerRecord>>({});
  const [selected, setSelected] = useState<Record<string, number>>({});
  // Which questions were checked in this visit: only their feedback is announced as news.
  const [lastCheck, setLastCheck] = useState<Record<string, number>>({});

  useEffect(() => setRecords(chapterAnswers(loadProgress(), chapter)), [chapter]);

  const check = (q: Question) => {
    const choice = selected[q.id];
    if (choice === undefined) return;
    const rec = recordAnswer(chapter, q.id, choice, choice === q.answer);
    setRecords({ ...records, [q.id]: rec });
    setLastCheck({ ...lastCheck, [q.id]: choice });
    // A wrong choice is marked and disabled; the learner picks afresh.
    if (!rec.solved) {
      const rest = { ...selected };
      delete rest[q.id];
      setSelected(rest);
    }
  };

  const reset = () => {
    resetQuiz(chapter);
    setRecords({});
    setSelected({});
    setLastCheck({});
  };

  const answered = questions.filter((q) => records[q.id]).length;
  const firstTry = questions.filter((q) => records[q.id]?.firstCorrect).length;
  const solved = questions.filter((q) => records[q.id]?.solved).length;

  return (
    <div class="quiz" data-testid="quiz">
      {questions.map((q, qi) => {
        const rec = records[q.id];
        const name = `${chapter}-${q.id}`;
        const done = !!rec?.solved;
        const tried = rec?.tried ?? [];
        // The wrong choice to explain: the one just checked, else (after a reload) the last one tried.
        const latest = lastCheck[q.id] ?? (tried.length ? tried[tried.length - 1] : undefined);
        const wrongLatest = !done && latest !== undefined && latest !== q.answer ? latest : undefined;
        const current = selected[q.id];
        return (
          <div class="quiz-question" key={q.id} data-question={q.id} data-state={done ? (rec.firstCorrect ? 'first-try' : 'solved') : tried.length ? 'trying' : 'open'}>
            <fieldset disabled={done}>
              <legend>
                <span class="quiz-number">Question {qi + 1} of {questions.length}</span>
                <RichText text={q.prompt} />
              </legend>
              {q.choices.map((c, ci) => {
                const wrong = tried.includes(ci) && ci !== q.answer;
                const right = done && ci === q.answer;
                return (
                  <label class={`quiz-choice ${right ? 'correct' : wrong ? 'incorrect' : ''}`} key={ci}>
                    <input
                      type="radio"
                      name={name}
                      value={ci}
                      checked={done ? ci === q.answer : current === ci}
                      disabled={wrong}
                      onChange={() => setSelected({ ...selected, [q.id]: ci })}
                    />
                    <span>
                      <RichText text={c.text} />
                      {wrong && <span class="quiz-mark bad"> ✗ not this one</span>}
                      {right && <span class="quiz-mark good"> ✓ right</span>}
                    </span>
                  </label>
                );
              })}
            </fieldset>
            {!done && (
              <div class="buttons" style="margin-top:0.5rem">
                <button type="button" class="btn primary" disabled={current === undefined || tried.includes(current)} onClick={() => check(q)}>
                  Check answer
                </button>
              </div>
            )}
            <div aria-live="polite">
              {done && (
                <div class="quiz-feedback" data-testid="quiz-feedback">
                  <strong class="good">Correct.</strong>{' '}
                  {!rec.firstCorrect && <em>Found on try {rec.tried.length}; only first tries count as right in your progress. </em>}
                  <RichText text={q.explanation} />
                </div>
              )}
              {wrongLatest !== undefined && (
                <div class="quiz-feedback" data-testid="quiz-feedback">
                  <strong class="bad">Not quite.</strong>{' '}
                  {q.choices[wrongLatest].why ? <RichText text={q.choices[wrongLatest].why!} /> : 'That choice does not fit the question.'}{' '}
                  Choose another answer and check again.
                </div>
              )}
            </div>
          </div>
        );
      })}
      <div class="quiz-summary">
        <p class="quiz-score" aria-live="polite" data-testid="quiz-score">
          {answered === 0
            ? `${questions.length} questions, none answered yet.`
            : `Right at the first try: ${firstTry} of ${questions.length}. ${solved === questions.length ? 'Quiz complete.' : `Answered: ${answered} of ${questions.length}.`}`}
        </p>
        {answered > 0 && (
          <button type="button" class="btn" onClick={reset} data-testid="quiz-reset">Start this quiz again</button>
        )}
      </div>
    </div>
  );
}
