/**
 * Which chapter file is being rendered, so a component's build error names the file as it is in
 * the repository and the line (`content/02-dropout.mdx:42: <DropoutMaskDemo>: ...`) instead of
 * the route Astro reports (`/chapters/dropout`). The chapter page sets it before its content
 * renders; pages that render components outside a chapter clear it. Astro renders static pages
 * one at a time, so one module-level value is enough. Pure: the page reads the file.
 */
let current: { file: string; source: string } | undefined;

export function setChapterSource(file: string | undefined, source = ''): void {
  current = file === undefined ? undefined : { file, source };
}

/** The 1-based line of the first `<Component` tag that sets `attribute` (or of the first tag). */
export function tagLine(source: string, component: string, attribute?: string, value?: string): number | undefined {
  const lines = source.split(/\r?\n/);
  const offsets: number[] = [];
  let at = 0;
  for (const l of lines) {
    offsets.push(at);
    at += l.length + 1;
  }
  const lineOf = (index: number) => {
    let i = 0;
    while (i + 1 < offsets.length && offsets[i + 1]! <= index) i++;
    return i + 1;
  };
  const tag = new RegExp(`<${component}(?=[\\s/>])`, 'g');
  let first: number | undefined;
  for (let m = tag.exec(source); m; m = tag.exec(source)) {
    first ??= m.index;
    if (attribute === undefined) break;
    const end = source.indexOf('>', m.index);
    const text = source.slice(m.index, end < 0 ? undefined : end + 1);
    const escaped = attribute.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const attr = new RegExp(`\\s${escaped}\\s*=${value === undefined ? '' : `\\s*["'{]?\\s*["']?${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']`}`).exec(text);
    if (attr) return lineOf(m.index + attr.index + 1);
  }
  return first === undefined ? undefined : lineOf(first);
}

/**
 * An Error for a build-time problem in a component placed by a chapter: prefixed with the
 * chapter's file and the line of the tag (of the attribute when given), when a chapter is being
 * rendered.
 */
export function chapterError(message: string, component: string, attribute?: string, value?: string): Error {
  if (!current) return new Error(message);
  const line = tagLine(current.source, component, attribute, value);
  return new Error(`${current.file}${line ? `:${line}` : ''}: ${message}`);
}
