/**
 * What chapter 1's demo says about its run, in words a learner can check against the chart.
 * Pure: the island shows it, the unit tests assert it on the chapter's "things to try".
 *
 * Honest by construction: "overfitting" only when the validation loss has turned back up while
 * the training loss kept falling; "missing coverage" when most of the validation loss sits where
 * no training point lies (a network cannot learn a region it never saw, noise or not).
 */

export type VerdictKind = 'learning' | 'overfitting' | 'coverage' | 'underfitting' | 'settled';

export interface Verdict {
  kind: VerdictKind;
  text: string;
}

export interface Points {
  xy: ArrayLike<number>;      // x0, y0, x1, y1, ... in about [-1, 1]^2
  labels: ArrayLike<number>;  // 0 / 1
}

export interface VerdictInput {
  train: number[];            // training loss per epoch, index 0 = before training
  val: number[];              // validation loss per epoch
  bestEpoch: number;          // epoch of the lowest validation loss so far
  trainAccuracy: number;
  valAccuracy: number;
  noise: number;              // the label-flip fraction the run was drawn with
  trainPoints: Points;
  valPoints: Points;
  valLogits: ArrayLike<number>; // the network's logit for every validation point, now
}

/** The validation loss counts as turned up once it is this much above its lowest value. */
export const TURNED_UP = 1.05;
/** Below this validation accuracy (balanced classes, 50% is a coin) the network has not found the pattern... */
export const CHANCE_ACCURACY = 0.6;
/** ...unless it fits its training points better than this: then it has memorised them (overfitting), not missed them. */
export const FITS_TRAINING = 0.75;
/** Epochs before the demo says anything about where the run is going. */
export const QUIET_EPOCHS = 10;

const f3 = (v: number) => v.toFixed(3);

/** Binary cross-entropy of one example from its logit, computed stably (as BCEWithLogitsLoss). */
export function bceOfLogit(logit: number, label: number): number {
  return Math.max(logit, 0) - logit * label + Math.log1p(Math.exp(-Math.abs(logit)));
}

export interface CoverageGap {
  /** The region, in words: "top-left quarter", "centre". */
  region: string;
  valPoints: number;
  /** Share of the whole validation loss that comes from the region's validation points. */
  lossShare: number;
  /** Mean validation loss inside the region and outside it. */
  meanInside: number;
  meanOutside: number;
}

const QUARTERS = [['top-left quarter', 'top-right quarter'], ['bottom-left quarter', 'bottom-right quarter']];
const NINTHS = [['top-left corner', 'top edge', 'top-right corner'], ['left edge', 'centre', 'right edge'], ['bottom-left corner', 'bottom edge', 'bottom-right corner']];

/**
 * Regions of the plane (quarters, then ninths) that hold validation points but no training
 * point, with the share of the validation loss they carry. A region is only named when it holds
 * at least 3% of the validation points, so an empty corner of a round data set is not a gap.
 */
export function coverageGaps(train: Points, val: Points, valLogits: ArrayLike<number>): CoverageGap[] {
  const nv = val.labels.length;
  const losses = Array.from({ length: nv }, (_, i) => bceOfLogit(valLogits[i], val.labels[i]));
  const total = losses.reduce((a, b) => a + b, 0);
  const gaps: CoverageGap[] = [];
  for (const names of [QUARTERS, NINTHS]) {
    const k = names.length;
    const cell = (x: number, y: number) => {
      const c = Math.min(k - 1, Math.max(0, Math.floor(((x + 1) / 2) * k)));
      const r = Math.min(k - 1, Math.max(0, Math.floor(((1 - y) / 2) * k)));
      return r * k + c;
    };
    const trained = new Set<number>();
    for (let i = 0; i < train.labels.length; i++) trained.add(cell(train.xy[2 * i], train.xy[2 * i + 1]));
    const count = new Array(k * k).fill(0), loss = new Array(k * k).fill(0);
    for (let i = 0; i < nv; i++) {
      const c = cell(val.xy[2 * i], val.xy[2 * i + 1]);
      count[c]++;
      loss[c] += losses[i];
    }
    for (let c = 0; c < k * k; c++) {
      if (trained.has(c) || count[c] < Math.max(3, 0.03 * nv)) continue;
      const region = names[Math.floor(c / k)][c % k];
      const inside = loss[c] / count[c];
      const outside = nv > count[c] ? (total - loss[c]) / (nv - count[c]) : 0;
      gaps.push({ region, valPoints: count[c], lossShare: total > 0 ? loss[c] / total : 0, meanInside: inside, meanOutside: outside });
    }
    if (gaps.length) break; // a whole empty quarter is the clearer name; ninths only when no quarter is empty
  }
  return gaps;
}

const shareOf = (gaps: CoverageGap[]) => gaps.reduce((a, g) => a + g.lossShare, 0);
const pointsOf = (gaps: CoverageGap[]) => gaps.reduce((a, g) => a + g.valPoints, 0);

/** Missing coverage is the cause when the uncovered regions carry most of the validation loss, far above the rest. */
function coverageCause(gaps: CoverageGap[]): boolean {
  return shareOf(gaps) >= 0.4 && gaps.some((g) => g.meanInside >= 2 * g.meanOutside);
}

/** A whole empty quarter is worth naming even when it is not the main cause (30 points leave a ninth empty often; a quarter about once in 1,000 draws). */
function coverageFactor(gaps: CoverageGap[]): boolean {
  return gaps.some((g) => g.region.endsWith('quarter')) || (shareOf(gaps) >= 0.25 && gaps.some((g) => g.meanInside >= 2 * g.meanOutside));
}

function listRegions(gaps: CoverageGap[]): string {
  const names = gaps.map((g) => `the ${g.region}`);
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** What the demo says about the run so far, or null before there is anything to say. */
export function overfittingVerdict(s: VerdictInput): Verdict | null {
  const last = s.train.length - 1;
  if (last < QUIET_EPOCHS) return null;
  const b = s.bestEpoch;
  const trainNow = s.train[last], valNow = s.val[last], valBest = s.val[b];
  const nTrain = s.trainPoints.labels.length;

  const gaps = coverageGaps(s.trainPoints, s.valPoints, s.valLogits);
  const nVal = s.valPoints.labels.length;
  if (gaps.length && coverageCause(gaps)) {
    const share = Math.round(shareOf(gaps) * 100);
    return {
      kind: 'coverage',
      text:
        `None of the ${nTrain} training points lies in ${listRegions(gaps)}, where ${pointsOf(gaps)} of the ${nVal} validation points are, ` +
        `and ${share}% of the validation loss comes from there: the network has no data in that region and guesses. ` +
        `That is missing coverage, not memorised noise: more training points, or another seed, fill the gap.`,
    };
  }
  if (s.valAccuracy < CHANCE_ACCURACY && s.trainAccuracy < FITS_TRAINING) {
    return {
      kind: 'underfitting',
      text: `After ${last} epochs the network classifies only ${Math.round(s.valAccuracy * 100)}% of the validation points right, hardly better than a coin: ` +
        `it has not found the pattern, on its training points (${Math.round(s.trainAccuracy * 100)}%) either. It underfits: too small a network, or too few epochs.`,
    };
  }
  if (b < last && valNow > valBest * TURNED_UP && trainNow < s.train[b]) {
    const what = s.noise > 0 ? `the noise of its ${nTrain} training points (their flipped labels)` : `the peculiarities of its ${nTrain} training points`;
    return {
      kind: 'overfitting',
      text: `Since epoch ${b} the validation loss has risen from ${f3(valBest)} to ${f3(valNow)} while the training loss kept falling, ` +
        `from ${f3(s.train[b])} to ${f3(trainNow)}: the network is overfitting, learning ${what}.` +
        (gaps.length && coverageFactor(gaps)
          ? ` Part of the validation loss (${Math.round(shareOf(gaps) * 100)}%) is missing coverage: none of the training points lies in ${listRegions(gaps)}, where ${pointsOf(gaps)} validation points are.`
          : ''),
    };
  }
  if (b === last) {
    return {
      kind: 'learning',
      text: `The validation loss is still falling with the training loss (${f3(valNow)} and ${f3(trainNow)}): the network is learning the pattern, not yet overfitting.`,
    };
  }
  return {
    kind: 'settled',
    text: `The validation loss has not turned up: lowest ${f3(valBest)} at epoch ${b}, now ${f3(valNow)}, ` +
      `with a gap of ${f3(valNow - trainNow)} to the training loss: no sign of overfitting.`,
  };
}
