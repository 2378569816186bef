/**
 * What an embed page's URL may change besides the settings: which controls the learner sees
 * (`?controls=p,seed`, `none` for none), and the title and caption. Pure, so it is unit-tested;
 * a value it cannot use gives the chapter's default and a notice, never an exception.
 */
export interface EmbedOverrides {
  /** The settings the learner may change, or null to keep the chapter's. */
  controls: string[] | null;
  title?: string;
  caption?: string;
  notices: string[];
}

const MAX_TITLE = 120;
const MAX_CAPTION = 400;

export function embedOverrides(query: string | URLSearchParams, fieldNames: readonly string[]): EmbedOverrides {
  let params: URLSearchParams;
  try {
    params = typeof query === 'string' ? new URLSearchParams(query) : query;
  } catch {
    return { controls: null, notices: ['The link could not be read, so the demo shows its default controls.'] };
  }
  const out: EmbedOverrides = { controls: null, notices: [] };
  const raw = params.get('controls');
  if (raw !== null) {
    const names = raw.trim() === 'none' ? [] : [...new Set(raw.split(',').map((c) => c.trim()).filter(Boolean))];
    const unknown = names.filter((n) => !fieldNames.includes(n));
    if (unknown.length) {
      const shown = unknown.map((n) => `"${n.length > 30 ? `${n.slice(0, 30)}…` : n}"`).join(', ');
      out.notices.push(`The link’s controls name ${shown}, which this demo does not have (it has ${fieldNames.join(', ')}), so the default controls are shown.`);
    } else {
      out.controls = names;
    }
  }
  for (const [key, max] of [['title', MAX_TITLE], ['caption', MAX_CAPTION]] as const) {
    const v = params.get(key)?.trim();
    if (!v) continue;
    if (v.length > max) out.notices.push(`The link’s ${key} is longer than ${max} characters, so the default ${key} is shown.`);
    else out[key] = v;
  }
  return out;
}

/** Embed pages mark their root element, so a demo knows its URL may lock controls and retitle it. */
export function isEmbedPage(): boolean {
  return typeof document !== 'undefined' && document.documentElement.hasAttribute('data-embed');
}
