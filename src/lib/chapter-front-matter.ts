/**
 * Checks a chapter's front matter before Astro does, so a mistake fails the build with one plain
 * line per problem: the file as it is in the repository, the line, the field and what is wrong
 * (`content/98-broken.mdx:4: front matter field "order": expected a number, got a string`).
 * Astro's own schema message doubles the field name in bold markers (`title**: **title: ...`).
 */
import { chapterSchema } from './chapter-schema.ts';

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  expected?: string;
}

/** Plain words for zod's "Invalid input: expected number, received string". */
function plain(issue: Issue): string {
  const m = /^Invalid input: expected (\w+), received (\w+)$/.exec(issue.message);
  if (m) return m[2] === 'undefined' ? `is missing (it must be ${article(m[1])})` : `must be ${article(m[1])}, not ${article(m[2])}`;
  return issue.message;
}

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

/** The 1-based line of `field:` in the front matter (and of the item `index` of a list under it). */
export function frontMatterLine(source: string, field: string | undefined, index?: number): number | undefined {
  const lines = source.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return undefined;
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  const last = end < 0 ? lines.length : end;
  if (field === undefined) return 1;
  const at = lines.findIndex((l, i) => i > 0 && i < last && new RegExp(`^${field}\\s*:`).test(l));
  if (at < 0) return undefined;
  if (index !== undefined) {
    let n = -1;
    for (let i = at + 1; i < last && /^\s/.test(lines[i] ?? ''); i++) {
      if (/^\s*-/.test(lines[i]!)) n++;
      if (n === index) return i + 1;
    }
  }
  return at + 1;
}

/** One message per problem in `data` (the parsed front matter of `file`); none when it is valid. */
export function frontMatterProblems(file: string, data: unknown, source = ''): string[] {
  const r = chapterSchema.safeParse(data ?? {});
  if (r.success) return [];
  const out: string[] = [];
  for (const issue of r.error.issues as Issue[]) {
    const field = issue.path[0] === undefined ? undefined : String(issue.path[0]);
    const index = typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys ?? []) {
        const line = frontMatterLine(source, key);
        out.push(`${file}${line ? `:${line}` : ''}: front matter field ${JSON.stringify(key)} is not one the course knows (title, description, order, objectives, minutes, terms, hidden, navTitle, trusted)`);
      }
      continue;
    }
    const line = frontMatterLine(source, field, index);
    const name = field === undefined ? 'front matter' : `front matter field "${field}"${index === undefined ? '' : ` (item ${index + 1})`}`;
    const text = plain(issue);
    out.push(`${file}${line ? `:${line}` : ''}: ${name}${/^(is|must) /.test(text) ? ' ' : ': '}${text}`);
  }
  return out;
}
