import { z } from 'astro/zod';
import { glossaryById } from '../data/glossary.ts';

/**
 * A chapter's front matter. Kept apart from src/content.config.ts (which needs Astro) so the
 * front matter check (chapter-front-matter.ts) and its tests can use it in plain Node.
 */
export const chapterSchema = z
  .object({
    title: z.string().min(3, 'title must be at least 3 characters'),
    description: z.string().min(10, 'description must say in a sentence what the chapter teaches'),
    order: z.number().int().positive(),
    objectives: z.array(z.string().min(3)).min(1, 'list at least one learning objective'),
    minutes: z.number().int().positive().max(240).default(15),
    /** Glossary term ids (src/data/glossary.ts) the chapter introduces. */
    terms: z
      .array(
        z.string().refine((id) => glossaryById.has(id), {
          error: (issue) => `no glossary term ${JSON.stringify(issue.input)} in src/data/glossary.ts`,
        }),
      )
      .default([]),
    /** Hidden chapters build (their URL works) but are left out of the menu and the home page. */
    hidden: z.boolean().default(false),
    /** Short label for the sidebar when the title is long. */
    navTitle: z.string().optional(),
    /**
     * The chapter's author is trusted to run code in the course: `npm run check-chapters` (run by
     * the build) then allows its <script>, event handlers, iframes and outside imports.
     */
    trusted: z.boolean().default(false),
  })
  .strict();

export type ChapterData = z.infer<typeof chapterSchema>;
