/**
 * `npm run check-chapters`: a chapter is code (MDX runs at build time and writes into every
 * learner's page), so what can run code is listed by file and line: <script>, on*= handlers,
 * javascript: URLs, <iframe> and imports of anything but the course's own components. The build
 * fails on a finding unless the chapter's front matter says `trusted: true`. Pure: no file access.
 */

export interface Finding {
  file: string;
  line: number;
  what: string;
}

/** The text with code fences, inline code and the front matter blanked (line numbers kept). */
function proseAndMarkup(source: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, ' ');
  return source
    .replace(/^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/, blank)
    .replace(/^(\s*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n\s*\2[^\n]*$/gm, blank)
    .replace(/`[^`\n]*`/g, blank);
}

export function isTrusted(source: string): boolean {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? '';
  return /^trusted:\s*true\s*$/m.test(front);
}

/** Where an import may come from: the course's own components and demos (relative paths). */
export function allowedImport(specifier: string, fileDir = 'content'): boolean {
  if (!specifier.startsWith('.')) return false;
  const parts = `${fileDir}/${specifier}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  const path = out.join('/');
  return /^src\/(components|demos)\//.test(path);
}

export function lintChapter(file: string, source: string): Finding[] {
  const text = proseAndMarkup(source);
  const lineAt = (i: number) => text.slice(0, i).split('\n').length;
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.';
  const found: Finding[] = [];
  const add = (i: number, what: string) => found.push({ file, line: lineAt(i), what });
  for (const m of text.matchAll(/<script\b/gi)) add(m.index, '<script> element: runs in every learner’s browser');
  for (const m of text.matchAll(/<iframe\b/gi)) add(m.index, '<iframe> element: loads another page into the chapter');
  for (const m of text.matchAll(/javascript\s*:/gi)) add(m.index, 'javascript: URL: runs code when followed');
  for (const m of text.matchAll(/<[A-Za-z][\w.:-]*(?:\s[^<>]*?)?\s(on[A-Za-z]+)\s*=/g)) {
    add(m.index + m[0].lastIndexOf(m[1]!), `${m[1]}= event handler: runs code in the learner’s browser`);
  }
  for (const m of text.matchAll(/^\s*(?:import|export)\b[^\n]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm)) {
    const spec = m[1] ?? m[2]!;
    if (!allowedImport(spec, dir)) add(m.index + m[0].search(/\S/), `import of "${spec}": only the course’s own components (src/components, src/demos) may be imported; anything else runs at build time`);
  }
  for (const m of text.matchAll(/\bimport\s*\(/g)) add(m.index, 'import(): loads a module at build time');
  for (const m of text.matchAll(/\brequire\s*\(/g)) add(m.index, 'require(): loads a module at build time');
  return found.sort((a, b) => a.line - b.line);
}

/** Findings that fail the build: those of chapters not marked `trusted: true`. */
export function blockingFindings(files: { file: string; source: string }[]): Finding[] {
  return files.filter((f) => !isTrusted(f.source)).flatMap((f) => lintChapter(f.file, f.source));
}

export function formatFindings(findings: Finding[]): string {
  return [
    `check-chapters: ${findings.length} finding${findings.length === 1 ? '' : 's'} in content/ (a chapter is code: it runs when the site builds and in every learner's browser):`,
    ...findings.map((f) => `  ${f.file}:${f.line}: ${f.what}`),
    'Remove them, or, for a chapter whose author you trust, add `trusted: true` to its front matter.',
  ].join('\n');
}
