/** The iframe code an instructor pastes to embed a demo page. */

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

export function embedSnippet({ src, title, height }: { src: string; title: string; height: number }): string {
  return `<iframe src="${attr(src)}" title="${attr(title)}" width="100%" height="${height}" style="border:0" loading="lazy"></iframe>`;
}
