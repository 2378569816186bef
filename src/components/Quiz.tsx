import { useEffect, useState } from 'preact/hooks';
import { loadProgress, recordAnswer } from '../lib/progress';
import type { QuizQuestion } from '../lib/quiz';
import { RichText } from './RichText';
import { postToHost } from '../lib/host-events';

interface Props {
  chapter: string;
  questions: Required<QuizQuestion>[];
}

interface Answer { choice: number; checked: boolean }

/**
 * "Check your understanding": radio groups (native keyboard operation: Tab to a group, arrows
 * to choose), a Check button, then immediate feedback with the explanation. Results go to the
 * learner's progress.
 */
export default function Quiz({ chapter, questions }: Props) {
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [previous, setPrevious] = useState<Record<string, boolean>>({});

  useEffect(() => {
    const p = loadProgress();
    const prev: Record<string, boolean> = {};
    for (const q of questions) {
      const a = p.answers[`${chapter}/${q.id}`];
      if (a) prev[q.id] = a.correct;
    }
    setPrevious(prev);
  }, [chapter]);

  const checkedCount = questions.filter((q) => answers[q.id]?.checked).length;
  const correctCount = questions.filter((q) => answers[q.id]?.checked && answers[q.id].choice === q.answer).length;

  return (
    <div class="quiz" data-testid="quiz">
      {questions.map((q, qi) => {
        const a = answers[q.id];
        const name = `${chapter}-${q.id}`;
        const right = a?.checked && a.choice === q.answer;
        return (
          <div class="quiz-question" key={q.id} data-question={q.id}>
            <fieldset>
              <legend>
                <span class="visually-hidden">Question {qi + 1} of {questions.length}: </span>
                <RichText text={q.prompt} />
              </legend>
              {q.choices.map((c, ci) => {
                const state = a?.checked ? (ci === q.answer ? 'correct' : ci === a.choice ? 'incorrect' : '') : '';
                return (
                  <label class={`quiz-choice ${state}`} key={ci}>
                    <input
                      type="radio"
                      name={name}
                      value={ci}
                      checked={a?.choice === ci}
                      onChange={() => setAnswers({ ...answers, [q.id]: { choice: ci, checked: false } })}
                    />
                    <span><RichText text={c} /></span>
                  </label>
                );
              })}
            </fieldset>
            <div class="buttons" style="margin-top:0.5rem">
              <button
                type="button"
                class="btn primary"
                disabled={a === undefined || a.checked}
                onClick={() => {
                  if (!a) return;
                  setAnswers({ ...answers, [q.id]: { ...a, checked: true } });
                  recordAnswer(chapter, q.id, a.choice === q.answer);
                  postToHost({ type: 'regularization-lab:quiz-answered', chapter, question: q.id, correct: a.choice === q.answer });
                }}
              >
                Check answer
              </button>
              {a?.checked && !right && (
                <button type="button" class="btn" onClick={() => setAnswers({ ...answers, [q.id]: { choice: -1, checked: false } })}>
                  Try again
                </button>
              )}
              {!a?.checked && previous[q.id] !== undefined && (
                <span class="status">You answered this before ({previous[q.id] ? 'correctly' : 'not quite'}).</span>
              )}
            </div>
            <div aria-live="polite">
              {a?.checked && (
                <div class="quiz-feedback" data-testid="quiz-feedback">
                  <strong class={right ? 'good' : 'bad'}>{right ? 'Correct.' : 'Not quite.'}</strong>{' '}
                  <RichText text={q.explanation} />
                </div>
              )}
            </div>
          </div>
        );
      })}
      <p class="quiz-score" aria-live="polite">
        {checkedCount === 0
          ? `${questions.length} questions: choose an answer, then check it.`
          : `${correctCount} of ${checkedCount} checked answers correct (${questions.length} questions).`}
      </p>
    </div>
  );
}
