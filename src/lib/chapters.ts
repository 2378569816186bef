import { getCollection, type CollectionEntry } from 'astro:content';
import { orderClash } from './chapter-order';

export type Chapter = CollectionEntry<'chapters'>;

/** Every chapter in course order (hidden ones too: their pages still build). */
export async function allChapters(): Promise<Chapter[]> {
  const entries = await getCollection('chapters');
  const clash = orderClash(entries);
  if (clash) throw new Error(clash);
  return entries.sort((a, b) => a.data.order - b.data.order);
}

/** The chapters a learner sees in the menu and on the home page. */
export async function visibleChapters(): Promise<Chapter[]> {
  return (await allChapters()).filter((c) => !c.data.hidden);
}
