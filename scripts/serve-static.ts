/**
 * A plain static file server for a built copy of the site under a sub-path, as a static host
 * serves it: `node scripts/serve-static.ts DIR --base /course/ --port 4337`.
 * The sub-path e2e run uses it because `astro preview` runs only once per project folder.
 * Paths outside the base, and files outside DIR, are 404s; a folder serves its index.html.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.mdx': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const root = resolve(process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'dist');
const base = `/${arg('base', '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
const port = Number(arg('port', '4337'));
const host = arg('host', '127.0.0.1');

async function file(path: string): Promise<string | null> {
  try {
    const s = await stat(path);
    if (s.isFile()) return path;
    if (s.isDirectory()) return (await stat(join(path, 'index.html')).catch(() => null))?.isFile() ? join(path, 'index.html') : null;
  } catch {
    // not there
  }
  return null;
}

createServer(async (req, res) => {
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  if (pathname === base.slice(0, -1)) {
    res.writeHead(301, { Location: base }).end();
    return;
  }
  const inside = pathname.startsWith(base) ? normalize(pathname.slice(base.length)) : null;
  // Like GitHub Pages and most hosts, /404 also finds 404.html.
  const found = inside !== null && !inside.startsWith('..') ? ((await file(join(root, inside))) ?? (await file(join(root, `${inside}.html`)))) : null;
  if (!found) {
    const notFound = await readFile(join(root, '404.html')).catch(() => Buffer.from('Not found'));
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end(notFound);
    return;
  }
  // Hashed assets never change, so a host may cache them for a year (see the README's deploy section).
  const cache = found.includes(`${root}/_astro/`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  res.writeHead(200, { 'Content-Type': TYPES[extname(found)] ?? 'application/octet-stream', 'Cache-Control': cache });
  res.end(req.method === 'HEAD' ? undefined : await readFile(found));
}).listen(port, host, () => console.log(`Serving ${root} at http://${host}:${port}${base}`));
