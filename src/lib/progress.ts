/**
 * Learner progress, kept in the browser's localStorage (no account, no server): which chapters
 * were opened, every quiz answer tried, and which demos were run.
 * Every access is guarded: storage may be full, disabled or hold garbage.
 */

/** One quiz question's history: the first answer is what counts; later tries only find the right one. */
export interface AnswerRecord {
  /** Choice indices in the order they were checked (the first is the one that counts). */
  tried: number[];
  /** Whether the first checked answer was right. */
  firstCorrect: boolean;
  /** Whether the right answer has been found (at any try). */
  solved: boolean;
  at: number;
}

export interface Progress {
  visited: Record<string, number>;       // chapter id -> first visit (ms since epoch)
  answers: Record<string, AnswerRecord>; // "chapter/question" -> its history
  demos: Record<string, number>;         // "chapter/demo id" -> first run (ms since epoch)
}

const KEY = 'regularization-lab:progress:v2';
/** v1 counted a retry as a right answer, so only its visits are carried over. */
const OLD_KEY = 'regularization-lab:progress:v1';
export const PROGRESS_EVENT = 'regularization-lab:progress';

function empty(): Progress {
  return { visited: {}, answers: {}, demos: {} };
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Keeps only well-formed entries: storage edited by hand or by an old version must not break a page. */
function clean(parsed: unknown): Progress {
  const p = empty();
  if (!isRecord(parsed)) return p;
  if (isRecord(parsed.visited)) {
    for (const [k, v] of Object.entries(parsed.visited)) if (typeof v === 'number') p.visited[k] = v;
  }
  if (isRecord(parsed.demos)) {
    for (const [k, v] of Object.entries(parsed.demos)) if (typeof v === 'number') p.demos[k] = v;
  }
  if (isRecord(parsed.answers)) {
    for (const [k, v] of Object.entries(parsed.answers)) {
      if (!isRecord(v) || !Array.isArray(v.tried) || !v.tried.every((n) => Number.isInteger(n) && n >= 0) || v.tried.length === 0) continue;
      p.answers[k] = { tried: v.tried as number[], firstCorrect: v.firstCorrect === true, solved: v.solved === true, at: typeof v.at === 'number' ? v.at : 0 };
    }
  }
  return p;
}

function read(key: string): unknown {
  const raw = globalThis.localStorage?.getItem(key);
  return raw ? JSON.parse(raw) : null;
}

export function loadProgress(): Progress {
  try {
    const current = read(KEY);
    if (current) return clean(current);
    const old = read(OLD_KEY);
    return old ? { ...empty(), visited: clean(old).visited } : empty();
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

/**
 * Records one checked answer. The first check of a question fixes whether it counts as right;
 * later checks only add to what was tried until the right choice is found.
 */
export function recordAnswer(chapter: string, question: string, choice: number, correct: boolean): AnswerRecord {
  const p = loadProgress();
  const key = `${chapter}/${question}`;
  const prev = p.answers[key];
  const next: AnswerRecord = prev
    ? { ...prev, tried: prev.tried.includes(choice) ? prev.tried : [...prev.tried, choice], solved: prev.solved || correct, at: Date.now() }
    : { tried: [choice], firstCorrect: correct, solved: correct, at: Date.now() };
  p.answers[key] = next;
  save(p);
  return next;
}

/** The saved history of a chapter's questions, by question id. */
export function chapterAnswers(p: Progress, chapter: string): Record<string, AnswerRecord> {
  const out: Record<string, AnswerRecord> = {};
  for (const [key, a] of Object.entries(p.answers)) {
    if (key.startsWith(`${chapter}/`)) out[key.slice(chapter.length + 1)] = a;
  }
  return out;
}

/** Forgets a chapter's quiz answers (its visit and demo runs stay). */
export function resetQuiz(chapter: string): void {
  const p = loadProgress();
  for (const key of Object.keys(p.answers)) if (key.startsWith(`${chapter}/`)) delete p.answers[key];
  save(p);
}

export function recordDemoRun(chapter: string, demo: string): void {
  const p = loadProgress();
  const key = `${chapter}/${demo}`;
  if (!p.demos[key]) {
    p.demos[key] = Date.now();
    save(p);
  }
}

export function resetProgress(): void {
  save(empty());
}

export interface ChapterScore {
  /** Questions answered at least once. */
  answered: number;
  /** Questions whose first answer was right. */
  firstTry: number;
  /** Questions whose right answer has been found. */
  solved: number;
  /** Demos of the chapter run at least once. */
  demosRun: number;
  /** The quiz is complete: every question's right answer found. */
  done: boolean;
}

/**
 * A chapter's standing, given how many questions and demos it has (known at build time). Only
 * answers to question ids the chapter still has count, so an edited quiz never shows 6 of 5.
 */
export function chapterScore(p: Progress, chapter: string, questionIds: readonly string[], demoIds: readonly string[]): ChapterScore {
  const answers = chapterAnswers(p, chapter);
  let answered = 0;
  let firstTry = 0;
  let solved = 0;
  for (const id of questionIds) {
    const a = answers[id];
    if (!a) continue;
    answered++;
    if (a.firstCorrect) firstTry++;
    if (a.solved) solved++;
  }
  const demosRun = demoIds.filter((d) => p.demos[`${chapter}/${d}`]).length;
  return { answered, firstTry, solved, demosRun, done: questionIds.length > 0 && solved === questionIds.length };
}
