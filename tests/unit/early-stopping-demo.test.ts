// Chapter 5's demos: the run they watch, the stepper's reading of the engine's rule, the
// "what it saves" table, the code panels, and the chapter's quiz answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runEarlyStopping } from '../../src/engine/index.ts';
import { defaults } from '../../src/demos/settings-kit.ts';
import { createEarlyStoppingRun, earlyStoppingRunner, type EarlyStoppingRunSnapshot } from '../../src/demos/early-stopping/runner.ts';
import { decide, kerasParams, monitoredValues, resolveMode, ruleLines, runSummary, savingsRow, stepView, modeWarning } from '../../src/demos/early-stopping/rule.ts';
import { kerasCode, pytorchCode } from '../../src/demos/early-stopping/code.ts';
import { earlyStoppingFields, pickRule, pickRun, ruleFields, runFields, TABLE_PATIENCES, type RuleSettings } from '../../src/demos/early-stopping/settings.ts';

const DEFAULTS = defaults(earlyStoppingFields);
const RULE0 = defaults(ruleFields);
const RUN0 = defaults(runFields);

/** Keras 3.15 EarlyStopping.on_epoch_end, transliterated line for line (independent of the engine). */
function kerasReference(p: { mode: 'min' | 'max'; min_delta: number; patience: number; baseline: number | null; start_from_epoch: number }, values: number[]) {
  const less = p.mode === 'min';
  const minDelta = less ? -Math.abs(p.min_delta) : Math.abs(p.min_delta);
  const op = (a: number, b: number) => (less ? a < b : a > b);
  const isImprovement = (v: number, ref: number) => op(v - minDelta, ref);
  let best = less ? Infinity : -Infinity;
  let wait = 0;
  let bestEpoch = 0;
  let bestSet = false;
  let stopped: number | null = null;
  const waits: number[] = [];
  for (let epoch = 0; epoch < values.length; epoch++) {
    const current = values[epoch];
    if (epoch < p.start_from_epoch) {
      waits.push(wait);
      continue;
    }
    if (!bestSet) {
      bestSet = true;
      bestEpoch = epoch;
    }
    wait += 1;
    if (isImprovement(current, best)) {
      best = current;
      bestEpoch = epoch;
      if (p.baseline === null || isImprovement(current, p.baseline)) wait = 0;
      waits.push(wait);
      continue;
    }
    waits.push(wait);
    if (wait >= p.patience && epoch > 0) {
      stopped = epoch;
      break;
    }
  }
  return { stopped_epoch: stopped, epochs_run: waits.length, best_epoch: bestEpoch, wait: waits };
}

// One real run, trained once and shared by the tests below (the chapter's default run).
const run = createEarlyStoppingRun(pickRun(DEFAULTS));
while (run.advance());
const rec = run.record();

const SETTINGS: RuleSettings[] = [
  RULE0,
  { ...RULE0, patience: 0 },
  { ...RULE0, patience: 1 },
  { ...RULE0, patience: 3, min_delta: 0.005 },
  { ...RULE0, patience: 10, restore_best_weights: false },
  { ...RULE0, patience: 2, start_from_epoch: 25 },
  { ...RULE0, patience: 4, useBaseline: true, baseline: 0.45 },
  { ...RULE0, monitor: 'val_accuracy', patience: 8, min_delta: 0.01 },
  { ...RULE0, monitor: 'val_accuracy', mode: 'max', patience: 15 },
  { ...RULE0, mode: 'max', patience: 3 },
];

test('the run is reproducible by seed, and another seed gives another run', () => {
  const again = createEarlyStoppingRun(pickRun(DEFAULTS));
  while (again.advance());
  assert.deepEqual(again.record().val, rec.val);
  assert.deepEqual(again.record().train, rec.train);
  assert.deepEqual(again.record().valAccuracy, rec.valAccuracy);
  const other = createEarlyStoppingRun({ ...pickRun(DEFAULTS), seed: 8 });
  for (let i = 0; i < 5; i++) other.advance();
  assert.notDeepEqual(other.record().val, rec.val.slice(0, 5));
});

test('the default run overfits: the validation loss bottoms out, then climbs while the training loss falls', () => {
  assert.equal(rec.trained, RUN0.epochs);
  const s = runSummary(rec);
  assert.ok(s.bestEpoch > 3 && s.bestEpoch < RUN0.epochs / 2, `best epoch ${s.bestEpoch}`);
  assert.ok(s.valLossLast > s.valLossBest * 1.2, `last ${s.valLossLast} vs best ${s.valLossBest}`);
  assert.ok(rec.train[rec.trained - 1] < rec.train[s.bestEpoch], 'training loss keeps falling');
});

test('the stepper agrees with runEarlyStopping epoch by epoch, for several settings', () => {
  for (const r of SETTINGS) {
    const params = kerasParams(r);
    const values = monitoredValues(rec, r.monitor);
    const engine = runEarlyStopping(params, values);
    const d = decide(values, params);
    assert.deepEqual(d.wait, engine.wait);
    const mode = resolveMode(r);
    let stoppedSeen: number | null = null;
    for (let cursor = 1; cursor <= rec.trained + 2; cursor++) {
      const v = stepView(d, cursor, rec.maxEpochs, mode);
      assert.equal(v.shown, Math.min(cursor, engine.epochs_run));
      const ev = engine.events[v.shown - 1];
      assert.deepEqual(v.event, ev);
      const lines = ruleLines(v, params, r.monitor)!;
      assert.ok(lines.lines.length >= 1);
      if (!ev.monitored) assert.equal(lines.verdict, 'warm-up');
      else if (ev.improved) assert.equal(lines.verdict, 'improved');
      else assert.equal(lines.verdict, ev.stop ? 'stop' : 'continue');
      // The words carry the wait the engine computed, and the stop when it happens.
      if (ev.monitored) assert.match(lines.text, new RegExp(`\\b${ev.wait}\\b`));
      if (v.stoppedEpoch !== null) stoppedSeen = v.stoppedEpoch;
      assert.equal(v.ended, v.stoppedEpoch !== null || v.shown >= rec.maxEpochs);
    }
    assert.equal(stoppedSeen, engine.stopped_epoch, JSON.stringify(r));
  }
});

test('the engine rule is the Keras 3.15 rule (transliterated reference), on the run and on edge cases', () => {
  const cases: { p: Parameters<typeof kerasReference>[0]; values: number[] }[] = SETTINGS.map((r) => {
    const k = kerasParams(r);
    return { p: { mode: k.mode, min_delta: k.min_delta, patience: k.patience, baseline: k.baseline, start_from_epoch: k.start_from_epoch }, values: monitoredValues(rec, r.monitor) };
  });
  cases.push({ p: { mode: 'min', min_delta: 0, patience: 2, baseline: null, start_from_epoch: 0 }, values: [1, 0.9, NaN, NaN, 0.5] });
  cases.push({ p: { mode: 'min', min_delta: 0, patience: 0, baseline: null, start_from_epoch: 0 }, values: [1, 1.1, 0.9] });
  cases.push({ p: { mode: 'max', min_delta: 0.01, patience: 2, baseline: 0.9, start_from_epoch: 1 }, values: [0.5, 0.6, 0.7, 0.71, 0.705, 0.72] });
  for (const c of cases) {
    const ref = kerasReference(c.p, c.values);
    const got = runEarlyStopping(c.p, c.values);
    assert.equal(got.stopped_epoch, ref.stopped_epoch, JSON.stringify(c.p));
    assert.equal(got.epochs_run, ref.epochs_run);
    assert.deepEqual(got.wait, ref.wait);
    assert.equal(got.best_epoch, ref.best_epoch);
  }
});

test('the public conformance cases pass through the demo\'s rule', () => {
  const file = readFileSync(new URL('../conformance/cases.json', import.meta.url), 'utf8');
  const cases = (JSON.parse(file).cases as { kind: string; params: Record<string, unknown>; values: (number | null)[]; expected: Record<string, unknown> }[]).filter((c) => c.kind === 'early_stopping');
  assert.ok(cases.length > 0);
  for (const c of cases) {
    const d = decide(c.values.map((v) => (v === null ? NaN : v)), c.params);
    assert.equal(d.stopped_epoch, c.expected.stopped_epoch);
    assert.equal(d.epochs_run, c.expected.epochs_run);
    assert.deepEqual(d.wait, c.expected.wait);
    assert.equal(d.restored_epoch, c.expected.restored_epoch);
  }
});

test('restore best weights really loads the saved weights: the probe measures the recorded validation loss', () => {
  const params = kerasParams(RULE0);
  const d = decide(rec.val, params);
  assert.notEqual(d.stopped_epoch, null, 'the default settings stop early');
  const restored = d.restored_epoch!;
  const last = d.epochs_run - 1;
  assert.ok(restored < last);
  const p = run.probe(restored)!;
  const q = run.probe(last)!;
  assert.equal(p.valLoss, rec.val[restored]);
  assert.equal(q.valLoss, rec.val[last]);
  assert.equal(p.valAccuracy, rec.valAccuracy[restored]);
  assert.ok(p.valLoss < q.valLoss, 'the restored weights are better on validation data than the last ones');
  assert.equal(p.grid.length, rec.gridSize * rec.gridSize);
  assert.equal(run.probe(rec.trained), null);
});

test('the worker runner: one epoch per advance, probes on request', () => {
  const r = earlyStoppingRunner({ ...pickRun(DEFAULTS), epochs: 20 });
  for (let i = 0; i < 5; i++) assert.equal(r.advance(), true);
  r.update!({ probe: [2, 99, -1] });
  const s = r.snapshot() as EarlyStoppingRunSnapshot;
  assert.equal(s.trained, 5);
  assert.deepEqual(s.probes.map((p) => p.epoch), [2]);
  assert.deepEqual(s.val, rec.val.slice(0, 5));
  assert.throws(() => earlyStoppingRunner({ ...pickRun(DEFAULTS), noise: 3 }), /noise/);
  // Rule settings riding along are ignored by the runner.
  assert.doesNotThrow(() => earlyStoppingRunner(DEFAULTS));
});

test('the savings table agrees with runEarlyStopping and saves less as the patience grows', () => {
  for (const r of [RULE0, { ...RULE0, restore_best_weights: false }, { ...RULE0, min_delta: 0.002 }]) {
    let prevRun = 0;
    for (const p of TABLE_PATIENCES) {
      const row = savingsRow(rec, r, p);
      const engine = runEarlyStopping({ ...kerasParams(r), patience: p }, rec.val);
      assert.equal(row.epochsRun, engine.epochs_run);
      assert.equal(row.stoppedEpoch, engine.stopped_epoch);
      assert.equal(row.epochsSaved, rec.maxEpochs - engine.epochs_run);
      assert.equal(row.stepsSaved, rec.steps.slice(engine.epochs_run).reduce((a, b) => a + b, 0));
      assert.equal(row.keptEpoch, r.restore_best_weights ? engine.restored_epoch : engine.epochs_run - 1);
      assert.equal(row.valLossKept, rec.val[row.keptEpoch]);
      assert.ok(row.epochsRun >= prevRun, 'more patience never trains fewer epochs');
      prevRun = row.epochsRun;
    }
  }
});

test('mode warnings and the resolved mode follow Keras: auto is min for a loss, max for an accuracy', () => {
  assert.equal(resolveMode({ monitor: 'val_loss', mode: 'auto' }), 'min');
  assert.equal(resolveMode({ monitor: 'val_accuracy', mode: 'auto' }), 'max');
  assert.match(modeWarning({ monitor: 'val_loss', mode: 'max' })!, /rewards overfitting/);
  assert.equal(modeWarning({ monitor: 'val_accuracy', mode: 'max' }), null);
});

test('the code panels carry the settings', () => {
  const rule = { ...RULE0, patience: 7, min_delta: 0.003, restore_best_weights: false, useBaseline: true, baseline: 0.4, start_from_epoch: 3 };
  const k = kerasCode(RUN0, rule, { stoppedEpoch: 15, bestEpoch: 12, restoredEpoch: null });
  for (const s of ['monitor="val_loss"', 'patience=7', 'min_delta=0.003', 'restore_best_weights=False', 'baseline=0.4', 'start_from_epoch=3', `epochs=${RUN0.epochs}`, 'stopped_epoch == 15']) assert.ok(k.includes(s), s);
  const p = pytorchCode(RUN0, rule);
  for (const s of ['patience, min_delta = 7, 0.003', 'baseline = 0.4', 'if epoch < start_from_epoch', 'val_loss + min_delta < best', 'wait >= patience and epoch > 0']) assert.ok(p.includes(s), s);
  assert.ok(!p.includes('load_state_dict'));
  const acc = pytorchCode(RUN0, { ...RULE0, monitor: 'val_accuracy' });
  assert.ok(acc.includes('val_acc - min_delta > best') && acc.includes('float("-inf")') && acc.includes('load_state_dict'));
});

test('the chapter\'s quiz answers are what the engine computes', () => {
  // Question 1: patience 2 stops after epoch 7 (0-based 6), best at epoch 5 (0-based 4).
  const q1 = runEarlyStopping({ patience: 2, restore_best_weights: true }, [0.9, 0.7, 0.62, 0.64, 0.61, 0.63, 0.65, 0.6]);
  assert.equal(q1.stopped_epoch, 6);
  assert.equal(q1.restored_epoch, 4);
  // Question 2: 0.498 after a best of 0.5 with min_delta 0.005 is no improvement.
  const q2 = runEarlyStopping({ patience: 5, min_delta: 0.005 }, [0.5, 0.498]);
  assert.equal(q2.events[1].improved, false);
  assert.equal(q2.wait[1], 1);
  // Question 5: last improvement at epoch 30, patience 5: stops after epoch 35, 165 of 200 saved.
  const vals = Array.from({ length: 200 }, (_, i) => (i < 30 ? 1 - i * 0.01 : 0.71 + (i - 29) * 0.001));
  const q5 = runEarlyStopping({ patience: 5 }, vals);
  assert.equal(q5.stopped_epoch! + 1, 35);
  assert.equal(200 - q5.epochs_run, 165);
});

test('pickRun / pickRule split the settings without losing any', () => {
  const s = { ...DEFAULTS, seed: 3, patience: 9 };
  assert.deepEqual({ ...pickRun(s), ...pickRule(s) }, s);
});

test('the numbers the chapter quotes are the default run\'s', () => {
  const r = (p: object, vals = rec.val) => runEarlyStopping(p, vals);
  const f = (x: number) => x.toFixed(4);
  const p5 = r({ patience: 5, restore_best_weights: true });
  assert.equal(p5.stopped_epoch! + 1, 23);
  assert.equal(p5.restored_epoch! + 1, 18);
  assert.equal(f(rec.val[17]), '0.3556');
  assert.equal(f(rec.val[22]), '0.3899');
  assert.equal(savingsRow(rec, RULE0, 5).stepsSaved, 885);
  for (const p of [0, 1, 2]) assert.equal(f(rec.val[r({ patience: p, restore_best_weights: true }).restored_epoch!]), '0.3677');
  assert.equal(r({ patience: 20 }).stopped_epoch! + 1, 38);
  const md = r({ patience: 5, min_delta: 0.02, restore_best_weights: true });
  assert.deepEqual([md.stopped_epoch! + 1, md.restored_epoch! + 1], [20, 15]);
  const acc = r({ patience: 5, mode: 'max', restore_best_weights: true }, rec.valAccuracy);
  assert.deepEqual([acc.stopped_epoch! + 1, acc.restored_epoch! + 1], [16, 11]);
  assert.equal(rec.val[10].toFixed(3), '0.490');
  assert.equal((rec.valAccuracy[10] * 100).toFixed(1), '90.7');
  const wrong = r({ patience: 5, mode: 'max', restore_best_weights: true });
  assert.deepEqual([wrong.stopped_epoch! + 1, wrong.restored_epoch! + 1], [6, 1]);
  assert.equal(r({ patience: 5, baseline: 0.3 }).stopped_epoch! + 1, 16);
  assert.equal(rec.train[rec.trained - 1].toFixed(3), '0.007');
  assert.equal(rec.val[rec.trained - 1].toFixed(2), '1.59');
  assert.equal(rec.trainAccuracy[rec.trained - 1], 1);
});
