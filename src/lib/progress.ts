/**
 * Learner progress, kept in the browser's localStorage (no account, no server):
 * which chapters were opened and which quiz questions were answered, and how.
 * Every access is guarded: storage may be full, disabled or hold garbage.
 */
export interface Progress {
  visited: Record<string, number>;                       // chapter id -> first visit (ms since epoch)
  answers: Record<string, { correct: boolean; at: number }>; // "chapter/question" -> last answer
}

const KEY = 'regularization-lab:progress:v1';
export const PROGRESS_EVENT = 'regularization-lab:progress';

function empty(): Progress {
  return { visited: {}, answers: {} };
}

export function loadProgress(): Progress {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (!raw) return empty();
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== 'object') return empty();
    const p = parsed as Partial<Progress>;
    return {
      visited: p.visited && typeof p.visited === 'object' ? p.visited : {},
      answers: p.answers && typeof p.answers === 'object' ? p.answers : {},
    };
  } catch {
    return empty();
  }
}

function save(p: Progress): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(p));
    globalThis.dispatchEvent?.(new CustomEvent(PROGRESS_EVENT));
  } catch {
    /* storage full or disabled: progress is a convenience, never an error */
  }
}

export function markVisited(chapter: string): void {
  const p = loadProgress();
  if (!p.visited[chapter]) {
    p.visited[chapter] = Date.now();
    save(p);
  }
}

export function recordAnswer(chapter: string, question: string, correct: boolean): void {
  const p = loadProgress();
  p.answers[`${chapter}/${question}`] = { correct, at: Date.now() };
  save(p);
}

export function resetProgress(): void {
  save(empty());
}

/** Answers of one chapter: how many questions answered and how many right. */
export function chapterScore(p: Progress, chapter: string): { answered: number; correct: number } {
  let answered = 0;
  let correct = 0;
  for (const [key, a] of Object.entries(p.answers)) {
    if (!key.startsWith(`${chapter}/`)) continue;
    answered++;
    if (a.correct) correct++;
  }
  return { answered, correct };
}
