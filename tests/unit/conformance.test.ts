// Every public conformance case, through the same code the runner uses, within its tolerance.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { compare, DEFAULT_CASES, loadCases, runCase } from '../../scripts/conformance.ts';

// The project's own copy of the cases (tests/conformance/).
const FILES = DEFAULT_CASES();

test('the project\'s conformance cases are present', () => assert.ok(FILES.length > 0 && FILES.every((f) => existsSync(f)), FILES.join(', ')));

for (const c of FILES.flatMap((f) => loadCases(f))) {
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
