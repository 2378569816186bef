/**
 * A "Check your understanding" question, as written in a chapter's MDX. A choice is a string, or
 * `{ text, why }` where `why` says why that (wrong) choice is wrong without giving the right one
 * away: a learner who picks it reads it and tries again.
 */
export interface QuizChoiceInput { text: string; why?: string }

export interface QuizQuestion {
  /** Stable id for progress; defaults to q1, q2, ... */
  id?: string;
  prompt: string;
  choices: (string | QuizChoiceInput)[];
  /** Index of the correct choice (0-based). */
  answer: number;
  /** Why the right answer is right: shown once the learner has found it. */
  explanation: string;
}

/** A question as the quiz island receives it: id filled in, every choice an object. */
export interface Question {
  id: string;
  prompt: string;
  choices: { text: string; why?: string }[];
  answer: number;
  explanation: string;
}

/** Build-time validation: a malformed question fails the build with a message naming it. */
export function validateQuestions(where: string, questions: unknown): Question[] {
  if (!Array.isArray(questions) || questions.length === 0) {
    throw new Error(`${where}: "questions" must be a non-empty array of {prompt, choices, answer, explanation}`);
  }
  const ids = new Set<string>();
  return questions.map((q, i) => {
    const at = `${where}: question ${i + 1}`;
    if (!q || typeof q !== 'object') throw new Error(`${at} must be an object`);
    const { id, prompt, choices, answer, explanation } = q as Record<string, unknown>;
    if (typeof prompt !== 'string' || !prompt.trim()) throw new Error(`${at}: "prompt" must be a non-empty string`);
    if (!Array.isArray(choices) || choices.length < 2) {
      throw new Error(`${at}: "choices" must list at least two choices (strings or { text, why })`);
    }
    const normal = choices.map((c, ci) => validateChoice(`${at}, choice ${ci + 1}`, c));
    if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 0 || answer >= choices.length) {
      throw new Error(`${at}: "answer" must be the index (0 to ${choices.length - 1}) of the right choice, got ${JSON.stringify(answer)}`);
    }
    if (typeof explanation !== 'string' || !explanation.trim()) throw new Error(`${at}: "explanation" must say why the answer is right`);
    if (id !== undefined && (typeof id !== 'string' || !/^[\w-]+$/.test(id))) throw new Error(`${at}: "id" must be letters, digits, - or _`);
    const qid = (id as string | undefined) ?? `q${i + 1}`;
    if (ids.has(qid)) throw new Error(`${at}: id "${qid}" is used twice`);
    ids.add(qid);
    return { id: qid, prompt, choices: normal, answer, explanation };
  });
}

function validateChoice(at: string, c: unknown): { text: string; why?: string } {
  if (typeof c === 'string' && c.trim()) return { text: c };
  if (c && typeof c === 'object' && !Array.isArray(c)) {
    const { text, why } = c as Record<string, unknown>;
    if (typeof text === 'string' && text.trim()) {
      if (why === undefined) return { text };
      if (typeof why === 'string' && why.trim()) return { text, why };
      throw new Error(`${at}: "why" must be a non-empty string (why this choice is wrong)`);
    }
  }
  throw new Error(`${at} must be a non-empty string or { text, why }`);
}
