/**
 * The code an instructor pastes: the iframe for a demo's embed page (with the script that sizes
 * it), and, from the embed builder, the embed page's URL and the MDX line for a chapter. Pure, so
 * it is unit-tested.
 */

/** Room the embed page adds around the demo (its padding; it drops the demo's border). */
const EMBED_CHROME_PX = 24;
/** A demo not measured (not on the page, not yet rendered) gets a height that fits most. */
const FALLBACK_PX = 900;

/** A frame height for a demo measured at `demoPx` on the chapter page, rounded up to 10 px. */
export function embedHeight(demoPx: number | undefined): number {
  if (!demoPx || !Number.isFinite(demoPx) || demoPx < 200) return FALLBACK_PX;
  return Math.ceil((demoPx + EMBED_CHROME_PX) / 10) * 10;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** `resizeScript`: the address of the site's embed-resize.js, added after the iframe. */
export function embedSnippet({ src, title, height, resizeScript }: { src: string; title: string; height: number; resizeScript?: string }): string {
  const frame = `<iframe src="${attr(src)}" title="${attr(title)}" width="100%" height="${height}" style="border:0" loading="lazy"></iframe>`;
  return resizeScript ? `${frame}\n<script src="${attr(resizeScript)}" defer></script>` : frame;
}

export interface EmbedChoice {
  component: string;
  slug: string;
  /** The demo's id on its embed page: the prefix of its link parameters. */
  demoId: string;
  /** Setting kinds, to write MDX values as numbers, booleans or text. */
  kinds: Record<string, 'number' | 'int' | 'enum' | 'bool' | 'text'>;
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

/** The builder's iframe code: the embed page with these choices, and the resize script. */
export function iframeSnippet(site: string, c: EmbedChoice, height = FALLBACK_PX): string {
  const name = c.title?.trim() || c.component.replace(/Demo$/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2');
  return embedSnippet({ src: embedUrl(site, c), title: `${name} (Regularization Lab)`, height, resizeScript: `${site}embed-resize.js` });
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
    props.push(kind === 'enum' || kind === 'text' ? `${k}=${jsxText(v)}` : `${k}={${v}}`);
  }
  if (c.controls) props.push(`controls="${c.controls.join(',')}"`);
  if (c.title?.trim()) props.push(`title=${jsxText(c.title.trim())}`);
  if (c.caption?.trim()) props.push(`caption=${jsxText(c.caption.trim())}`);
  return `<${c.component}${props.length ? ` ${props.join(' ')}` : ''} />`;
}
