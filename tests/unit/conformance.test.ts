// Every public conformance case, through the same code the runner uses, within its tolerance.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { compare, loadCases, runCase } from '../../scripts/conformance.ts';

const FILE = new URL('../../../shared/conformance/public/cases.json', import.meta.url).pathname;

test('public conformance cases file is present', () => assert.ok(existsSync(FILE), FILE));

for (const c of existsSync(FILE) ? loadCases(FILE) : []) {
  test(`conformance: ${c.id} (${c.kind})`, () => {
    const r = runCase(c);
    assert.ok(!('error' in r), 'error' in r ? r.error : '');
    if ('error' in r) return;
    const cmp = compare(r.actual, c.expected, c.tolerance);
    assert.ok(cmp.pass, cmp.problems.join('\n'));
    // the JSON output has exactly the shape of expected
    assert.deepEqual(Object.keys(r.actual as object), Object.keys(c.expected as object));
  });
}

test('unsupported kinds and options are reported, not skipped', () => {
  const base = { id: 'x', expected: {}, tolerance: { abs: 0, rel: 0 } };
  assert.deepEqual(runCase({ ...base, kind: 'conv' }), { id: 'x', error: 'unsupported: kind "conv"' });
  const r = runCase({ ...base, kind: 'mlp', layers: [{ type: 'linear', in: 1, out: 1 }], loss: 'mse', optimizer: { type: 'sgd', lr: 0.1, foreach: true }, steps: [] });
  assert.ok('error' in r && r.error.startsWith('unsupported:'), JSON.stringify(r));
  const s = runCase({ ...base, kind: 'mlp', layers: [{ type: 'gelu' }], loss: 'mse', optimizer: { type: 'sgd', lr: 0.1 }, steps: [] });
  assert.ok('error' in s && s.error.startsWith('unsupported:'), JSON.stringify(s));
});
