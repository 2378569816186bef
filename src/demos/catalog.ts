/**
 * The demos the embed pages and the embed builder offer, in the shape they use, derived from the
 * demo list (./index.ts). Pages place a demo with `<Demo demo={defaultId} />` (./Demo.astro).
 */
import { demos } from './index.ts';
import { demoSlug } from '../lib/demo-names.ts';
import type { Fields } from './settings-kit.ts';

export interface CatalogDemo {
  /** The MDX component name, e.g. "DropoutMaskDemo". */
  component: string;
  /** Its embed page: /embed/<slug>/. */
  slug: string;
  /** The demo's id: `<Demo demo=…>`, and the prefix of its link parameters (`?<id>.<setting>=`). */
  defaultId: string;
  /** The chapter (slug) that uses it. */
  chapter: string;
  /** Its chapter's title, or the title of its own page (a demo in no chapter). */
  chapterTitle: string;
  summary: string;
  fields: Fields;
}

export const demoCatalog: CatalogDemo[] = demos.map((d) => ({
  component: d.component,
  slug: demoSlug(d.component),
  defaultId: d.id,
  chapter: d.chapter.slug,
  chapterTitle: d.chapter.title,
  summary: d.summary,
  fields: d.fields,
}));

/** "DropoutMaskDemo" -> "Dropout mask". */
export function demoLabel(component: string): string {
  const words = component.replace(/Demo$/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2');
  return words.charAt(0) + words.slice(1).toLowerCase();
}
