import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEarlyStopping, runEarlyStopping } from '../../src/engine/index.ts';

test('patience: stops once wait reaches patience, restores the best epoch', () => {
  const r = runEarlyStopping({ patience: 2, restore_best_weights: true }, [1, 0.8, 0.9, 0.85, 0.7]);
  assert.equal(r.stopped_epoch, 3);
  assert.equal(r.epochs_run, 4);
  assert.equal(r.best_epoch, 1);
  assert.equal(r.best, 0.8);
  assert.equal(r.restored_epoch, 1);
  assert.deepEqual(r.wait, [0, 0, 1, 2]);
  assert.match(r.events[3].reason, /wait 2 >= patience 2: stop/);
});

test('runs to the end when it keeps improving; restored_epoch null without restore_best_weights', () => {
  const r = runEarlyStopping({ patience: 1 }, [3, 2, 1]);
  assert.equal(r.stopped_epoch, null);
  assert.equal(r.epochs_run, 3);
  assert.equal(r.restored_epoch, null);
  assert.deepEqual(r.wait, [0, 0, 0]);
});

test('min_delta: smaller improvements do not count', () => {
  const r = runEarlyStopping({ patience: 2, min_delta: 0.1 }, [1, 0.95, 0.85, 0.8, 0.79]);
  assert.deepEqual(r.wait, [0, 1, 0, 1, 2]);
  assert.equal(r.stopped_epoch, 4);
  assert.equal(r.best, 0.85);
  assert.equal(r.best_epoch, 2);
});

test('baseline: improvements short of the baseline become the best but do not reset wait (Keras 3.15)', () => {
  const r = runEarlyStopping({ patience: 3, baseline: 0.5 }, [1, 0.9, 0.8, 0.7, 0.6]);
  assert.deepEqual(r.wait, [1, 2, 3, 4, 5]);
  // improving epochs never stop training, even with wait >= patience
  assert.equal(r.stopped_epoch, null);
  assert.equal(r.epochs_run, 5);
  assert.equal(r.best, 0.6);
  const s = runEarlyStopping({ patience: 2, baseline: 0.5 }, [1, 0.9, 0.95, 0.4, 0.45, 0.5]);
  assert.deepEqual(s.wait, [1, 2, 3]);
  assert.equal(s.stopped_epoch, 2);
  const t = runEarlyStopping({ patience: 2, baseline: 0.5 }, [0.4, 0.45, 0.3, 0.35, 0.36]);
  assert.deepEqual(t.wait, [0, 1, 0, 1, 2]);
  assert.equal(t.stopped_epoch, 4);
});

test('start_from_epoch: earlier epochs are not monitored', () => {
  const r = runEarlyStopping({ patience: 1, start_from_epoch: 3, restore_best_weights: true }, [0.1, 0.2, 0.3, 0.9, 1.0, 0.5]);
  assert.equal(r.events[0].monitored, false);
  assert.deepEqual(r.wait, [0, 0, 0, 0, 1]);
  assert.equal(r.stopped_epoch, 4);
  assert.equal(r.best_epoch, 3);
  assert.equal(r.best, 0.9);
  assert.equal(r.restored_epoch, 3);
  const none = runEarlyStopping({ start_from_epoch: 5, restore_best_weights: true }, [1, 2]);
  assert.equal(none.restored_epoch, null);
});

test('NaN (null) never improves but counts toward wait and can stop', () => {
  const r = runEarlyStopping({ patience: 2 }, [1, null, null, 0.5]);
  assert.deepEqual(r.wait, [0, 1, 2]);
  assert.equal(r.stopped_epoch, 2);
  assert.equal(r.best, 1);
  const first = runEarlyStopping({ patience: 1, restore_best_weights: true }, [null, 2, 3]);
  assert.deepEqual(first.wait, [1, 0, 1]);
  assert.equal(first.best_epoch, 1);
  assert.equal(first.restored_epoch, 1);
  assert.equal(first.stopped_epoch, 2);
  assert.match(first.events[0].reason, /NaN never improves/);
});

test('max mode and never stopping at epoch 0', () => {
  const r = runEarlyStopping({ mode: 'max', patience: 1, min_delta: 0.01 }, [0.5, 0.6, 0.605, 0.7]);
  assert.deepEqual(r.wait, [0, 0, 1]);
  assert.equal(r.stopped_epoch, 2);
  assert.equal(r.best, 0.6);
  const zero = runEarlyStopping({ patience: 0 }, [null, 1, 2]);
  assert.deepEqual(zero.wait, [1, 0, 1]);
  assert.equal(zero.stopped_epoch, 2);
});

test('createEarlyStopping exposes state epoch by epoch', () => {
  const es = createEarlyStopping({ patience: 1, restore_best_weights: true });
  assert.equal(es.update(0, 1).improved, true);
  assert.equal(es.state.best, 1);
  const e = es.update(1, 1.5);
  assert.equal(e.stop, true);
  assert.equal(e.wait, 1);
  assert.equal(es.state.stoppedEpoch, 1);
  assert.throws(() => createEarlyStopping({ patience: -1 }), /patience must be an integer >= 0, got -1/);
});
