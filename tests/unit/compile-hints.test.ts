// V8's explicit compile hint heads the page files every demo runs at load, and only those (src/build/chunk-groups.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMPILE_HINT, compileHints, pageChunkGroups, takesCompileHint } from '../../src/build/chunk-groups.ts';

test('the three group files take the hint; islands, on-demand files and the rest do not', () => {
  assert.deepEqual(pageChunkGroups.map((g) => g.name).filter(takesCompileHint), ['preact', 'demo-kit', 'charts']);
  for (const name of ['MaskIsland', 'client', 'tex-render', 'torch-script', 'demo']) assert.equal(takesCompileHint(name), false, name);
});

test('the plugin puts the hint on the first line, above what Vite wrote at the top, once', () => {
  const plugin = compileHints();
  const hook = plugin.generateBundle as { order: string; handler: (o: unknown, b: Record<string, unknown>) => void };
  assert.equal(hook.order, 'post');
  const chunk = (name: string, code: string) => ({ type: 'chunk', name, code });
  const bundle = {
    kit: chunk('demo-kit', 'const __vite__mapDeps=(i)=>i;\nexport const a=1;'),
    island: chunk('MaskIsland', 'export const b=2;'),
    css: { type: 'asset', name: 'global.css', source: 'a{}' },
  };
  hook.handler({}, bundle);
  hook.handler({}, bundle);
  assert.equal(bundle.kit.code, `${COMPILE_HINT}\nconst __vite__mapDeps=(i)=>i;\nexport const a=1;`);
  assert.equal(bundle.island.code, 'export const b=2;');
});
