// Chapter 3's network demo: penalties in force while it trains, changed live and logged, the
// weight counts it shows, its settings and code panels, and the numbers the chapter quotes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DivergenceError, EngineError } from '../../src/engine/index.ts';
import { defaults } from '../../src/demos/settings-kit.ts';
import {
  buildPenaltyRun, createPenaltyRun, enginePenalty, exportPenaltyRun, penaltyRunner, penaltyTerm,
  replayPenaltyRun, validPenaltySettings, weightStats, type PenaltySnapshot,
} from '../../src/demos/l1-l2/penalty-run.ts';
import { liveSettings, liveValues, penaltyChanges } from '../../src/demos/l1-l2/live.ts';
import { changesFromQuery, changesToQuery } from '../../src/reproduce/changes.ts';
import { softThreshold } from '../../src/demos/l1-l2/proximal-l1.ts';
import { changeMarkers, changeText, histogramSummary, lossSummary, weightAxis, weightBins, zeroNote } from '../../src/demos/l1-l2/describe.ts';
import { torchPenaltyCode, weightDecayCode } from '../../src/demos/l1-l2/code.ts';
import { combinationProblem, NEAR_ZERO, penaltyFields, type PenaltySettings } from '../../src/demos/l1-l2/settings.ts';
import { demos } from '../../src/demos/index.ts';
import { pathReproductions, penaltyReproductions } from '../../src/demos/l1-l2/reproduce.ts';
import { runnerTable } from '../../src/demos/runners.ts';

// Chapter 3's demos, their scripts and runners, from the demo list.
const demoMeta = demos.filter((d) => d.chapter.slug === 'l1-l2');
const reproductions = [...penaltyReproductions, ...pathReproductions];
const runners = Object.fromEntries(Object.entries(runnerTable).filter(([k]) => demoMeta.some((d) => d.id === k)));

const S0 = defaults(penaltyFields);

/** Trains a whole run and returns its last snapshot. */
function trained(settings: Partial<PenaltySettings> = {}, epochs?: number): PenaltySnapshot {
  const run = createPenaltyRun({ ...S0, ...settings });
  for (let e = 0; e < (epochs ?? run.settings.epochs) && run.advance(); e++);
  return run.snapshot();
}

// The runs the chapter talks about (each well under a second).
const L1 = trained();
const NONE = trained({ penalty: 'none' });
const L2 = trained({ penalty: 'l2', strength: 0.003 });
const PROX = trained({ penalty: 'l1-prox' });

test('the default run is L1 with lambda 0.001 on SGD, and the runner trains one epoch per unit of work', () => {
  assert.equal(S0.penalty, 'l1');
  assert.equal(S0.strength, 0.001);
  assert.equal(S0.optimizer, 'sgd');
  const runner = penaltyRunner(S0);
  const s0 = runner.snapshot() as PenaltySnapshot;
  assert.equal(s0.epoch, 0);
  assert.equal(s0.dataLoss.length, 1);
  assert.equal(s0.stats.count, 2 * 16 + 16 * 16 + 16);
  assert.equal(runner.advance(), true);
  const s1 = runner.snapshot() as PenaltySnapshot;
  assert.equal(s1.epoch, 1);
  assert.equal(s1.step, s1.stepsPerEpoch);
  assert.equal(s1.stepsPerEpoch, 10);
  assert.deepEqual(structuredClone(s1), s1, 'snapshots are plain data');
  assert.equal(L1.epoch, 600);
});

test('L1 piles weights up at zero, L2 shrinks them all, no penalty lets them grow', () => {
  assert.ok(L1.stats.nearZero > 0.7 * L1.stats.count, `L1: ${L1.stats.nearZero} of ${L1.stats.count} near zero`);
  assert.ok(NONE.stats.nearZero < 0.1 * NONE.stats.count);
  assert.ok(L2.stats.nearZero < 0.2 * L2.stats.count);
  assert.ok(L2.stats.maxAbs < 0.6 * NONE.stats.maxAbs, 'L2 keeps the largest weight small');
  assert.ok(L2.stats.l2 < 0.35 * NONE.stats.l2, 'L2 shrinks the sum of squares');
  assert.ok(L1.stats.l1 < 0.5 * NONE.stats.l1, 'L1 shrinks the sum of |w|');
  // Both regularized runs generalise better than the unregularized one.
  assert.ok(L1.valLoss.at(-1)! < NONE.valLoss.at(-1)!);
  assert.ok(L2.valLoss.at(-1)! < NONE.valLoss.at(-1)!);
});

test('plain subgradient L1 never lands a weight on exactly 0; the proximal step does', () => {
  assert.equal(L1.stats.exactZero, 0, 'an L1 term in the loss makes weights hop around 0');
  assert.ok(PROX.stats.exactZero > 0.3 * PROX.stats.count, `proximal: ${PROX.stats.exactZero} exactly 0`);
  // The hopping weights stay within about lr * lambda of 0 ...
  const hop = S0.lr * S0.strength;
  const tiny = Array.from(L1.weights).filter((w) => Math.abs(w) < NEAR_ZERO);
  assert.ok(tiny.filter((w) => Math.abs(w) <= 2 * hop).length > 0.4 * tiny.length);
  // ... and the two variants train the same network otherwise.
  assert.equal(PROX.stats.nearZero, L1.stats.nearZero);
  assert.equal(PROX.dataLoss.at(-1)!.toFixed(3), L1.dataLoss.at(-1)!.toFixed(3));
  // The soft-threshold itself.
  const W = Float64Array.from([0.5, -0.5, 0.0004, -0.0004, 0]);
  softThreshold([W], 0.001);
  assert.deepEqual(Array.from(W), [0.499, -0.499, 0, 0, 0]);
});

test('the penalty term and the engine penalty follow the choice', () => {
  const st = weightStats([Float64Array.from([1, -2, 0, 0.005])]);
  assert.deepEqual([st.count, st.nearZero, st.exactZero, st.l1, st.l2, st.maxAbs], [4, 2, 1, 3.005, 5.000025, 2]);
  assert.equal(penaltyTerm('l1', 0.1, st), 0.1 * 3.005);
  assert.equal(penaltyTerm('l2', 0.1, st), 0.1 * 5.000025);
  assert.equal(penaltyTerm('l1-prox', 0.1, st), 0.1 * 3.005);
  assert.equal(penaltyTerm('none', 0.1, st), 0);
  assert.deepEqual(enginePenalty('l1-prox', 0.1), { l1: 0, l2: 0 }, 'the proximal variant is not a loss term');
  assert.deepEqual(enginePenalty('l2', 0.1), { l1: 0, l2: 0.1 });
  // The recorded penalty is lambda * sum|w| of the weights at each epoch's end.
  const i = L1.penalty.length - 1;
  assert.ok(Math.abs(L1.penalty[i] - 0.001 * L1.stats.l1) < 1e-12);
});

test('the penalty, its strength and the learning rate change while it trains, without a reset, and are logged with their step', () => {
  const run = createPenaltyRun({ ...S0, penalty: 'none' });
  for (let e = 0; e < 50; e++) run.advance();
  const before = run.snapshot();
  run.update({ penalty: 'l1', strength: 0.01 });
  const at = run.snapshot();
  assert.equal(at.epoch, 50, 'no reset: the epoch goes on');
  assert.deepEqual(Array.from(at.weights), Array.from(before.weights), 'the weights are untouched by the switch itself');
  assert.equal(at.penalty.at(-1), 0.01 * at.stats.l1, 'the penalty line jumps to the new term at once');
  // Logged in the run's terms (what the engine and PyTorch replay), read back in the demo's words.
  assert.deepEqual(at.reproduce.changes, [{ step: 500, epoch: 50, set: { l1: 0.01 } }]);
  const [change] = penaltyChanges(at.reproduce);
  assert.deepEqual(change, { step: 500, epoch: 50, from: { penalty: 'none', strength: 0.001, lr: 0.1 }, to: { penalty: 'l1', strength: 0.01, lr: 0.1 } });
  assert.match(changeText(change), /^After epoch 50 \(step 500\): penalty None → L1, λ 0\.001 → 0\.01$/);
  for (let e = 0; e < 100; e++) run.advance();
  const after = run.snapshot();
  assert.ok(after.stats.nearZero > at.stats.nearZero + 100, 'the weights respond');
  assert.equal(after.live.penalty, 'l1');
  // A learning-rate change is logged too; an unchanged value is not.
  run.update({ lr: 0.05 });
  run.update({ lr: 0.05 });
  assert.deepEqual(run.snapshot().reproduce.changes.map((c) => c.set), [{ l1: 0.01 }, { lr: 0.05 }]);
  assert.match(changeText(penaltyChanges(run.snapshot().reproduce)[1]), /: learning rate 0\.1 → 0\.05$/);
  // Settings that need a new run, out-of-range and clashing values are refused with a message.
  assert.throws(() => run.update({ hidden: 8 }), /"hidden" cannot change while the network trains/);
  assert.throws(() => run.update({ strength: 5 }), /"strength" \(Strength λ\) must be a number from 0\.00001 to 1; got 5/);
  assert.throws(() => run.update({ strength: -1 }), EngineError);
  assert.equal(run.snapshot().live.strength, 0.01, 'a refused value changes nothing');
});

test('a change before the first step is how the run starts, not a live change', () => {
  const run = createPenaltyRun(S0);
  run.update({ penalty: 'l2', strength: 0.003 });
  const s = run.snapshot();
  assert.deepEqual(s.reproduce.changes, []);
  assert.equal(s.reproduce.settings.penalty, 'l2');
  assert.equal(s.reproduce.settings.strength, 0.003);
  while (run.advance());
  assert.deepEqual(Array.from(run.snapshot().weights), Array.from(L2.weights), 'the same run as one created with those settings');
});

test('several changes between the same two steps merge into one entry (a dragged slider); λ without a penalty is no change', () => {
  const run = createPenaltyRun(S0);
  for (let e = 0; e < 10; e++) run.advance();
  run.update({ strength: 0.002 });
  run.update({ strength: 0.005 });
  assert.deepEqual(run.snapshot().reproduce.changes, [{ step: 100, epoch: 10, set: { l1: 0.005 } }]);
  run.update({ strength: 0.001 });
  assert.deepEqual(run.snapshot().reproduce.changes, [], 'dragged back to where it was: nothing changed');
  run.update({ penalty: 'none' });
  run.advance();
  run.update({ strength: 0.02 }); // no penalty: λ changes nothing in the run
  assert.deepEqual(run.snapshot().reproduce.changes, [{ step: 100, epoch: 10, set: { l1: 0 } }]);
  run.update({ penalty: 'l1-prox' });
  const log = penaltyChanges(run.snapshot().reproduce);
  assert.deepEqual(run.snapshot().reproduce.changes[1], { step: 110, epoch: 11, set: { proxL1: 0.02 } });
  assert.equal(changeText(log[1]), 'After epoch 11 (step 110): penalty None → L1, proximal step, λ 0.001 → 0.02');
});

test('the loss chart\'s change markers stay legible: changes close together share one numbered marker', () => {
  assert.deepEqual(changeMarkers([], 600), []);
  assert.deepEqual(changeMarkers([{ epoch: 200 }], 600), [{ x: 200, label: '1' }]);
  // A burst of moves within a few epochs (3% of 600 = 18 epochs) is one marker "1–4"; a later one stands alone.
  assert.deepEqual(changeMarkers([{ epoch: 200 }, { epoch: 203 }, { epoch: 205 }, { epoch: 217 }, { epoch: 300 }], 600), [{ x: 200, label: '1–4' }, { x: 300, label: '5' }]);
  // However many changes, the markers are at least 3% of the axis apart.
  const many = Array.from({ length: 40 }, (_, i) => ({ epoch: 100 + i * 3 }));
  const m = changeMarkers(many, 600);
  for (let i = 1; i < m.length; i++) assert.ok(m[i].x - m[i - 1].x >= 18, `${m[i - 1].x} and ${m[i].x}`);
  assert.equal(m.at(-1)!.label.split('–').at(-1), '40', 'every change is counted');
});

test('a share link carries the live changes (step and new values), and the runner replays them: the same run', () => {
  const run = createPenaltyRun({ ...S0, penalty: 'none', epochs: 120 });
  for (let e = 0; e < 40; e++) run.advance();
  run.update({ penalty: 'l1', strength: 0.01 });
  for (let e = 0; e < 25; e++) run.advance();
  run.update({ strength: 0.003, lr: 0.05 });
  while (run.advance());
  const live = run.snapshot();
  const { settings, changes } = live.reproduce;
  const text = changesToQuery(changes);
  assert.equal(text, '400:l1=0.01;650:lr=0.05,l1=0.003');
  // Through a URL and back.
  const url = new URL('https://example.org/chapters/l1-l2/');
  url.searchParams.set('penalty-effects.changes', text);
  const back = changesFromQuery(new URL(url.toString()).searchParams.get('penalty-effects.changes')!);
  assert.deepEqual(back.map((c) => ({ step: c.step, set: c.set })), changes.map((c) => ({ step: c.step, set: { ...c.set } })));
  // The worker's runner, given the start settings and the link's schedule, replays the very run.
  const r = penaltyRunner({ ...settings, schedule: back });
  while (r.advance());
  const replay = r.snapshot() as PenaltySnapshot;
  assert.deepEqual(Array.from(replay.weights), Array.from(live.weights));
  assert.deepEqual(replay.dataLoss, live.dataLoss);
  assert.deepEqual(replay.reproduce, live.reproduce, 'the replay logs the same changes at the same steps and epochs');
  // A link without changes (every old link) is a plain run.
  const plain = penaltyRunner({ ...settings });
  while (plain.advance());
  assert.deepEqual((plain.snapshot() as PenaltySnapshot).reproduce.changes, []);
});

test('a link\'s changes are read strictly: bad ones are refused with a message, and a huge list costs nothing', () => {
  assert.deepEqual(changesFromQuery(''), []);
  assert.throws(() => changesFromQuery('abc'), /must read STEP:KEY=VALUE/);
  assert.throws(() => changesFromQuery('10:l1=x'), /l1 must be a finite number/);
  assert.throws(() => changesFromQuery('10:l1=1e309'), /finite number/);
  assert.throws(() => changesFromQuery('10:__proto__=1'), /__proto__/);
  assert.throws(() => changesFromQuery('10:constructor=1'), /unknown live setting 'constructor'/);
  assert.throws(() => changesFromQuery('20:lr=0.1;10:lr=0.2'), /steps must not decrease/);
  assert.throws(() => changesFromQuery('10:lr=0.1;'.repeat(2000)), /too long/);
  assert.throws(() => changesFromQuery(Array.from({ length: 300 }, (_, i) => `${i}:lr=0.1`).join(';')), /too many changes/);
});

test('the live settings and the run\'s live values map one to one', () => {
  const prev = { penalty: 'l1', strength: 0.004, lr: 0.3 } as const;
  for (const p of ['none', 'l1', 'l2', 'l1-prox'] as const) {
    const live = { penalty: p, strength: p === 'none' ? 0.004 : 0.007, lr: 0.2 };
    assert.deepEqual(liveSettings(liveValues(live), prev), live);
  }
  assert.deepEqual(liveValues({ penalty: 'l1-prox', strength: 0.003, lr: 0.1 }), { l1: 0, l2: 0, proxL1: 0.003, lr: 0.1 });
  assert.throws(() => liveSettings({ l1: 0.1, l2: 0.1, proxL1: 0, lr: 0.1 }, prev), /one penalty at a time, got l1 and l2/);
});

test('a run is reproducible from its settings, its seed and its change log', () => {
  const run = createPenaltyRun({ ...S0, penalty: 'none', epochs: 120 });
  for (let e = 0; e < 40; e++) run.advance();
  run.update({ penalty: 'l2', strength: 0.01 });
  for (let e = 0; e < 30; e++) run.advance();
  run.update({ penalty: 'l1-prox', lr: 0.2 });
  while (run.advance());
  const live = run.snapshot();
  const { settings, changes } = live.reproduce;
  assert.deepEqual(changes, [{ step: 400, epoch: 40, set: { l2: 0.01 } }, { step: 700, epoch: 70, set: { l2: 0, proxL1: 0.01, lr: 0.2 } }]);
  const replay = replayPenaltyRun(settings, changes, 120).snapshot();
  assert.deepEqual(Array.from(replay.weights), Array.from(live.weights));
  assert.deepEqual(replay.dataLoss, live.dataLoss);
  assert.deepEqual(replay.penalty, live.penalty);
  assert.deepEqual(replay.reproduce, live.reproduce);
  assert.throws(() => replayPenaltyRun(settings, [{ step: 405, epoch: 40, set: { lr: 0.3 } }], 120), /between epochs: the change at step 405 falls inside epoch 41/);
  // The JSON export carries the same log, and what a script needs besides.
  const ex = exportPenaltyRun(settings, changes);
  assert.equal(ex.settings.penalty, 'none');
  assert.deepEqual(ex.changes, changes);
  assert.deepEqual(ex.initialParams, buildPenaltyRun(settings).trainer.network.params(), 'the initial weights come from the seed');
  assert.equal(ex.data.train.x.length, 2 * S0.points);
  assert.equal(ex.stepsPerEpoch, 10);
});

test('a diverging learning rate stops with a DivergenceError, live or from the start', () => {
  const fresh = createPenaltyRun({ ...S0, lr: 10 });
  assert.throws(() => { while (fresh.advance()); }, (e: unknown) => e instanceof DivergenceError && /diverged/.test((e as Error).message));
  const run = createPenaltyRun(S0);
  for (let e = 0; e < 20; e++) run.advance();
  run.update({ lr: 10 });
  assert.throws(() => { while (run.advance()); }, DivergenceError);
});

test('settings are validated: out of range, unknown, and the proximal step without SGD', () => {
  assert.throws(() => validPenaltySettings({ strength: 0 }), /"strength" \(Strength λ\) must be a number from 0\.00001 to 1; got 0/);
  assert.throws(() => validPenaltySettings({ lr: 'fast' }), /"lr" \(Learning rate\) must be a number/);
  assert.throws(() => validPenaltySettings({ penalty: 'l3' }), /one of "none", "l1", "l2", "l1-prox"/);
  assert.throws(() => validPenaltySettings({ lamda: 1 }), /unknown setting "lamda"/);
  assert.throws(() => validPenaltySettings({ penalty: 'l1-prox', optimizer: 'adam' }), /works with plain SGD only/);
  assert.equal(combinationProblem({ penalty: 'l1', optimizer: 'adam' }), null);
  const run = createPenaltyRun({ ...S0, optimizer: 'adam', lr: 0.01 });
  assert.throws(() => run.update({ penalty: 'l1-prox' }), /works with plain SGD only/);
});

test('the histogram bins: odd, round widths, one bin centred on 0', () => {
  for (const r of [0.5, 1, 2.5, 3, 4.5, 10]) {
    const b = weightBins(r);
    assert.equal(b.bins % 2, 1);
    assert.ok(b.half >= r, `covers ±${r}`);
    assert.ok(b.bins >= 21 && b.bins <= 61, `${b.bins} bins for ±${r}`);
    const centre = -b.half + ((b.bins - 1) / 2 + 0.5) * ((2 * b.half) / b.bins);
    assert.ok(Math.abs(centre) < 1e-12);
  }
  assert.deepEqual(weightBins(3.5), { bins: 35, half: 3.5, width: 0.2, tickStep: 1 });
});

test('the histogram keeps exact zeros apart: the proximal run\'s zeros get their own bar, the subgradient run has none', async () => {
  const { binCountsApartFromZero, binCounts } = await import('../../src/views/histogram-bins.ts');
  const axis = weightAxis(PROX.histRange);
  const min = -axis.half, max = axis.half;
  const apart = binCountsApartFromZero(PROX.weights, min, max, axis.bins);
  assert.equal(apart.zeros, PROX.stats.exactZero);
  assert.ok(apart.zeros > 100);
  assert.equal(apart.zeroBin, (axis.bins - 1) / 2, 'the bar of 0 is the middle one');
  const all = binCounts(PROX.weights, min, max, axis.bins);
  assert.equal(apart.counts[apart.zeroBin] + apart.zeros, all[apart.zeroBin], 'near-zero and exact-zero bars add up to the middle bin');
  assert.equal(binCountsApartFromZero(L1.weights, min, max, axis.bins).zeros, 0);
  // The axis is shared: the default's ±4.5 unless a run outgrows it.
  assert.deepEqual(weightAxis(1), weightAxis(4.5));
  assert.ok(weightAxis(7).half >= 7);
});

test('the texts say what the numbers are and why', () => {
  assert.match(histogramSummary(L1), new RegExp(`^304 weights after 600 epochs, .* ${L1.stats.nearZero} \\(\\d+%\\) have \\|w\\| < 0\\.01, 0 are exactly 0\\.`));
  assert.match(zeroNote(L1), /lr·λ = 0\.0001 per step towards 0 and past it/);
  assert.match(zeroNote(PROX), /exactly 0, so the zeros are real/);
  assert.match(zeroNote(L2), /1 − 2·lr·λ = 0\.9994 per step/);
  assert.match(lossSummary(L1), /data loss 0\.\d{3} on the training points, penalty term 0\.\d{3} \(λ·Σ\|w\|\)/);
});

test('the code panels follow the settings: L1 in the loss, L2 as the loss term or weight_decay = 2 lambda, AdamW decoupled', () => {
  const l1 = torchPenaltyCode(S0);
  assert.match(l1, /lam = 0\.001/);
  assert.match(l1, /penalty = lam \* sum\(w\.abs\(\)\.sum\(\) for w in weights\)/);
  assert.match(l1, /torch\.optim\.SGD\(model\.parameters\(\), lr=0\.1\)/);
  assert.match(l1, /nn\.Linear\(2, 16\), nn\.Tanh\(\),\n {4}nn\.Linear\(16, 16\), nn\.Tanh\(\),\n {4}nn\.Linear\(16, 1\)/);
  const l2 = torchPenaltyCode({ ...S0, penalty: 'l2', strength: 0.003 });
  assert.match(l2, /penalty = lam \* sum\(\(w \*\* 2\)\.sum\(\) for w in weights\)/);
  assert.match(l2, /1 - 2 \* lr \* lam = 0\.9994/);
  const wd = weightDecayCode({ ...S0, penalty: 'l2', strength: 0.003 });
  assert.match(wd, /\{"params": weights, "weight_decay": 0\.006\}/);
  assert.match(wd, /\{"params": biases, "weight_decay": 0\.0\}/);
  assert.match(wd, /torch\.optim\.AdamW\(model\.parameters\(\), lr=0\.01, weight_decay=0\.01\)/);
  const prox = torchPenaltyCode({ ...S0, penalty: 'l1-prox' });
  assert.match(prox, /lr, lam = 0\.1, 0\.001/);
  assert.match(prox, /w\.copy_\(w\.sign\(\) \* \(w\.abs\(\) - lr \* lam\)\.clamp\(min=0\)\)/);
  assert.doesNotMatch(prox, /loss = data_loss \+ penalty/);
  assert.match(torchPenaltyCode({ ...S0, penalty: 'none' }), /loss = data_loss {11}# no penalty/);
  const adam = torchPenaltyCode({ ...S0, optimizer: 'adam', lr: 0.01, activation: 'relu', layers: 1 });
  assert.match(adam, /torch\.optim\.Adam\(model\.parameters\(\), lr=0\.01\)/);
  assert.match(adam, /nn\.Sequential\(\n {4}nn\.Linear\(2, 16\), nn\.ReLU\(\),\n {4}nn\.Linear\(16, 1\)/);
  for (const p of ['none', 'l1', 'l2', 'l1-prox'] as const) {
    for (const code of [torchPenaltyCode({ ...S0, penalty: p }), weightDecayCode({ ...S0, penalty: p })]) {
      for (const line of code.split('\n')) assert.ok(line.length <= 80, `fits the code panel: ${line}`);
    }
  }
});

test('the two demos that train have a reproduction each; the geometry demo trains nothing and has none', () => {
  assert.deepEqual(reproductions.map((r) => [r.id, r.library, r.runner?.kind]), [
    ['penalty-effects', 'pytorch', 'penalty-effects'],
    ['regularization-path', 'scikit-learn', 'regularization-path'],
  ]);
  assert.deepEqual(Object.keys(runners), ['penalty-effects', 'regularization-path'], 'no runner for the geometry demo');
  const geometryIsland = readFileSync(new URL('../../src/demos/l1-l2/GeometryIsland.tsx', import.meta.url), 'utf8');
  assert.doesNotMatch(geometryIsland, /useTrainer|reproduce=/, 'the geometry island computes exact optima on the page, with no worker run and no script');
});

test('every example in the remix guide is valid for its demo', () => {
  assert.deepEqual(demoMeta.map((m) => m.component), ['PenaltyEffectsDemo', 'RegularizationPathDemo', 'PenaltyGeometryDemo']);
  for (const m of demoMeta) assert.match(m.example, new RegExp(`^<${m.component} id="[a-z-]+"`));
});

test('the numbers the chapter quotes are the engine\'s', () => {
  const mdx = readFileSync(new URL('../../content/03-l1-l2.mdx', import.meta.url), 'utf8').replace(/\s+/g, ' ');
  const has = (text: string) => assert.ok(mdx.includes(text), `the chapter says "${text}"`);
  const acc = (v: number) => `${Math.round(v * 100)}%`;
  // Default L1 run.
  has(`${L1.stats.nearZero} of the ${L1.stats.count} weights have $\\lvert w\\rvert < 0.01$`);
  has(`classifies ${acc(L1.trainAccuracy)} of its training points and ${acc(L1.valAccuracy)} of the validation points`);
  has(`with L1 the validation loss ends at ${L1.valLoss.at(-1)!.toFixed(3)}`);
  has(`The L1 run above has ${L1.stats.nearZero} weights below 0.01`);
  // No penalty: overfitting.
  const best = Math.min(...NONE.valLoss);
  has(`only ${NONE.stats.nearZero} are near zero, the largest has grown to ${NONE.stats.maxAbs.toFixed(2)}`);
  has(`lowest (${best.toFixed(3)}) at epoch ${NONE.valLoss.indexOf(best)}, has risen to ${NONE.valLoss.at(-1)!.toFixed(3)}`);
  // L2 0.003.
  has(`The largest weight stays at ${L2.stats.maxAbs.toFixed(2)}, the sum of squares $\\sum w^2$ ends at ${L2.stats.l2.toFixed(1)} against ${NONE.stats.l2.toFixed(1)} without a penalty, and the validation loss at ${L2.valLoss.at(-1)!.toFixed(3)}`);
  has(`only ${L2.stats.nearZero} weights are near zero ($\\lvert w\\rvert < 0.01$), against L1's ${L1.stats.nearZero}`);
  // The middle bar of the one axis every run shares: L2 fills it too, which the text says.
  const axis = weightAxis(Math.max(L1.histRange, L2.histRange, NONE.histRange));
  for (const r of [L1, L2, NONE, PROX]) assert.deepEqual(weightAxis(r.histRange), axis, 'one axis for the compared runs');
  const mid = (r: typeof L1) => Array.from(r.weights).filter((w) => Math.abs(w) < axis.width / 2).length;
  has(`(${mid(L2)} weights with $\\lvert w\\rvert < ${axis.width / 2}$, against L1's ${mid(L1)})`);
  assert.ok(mid(L2) > 0.6 * mid(L1), 'L2 fills the middle bar too: the chapter must not say it grows no spike');
  assert.ok(!mdx.includes('does not grow a spike'));
  // Proximal step.
  has(`but now ${PROX.stats.exactZero} of them are exactly 0`);
  has(`(the same ${PROX.stats.nearZero} weights near zero`);
  has(`the proximal run's ${PROX.stats.exactZero} exact zeros are exact zeros in PyTorch too`);
  // Fit first, then strong L1; strong L1 from the start.
  const late = replayPenaltyRun({ ...S0, penalty: 'none' }, [{ step: 2000, epoch: 200, set: { l1: 0.01 } }], 600).snapshot();
  has(`${late.stats.nearZero} of the 304 weights end near zero, at ${acc(late.trainAccuracy)} training and ${acc(late.valAccuracy)} validation accuracy`);
  const early = trained({ strength: 0.01 });
  assert.equal(acc(early.trainAccuracy), '50%');
  assert.equal(early.stats.nearZero, early.stats.count);
  has('the network never learns anything (50% accuracy, every weight at zero)');
});
