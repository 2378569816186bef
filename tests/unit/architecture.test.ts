// The rules of the code's layout (docs/writing-a-demo.md): data flows one way, and a demo is one
// definition in one list. Checked on the import lines of every source file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { demos } from '../../src/demos/index.ts';

const root = process.cwd();
const src = join(root, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx|astro|mjs)$/.test(name) ? [p] : [];
  });
}

/** Every relative module a file imports (static, dynamic and `new URL(…)` worker entries), resolved to a path under the root. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+|new URL\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
  return specs.map((s) => relative(root, resolve(dirname(file), s)));
}

const all = files(src);

test('infrastructure (engine, training, views, reproduce, python) imports nothing from src/demos', () => {
  for (const dir of ['engine', 'training', 'views', 'reproduce', 'python']) {
    for (const f of files(join(src, dir))) {
      for (const imp of importsOf(f)) assert.ok(!imp.startsWith('src/demos/') || imp === 'src/demos/settings-kit.ts' && dir === 'reproduce', `${relative(root, f)} imports ${imp}`);
    }
  }
});

test('no demo folder imports another demo folder', () => {
  const shared = new Set(['ui']);
  for (const f of all.filter((f) => relative(src, f).startsWith('demos/'))) {
    const parts = relative(join(src, 'demos'), f).split('/');
    if (parts.length < 2 || shared.has(parts[0])) continue;
    for (const imp of importsOf(f)) {
      const m = /^src\/demos\/([^/]+)\/.+/.exec(imp);
      if (m && !shared.has(m[1])) assert.equal(m[1], parts[0], `${relative(root, f)} imports ${imp}`);
    }
  }
});

test('one generic MDX wrapper places every demo; the list names each demo once', () => {
  assert.deepEqual(all.filter((f) => /Demo\.astro$/.test(f)).map((f) => relative(root, f)), ['src/demos/Demo.astro']);
  for (const key of ['id', 'component'] as const) {
    const seen = demos.map((d) => d[key]);
    assert.equal(new Set(seen).size, seen.length, `demo ${key}s are unique: ${seen.join(', ')}`);
  }
  // Demos are found only through the list: no glob or readdir discovery in the code.
  for (const f of all) assert.doesNotMatch(readFileSync(f, 'utf8'), /import\.meta\.glob|readdirSync\(/, relative(root, f));
});

test('every field of every demo says its effect, and every default control is a field', () => {
  for (const d of demos) {
    for (const [k, f] of Object.entries(d.fields)) assert.ok(['restart', 'live', 'view'].includes(f.effect), `${d.id}.${k}`);
    for (const c of d.controls) assert.ok(Object.hasOwn(d.fields, c), `${d.id}: control ${c}`);
    if (Object.values(d.fields).some((f) => f.effect === 'live')) assert.ok(d.runner, `${d.id} has live fields, so it trains`);
  }
});

test('every demo\'s chapter exists with that title (or its own page, for a demo in no chapter)', () => {
  const chapters = readdirSync(join(root, 'content')).filter((f) => f.endsWith('.mdx')).map((f) => {
    const text = readFileSync(join(root, 'content', f), 'utf8');
    return { slug: f.replace(/^\d+-/, '').replace(/\.mdx$/, ''), title: /^title:\s*(.+)$/m.exec(text)?.[1].trim().replace(/^["']|["']$/g, '') };
  });
  for (const d of demos) {
    if (d.chapter.page !== undefined) {
      // A demo with a page of its own: the page exists, and its slug is no chapter's.
      const page = d.chapter.page.replace(/\/$/, '');
      assert.ok(existsSync(join(root, 'src/pages', `${page}.astro`)) || existsSync(join(root, 'src/pages', page, 'index.astro')), `${d.id}: page src/pages/${page}.astro`);
      assert.ok(!chapters.some((c) => c.slug === d.chapter.slug), `${d.id}: "${d.chapter.slug}" is a chapter's slug, not a page's`);
      continue;
    }
    const c = chapters.find((c) => c.slug === d.chapter.slug);
    assert.ok(c, `${d.id}: chapter ${d.chapter.slug}`);
    assert.equal(c.title, d.chapter.title, `${d.id}: chapter title`);
  }
});

/** The relative modules a file imports for their values (not `import type`, not `{ type A }` alone). */
function valueImportsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?([^;]*?)\s*from\s+['"](\.{1,2}\/[^'"]+)['"]/gms)) {
    const names = /^\{([^}]*)\}$/.exec(m[2].trim())?.[1].split(',').map((s) => s.trim()).filter(Boolean);
    if (m[1] || names?.every((n) => n.startsWith('type '))) continue;
    specs.push(m[3]);
  }
  for (const m of text.matchAll(/^\s*import\s+['"](\.{1,2}\/[^'"]+)['"]/gm)) specs.push(m[1]);
  return specs.map((s) => relative(root, resolve(dirname(file), s)));
}

test('an island loads no training code: the engine trains in the worker, the page only draws', () => {
  // What only the worker needs: the engine's networks and data, the runs built on them, the
  // runners. (The engine's errors, the early-stopping rule the page replays and the L1 operator's
  // re-export are fine.) Importing a runner module for a name or a constant ships all of it.
  const training = (f: string) =>
    /^src\/engine\//.test(f) && !/^src\/engine\/(errors|early-stopping|penalties)\.ts$/.test(f) ||
    /^src\/demos\/(classification-run|seed-runs)\.ts$/.test(f) ||
    /^src\/training\/(host|worker|lazy-host)\.ts$/.test(f) ||
    /^src\/demos\/[^/]+\/([a-z-]*-)?(runner|run|seeds)\.ts$/.test(f);
  const islands = all.filter((f) => /^src\/demos\/[^/]+\/([A-Za-z]*Island)\.tsx$/.test(relative(root, f)));
  assert.ok(islands.length >= demos.length - 1, `found ${islands.length} islands`);
  for (const island of islands) {
    const from = new Map<string, string>([[relative(root, island), '']]);
    const queue = [relative(root, island)];
    while (queue.length) {
      const f = queue.shift()!;
      for (const imp of valueImportsOf(join(root, f))) {
        if (from.has(imp) || !existsSync(join(root, imp))) continue;
        from.set(imp, f);
        if (training(imp)) {
          const chain = [imp];
          for (let c = f; c; c = from.get(c)!) chain.unshift(c);
          assert.fail(`an island's page loads training code: ${chain.join(' -> ')}`);
        }
        queue.push(imp);
      }
    }
  }
});

test('an island draws drop-downs with ui/Select.tsx, never a <select> of its own', () => {
  // A <select> in a chapter's HTML costs a long task at load (src/demos/ui/Select.tsx says why);
  // Select draws its stand-in there and the <select> once the island has hydrated.
  for (const f of all.filter((f) => f.endsWith('.tsx') && relative(root, f) !== 'src/demos/ui/Select.tsx')) {
    assert.doesNotMatch(readFileSync(f, 'utf8'), /<select\b/, `${relative(root, f)} draws a <select>; use Select from src/demos/ui/Select.tsx`);
  }
});
