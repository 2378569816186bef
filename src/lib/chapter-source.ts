import type { APIRoute, GetStaticPaths } from 'astro';
import { allChapters } from './chapters';

/**
 * The raw MDX of every chapter, for instructors to take and remix. Served twice: as
 * `/source/<id>.mdx.txt`, which every static host (and `astro preview`) serves as text/plain, so a
 * browser shows it; and as `/source/<id>.mdx` for old links (hosts serve .mdx as text/mdx or
 * application/octet-stream: a download). A static build keeps no response headers, only the file
 * name, so the extension is what decides.
 */
export const chapterSourcePaths = (async () => {
  const chapters = await allChapters();
  return chapters.map((c) => ({ params: { id: c.id }, props: { filePath: c.filePath ?? '' } }));
}) satisfies GetStaticPaths;

export const chapterSource: APIRoute = async ({ props }) => {
  const { filePath } = props as { filePath: string };
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(filePath, 'utf8');
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
