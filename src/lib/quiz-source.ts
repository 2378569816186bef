/**
 * The quiz questions a chapter's MDX source holds, read without rendering it: the home page needs
 * each chapter's question count, and the unit tests check every chapter's quiz (length of the
 * right choice, a "why" for every wrong one) on exactly what the quiz island receives.
 */
import { validateQuestions, type Question } from './quiz.ts';

/** The JavaScript expression of `questions={…}` on each `<CheckYourUnderstanding>`. */
export function quizExpressions(mdx: string): string[] {
  const out: string[] = [];
  for (const m of mdx.matchAll(/<CheckYourUnderstanding\b[^>]*?\bquestions=\{/g)) {
    const start = m.index + m[0].length;
    out.push(mdx.slice(start, balancedEnd(mdx, start)));
  }
  return out;
}

/** Index of the `}` closing an MDX expression that starts at `from` (strings may hold braces). */
function balancedEnd(src: string, from: number): number {
  let depth = 1;
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (c === '"' || c === "'" || c === '`') {
      for (i++; i < src.length && src[i] !== c; i++) if (src[i] === '\\') i++;
    } else if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  throw new Error('a <CheckYourUnderstanding questions={…}> expression is not closed');
}

/**
 * Every question of a chapter's quizzes, validated as the component validates them. The props are
 * the chapter's own code (MDX evaluates them the same way when it renders), so evaluating the
 * literal here runs nothing the build would not.
 */
export function quizQuestionsIn(mdx: string, where: string): Question[] {
  return quizExpressions(mdx).flatMap((expr) => {
    const value: unknown = new Function(`"use strict"; return (${expr});`)();
    return validateQuestions(where, value);
  });
}
