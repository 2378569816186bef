import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bandOf, paired, roundRobin, seedList, verdictWords } from '../../src/demos/multi-seed.ts';

test('bands: mean, min and max at every index, over the runs that reached it', () => {
  const b = bandOf([[1, 2, 3], [3, 4], [2, 6, 5]]);
  assert.deepEqual(b.mean, [2, 4, 4]);
  assert.deepEqual(b.min, [1, 2, 3]);
  assert.deepEqual(b.max, [3, 6, 5]);
  assert.deepEqual(b.count, [3, 3, 2]);
});

test('paired comparison: wins, mean gap and its spread, and whether it is larger than the spread', () => {
  const p = paired([0.30, 0.32, 0.28, 0.31, 0.29], [0.22, 0.25, 0.21, 0.22, 0.20], true);
  assert.equal(p.n, 5);
  assert.equal(p.better, 5);
  assert.ok(Math.abs(p.meanGap - 0.08) < 1e-12);
  assert.ok(Math.abs(p.sdGap - Math.sqrt(((0.0) ** 2 + 0.01 ** 2 + 0.01 ** 2 + 0.01 ** 2 + 0.01 ** 2) / 4)) < 1e-12);
  assert.equal(p.clear, true);
  assert.equal(verdictWords(p, { variant: 'dropout', what: 'validation loss', lowerIsBetter: true }),
    'Dropout gave the lower validation loss on 5 of 5 seeds; mean gap 0.080 ± 0.010 (mean ± standard deviation over the seeds). ' +
    'That is larger than the seed-to-seed spread (the mean gap is over twice its standard error, 0.004): dropout made the validation loss better on these seeds.');
  const noisy = paired([0.3, 0.2, 0.4], [0.25, 0.3, 0.35], true);
  assert.equal(noisy.better, 2);
  assert.equal(noisy.clear, false);
  assert.match(verdictWords(noisy, { variant: 'L2', what: 'validation loss', lowerIsBetter: true }), /within the seed-to-seed spread/);
  const acc = paired([0.90, 0.91], [0.93, 0.94], false);
  assert.equal(acc.better, 2);
  assert.match(verdictWords(acc, { variant: 'dropout', what: 'validation accuracy', lowerIsBetter: false, percent: true }), /higher validation accuracy on 2 of 2 seeds; mean gap 3\.0 points ± 0\.0 points/);
  assert.match(verdictWords(paired([1], [0.5], true), { variant: 'x', what: 'loss', lowerIsBetter: true }), /One seed cannot separate/);
});

test('round robin trains every run a unit in turn, skipping finished ones', () => {
  const log: string[] = [];
  const run = (name: string, units: number) => {
    let done = 0;
    return { advance: () => { log.push(name); return ++done < units; }, get done() { return done >= units; } };
  };
  const rr = roundRobin([run('a', 1), run('b', 3), run('c', 2)]);
  while (rr.advance());
  assert.deepEqual(log, ['a', 'b', 'c', 'b', 'c', 'b']);
  assert.deepEqual(seedList(7, 3), [7, 8, 9]);
});
