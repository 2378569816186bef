/**
 * What the embed builder hands an instructor for one demo: the embed page's URL, an iframe
 * snippet (with the resize script), and the MDX line for a chapter. Pure, so it is unit-tested.
 */
export interface EmbedChoice {
  component: string;
  slug: string;
  /** The demo's id on its embed page: the prefix of its link parameters. */
  demoId: string;
  /** Setting kinds, to write MDX values as numbers, booleans or text. */
  kinds: Record<string, 'number' | 'int' | 'enum' | 'bool'>;
  /** The settings that differ from the defaults, as a query (`p=0.3&seed=4`). */
  query: string;
  /** The settings the learner may change; null keeps the chapter's choice. */
  controls: string[] | null;
  title?: string;
  caption?: string;
  theme?: 'light' | 'dark';
  quiz?: boolean;
}

/** `site` is the course's own address with its base, ending in a slash (https://host/course/). */
export function embedUrl(site: string, c: EmbedChoice): string {
  const q = new URLSearchParams();
  for (const [k, v] of new URLSearchParams(c.query)) q.set(`${c.demoId}.${k}`, v);
  if (c.controls) q.set('controls', c.controls.length ? c.controls.join(',') : 'none');
  if (c.title?.trim()) q.set('title', c.title.trim());
  if (c.caption?.trim()) q.set('caption', c.caption.trim());
  if (c.theme) q.set('theme', c.theme);
  if (c.quiz) q.set('quiz', '1');
  const query = q.toString().replace(/%2C/g, ',');
  return `${site}embed/${c.slug}/${query ? `?${query}` : ''}`;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function iframeSnippet(site: string, c: EmbedChoice, height = 640): string {
  const name = c.title?.trim() || c.component.replace(/Demo$/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2');
  return [
    `<iframe src="${attr(embedUrl(site, c))}" title="${attr(`${name} (Regularization Lab)`)}" width="100%" height="${height}" style="border:0;width:100%" loading="lazy" allow="clipboard-write"></iframe>`,
    `<script src="${attr(`${site}embed-resize.js`)}" defer></script>`,
  ].join('\n');
}

/** A JSX attribute value: "text" when it can be, else a JS string in braces. */
function jsxText(s: string): string {
  return /["{}<>\\\n]/.test(s) ? `{${JSON.stringify(s)}}` : `"${s}"`;
}

export function mdxLine(c: EmbedChoice): string {
  const props: string[] = [];
  for (const [k, v] of new URLSearchParams(c.query)) {
    const kind = c.kinds[k];
    if (!kind) continue;
    props.push(kind === 'enum' ? `${k}=${jsxText(v)}` : `${k}={${v}}`);
  }
  if (c.controls) props.push(`controls="${c.controls.join(',')}"`);
  if (c.title?.trim()) props.push(`title=${jsxText(c.title.trim())}`);
  if (c.caption?.trim()) props.push(`caption=${jsxText(c.caption.trim())}`);
  return `<${c.component}${props.length ? ` ${props.join(' ')}` : ''} />`;
}
