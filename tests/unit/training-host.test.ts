import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHost } from '../../src/training/host.ts';
import type { Report } from '../../src/training/protocol.ts';
import type { Runner } from '../../src/training/runner.ts';

/** A runner that counts its units up to `units`, its snapshot the count and the settings it got. */
function counter(settings: unknown): Runner {
  let n = 0;
  const units = (settings as { units: number }).units;
  return { advance: () => ++n < units, snapshot: () => ({ n, settings }) };
}

test('every report names its run: a reset starts run 2, and the old run\'s last snapshot keeps run 1', () => {
  const reports: Report[] = [];
  const handle = createHost((r) => reports.push(r), { counter });
  handle({ type: 'create', kind: 'counter', settings: { units: 5 } });
  handle({ type: 'step', count: 2 });
  handle({ type: 'reset', settings: { units: 3 } });
  handle({ type: 'step', count: 1 });
  const seen = reports.map((r) => (r.type === 'snapshot' ? [r.run, (r.snapshot as { n: number }).n] : ['error']));
  assert.deepEqual(seen, [
    [1, 0], // created
    [1, 2], // two steps
    [1, 2], // the reset pauses the old run first
    [2, 0], // the new run
    [2, 1],
  ]);
});

test('a runner that refuses its settings reports an error tagged with its run', () => {
  const reports: Report[] = [];
  const handle = createHost((r) => reports.push(r), {
    bad: () => {
      throw new Error('no');
    },
  });
  handle({ type: 'create', kind: 'bad', settings: {} });
  handle({ type: 'reset' });
  assert.deepEqual(reports.map((r) => [r.type, r.run]), [['error', 1], ['error', 2]]);
});
