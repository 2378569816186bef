import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoHomes } from '../../src/build/demo-definitions.ts';
import { demos } from '../../src/demos/index.ts';

test('the browser\'s demo list has every demo of the list, each loading its own definition', async () => {
  const homes = demoHomes();
  assert.deepEqual(homes.map((h) => h.id), demos.map((d) => d.id));
  for (const h of homes) {
    const mod = (await import(`../..${h.module}`)) as Record<string, { id: string }>;
    assert.equal(mod[h.exportName], demos.find((d) => d.id === h.id), `${h.id}: ${h.module} exports ${h.exportName}`);
  }
});
