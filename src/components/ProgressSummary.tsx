import { useEffect, useState } from 'preact/hooks';
import { chapterScore, loadProgress, PROGRESS_EVENT, resetProgress, type Progress } from '../lib/progress';

interface Props { chapters: { id: string; title: string; url: string }[] }

/** Home-page progress: chapters opened and quiz answers, read from this browser's storage. */
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
  const visited = chapters.filter((c) => progress.visited[c.id]).length;
  let answered = 0;
  let correct = 0;
  for (const c of chapters) {
    const s = chapterScore(progress, c.id);
    answered += s.answered;
    correct += s.correct;
  }
  const next = chapters.find((c) => !progress.visited[c.id]);
  const pct = chapters.length ? Math.round((100 * visited) / chapters.length) : 0;

  return (
    <div class="card" data-testid="progress">
      <h2 style="margin-top:0;border:0;padding:0;font-size:1.15rem">Your progress</h2>
      <div class="progress-bar" role="progressbar" aria-label="Chapters opened" aria-valuemin={0} aria-valuemax={chapters.length} aria-valuenow={visited}>
        <span style={{ width: `${pct}%` }} />
      </div>
      <p data-testid="progress-text">
        {visited} of {chapters.length} chapters opened · {answered} question{answered === 1 ? '' : 's'} answered
        {answered > 0 && `, ${correct} correct`}.{' '}
        {next ? (
          <a href={next.url}>{visited === 0 ? 'Start with' : 'Continue with'} “{next.title}” →</a>
        ) : (
          'You have opened every chapter.'
        )}
      </p>
      <ul class="legend" aria-label="Chapters" style="padding:0">
        {chapters.map((c) => {
          const s = chapterScore(progress, c.id);
          const done = !!progress.visited[c.id];
          return (
            <li key={c.id} style="list-style:none">
              <span class={`badge ${done ? 'done' : ''}`}>
                {done ? '✓ ' : ''}{c.title}{s.answered ? ` · ${s.correct}/${s.answered}` : ''}
              </span>
            </li>
          );
        })}
      </ul>
      {(visited > 0 || answered > 0) && (
        <button type="button" class="btn" style="margin-top:0.75rem" onClick={() => { if (confirm('Forget which chapters you opened and your quiz answers?')) resetProgress(); }}>
          Reset progress
        </button>
      )}
      <p class="status" style="margin-bottom:0">Kept only in this browser (localStorage); nothing is sent anywhere.</p>
    </div>
  );
}
