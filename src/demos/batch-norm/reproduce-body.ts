/**
 * What the batch-norm scripts embed, read off the demos' own freshly built trainers: the data,
 * the initial linear weights (one set: every network of a comparison starts from the same ones,
 * batch norm and dropout draw no random numbers at initialisation, and this checks it), and the
 * network rng's state the dropout masks continue from.
 */
import { EngineError, type Dataset, type Trainer } from '../../engine/index.ts';
import type { Line } from '../../reproduce/types.ts';

/** Per linear layer, in order: its weight (row-major, out x in) and its bias. */
export type LinearInit = [number[], number[]][];

export interface BnData { train: Dataset; val: Dataset | null }

function linearInit(t: Trainer): LinearInit {
  const p = t.network.params();
  return t.network.spec.layers.flatMap((l, i) => {
    const q = p[i];
    return l.type === 'linear' && q && 'weight' in q ? [[q.weight.flat(), q.bias] as [number[], number[]]] : [];
  });
}

/** The initial linear weights all these fresh trainers share (an EngineError if they do not). */
export function sharedInit(trainers: Trainer[]): LinearInit {
  const first = linearInit(trainers[0]);
  const text = JSON.stringify(first);
  for (const t of trainers) {
    if (t.steps !== 0) throw new EngineError('the recipe needs trainers that have not taken a step yet');
    if (JSON.stringify(linearInit(t)) !== text) throw new EngineError('the networks of this comparison do not start from the same linear weights');
    if (t.network.rngState() !== trainers[0].network.rngState()) throw new EngineError('the networks of this comparison do not share their rng state');
  }
  return first;
}

/** Every batch-norm layer's eps, checked to be PyTorch's default (the scripts set EPS once). */
export function bnEps(trainers: Trainer[]): number {
  const eps = new Set(trainers.flatMap((t) => t.network.spec.layers.flatMap((l) => (l.type === 'batchnorm1d' ? [l.eps ?? 1e-5] : []))));
  if (eps.size > 1) throw new EngineError('the batch-norm layers use different eps');
  return eps.size ? [...eps][0] : 1e-5;
}

/** Steps in one epoch: ceil(points / batch), the last batch possibly smaller. */
export const stepsPerEpoch = (points: number, batch: number) => Math.ceil(points / Math.min(batch, points));

/**
 * The "epoch" of a line written after `step` steps: the whole number at an epoch's end, else
 * step / steps per epoch (37.5: half way through epoch 38). The scripts compute it the same way.
 */
export function epochAt(step: number, perEpoch: number): number {
  return step / perEpoch;
}

/** The same in Python (an int at an epoch's end, so the line reads "epoch": 3). */
export const PY_EPOCH_AT = [
  'def epoch_at(step):',
  '    """The epoch of a line after `step` steps: whole at an epoch\'s end, else a fraction (37.5: half way into epoch 38)."""',
  '    return step // STEPS_PER_EPOCH if step % STEPS_PER_EPOCH == 0 else step / STEPS_PER_EPOCH',
];

/** JSON's view of a line (NaN and infinities as null), as the scripts print it. */
export function plainLine(line: Line): Line {
  return JSON.parse(JSON.stringify(line)) as Line;
}

/** A finite number, or undefined (what a `shown` line leaves out). */
export function finite(v: number | undefined | null): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** A line of shown numbers without the values the demo did not show (undefined / NaN). */
export function shownLine(values: Record<string, number | undefined>): Line {
  const out: Line = {};
  for (const [k, v] of Object.entries(values)) if (finite(v) !== undefined) out[k] = v as number;
  return out;
}

/**
 * Two lists of numbers (null: not a number, e.g. a diverged run's final loss) equal within
 * relative 1e-6 plus 1e-12, as compareRuns checks them; `worst` is the largest relative difference.
 */
export function closeTo(a: unknown[], b: unknown[], rel = 1e-6): { ok: boolean; worst: number } {
  let ok = a.length === b.length, worst = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i], y = b[i];
    if (typeof x !== 'number' || typeof y !== 'number') {
      if (x !== y) ok = false;
      continue;
    }
    const d = Math.abs(x - y);
    worst = Math.max(worst, d / Math.max(Math.abs(x), Math.abs(y), 1e-300));
    if (!(d <= 1e-12 + rel * Math.abs(y))) ok = false;
  }
  return { ok, worst };
}
