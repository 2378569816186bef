import { getCollection, type CollectionEntry } from 'astro:content';

export type Chapter = CollectionEntry<'chapters'>;

/** Every chapter in course order (hidden ones too: their pages still build). */
export async function allChapters(): Promise<Chapter[]> {
  const entries = await getCollection('chapters');
  const byOrder = new Map<number, string>();
  for (const e of entries) {
    const clash = byOrder.get(e.data.order);
    if (clash) {
      // filePath is already relative to the project (`content/02-dropout.mdx`).
      throw new Error(`${e.filePath ?? `content/${e.id}.mdx`}: front matter field "order" (${e.data.order}) is also used by ${clash}; each chapter needs its own order`);
    }
    byOrder.set(e.data.order, e.filePath ?? `content/${e.id}.mdx`);
  }
  return entries.sort((a, b) => a.data.order - b.data.order);
}

/** The chapters a learner sees in the menu and on the home page. */
export async function visibleChapters(): Promise<Chapter[]> {
  return (await allChapters()).filter((c) => !c.data.hidden);
}
