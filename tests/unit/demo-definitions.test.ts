import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoHomes, workerLeavesOutPages } from '../../src/build/demo-definitions.ts';
import { demos } from '../../src/demos/index.ts';

test('the browser\'s demo list has every demo of the list, each loading its own definition', async () => {
  const homes = demoHomes();
  assert.deepEqual(homes.map((h) => h.id), demos.map((d) => d.id));
  for (const h of homes) {
    const mod = (await import(`../..${h.module}`)) as Record<string, { id: string }>;
    assert.equal(mod[h.exportName], demos.find((d) => d.id === h.id), `${h.id}: ${h.module} exports ${h.exportName}`);
  }
});

test('the training worker\'s build keeps each definition\'s runner loader and leaves out its island and reproductions', () => {
  const plugin = workerLeavesOutPages();
  const transform = plugin.transform as (code: string, id: string) => { code: string } | undefined;
  for (const module of new Set(demoHomes().map((h) => h.module))) {
    const file = join(process.cwd(), module);
    const source = readFileSync(file, 'utf8');
    const out = transform(source, file)?.code ?? source;
    const imports = [...out.matchAll(/import\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]);
    assert.ok(!imports.some((s) => s.endsWith('.tsx') || /\/reproduce[^/]*\.ts$/.test(s)), `${module} still imports ${imports.join(', ')}`);
    // Every runner loader is left as it was.
    for (const m of source.matchAll(/runner[^\n]*import\(\s*'([^']+)'\s*\)/g)) assert.ok(imports.includes(m[1]), `${module}: runner ${m[1]} kept`);
    assert.match(out, /the training worker does not load \.\/[A-Za-z]*Island\.tsx/, module);
    // Its texts are left out too (the worker shows none); the fields it validates with are kept.
    assert.doesNotMatch(out, /^\s*(title|caption|summary|example):\s*'[^']/m, module);
    assert.match(out, /^\s*fields:/m, module);
  }
  // Other modules are left alone.
  assert.equal(transform("import('./Island.tsx')", '/x/src/demos/ui/useTrainedDemo.ts'), undefined);
});
