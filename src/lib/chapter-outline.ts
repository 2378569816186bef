/**
 * What a chapter's progress is measured against, read from its MDX at build time: its quiz
 * question ids and the ids of the demos it places. The home page and the menu get this list, so
 * "2 of 5 right at the first try · 1 of 3 demos run" holds before a chapter is even opened.
 */
import { demos } from '../demos/index';
import { demoIdsIn } from './demo-names';
import { quizQuestionsIn } from './quiz-source';
import type { Chapter } from './chapters';
import { chapterUrl } from './urls';

export interface ChapterOutline {
  id: string;
  title: string;
  url: string;
  questionIds: string[];
  demoIds: string[];
}

const defaultIds: Record<string, string> = Object.fromEntries(demos.map((d) => [d.component, d.id]));

export function chapterOutline(c: Chapter): ChapterOutline {
  const body = c.body ?? '';
  return {
    id: c.id,
    title: c.data.navTitle ?? c.data.title,
    url: chapterUrl(c.id),
    questionIds: quizQuestionsIn(body, `content/${c.filePath ?? c.id}`).map((q) => q.id),
    demoIds: demoIdsIn(body, defaultIds),
  };
}
