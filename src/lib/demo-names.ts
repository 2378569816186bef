/** `OverfittingDemo` <-> `overfitting-demo`: the URL slug of a demo's embed page. */
export function demoSlug(component: string): string {
  return component.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** The demo components a chapter's MDX places, in order of first use. */
export function demosUsedIn(mdx: string, known: readonly string[]): string[] {
  const found: string[] = [];
  for (const m of mdx.matchAll(/<([A-Z][A-Za-z0-9]*Demo)\b/g)) {
    if (known.includes(m[1]) && !found.includes(m[1])) found.push(m[1]);
  }
  return found;
}

/**
 * The id of every demo a chapter's MDX places, in order: its `id="…"` prop, else the demo's
 * default id. The page's demo sections carry these ids, so progress can say "2 of 3 demos run"
 * for a chapter before it is opened.
 */
export function demoIdsIn(mdx: string, defaultIds: Readonly<Record<string, string>>): string[] {
  const ids: string[] = [];
  for (const m of mdx.matchAll(/<([A-Z][A-Za-z0-9]*Demo)\b([^]*?)\/?>/g)) {
    const fallback = Object.hasOwn(defaultIds, m[1]) ? defaultIds[m[1]] : undefined;
    if (fallback === undefined) continue;
    const id = /\bid=["']([^"']+)["']/.exec(m[2])?.[1] ?? fallback;
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}
