import type { APIRoute, GetStaticPaths } from 'astro';
import { allChapters } from '../../lib/chapters';

/** The raw MDX of every chapter, served next to the course so instructors can take it and remix it. */
export const getStaticPaths = (async () => {
  const chapters = await allChapters();
  return chapters.map((c) => ({ params: { id: c.id }, props: { body: c.body ?? '', data: c.data, filePath: c.filePath ?? '' } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { filePath } = props as { filePath: string };
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(filePath, 'utf8');
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
