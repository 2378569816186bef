import { DivergenceError, EngineError } from '../engine/index.ts';
import type { Control, DemoError, Report } from './protocol.ts';
import { runToEnd, type Runner, type RunnerFactory } from './runner.ts';

/**
 * How long one slice of training may hold the thread, and how often views get a snapshot at
 * most (the page slows this down with 'pace' to the rate it can draw: a snapshot it cannot
 * draw is only copying work for its main thread).
 */
const SLICE_MS = 12;
const SNAPSHOT_EVERY_MS = 40;
const SLOWEST_PACE_MS = 1000;

export function toDemoError(e: unknown): DemoError {
  if (e instanceof DivergenceError) return { kind: 'diverged', message: e.message };
  if (e instanceof EngineError) return { kind: 'settings', message: e.message };
  return { kind: 'internal', message: e instanceof Error ? e.message : String(e) };
}

/**
 * Runs one demo's Runner in time slices: while playing, it advances for at most SLICE_MS, then
 * yields (setTimeout) so control messages and the page stay responsive, and posts a snapshot
 * at most every SNAPSHOT_EVERY_MS. The same code runs inside the Web Worker and, as a fallback,
 * on the page.
 */
export function createHost(post: (r: Report) => void, factories: Record<string, RunnerFactory>) {
  let kind = '';
  let settings: unknown;
  let runner: Runner | null = null;
  let running = false;
  let finished = false;
  let unitsPerSecond = Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastPost = 0;
  let snapshotEvery = SNAPSHOT_EVERY_MS;
  let seq = 0;
  let run = 0; // runs started (see Report's `run`)
  let budget = 0; // units allowed by the speed limit, refilled by elapsed time
  let lastTick = 0;

  const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

  function postSnapshot() {
    if (!runner) return;
    lastPost = now();
    post({ type: 'snapshot', snapshot: runner.snapshot(), running, finished, seq: ++seq, run });
  }

  function fail(e: unknown) {
    running = false;
    if (timer) clearTimeout(timer);
    timer = null;
    post({ type: 'error', error: toDemoError(e), running: false, run });
  }

  function build(): boolean {
    const factory = factories[kind];
    if (!factory) {
      fail(new Error(`no training runner called "${kind}"`));
      return false;
    }
    try {
      runner = factory(settings);
      finished = false;
      return true;
    } catch (e) {
      runner = null;
      fail(e);
      return false;
    }
  }

  /** Advances to the end at once (no slices: the page is already showing this run's end); false if it failed. */
  function toEnd(): boolean {
    try {
      if (runner && !finished) finished = runToEnd(runner);
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  }

  /** Advances up to `max` units within the time slice; returns how many ran. */
  function work(max: number): number {
    if (!runner) return 0;
    const start = now();
    let n = 0;
    try {
      while (n < max && !finished) {
        finished = !runner.advance();
        n++;
        if (now() - start > SLICE_MS) break;
      }
    } catch (e) {
      fail(e);
      return n;
    }
    return n;
  }

  function tick() {
    timer = null;
    if (!running || !runner) return;
    const t = now();
    if (Number.isFinite(unitsPerSecond)) {
      budget = Math.min(budget + ((t - lastTick) / 1000) * unitsPerSecond, Math.max(1, unitsPerSecond / 10));
    }
    lastTick = t;
    const allowed = Number.isFinite(unitsPerSecond) ? Math.floor(budget) : Number.MAX_SAFE_INTEGER;
    const did = allowed > 0 ? work(allowed) : 0;
    budget -= did;
    if (!running) return; // failed
    if (finished) running = false;
    if (!running || now() - lastPost >= snapshotEvery) postSnapshot();
    if (running) timer = setTimeout(tick, allowed > 0 ? 0 : 8);
  }

  function play(speed?: number) {
    if (!runner || finished) return;
    unitsPerSecond = speed && speed > 0 ? speed : Infinity;
    if (running) return;
    running = true;
    budget = 1;
    lastTick = now();
    timer = setTimeout(tick, 0);
    postSnapshot();
  }

  function pause() {
    running = false;
    if (timer) clearTimeout(timer);
    timer = null;
    postSnapshot();
  }

  return function handle(msg: Control) {
    switch (msg.type) {
      case 'create':
        kind = msg.kind;
        settings = msg.settings;
        pause();
        run++;
        if (build() && (!msg.toEnd || toEnd())) postSnapshot();
        break;
      case 'reset':
        if (msg.settings !== undefined) settings = msg.settings;
        pause(); // its snapshot still belongs to the old run
        run++;
        if (build()) postSnapshot();
        break;
      case 'play':
        play(msg.unitsPerSecond);
        break;
      case 'pause':
        pause();
        break;
      case 'step': {
        if (running) pause();
        let left = Math.max(1, Math.floor(msg.count));
        // A step never blocks longer than a slice; large counts continue in later slices.
        const stepMore = () => {
          if (!runner || finished || left <= 0) return postSnapshot();
          left -= work(left);
          if (left > 0 && !finished && runner) timer = setTimeout(stepMore, 0);
          else postSnapshot();
        };
        stepMore();
        break;
      }
      case 'update':
        if (!runner?.update) break;
        try {
          runner.update(msg.patch);
          postSnapshot();
        } catch (e) {
          fail(e);
        }
        break;
      case 'pace':
        if (Number.isFinite(msg.everyMs)) snapshotEvery = Math.min(SLOWEST_PACE_MS, Math.max(SNAPSHOT_EVERY_MS, msg.everyMs));
        break;
      case 'dispose':
        pause();
        runner = null;
        break;
    }
  };
}
