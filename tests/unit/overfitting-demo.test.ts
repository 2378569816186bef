// Chapter 1's demo: every "thing to try" the chapter lists is run on the engine with the demo's
// defaults, and the outcome the text promises (and the demo's own verdict) is asserted. The
// verdict says "overfitting" only when the validation loss has turned up while the training
// loss falls, and names missing coverage when that is the cause.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DivergenceError } from '../../src/engine/index.ts';
import { defaults } from '../../src/demos/settings-kit.ts';
import { makeSplit } from '../../src/demos/classification-run.ts';
import { overfittingRunner, buildRun, type OverfittingSnapshot } from '../../src/demos/overfitting/runner.ts';
import { overfittingFields, VALIDATION_POINTS } from '../../src/demos/overfitting/settings.ts';
import { coverageGaps, overfittingVerdict, type VerdictInput } from '../../src/demos/overfitting/verdict.ts';

const D = defaults(overfittingFields);
const mdx = readFileSync(new URL('../../content/01-what-is-regularization.mdx', import.meta.url), 'utf8').replace(/\s+/g, ' ');
const says = (s: string) => assert.ok(mdx.includes(s), `the chapter says "${s}"`);
const f3 = (x: number) => x.toFixed(3);
const pc = (x: number) => `${Math.round(x * 100)}%`;

/** Train a run to the end, with the verdict after every epoch. */
function train(patch: Partial<typeof D> = {}) {
  const r = overfittingRunner({ ...D, ...patch });
  const kinds = new Set<string>();
  while (r.advance()) {
    const v = overfittingVerdict(r.snapshot() as OverfittingSnapshot);
    if (v) kinds.add(v.kind);
  }
  const s = r.snapshot() as OverfittingSnapshot;
  const last = s.train.length - 1;
  return { s, last, verdict: overfittingVerdict(s)!, kinds, gap: s.val[last] - s.train[last] };
}

const def = train();

test('the defaults are the ones the chapter describes: circle, 30 points, a fifth flipped, 2 x 40 neurons', () => {
  assert.deepEqual([D.dataset, D.points, D.noise, D.hidden, D.layers, D.seed, D.epochs], ['circle', 30, 0.2, 40, 2, 19, 600]);
  says('on just 30 points of the *circle* data set, a fifth of whose labels are flipped at random');
  says('the demo\'s default run, seed 19');
  const { trainer } = buildRun(D);
  const weights = 2 * 40 + 40 * 40 + 40, biases = 40 + 40 + 1;
  const count = Object.values(trainer.network.params()).reduce((a, l) => a + ('weight' in l ? l.weight.flat().length + l.bias.length : 0), 0);
  assert.equal(count, weights + biases);
  assert.ok(Math.abs(weights + biases - 1800) < 50, 'about 1,800 weights');
});

test('the default training points cover the plane: no region of validation points without training data', () => {
  const { s } = def;
  assert.deepEqual(coverageGaps(s.trainPoints, s.valPoints, s.valLogits).filter((g) => g.region.endsWith('quarter')), []);
  assert.notEqual(def.verdict.kind, 'coverage');
});

test('Train: the validation loss turns up while the training loss falls, and the demo says "overfitting"', () => {
  const { s, last, verdict } = def;
  assert.equal(last, 600);
  assert.equal(s.bestEpoch, 14);
  says(`lowest at epoch 14 (${f3(s.val[14])})`);
  says(`climbs to ${f3(s.val[600])} by epoch 600 while the training loss falls to ${f3(s.train[600])}`);
  assert.ok(s.val[600] > 10 * s.val[14] && s.train[600] < s.train[14] / 10);
  assert.equal(verdict.kind, 'overfitting');
  assert.match(verdict.text, /^Since epoch 14 the validation loss has risen from 0\.650 to 10\.494 while the training loss kept falling/);
  assert.match(verdict.text, /flipped labels/);
});

test('the boundary wraps the flipped training points: every training label is fitted, the validation points are not', () => {
  const { s } = def;
  // Noise 0 draws the same points in the same order (one flip draw per point either way): the clean labels.
  const clean = makeSplit({ dataset: D.dataset, noise: 0, points: D.points, valPoints: VALIDATION_POINTS, seed: D.seed });
  const noisy = makeSplit({ dataset: D.dataset, noise: D.noise, points: D.points, valPoints: VALIDATION_POINTS, seed: D.seed });
  assert.deepEqual(Array.from(clean.train.x), Array.from(noisy.train.x));
  const flipped = Array.from(noisy.train.y).filter((y, i) => y !== clean.train.y[i]).length;
  assert.ok(flipped >= 3, `${flipped} flipped training labels`);
  assert.equal(s.trainAccuracy, 1, 'all 30 training points classified as labelled, flipped ones included');
  says('the network classifies all 30 training points as labelled, flipped labels included');
  says(`only ${pc(s.valAccuracy)} of them are classified right`);
  assert.ok(s.valAccuracy < 0.7);
});

test('Label noise 0: the validation loss never turns up and the gap stays small', () => {
  const r = train({ noise: 0 });
  assert.equal(r.verdict.kind, 'settled');
  assert.ok(!r.kinds.has('overfitting'), 'never called overfitting');
  assert.ok(r.s.val[600] <= r.s.val[r.s.bestEpoch] * 1.05);
  assert.ok(r.gap < def.gap / 100);
  says(`the gap ends at ${f3(r.gap)}`);
});

test('300 training points: the validation loss turns up later and far less; the demo still says a little overfitting', () => {
  const r = train({ points: 300 });
  const b = r.s.bestEpoch;
  assert.ok(b > def.s.bestEpoch * 10, `best epoch ${b}`);
  says(`falls until epoch ${b} and rises far less (from ${f3(r.s.val[b])} to ${f3(r.s.val[600])})`);
  says(`with a gap of ${f3(r.gap)} instead of ${def.gap.toFixed(2)}`);
  assert.ok(r.gap < def.gap / 20);
  assert.equal(r.verdict.kind, 'overfitting');
});

test('8 neurons in 1 layer cannot memorise: the validation loss does not turn up; 2 neurons underfit', () => {
  const small = train({ hidden: 8, layers: 1 });
  assert.equal(small.verdict.kind, 'settled');
  assert.ok(small.s.val[600] <= small.s.val[small.s.bestEpoch] * 1.05);
  assert.ok(small.s.trainAccuracy < 1, 'does not fit every noisy label');
  says(`the validation loss no longer turns up (lowest ${f3(small.s.val[small.s.bestEpoch])}, ${f3(small.s.val[600])} at the end)`);
  const tiny = train({ hidden: 2, layers: 1 });
  assert.equal(tiny.verdict.kind, 'underfitting');
  assert.ok(tiny.s.valAccuracy < 0.55 && tiny.s.train[600] > 0.5, 'both losses stay high, validation at chance');
  says(`classifies only ${pc(tiny.s.valAccuracy)} of the validation points right, a coin's guess`);
});

test('the largest learning rate diverges and the demo stops with a message', () => {
  const r = overfittingRunner({ ...D, lr: overfittingFields.lr.max });
  assert.throws(() => { while (r.advance()); }, (e) => e instanceof DivergenceError && /training has diverged/.test(e.message));
  says('Push the learning rate to its maximum and the training diverges');
});

test('xor, seed 7, no noise: one quarter has no training point, and the demo names missing coverage', () => {
  const r = train({ dataset: 'xor', seed: 7, noise: 0 });
  assert.equal(r.verdict.kind, 'coverage');
  assert.match(r.verdict.text, /None of the 30 training points lies in the bottom-right quarter, where 72 of the 300 validation points are/);
  assert.match(r.verdict.text, /missing coverage, not memorised noise/);
  assert.ok(!r.kinds.has('overfitting'));
  says('Choose the *xor* data set with seed 7 and label noise 0: no training point lies in one quarter');
  // With noise the flipped labels carry most of the loss: overfitting, with the empty quarter named as a part of it.
  const noisy = train({ dataset: 'xor', seed: 7 });
  assert.equal(noisy.verdict.kind, 'overfitting');
  assert.match(noisy.verdict.text, /missing coverage: none of the training points lies in the bottom-right quarter/);
});

// The verdict on hand-made curves: the rule, not just the default runs.
const flat = { xy: [0.5, 0.5, -0.5, 0.5, 0.5, -0.5, -0.5, -0.5], labels: [1, 0, 0, 1] };
function input(train: number[], val: number[], extra: Partial<VerdictInput> = {}): VerdictInput {
  const bestEpoch = val.indexOf(Math.min(...val));
  return { train, val, bestEpoch, trainAccuracy: 0.9, valAccuracy: 0.8, noise: 0.2, trainPoints: flat, valPoints: flat, valLogits: [1, -1, -1, 1], ...extra };
}
const ramp = (n: number, f: (i: number) => number) => Array.from({ length: n + 1 }, (_, i) => f(i));

test('verdict: "overfitting" only when the validation loss turned up while the training loss fell', () => {
  const falling = ramp(50, (i) => 0.7 - i * 0.01);
  const uShape = ramp(50, (i) => 0.5 + Math.abs(i - 20) * 0.01);
  assert.equal(overfittingVerdict(input(falling, uShape))!.kind, 'overfitting');
  // Both rising (a learning rate too large): not overfitting.
  const rising = ramp(50, (i) => 0.5 + Math.abs(i - 20) * 0.02);
  assert.notEqual(overfittingVerdict(input(rising, uShape))!.kind, 'overfitting');
  // Validation loss only flat (below the 5% threshold): not overfitting.
  const flatVal = ramp(50, (i) => (i < 20 ? 0.7 - i * 0.01 : 0.5 + (i - 20) * 0.0005));
  assert.equal(overfittingVerdict(input(falling, flatVal))!.kind, 'settled');
  // Both still falling.
  assert.equal(overfittingVerdict(input(falling, falling))!.kind, 'learning');
  // Too early to say anything.
  assert.equal(overfittingVerdict(input(falling.slice(0, 5), falling.slice(0, 5))), null);
  // Chance accuracy on both sets: underfitting; chance on validation only after fitting training: overfitting.
  assert.equal(overfittingVerdict(input(falling, uShape, { trainAccuracy: 0.6, valAccuracy: 0.5 }))!.kind, 'underfitting');
  assert.equal(overfittingVerdict(input(falling, uShape, { trainAccuracy: 1, valAccuracy: 0.5 }))!.kind, 'overfitting');
});

test('verdict: clean labels are not called noise', () => {
  const falling = ramp(50, (i) => 0.7 - i * 0.01);
  const uShape = ramp(50, (i) => 0.5 + Math.abs(i - 20) * 0.01);
  const v = overfittingVerdict(input(falling, uShape, { noise: 0 }))!;
  assert.equal(v.kind, 'overfitting');
  assert.doesNotMatch(v.text, /noise|flipped/);
});

test('the numbers the chapter quotes hold in every browser: the default run is the same with another libm', () => {
  // Browsers' Math.exp / Math.log1p differ from Node's in the last bit; one ulp off on a third of the calls.
  const { exp, log1p } = Math;
  try {
    for (const ulp of [1, -1]) {
      let k = 0;
      Math.exp = (x: number) => (k++ % 3 === 0 ? exp(x) * (1 + ulp * 2 ** -52) : exp(x));
      Math.log1p = (x: number) => (k++ % 3 === 1 ? log1p(x) * (1 + ulp * 2 ** -52) : log1p(x));
      const r = train();
      assert.equal(r.s.bestEpoch, def.s.bestEpoch);
      assert.equal(f3(r.s.val[14]), f3(def.s.val[14]));
      assert.equal(f3(r.s.val[600]), f3(def.s.val[600]));
      assert.equal(f3(r.s.train[600]), f3(def.s.train[600]));
      assert.equal(pc(r.s.valAccuracy), pc(def.s.valAccuracy));
    }
  } finally {
    Math.exp = exp;
    Math.log1p = log1p;
  }
});
