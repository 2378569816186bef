import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every chapter file under `<root>/content` (as the content collection finds them: *.mdx not starting with _). */
export function readChapters(root: string): { file: string; source: string }[] {
  const out: { file: string; source: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.mdx') && !name.startsWith('_')) out.push({ file: relative(root, p).replace(/\\/g, '/'), source: readFileSync(p, 'utf8') });
    }
  };
  walk(join(root, 'content'));
  return out;
}
