import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/**
 * The chapters: one MDX file each in the top-level `content/` folder. The file name's numeric
 * prefix only keeps the folder tidy; `order` decides the course order and the URL is the name
 * without the prefix (`02-dropout.mdx` -> `/chapters/dropout/`).
 * Astro validates every file's front matter against this schema at build time and fails the
 * build naming the file and the field (e.g. `order: Expected number, received string`).
 */
export const chapterSchema = z
  .object({
    title: z.string().min(3, 'title must be at least 3 characters'),
    description: z.string().min(10, 'description must say in a sentence what the chapter teaches'),
    order: z.number().int().positive(),
    objectives: z.array(z.string().min(3)).min(1, 'list at least one learning objective'),
    minutes: z.number().int().positive().max(240).default(15),
    /** Glossary term ids (src/data/glossary.ts) the chapter introduces. */
    terms: z.array(z.string()).default([]),
    /** Hidden chapters build (their URL works) but are left out of the menu and the home page. */
    hidden: z.boolean().default(false),
    /** Short label for the sidebar when the title is long. */
    navTitle: z.string().optional(),
  })
  .strict();

export type ChapterData = z.infer<typeof chapterSchema>;

const chapters = defineCollection({
  loader: glob({
    pattern: '**/[^_]*.mdx',
    base: './content',
    generateId: ({ entry }) => entry.replace(/\.mdx$/, '').replace(/^(.*\/)?\d+[-_]/, '$1'),
  }),
  schema: chapterSchema,
});

export const collections = { chapters };
