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
