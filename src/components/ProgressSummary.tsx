import { useEffect, useState } from 'preact/hooks';
import { chapterScore, loadProgress, PROGRESS_EVENT, resetProgress, type Progress } from '../lib/progress';
import type { ChapterOutline } from '../lib/chapter-outline';

interface Props { chapters: ChapterOutline[] }

/**
 * Home-page progress, read from this browser's storage: per chapter, the quiz questions answered
 * right at the first try, the demos run, and "done" once every question's answer is found.
 * Opening a chapter is not progress.
 */
export default function ProgressSummary({ chapters }: Props) {
  const [progress, setProgress] = useState<Progress | null>(null);

  useEffect(() => {
    const update = () => setProgress(loadProgress());
    update();
    addEventListener(PROGRESS_EVENT, update);
    addEventListener('storage', update);
    return () => {
      removeEventListener(PROGRESS_EVENT, update);
      removeEventListener('storage', update);
    };
  }, []);

  if (!progress) return <p class="status">Loading your progress…</p>;
  const scores = chapters.map((c) => ({ c, s: chapterScore(progress, c.id, c.questionIds, c.demoIds) }));
  const done = scores.filter(({ s }) => s.done).length;
  const started = scores.some(({ s }) => s.answered > 0 || s.demosRun > 0) || chapters.some((c) => progress.visited[c.id]);
  const next = scores.find(({ s }) => !s.done)?.c;
  const pct = chapters.length ? Math.round((100 * done) / chapters.length) : 0;

  return (
    <div class="card" data-testid="progress">
      <h2 style="margin-top:0;border:0;padding:0;font-size:1.15rem">Your progress</h2>
      <div class="progress-bar" role="progressbar" aria-label="Chapters done" aria-valuemin={0} aria-valuemax={chapters.length} aria-valuenow={done}>
        <span style={{ width: `${pct}%` }} />
      </div>
      <p data-testid="progress-text">
        {done} of {chapters.length} chapters done (a chapter is done when you have found every answer of its quiz).{' '}
        {next ? (
          <a href={next.url}>{started ? 'Continue with' : 'Start with'} “{next.title}” →</a>
        ) : (
          'You have completed every chapter.'
        )}
      </p>
      <ul class="progress-chapters" aria-label="Progress by chapter">
        {scores.map(({ c, s }) => (
          <li key={c.id} data-testid={`progress-${c.id}`} data-done={String(s.done)}>
            <a href={c.url}>{c.title}</a>
            <span class={`badge ${s.done ? 'done' : ''}`}>{s.done ? '✓ done' : s.answered ? 'quiz under way' : 'quiz not started'}</span>
            <span class="progress-detail">
              {s.firstTry} of {c.questionIds.length} right at the first try
              {c.demoIds.length > 0 && ` · ${s.demosRun} of ${c.demoIds.length} demo${c.demoIds.length === 1 ? '' : 's'} run`}
            </span>
          </li>
        ))}
      </ul>
      {started && (
        <button type="button" class="btn" style="margin-top:0.75rem" onClick={() => { if (confirm('Forget your quiz answers, the demos you ran and the chapters you opened?')) resetProgress(); }}>
          Reset progress
        </button>
      )}
      <p class="status" style="margin-bottom:0">Kept only in this browser (localStorage); nothing is sent anywhere.</p>
    </div>
  );
}
