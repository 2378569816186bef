/** A "Check your understanding" question, as written in a chapter's MDX. */
export interface QuizQuestion {
  /** Stable id for progress; defaults to q1, q2, ... */
  id?: string;
  prompt: string;
  choices: string[];
  /** Index of the correct choice (0-based). */
  answer: number;
  /** Why the right answer is right (and the others are not): shown after every check. */
  explanation: string;
}

/** Build-time validation: a malformed question fails the build with a message naming it. */
export function validateQuestions(where: string, questions: unknown): QuizQuestion[] {
  if (!Array.isArray(questions) || questions.length === 0) {
    throw new Error(`${where}: "questions" must be a non-empty array of {prompt, choices, answer, explanation}`);
  }
  return questions.map((q, i) => {
    const at = `${where}: question ${i + 1}`;
    if (!q || typeof q !== 'object') throw new Error(`${at} must be an object`);
    const { id, prompt, choices, answer, explanation } = q as Record<string, unknown>;
    if (typeof prompt !== 'string' || !prompt.trim()) throw new Error(`${at}: "prompt" must be a non-empty string`);
    if (!Array.isArray(choices) || choices.length < 2 || !choices.every((c) => typeof c === 'string' && c.trim())) {
      throw new Error(`${at}: "choices" must list at least two non-empty strings`);
    }
    if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 0 || answer >= choices.length) {
      throw new Error(`${at}: "answer" must be the index (0 to ${choices.length - 1}) of the right choice, got ${JSON.stringify(answer)}`);
    }
    if (typeof explanation !== 'string' || !explanation.trim()) throw new Error(`${at}: "explanation" must say why the answer is right`);
    if (id !== undefined && (typeof id !== 'string' || !/^[\w-]+$/.test(id))) throw new Error(`${at}: "id" must be letters, digits, - or _`);
    return { id: (id as string | undefined) ?? `q${i + 1}`, prompt, choices: choices as string[], answer, explanation };
  });
}
