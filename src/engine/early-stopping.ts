// Early stopping with the rules of Keras 3.15's keras.callbacks.EarlyStopping, epoch by epoch:
//   - epochs before start_from_epoch are ignored (not monitored);
//   - with restore_best_weights, the first monitored epoch's weights are kept as the best so far;
//   - each monitored epoch: wait += 1; the value improves if value - min_delta < best ('min' mode;
//     value + min_delta > best in 'max' mode; min_delta is taken as |min_delta|), best starting at
//     +inf (-inf for 'max'). An improvement becomes the best (best_epoch = this epoch) and resets
//     wait to 0 only if there is no baseline or it also beats the baseline by min_delta; an
//     improving epoch never stops training;
//   - otherwise training stops once wait >= patience, but never at epoch 0.
//   - NaN (null in JSON) never improves (every comparison with NaN is false) but counts toward wait.
// (Keras after 3.15 resets wait on every improvement even short of the baseline.)

import { EngineError, show } from './errors.ts';

export interface EarlyStoppingParams {
  mode?: 'min' | 'max';
  min_delta?: number;
  patience?: number;
  baseline?: number | null;
  restore_best_weights?: boolean;
  start_from_epoch?: number;
}

export interface EarlyStoppingEvent {
  epoch: number;
  value: number;
  monitored: boolean;
  improved: boolean;
  best: number;
  bestEpoch: number;
  wait: number;
  stop: boolean;
  reason: string;
}

export interface EarlyStoppingState {
  best: number;
  bestEpoch: number;
  wait: number;
  stoppedEpoch: number | null;
  hasBestWeights: boolean; // restore_best_weights: an epoch's weights have been kept
}

export interface EarlyStopping {
  update(epoch: number, value: number | null): EarlyStoppingEvent;
  readonly state: EarlyStoppingState;
  readonly params: Required<EarlyStoppingParams>;
}

const KEYS = ['mode', 'min_delta', 'patience', 'baseline', 'restore_best_weights', 'start_from_epoch'];

export function validateEarlyStopping(p: EarlyStoppingParams = {}): Required<EarlyStoppingParams> {
  if (typeof p !== 'object' || p === null) throw new EngineError(`early stopping params must be an object, got ${show(p)}`);
  for (const k of Object.keys(p)) if (!KEYS.includes(k)) throw new EngineError(`unsupported early stopping option '${k}'`);
  const mode = p.mode ?? 'min';
  if (mode !== 'min' && mode !== 'max') throw new EngineError(`mode must be 'min' or 'max', got ${show(mode)}`);
  const minDelta = p.min_delta ?? 0;
  if (typeof minDelta !== 'number' || !Number.isFinite(minDelta)) throw new EngineError(`min_delta must be a finite number, got ${show(minDelta)}`);
  const patience = p.patience ?? 0;
  if (!Number.isInteger(patience) || patience < 0) throw new EngineError(`patience must be an integer >= 0, got ${show(patience)}`);
  const baseline = p.baseline ?? null;
  if (baseline !== null && (typeof baseline !== 'number' || Number.isNaN(baseline))) throw new EngineError(`baseline must be a number or null, got ${show(baseline)}`);
  const start = p.start_from_epoch ?? 0;
  if (!Number.isInteger(start) || start < 0) throw new EngineError(`start_from_epoch must be an integer >= 0, got ${show(start)}`);
  const restore = p.restore_best_weights ?? false;
  if (typeof restore !== 'boolean') throw new EngineError(`restore_best_weights must be true or false, got ${show(restore)}`);
  return { mode, min_delta: Math.abs(minDelta), patience, baseline, restore_best_weights: restore, start_from_epoch: start };
}

export function createEarlyStopping(params: EarlyStoppingParams = {}): EarlyStopping {
  const p = validateEarlyStopping(params);
  const sign = p.mode === 'min' ? 1 : -1; // compare sign * value: smaller is better
  const state: EarlyStoppingState = { best: sign * Infinity, bestEpoch: 0, wait: 0, stoppedEpoch: null, hasBestWeights: false };
  // Keras: monitor_op(value - min_delta, reference) with min_delta negated in 'min' mode.
  const beats = (v: number, ref: number) => sign * v + p.min_delta < sign * ref;
  const word = p.mode === 'min' ? 'below' : 'above';

  function update(epoch: number, raw: number | null): EarlyStoppingEvent {
    if (!Number.isInteger(epoch) || epoch < 0) throw new EngineError(`epoch must be an integer >= 0, got ${show(epoch)}`);
    const value = raw === null ? NaN : raw;
    const ev = (monitored: boolean, improved: boolean, stop: boolean, reason: string): EarlyStoppingEvent => ({
      epoch, value, monitored, improved, best: state.best, bestEpoch: state.bestEpoch, wait: state.wait, stop, reason,
    });
    if (epoch < p.start_from_epoch) {
      return ev(false, false, false, `epoch ${epoch} is before start_from_epoch ${p.start_from_epoch}: not monitored`);
    }
    if (p.restore_best_weights && !state.hasBestWeights) {
      state.hasBestWeights = true; // the first monitored epoch's weights are the best so far
      state.bestEpoch = epoch;
    }
    state.wait += 1;
    if (beats(value, state.best)) {
      const previous = state.best;
      state.best = value;
      state.bestEpoch = epoch;
      const beatsBaseline = p.baseline === null || beats(value, p.baseline);
      if (beatsBaseline) state.wait = 0;
      const by = p.min_delta > 0 ? ` by more than min_delta ${p.min_delta}` : '';
      const reason = `${value} improves on the best so far (${previous})${by}` +
        (beatsBaseline ? ': new best, wait resets to 0' : `, but is not ${word} the baseline ${p.baseline}: new best, wait stays ${state.wait}`);
      return ev(true, true, false, reason);
    }
    const why = Number.isNaN(value) ? 'NaN never improves' : `${value} does not improve on the best ${state.best}${p.min_delta > 0 ? ` by more than min_delta ${p.min_delta}` : ''}`;
    if (state.wait >= p.patience && epoch > 0) {
      state.stoppedEpoch = epoch;
      return ev(true, false, true, `${why}; wait ${state.wait} >= patience ${p.patience}: stop training`);
    }
    const tail = state.wait >= p.patience ? '; training never stops at epoch 0' : `; wait ${state.wait} < patience ${p.patience}: continue`;
    return ev(true, false, false, why + tail);
  }

  return { update, state, params: p };
}

export interface EarlyStoppingRun {
  stopped_epoch: number | null;
  epochs_run: number;
  best_epoch: number;
  best: number;
  restored_epoch: number | null;
  wait: number[];
  events: EarlyStoppingEvent[];
}

/** Replays the rule over a recorded metric curve (one value per epoch, null = NaN). */
export function runEarlyStopping(params: EarlyStoppingParams, values: (number | null)[]): EarlyStoppingRun {
  const es = createEarlyStopping(params);
  const events: EarlyStoppingEvent[] = [];
  for (let epoch = 0; epoch < values.length; epoch++) {
    const e = es.update(epoch, values[epoch]);
    events.push(e);
    if (e.stop) break;
  }
  const s = es.state;
  return {
    stopped_epoch: s.stoppedEpoch,
    epochs_run: events.length,
    best_epoch: s.bestEpoch,
    best: s.best,
    restored_epoch: es.params.restore_best_weights && s.hasBestWeights ? s.bestEpoch : null,
    wait: events.map((e) => e.wait),
    events,
  };
}
