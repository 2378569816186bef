/**
 * The demos the embed pages and the embed builder offer, in one shape. Today it reads the remix
 * metadata (meta.ts) and the wrapper registry (registry.ts); when demos define themselves in one
 * list, only this module changes.
 */
import { demoMetas } from './meta.ts';
import { demoComponents } from './registry.ts';
import { demoSlug } from '../lib/demo-names.ts';
import type { Fields } from './settings-kit.ts';

export interface CatalogDemo {
  /** The MDX component name, e.g. "DropoutMaskDemo". */
  component: string;
  /** Its embed page: /embed/<slug>/. */
  slug: string;
  /** The demo's default id: the prefix of its link parameters (`?<id>.<setting>=`). */
  defaultId: string;
  /** The chapter (id) that uses it. */
  chapter: string;
  summary: string;
  fields: Fields;
  /** The Astro wrapper (renders the demo with its default props). */
  Component: (props: Record<string, unknown>) => unknown;
}

export const demoCatalog: CatalogDemo[] = demoMetas
  .filter((m) => m.component in demoComponents)
  .map((m) => ({
    component: m.component,
    slug: demoSlug(m.component),
    defaultId: m.defaultId,
    chapter: m.chapter,
    summary: m.summary,
    fields: m.fields,
    Component: demoComponents[m.component] as CatalogDemo['Component'],
  }));

/** "DropoutMaskDemo" -> "Dropout mask". */
export function demoLabel(component: string): string {
  const words = component.replace(/Demo$/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2');
  return words.charAt(0) + words.slice(1).toLowerCase();
}
