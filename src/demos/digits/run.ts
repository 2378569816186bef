// A digits run: a seeded split of the 1,797 digits into a small training set and a validation set
// (all the rest), pixels scaled to [0, 1] (value / 16), labels one-hot for cross_entropy; and an
// MLP 64-h-10 with the chosen regularization, trained with Adam. Pure engine code (worker, tests).
import { createRng, createTrainer, lossValue, mlpLayers, type Dataset, type Trainer, type NetworkSpec, type Penalty } from '../../engine/index.ts';
import { digits, DIGIT_MAX, DIGIT_PIXELS } from '../../data/digits/digits.ts';
import { MISCLASSIFIED_SHOWN, NEAR_ZERO, type DigitsSettings } from './settings.ts';

export const CLASSES = 10;

export interface DigitsSplit {
  train: Dataset;
  val: Dataset;
  /** Rows of load_digits() in each set, in the order of the set. */
  trainRows: number[];
  valRows: number[];
}

/** The rows of a digits subset as a data set: x = pixel / 16, y one-hot. */
export function digitsDataset(rows: readonly number[]): Dataset {
  const d = digits();
  const x = new Float64Array(rows.length * DIGIT_PIXELS);
  const y = new Float64Array(rows.length * CLASSES);
  rows.forEach((row, i) => {
    for (let k = 0; k < DIGIT_PIXELS; k++) x[i * DIGIT_PIXELS + k] = d.pixels[row * DIGIT_PIXELS + k] / DIGIT_MAX;
    y[i * CLASSES + d.labels[row]] = 1;
  });
  return { x, y, n: rows.length, inputs: DIGIT_PIXELS, outputs: CLASSES };
}

/** A seeded random split: the first `trainSize` of a Fisher-Yates shuffle of 0..1796 (mulberry32(seed)) train, the rest validate. */
export function splitDigits(trainSize: number, seed: number): DigitsSplit {
  const n = digits().n;
  const order = Array.from({ length: n }, (_, i) => i);
  createRng(seed).shuffle(order);
  const trainRows = order.slice(0, trainSize), valRows = order.slice(trainSize);
  return { train: digitsDataset(trainRows), val: digitsDataset(valRows), trainRows, valRows };
}

export function penaltyOf(s: DigitsSettings): Penalty {
  return { l1: s.method === 'l1' ? s.l1 : 0, l2: s.method === 'l2' ? s.l2 : 0 };
}

export function networkSpec(s: DigitsSettings): NetworkSpec {
  return {
    layers: mlpLayers({
      widths: [DIGIT_PIXELS, s.hidden, CLASSES], activation: 'relu',
      dropout: s.method === 'dropout' ? s.p : undefined, batchnorm: s.method === 'batchnorm',
    }),
    loss: 'cross_entropy',
    optimizer: { type: 'adam', lr: s.lr },
    penalty: penaltyOf(s),
    seed: s.seed,
  };
}

/** The run these settings start: the split and a trainer that has not taken a step. */
export function buildRun(s: DigitsSettings, given?: DigitsSplit): { split: DigitsSplit; trainer: Trainer } {
  // Runs compared on one seed share its split (given) rather than building it twice.
  const split = given ?? splitDigits(s.trainSize, s.seed);
  const trainer = createTrainer({ network: networkSpec(s), train: split.train, val: split.val, batchSize: Math.min(s.batch, s.trainSize), seed: s.seed, evaluateEachEpoch: false });
  return { split, trainer };
}


export interface Misclassified { row: number; label: number; predicted: number; pixels: Uint8Array }

/** Loss and accuracy of the network on a set, in eval mode, from one forward pass; the predicted classes. */
export function evaluate(trainer: Trainer, d: Dataset): { loss: number; accuracy: number; predicted: Uint8Array } {
  const out = trainer.network.forward(d.x, d.n, 'eval');
  const loss = lossValue('cross_entropy', out, d.y, d.n, CLASSES);
  const predicted = new Uint8Array(d.n);
  let right = 0;
  for (let i = 0; i < d.n; i++) {
    let best = 0; // the first of equal logits, as torch.argmax
    for (let k = 1; k < CLASSES; k++) if (out[i * CLASSES + k] > out[i * CLASSES + best]) best = k;
    predicted[i] = best;
    if (d.y[i * CLASSES + best] === 1) right++;
  }
  return { loss, accuracy: right / d.n, predicted };
}

/** The first MISCLASSIFIED_SHOWN validation digits the network gets wrong, and how many it gets wrong. */
export function misclassified(split: DigitsSplit, predicted: Uint8Array): { count: number; shown: Misclassified[] } {
  const d = digits();
  const shown: Misclassified[] = [];
  let count = 0;
  split.valRows.forEach((row, i) => {
    const label = d.labels[row];
    if (predicted[i] === label) return;
    count++;
    if (shown.length < MISCLASSIFIED_SHOWN) shown.push({ row, label, predicted: predicted[i], pixels: d.pixels.slice(row * DIGIT_PIXELS, (row + 1) * DIGIT_PIXELS) });
  });
  return { count, shown };
}

/** The first layer's weights (hidden x 64: one 8 x 8 image per hidden neuron) and how many are near zero. */
export function firstLayer(trainer: Trainer): { weights: Float32Array; nearZero: number; meanAbs: number } {
  const W = trainer.network.weightMatrices()[0];
  let nearZero = 0, sum = 0;
  for (const w of W) {
    const a = Math.abs(w);
    if (a < NEAR_ZERO) nearZero++;
    sum += a;
  }
  return { weights: Float32Array.from(W), nearZero, meanAbs: sum / W.length };
}
