import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { chapterSchema } from './lib/chapter-schema.ts';
import { frontMatterProblems } from './lib/chapter-front-matter.ts';

export { chapterSchema, type ChapterData } from './lib/chapter-schema.ts';

/**
 * The chapters: one MDX file each in the top-level `content/` folder. The file name's numeric
 * prefix only keeps the folder tidy; `order` decides the course order and the URL is the name
 * without the prefix (`02-dropout.mdx` -> `/chapters/dropout/`).
 * Every file's front matter is checked (src/lib/chapter-front-matter.ts) when its id is made,
 * before Astro's schema check, so a mistake fails the build naming the file, the line and the
 * field (`content/98-broken.mdx:4: front matter field "order" must be a number, not a string`).
 */
const chapters = defineCollection({
  loader: glob({
    pattern: '**/[^_]*.mdx',
    base: './content',
    generateId: ({ entry, base, data }) => {
      const url = new URL(entry, base);
      let source = '';
      try {
        source = readFileSync(fileURLToPath(url), 'utf8');
      } catch {
        // The line numbers are a help; the check itself needs only the parsed data.
      }
      const problems = frontMatterProblems(`content/${entry}`, data, source);
      if (problems.length) throw new Error(`The chapter's front matter is not valid:\n${problems.join('\n')}`);
      return entry.replace(/\.mdx$/, '').replace(/^(.*\/)?\d+[-_]/, '$1');
    },
  }),
  schema: chapterSchema,
});

export const collections = { chapters };
