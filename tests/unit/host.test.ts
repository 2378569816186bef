// The training host builds a runner whose factory preloads data only after the data arrives,
// and keeps the demo's messages (play, step) in order meanwhile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHost } from '../../src/training/host.ts';
import type { Report } from '../../src/training/protocol.ts';
import type { Runner, RunnerFactory } from '../../src/training/runner.ts';

function counter(): RunnerFactory {
  let data: number | null = null;
  const factory: RunnerFactory = () => {
    if (data === null) throw new Error('data not loaded');
    let units = 0;
    const r: Runner = { advance: () => ++units < 5, snapshot: () => ({ units, data }) };
    return r;
  };
  factory.preload = () => new Promise((resolve) => setTimeout(() => resolve((data = 42)), 20));
  return factory;
}

test('a preloading factory is built after its data, with earlier messages replayed in order', async () => {
  const reports: Report[] = [];
  const handle = createHost((r) => reports.push(r), { counter: counter() });
  handle({ type: 'create', kind: 'counter', settings: {} });
  handle({ type: 'step', count: 2 });
  assert.equal(reports.length, 0, 'nothing is built before the data arrives');
  await new Promise((r) => setTimeout(r, 60));
  const snaps = reports.filter((r) => r.type === 'snapshot');
  assert.ok(reports.every((r) => r.type === 'snapshot'), JSON.stringify(reports));
  assert.deepEqual(snaps.at(-1)!.snapshot, { units: 2, data: 42 });
  // a reset does not preload again
  handle({ type: 'reset' });
  assert.deepEqual((reports.at(-1) as { snapshot: unknown }).snapshot, { units: 0, data: 42 });
});

test('a failed preload is reported as a message, not thrown', async () => {
  const reports: Report[] = [];
  const factory: RunnerFactory = () => { throw new Error('unreachable'); };
  factory.preload = () => Promise.reject(new Error('network down'));
  const handle = createHost((r) => reports.push(r), { f: factory });
  handle({ type: 'create', kind: 'f', settings: {} });
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(reports.length, 1);
  assert.ok(reports[0].type === 'error' && /Could not load this demo's data: network down/.test(reports[0].error.message));
});
