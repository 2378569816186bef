// The handwritten-digits demo: its runner, its views' numbers, and every number chapter 1 quotes
// about it, computed by the engine (default settings, the default seed unless the text says otherwise).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { digits, loadDigits } from '../../src/data/digits/digits.ts';
import { defaults } from '../../src/demos/settings-kit.ts';
import { digitsFields, type DigitsSettings } from '../../src/demos/digits/settings.ts';
import { digitsRunner, type DigitsSnapshot } from '../../src/demos/digits/runner.ts';
import { digitsDemo, digitsSeedsDemo } from '../../src/demos/digits/demo.ts';
import { networkSpec, splitDigits } from '../../src/demos/digits/run.ts';
import { NEAR_ZERO } from '../../src/demos/digits/settings.ts';
import { createNetwork, EngineError } from '../../src/engine/index.ts';

await loadDigits();

function run(patch: Partial<DigitsSettings> = {}): DigitsSnapshot {
  const r = digitsRunner({ ...patch });
  while (r.advance());
  return r.snapshot() as DigitsSnapshot;
}
const cache = new Map<string, DigitsSnapshot>();
const runOnce = (patch: Partial<DigitsSettings> = {}) => {
  const key = JSON.stringify(patch);
  if (!cache.has(key)) cache.set(key, run(patch));
  return cache.get(key)!;
};
const last = <T>(a: T[]) => a[a.length - 1];
const mdx = readFileSync(new URL('../../content/01-what-is-regularization.mdx', import.meta.url), 'utf8').replace(/\s+/g, ' ');
const says = (s: string) => assert.ok(mdx.includes(s), `chapter 1 says "${s}"`);

test('the split: 200 training rows and the other 1,597, disjoint, from the seed', () => {
  const a = splitDigits(200, 1), b = splitDigits(200, 1), c = splitDigits(200, 2);
  assert.deepEqual(a.trainRows, b.trainRows);
  assert.notDeepEqual(a.trainRows, c.trainRows);
  assert.equal(a.trainRows.length, 200);
  assert.equal(a.valRows.length, 1597);
  assert.equal(new Set([...a.trainRows, ...a.valRows]).size, 1797);
  // x = pixel / 16, y one-hot of the label
  const row = a.trainRows[0];
  assert.equal(a.train.x[5], digits().pixels[row * 64 + 5] / 16);
  assert.equal(a.train.y[digits().labels[row]], 1);
  assert.equal(a.train.y.reduce((s, v) => s + v, 0), 200);
});

test('the network is 64-h-10 with cross_entropy, and the regularization is the only difference', () => {
  const base = defaults(digitsFields);
  assert.equal(createNetwork(networkSpec(base)).spec.layers.length, 3);
  const count = (m: DigitsSettings['method']) => createNetwork(networkSpec({ ...base, method: m })).spec.layers.map((l) => l.type).join(' ');
  assert.equal(count('none'), 'linear relu linear');
  assert.equal(count('dropout'), 'linear relu dropout linear');
  assert.equal(count('batchnorm'), 'linear batchnorm1d relu linear');
  assert.deepEqual(createNetwork(networkSpec({ ...base, method: 'l1' })).spec.penalty, { l1: base.l1, l2: 0 });
  assert.equal(networkSpec(base).loss, 'cross_entropy');
  // 4,810 weights and biases, as the chapter says
  const params = Object.values(createNetwork(networkSpec(base)).params()).reduce((s, p) => s + ('weight' in p ? p.weight.flat().length + p.bias.length : 0), 0);
  assert.equal(params, 4810);
  says('4,810 weights and biases');
  says('trains on just 200 of them and is tested on the other 1,597');
});

test('bad settings are refused with the setting named; the demos hand out runners once the digits have loaded', async () => {
  assert.throws(() => digitsRunner({ method: 'magic' }), (e: unknown) => e instanceof EngineError && /"method" \(Regularization\) must be one of/.test(e.message));
  assert.throws(() => digitsRunner({ trainSize: 5 }), /"trainSize"/);
  assert.equal(await digitsDemo.runner!(), digitsRunner);
  assert.equal(await digitsSeedsDemo.runner!(), digitsSeedsRunner);
});

test('a snapshot carries the curves, the misclassified digits and the first layer as images', () => {
  const r = digitsRunner({ epochs: 5 });
  const s0 = r.snapshot() as DigitsSnapshot;
  assert.equal(s0.epoch, 0);
  assert.ok(Math.abs(s0.val[0] - Math.log(10)) < 0.05, 'an untrained 10-class network starts near log 10');
  // a unit is a mini-batch step or an epoch's evaluation: 200 / 20 steps + 1 per epoch
  assert.equal(s0.unitsPerEpoch, 11);
  for (let i = 0; i < s0.unitsPerEpoch - 1; i++) r.advance();
  assert.equal((r.snapshot() as DigitsSnapshot).epoch, 0, 'the steps of epoch 1, not yet evaluated');
  for (let i = 0; i < s0.unitsPerEpoch + 1; i++) r.advance();
  const s = r.snapshot() as DigitsSnapshot;
  assert.equal(s.train.length, 3);
  assert.equal(s.weights.length, 64 * 64);
  assert.ok(s.misclassified.length > 0 && s.misclassified.length <= 24);
  for (const m of s.misclassified) {
    assert.notEqual(m.label, m.predicted);
    assert.equal(digits().labels[m.row], m.label);
    assert.equal(m.pixels.length, 64);
  }
  assert.equal(s.wrong, Math.round((1 - s.valAccuracy[2]) * s.valCount));
});

test('chapter 1: without regularization the network memorises its 200 digits and the validation loss turns up', () => {
  const s = runOnce({ method: 'none' });
  assert.equal(s.trainAccuracy.indexOf(1), 12);
  says('gets all 200 training digits right after 12 epochs');
  assert.equal(last(s.trainAccuracy), 1);
  assert.equal((last(s.valAccuracy) * 100).toFixed(1), '93.7');
  says('after 100 epochs classifies 93.7% of the validation digits');
  assert.equal(s.bestEpoch, 16);
  assert.equal(s.val[16].toFixed(3), '0.222');
  says('Its validation loss is lowest, 0.222, at epoch 16');
  assert.equal(last(s.val).toFixed(3), '0.269');
  says('by epoch 100 it has risen to 0.269');
  assert.ok(last(s.train) < 0.001, 'the training loss falls to nearly zero');
});

test('chapter 1: L1 zeroes first-layer weights (blank pixels in every neuron), L2 shrinks them all', () => {
  const none = runOnce({ method: 'none' }), l1 = runOnce({ method: 'l1' }), l2 = runOnce({ method: 'l2' });
  assert.equal(none.nearZero, 170);
  assert.equal(l1.nearZero, 3373);
  says('only 170 of the 4,096 first-layer weights end near zero (|w| < 0.01); with the L1 penalty, 3,373 do');
  assert.equal(NEAR_ZERO, 0.01);
  assert.equal(none.meanAbs.toFixed(3), '0.198');
  assert.equal(l2.meanAbs.toFixed(3), '0.071');
  says('The typical weight (mean |w|) shrinks from 0.198 to 0.071');
  assert.ok(l2.nearZero < l1.nearZero / 1.5, 'L2 leaves far fewer weights near zero than L1');
  // Pixels blank in every training scan: near zero in every neuron with L1; untouched without a penalty.
  const split = splitDigits(200, 1);
  const blank = Array.from({ length: 64 }, (_, k) => k).filter((k) => split.trainRows.every((row) => digits().pixels[row * 64 + k] === 0));
  assert.ok(blank.length > 0);
  const nearAt = (s: DigitsSnapshot) => blank.reduce((a, k) => a + Array.from({ length: 64 }, (_, o) => Math.abs(s.weights[o * 64 + k]) < NEAR_ZERO).filter(Boolean).length, 0);
  assert.equal(nearAt(l1), blank.length * 64);
  assert.ok(nearAt(none) < blank.length * 64 * 0.2);
  says('The pixels that are blank in every training scan (a few at the edges) end near zero in every neuron');
});

test('chapter 1: the L1 effect holds on other seeds too (not one lucky run)', () => {
  for (const seed of [2, 3]) {
    const none = run({ method: 'none', seed }), l1 = run({ method: 'l1', seed });
    assert.ok(l1.nearZero > 0.75 * 4096 && none.nearZero < 0.06 * 4096, `seed ${seed}: ${none.nearZero} vs ${l1.nearZero}`);
  }
});

test('chapter 1: early stopping with patience 10 stops at epoch 26 and keeps epoch 16', () => {
  const s = runOnce({ method: 'early-stopping' });
  assert.deepEqual(s.early, { stoppedAt: 26, keptEpoch: 16, wait: 10 });
  assert.equal(s.shownValLoss, s.val[16]);
  says('training ends at epoch 26 and keeps the weights of epoch 16');
});

// ---- several seeds (chapter 2 quotes the default comparison and the early-stopping one) ----
import { digitsSeedsRunner, type SeedsSnapshot } from '../../src/demos/digits/seeds-runner.ts';
import { seedsVerdict } from '../../src/demos/digits/seeds-summary.ts';
import { seedsEngineLines } from '../../src/demos/digits/reproduce-seeds.ts';
import { seedsFields } from '../../src/demos/digits/settings.ts';

const chapter2 = readFileSync(new URL('../../content/02-dropout.mdx', import.meta.url), 'utf8').replace(/\s+/g, ' ');
const says2 = (s: string) => assert.ok(chapter2.includes(s), `chapter 2 says "${s}"`);
function seeds(patch: Record<string, unknown> = {}): SeedsSnapshot {
  const r = digitsSeedsRunner(patch);
  while (r.advance());
  return r.snapshot() as SeedsSnapshot;
}

test('several seeds: each seed gives both networks the same split and initial weights; runs are the single demo\'s runs', () => {
  const snap = seeds({ seeds: 2, epochs: 5, trainSize: 100, method: 'l2' });
  assert.deepEqual(snap.seeds, [1, 2]);
  assert.equal(snap.progress.done, snap.progress.total);
  for (const v of [0, 1] as const) {
    for (const c of snap.runs[v]) {
      const single = run({ seed: c.seed, epochs: 5, trainSize: 100, method: v === 0 ? 'none' : 'l2' });
      assert.deepEqual(c.valLoss, single.val, `seed ${c.seed} variant ${v}: the same run as the single demo`);
      assert.equal(c.final!.valLoss, single.shownValLoss);
    }
  }
  // before training, both networks of a seed are the same network
  for (let i = 0; i < 2; i++) assert.equal(snap.runs[0][i].valLoss[0], snap.runs[1][i].valLoss[0]);
  assert.notEqual(snap.runs[0][0].valLoss[0], snap.runs[0][1].valLoss[0], 'another seed, another run');
  // the reproduction's engine lines are these runs
  const lines = seedsEngineLines({ ...defaults(seedsFields), seeds: 2, epochs: 5, trainSize: 100, method: 'l2' });
  assert.equal(lines.find((l) => l.seed === 2 && l.variant === 'l2' && l.epoch === 5)!.val_loss, snap.runs[1][1].valLoss[5]);
});

test('several seeds: "none" is not a variant to compare with none', () => {
  assert.throws(() => digitsSeedsRunner({ method: 'none' }), /"method" \(Regularization\) must be one of "dropout"/);
  assert.throws(() => digitsSeedsRunner({ seeds: 21 }), /"seeds" \(Seeds\) must be a whole number from 1 to 20/);
});

test('chapter 2: on seeds 1 to 5 dropout\'s difference is within the seed-to-seed spread', () => {
  const v = seedsVerdict(seeds())!;
  assert.deepEqual(v.seeds, [1, 2, 3, 4, 5]);
  assert.equal(v.loss.better, 4);
  assert.equal(`${v.loss.meanGap.toFixed(3)} ± ${v.loss.sdGap.toFixed(3)}`, '0.009 ± 0.021');
  assert.equal(v.loss.clear, false);
  says2('dropout gave the lower final validation loss on 4 of 5 seeds, but the mean gap, 0.009 ± 0.021 (mean ± standard deviation over the seeds), is **within the seed-to-seed spread**');
  assert.equal(v.accuracy.better, 3);
  assert.equal(`${(v.accuracy.meanGap * 100).toFixed(1)} ± ${(v.accuracy.sdGap * 100).toFixed(1)}`, '0.2 ± 0.7');
  assert.equal(v.accuracy.clear, false);
  says2('the validation accuracy was higher on only 3 of 5 seeds, by 0.2 ± 0.7 percentage points');
  assert.match(v.words.loss, /within the seed-to-seed spread: these seeds do not show that dropout p = 0.5 changes the validation loss/);
});

test('chapter 2: early stopping lowers the validation loss on 5 of 5 seeds, beyond the spread, but not the accuracy', () => {
  const v = seedsVerdict(seeds({ method: 'early-stopping' }))!;
  assert.equal(v.loss.better, 5);
  assert.equal(`${v.loss.meanGap.toFixed(3)} ± ${v.loss.sdGap.toFixed(3)}`, '0.055 ± 0.022');
  assert.equal(v.loss.clear, true);
  says2('it gave the lower validation loss on 5 of 5 seeds, a mean gap of 0.055 ± 0.022, larger than the seed-to-seed spread');
  assert.equal(v.accuracy.better, 2);
  assert.equal(`${(v.accuracy.meanGap * 100).toFixed(1)} ± ${(v.accuracy.sdGap * 100).toFixed(1)}`, '-0.1 ± 0.3');
  assert.equal(v.accuracy.clear, false);
  says2('higher on only 2 of 5 seeds (−0.1 ± 0.3 points)');
});

// ---- the sweep (chapter 3 quotes the default L2 sweep) ----
import { digitsSweepRunner, type SweepSnapshot } from '../../src/demos/digits/sweep-runner.ts';
import { summarizeSweep } from '../../src/demos/digits/sweep-summary.ts';
import { SWEEP_VALUES } from '../../src/demos/digits/settings.ts';

function sweep(patch: Record<string, unknown> = {}): SweepSnapshot {
  const r = digitsSweepRunner(patch);
  while (r.advance());
  return r.snapshot() as SweepSnapshot;
}

test('the sweep runs every strength on every seed; strength 0 is the unregularized run, the others the single demo\'s runs', () => {
  const snap = sweep({ seeds: 1, epochs: 5, trainSize: 100, knob: 'dropout' });
  assert.deepEqual(snap.values, [...SWEEP_VALUES.dropout]);
  assert.equal(snap.current, null);
  assert.equal(snap.progress.done, snap.progress.total);
  assert.ok(snap.valLoss[0].every(Number.isFinite));
  assert.equal(snap.valLoss[0][0], run({ method: 'none', epochs: 5, trainSize: 100 }).shownValLoss);
  assert.equal(snap.valLoss[0][4], run({ method: 'dropout', p: 0.5, epochs: 5, trainSize: 100 }).shownValLoss);
  assert.throws(() => digitsSweepRunner({ knob: 'l1' }), /"knob" \(Sweep\) must be one of "l2", "dropout"/);
});

test('chapter 3: the default L2 sweep is a U, lowest at 0.0003', () => {
  const snap = sweep();
  const sum = summarizeSweep(snap);
  assert.equal(sum.complete, 3);
  const mean = sum.val.mean.map((v) => v.toFixed(3));
  assert.equal(mean[0], '0.271');
  assert.equal(snap.values[sum.best], 0.0003);
  assert.equal(mean[sum.best], '0.208');
  assert.equal(mean[7], '2.168');
  assert.equal(sum.train.mean[7].toFixed(3), '2.060');
  assert.ok(sum.train.mean[0] < 0.01, 'without a penalty the training loss is nearly 0');
  // a U: falling to the best strength, rising after it
  for (let i = 0; i < sum.best; i++) assert.ok(sum.val.mean[i] > sum.val.mean[i + 1], `falls before the best (${i})`);
  for (let i = sum.best; i + 1 < mean.length; i++) assert.ok(sum.val.mean[i + 1] > sum.val.mean[i], `rises after the best (${i})`);
  says3('Without a penalty the network ends at a mean validation loss of 0.271 while its training loss is nearly 0');
  says3('The lowest mean, 0.208, lies at $\\lambda = 0.0003$');
  says3('At $\\lambda = 0.1$ the validation loss is 2.168 and the training loss 2.060, close to the 2.30 of guessing among ten classes');
  assert.equal(Math.log(10).toFixed(2), '2.30');
});
const chapter3 = readFileSync(new URL('../../content/03-l1-l2.mdx', import.meta.url), 'utf8').replace(/\s+/g, ' ');
function says3(s: string) { assert.ok(chapter3.includes(s), `chapter 3 says "${s}"`); }
