/**
 * The views' drawing, one view at a time: each chart or canvas queues its draw here (a newer
 * draw of the same view replaces a waiting one), and the queue runs them in tasks of a few
 * milliseconds, yielding between, so six charts updating at once are six short tasks rather
 * than one long one, and input, scrolling and frames get their turn in between.
 */
type Job = () => void;

const BUDGET_MS = 6;
const queue = new Map<object, Job>();
const idle: (() => void)[] = [];
let scheduled = false;
let spent = 0;

function run() {
  scheduled = false;
  const start = performance.now();
  for (const [key, job] of queue) {
    queue.delete(key);
    const t = performance.now();
    try {
      job();
    } catch (e) {
      setTimeout(() => {
        throw e; // reported like any uncaught error, without stopping the other views
      });
    }
    spent += performance.now() - t;
    if (performance.now() - start > BUDGET_MS) break;
  }
  if (queue.size) schedule();
  else for (const f of idle.splice(0)) f();
}

function schedule() {
  if (scheduled) return;
  scheduled = true;
  setTimeout(run, 0);
}

/** Draws `key`'s view soon (its latest job only). */
export function queueDraw(key: object, job: Job) {
  queue.delete(key);
  queue.set(key, job);
  schedule();
}

export function cancelDraw(key: object) {
  queue.delete(key);
}

/** Milliseconds spent drawing so far (all views): what a snapshot's drawing cost is measured with. */
export function drawingTime(): number {
  return spent;
}

/** Calls `f` once nothing is waiting to be drawn. */
export function whenDrawn(f: () => void) {
  if (queue.size === 0 && !scheduled) f();
  else idle.push(f);
}
