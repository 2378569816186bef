/**
 * Astro integration: after the build, writes `dist/_headers` (the format Netlify and Cloudflare
 * Pages read) with each page's Content Security Policy, the same policy Astro puts in the page's
 * `<meta http-equiv>`, so hosts that take headers send it as a header too (where `frame-ancestors`
 * and reporting work). Each page has its own policy: its inline hashes differ.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The policy in a page's `<meta http-equiv="content-security-policy">`, or null. */
export function metaPolicy(html: string): string | null {
  const tag = /<meta\b[^>]*http-equiv="content-security-policy"[^>]*>/i.exec(html)?.[0];
  const content = tag && /\bcontent="([^"]*)"/i.exec(tag)?.[1];
  return content ? content.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim() : null;
}

/** `_headers` text: one block per URL path (with and without the trailing `index.html`). */
export function headersFile(pages: { path: string; policy: string }[]): string {
  const blocks = pages.flatMap(({ path, policy }) => {
    const paths = path.endsWith('/') ? [path, `${path}index.html`] : [path, `${path}.html`];
    return paths.map((p) => `${p}\n  Content-Security-Policy: ${policy}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: same-origin\n`);
  });
  return `# Written by the build (src/build/security-headers.ts): each page's Content Security Policy,\n# the same as its <meta http-equiv>, for hosts that read _headers.\n${blocks.join('\n')}`;
}

/** Parses a `_headers` file back to path -> headers (used by the tests that serve dist/ with it). */
export function parseHeadersFile(text: string): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  let current: Record<string, string> | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (!/^\s/.test(line)) {
      current = {};
      out.set(line.trim(), current);
    } else if (current) {
      const i = line.indexOf(':');
      current[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
    }
  }
  return out;
}

/** A built page's URL path and HTML file (`chapters/dropout/` -> dist/chapters/dropout/index.html, `404` -> dist/404.html). */
function htmlPage(dist: string, pathname: string): { path: string; file: string } | null {
  const name = pathname.replace(/^\/+|\/+$/g, '');
  const dirIndex = join(dist, name, 'index.html');
  if (existsSync(dirIndex)) return { path: name ? `/${name}/` : '/', file: dirIndex };
  const flat = join(dist, `${name}.html`);
  if (name && existsSync(flat)) return { path: `/${name}`, file: flat };
  return null;
}

export function securityHeaders(): AstroIntegration {
  return {
    name: 'regularization-lab:security-headers',
    hooks: {
      'astro:build:done': ({ dir, pages: built, logger }) => {
        const dist = fileURLToPath(dir);
        const pages: { path: string; policy: string }[] = [];
        const missing: string[] = [];
        for (const page of built) {
          const found = htmlPage(dist, page.pathname);
          if (!found) continue; // an endpoint (the chapters' MDX sources), not a page
          const { path, file } = found;
          const policy = metaPolicy(readFileSync(file, 'utf8'));
          if (policy) pages.push({ path, policy });
          else missing.push(path);
        }
        if (missing.length) throw new Error(`these pages have no Content Security Policy <meta>: ${missing.join(', ')}`);
        writeFileSync(join(dist, '_headers'), headersFile(pages));
        logger.info(`_headers: the Content Security Policy of ${pages.length} pages`);
      },
    },
  };
}
