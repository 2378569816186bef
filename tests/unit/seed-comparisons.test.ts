// Several seeds on the 2-D comparison demos (issue 17): every seed gives the compared networks
// the same data, initial weights and batches (the seed's run is the single run of that seed), the
// runner interleaves all of them, and what the chapters quote about the multi-seed comparisons
// at the demos' defaults is what the engine gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { defaults } from '../../src/demos/settings-kit.ts';
import { pairVerdict, type SeedsComparisonSnapshot } from '../../src/demos/multi-seed.ts';
import { buildCompareRun, dropoutCompareRunner, type CompareSnapshot } from '../../src/demos/dropout/compare-runner.ts';
import { compareNames } from '../../src/demos/dropout/compare-names.ts';
import { compareFields, type CompareSettings } from '../../src/demos/dropout/settings.ts';
import { createDropoutRun, dropoutRunner } from '../../src/demos/batch-norm/dropout-run.ts';
import { dropoutFields, VARIANTS, type DropoutSettings } from '../../src/demos/batch-norm/settings.ts';
import { savingsRunner, type SavingsSeedsSnapshot } from '../../src/demos/early-stopping/seeds.ts';
import { seedsSavings } from '../../src/demos/early-stopping/seeds-savings.ts';
import { createEarlyStoppingRun } from '../../src/demos/early-stopping/runner.ts';
import { pickRule, savingsFields } from '../../src/demos/early-stopping/settings.ts';
import { penaltyRunner, type PenaltySnapshot } from '../../src/demos/l1-l2/penalty-run.ts';
import type { PenaltySeedsSnapshot } from '../../src/demos/l1-l2/penalty-seeds.ts';
import { penaltyFields } from '../../src/demos/l1-l2/settings.ts';
import { close } from './helpers.ts';

const chapter = (file: string) => readFileSync(new URL(`../../content/${file}`, import.meta.url), 'utf8').replace(/\s+/g, ' ');
const f3 = (x: number) => x.toFixed(3);
const f1pts = (x: number) => (x * 100).toFixed(1);

function trainAll<S>(r: { advance(): boolean; snapshot(): unknown }): S {
  while (r.advance());
  return r.snapshot() as S;
}

// ---- chapter 2: "Does it help?" ----
const CMP0 = defaults(compareFields);

test('dropout comparison: Seeds = 1 is the single run; more seeds interleave every seed’s two networks', () => {
  assert.equal(CMP0.seeds, 1);
  const one = dropoutCompareRunner({ ...CMP0, epochs: 10 }).snapshot() as CompareSnapshot;
  assert.ok('plain' in one, 'one seed: the detailed single run');
  const r = dropoutCompareRunner({ ...CMP0, epochs: 10, seeds: 3 });
  for (let i = 0; i < 6; i++) r.advance(); // one epoch of each of the 3 x 2 networks
  const s = r.snapshot() as SeedsComparisonSnapshot<CompareSettings>;
  assert.deepEqual(s.seeds, [7, 8, 9]);
  assert.deepEqual(s.runs.map((v) => v.map((c) => c.valLoss.length)), [[2, 2, 2], [2, 2, 2]]);
  assert.deepEqual(s.progress, { done: 6, total: 60 });
  // each seed: both networks start from the same weights, on the same data
  for (let i = 0; i < 3; i++) assert.equal(s.runs[0][i].valLoss[0], s.runs[1][i].valLoss[0]);
  assert.throws(() => dropoutCompareRunner({ ...CMP0, seeds: 21 }), /seeds/i);
});

test('dropout comparison: each seed’s runs are that seed’s single runs, number for number', () => {
  const s = trainAll<SeedsComparisonSnapshot<CompareSettings>>(dropoutCompareRunner({ ...CMP0, epochs: 12, seeds: 2, seed: 30 }));
  for (const [i, seed] of [30, 31].entries()) {
    const single = trainAll<CompareSnapshot>(dropoutCompareRunner({ ...CMP0, epochs: 12, seed }));
    assert.deepEqual(s.runs[0][i].valLoss, single.plain.val);
    assert.deepEqual(s.runs[1][i].valLoss, single.dropout.val);
    assert.equal(s.runs[0][i].final!.valAccuracy, single.plain.valAccuracy);
    assert.equal(s.runs[1][i].final!.valAccuracy, single.dropout.valAccuracy);
  }
});

test('chapter 2 quotes the five-seed comparison at the demo’s defaults', () => {
  const s = trainAll<SeedsComparisonSnapshot<CompareSettings>>(dropoutCompareRunner({ ...CMP0, seeds: 5 }));
  assert.deepEqual(s.seeds, [7, 8, 9, 10, 11]);
  const v = pairVerdict(s.runs[0], s.runs[1], compareNames(CMP0)[1])!;
  const mdx = chapter('02-dropout.mdx');
  const says = (x: string) => assert.ok(mdx.includes(x), `chapter 2 says "${x}"`);
  says('Set **Seeds** to 5 and the demo trains both networks on the seeds 7 to 11');
  says(`final validation loss on ${v.loss.better} of 5 seeds, a mean gap of ${f3(v.loss.meanGap)} ± ${f3(v.loss.sdGap)}`);
  assert.equal(v.loss.clear, true);
  says('**larger than the seed-to-seed spread**. Its validation accuracy');
  says(`was higher on ${v.accuracy.better} of 5 seeds, by ${f1pts(v.accuracy.meanGap)} ± ${f1pts(v.accuracy.sdGap)} percentage points, which is **within the spread**`);
  assert.equal(v.accuracy.clear, false);
});

test('chapter 2: on each of the seeds 7 to 11 the more dropout, the smaller the train/validation gap', () => {
  const mdx = chapter('02-dropout.mdx');
  assert.ok(mdx.includes('What holds on every one of the five is the gap between validation and training loss: the more dropout, the smaller it is'));
  for (let seed = 7; seed <= 11; seed++) {
    const gaps = [0, 0.2, 0.3, 0.5].map((p) => {
      const run = buildCompareRun({ ...CMP0, seed, p: p || 0.5 });
      const t = p === 0 ? run.plain : run.dropout;
      let rec = t.runEpoch();
      while (t.epoch < CMP0.epochs) rec = t.runEpoch();
      return rec.valLoss! - rec.trainLoss;
    });
    for (let i = 1; i < gaps.length; i++) assert.ok(gaps[i] < gaps[i - 1], `seed ${seed}: gaps ${gaps.map(f3).join(' > ')}`);
  }
});

// ---- chapter 4: batch norm and dropout ----

const BN0 = defaults(dropoutFields);

test('batch norm + dropout: each seed’s four runs are that seed’s single run, number for number', () => {
  assert.equal(BN0.seeds, 1);
  const s = trainAll<SeedsComparisonSnapshot<DropoutSettings>>(dropoutRunner({ ...BN0, epochs: 20, seeds: 2, seed: 40 }));
  assert.deepEqual(s.seeds, [40, 41]);
  for (const [i, seed] of [40, 41].entries()) {
    const single = createDropoutRun({ ...BN0, epochs: 20, seed });
    while (single.advance());
    single.snapshot().variants.forEach((v, k) => assert.deepEqual(s.runs[k][i].valLoss, v.val, `${v.label}, seed ${seed}`));
  }
});

test('chapter 4 quotes the five-seed comparison of the four networks at the demo’s defaults (and with batches of 60)', () => {
  const mdx = chapter('04-batch-normalization.mdx');
  const says = (x: string) => assert.ok(mdx.includes(x), `chapter 4 says "${x}"`);
  const s = trainAll<SeedsComparisonSnapshot<DropoutSettings>>(dropoutRunner({ ...BN0, seeds: 5 }));
  assert.deepEqual(s.seeds, [7, 8, 9, 10, 11]);
  says('Set **Seeds** to 5 and the demo trains the four networks on the seeds 7 to 11');
  const [bn, dropout, both] = [1, 2, 3].map((v) => pairVerdict(s.runs[0], s.runs[v], VARIANTS[v].label)!);
  says(`**batch norm + dropout gave the lower final validation loss on ${both.loss.better} of 5 seeds**, a mean gap of ${f3(both.loss.meanGap)} ± ${f3(both.loss.sdGap)}`);
  says(`accuracy on ${both.accuracy.better} of 5, by ${f1pts(both.accuracy.meanGap)} ± ${f1pts(both.accuracy.sdGap)} percentage points: both larger than the seed-to-seed spread`);
  assert.ok(both.loss.clear && both.accuracy.clear);
  // the lowest final validation loss of the four on every seed
  for (let i = 0; i < 5; i++) {
    const finals = s.runs.map((r) => r[i].final!.valLoss);
    assert.equal(finals.indexOf(Math.min(...finals)), 3, `seed ${s.seeds[i]}: ${finals.map(f3).join(', ')}`);
  }
  says('On every one of the five seeds it ended with the lowest validation loss of the four');
  says(`Batch norm alone (${f3(bn.loss.meanGap)} ± ${f3(bn.loss.sdGap)}, ${bn.loss.better} of 5 seeds) and dropout alone (${f3(dropout.loss.meanGap)} ± ${f3(dropout.loss.sdGap)}, ${dropout.loss.better} of 5) lowered the validation loss beyond the spread too`);
  assert.ok(bn.loss.clear && dropout.loss.clear);
  says(`dropout alone's gain in accuracy, ${f1pts(dropout.accuracy.meanGap)} ± ${f1pts(dropout.accuracy.sdGap)} points (higher on ${dropout.accuracy.better} of 5 seeds), is within it`);
  assert.equal(dropout.accuracy.clear, false);

  const b60 = trainAll<SeedsComparisonSnapshot<DropoutSettings>>(dropoutRunner({ ...BN0, seeds: 5, batch: 60 }));
  const [bn60, do60] = [1, 2].map((v) => pairVerdict(b60.runs[0], b60.runs[v], VARIANTS[v].label)!);
  assert.equal(bn60.loss.clear, false);
  says(`batch norm alone's difference is within the spread (a lower validation loss on only ${bn60.loss.better} of 5 seeds)`);
  assert.ok(do60.loss.clear);
  says(`while dropout alone's is larger than the spread (${do60.loss.better} of 5)`);
});

// ---- chapter 5: what early stopping saves ----

const ES0 = defaults(savingsFields);
const PEN0 = defaults(penaltyFields);

test('what early stopping saves: each seed’s curves are that seed’s single run; both models of a seed come from it', () => {
  assert.equal(ES0.seeds, 1);
  assert.ok(!('runs' in (savingsRunner({ ...ES0, epochs: 10 }).snapshot() as object)), 'one seed: the single run');
  const s = trainAll<SavingsSeedsSnapshot>(savingsRunner({ ...ES0, epochs: 30, seeds: 2, seed: 50 }));
  for (const [i, seed] of [50, 51].entries()) {
    const single = createEarlyStoppingRun({ ...ES0, epochs: 30, seed });
    while (single.advance());
    const rec = single.record();
    assert.deepEqual(s.runs[0][i].valLoss.slice(1), rec.val);
    assert.deepEqual(s.runs[0][i].valAccuracy.slice(1), rec.valAccuracy);
    assert.equal(s.runs[0][i].valLoss[0], rec.initialVal);
  }
  const r = seedsSavings(s, pickRule(ES0), 3);
  for (let i = 0; i < 2; i++) {
    const stopped = r.runs[1][i];
    assert.deepEqual(stopped.valLoss, s.runs[0][i].valLoss.slice(0, stopped.valLoss.length), 'the early-stopped curve is the run, cut where the rule stops');
    assert.equal(stopped.final!.valLoss, s.runs[0][i].valLoss[stopped.final!.epoch]);
    assert.equal(r.saved[i].epochsSaved, 30 - (stopped.valLoss.length - 1));
  }
});

test('chapter 5 quotes the five-seed comparison at the demo’s defaults (patience 5, and 0)', () => {
  const mdx = chapter('05-early-stopping.mdx');
  const says = (x: string) => assert.ok(mdx.includes(x), `chapter 5 says "${x}"`);
  const s = trainAll<SavingsSeedsSnapshot>(savingsRunner({ ...ES0, seeds: 5 }));
  assert.deepEqual(s.seeds, [7, 8, 9, 10, 11]);
  assert.equal(ES0.patience, 5);
  const at5 = seedsSavings(s, pickRule(ES0), 5);
  const saved = at5.saved.map((x) => x.epochsSaved);
  says(`The rule saved between ${Math.min(...saved)} and ${Math.max(...saved)} of the 200 epochs (${(saved.reduce((a, b) => a + b, 0) / 5).toFixed(1)} on average)`);
  const v = pairVerdict(at5.runs[0], at5.runs[1], 'early stopping')!;
  says(`early stopping gave the lower final validation loss on ${v.loss.better} of 5 seeds, a mean gap of ${f3(v.loss.meanGap)} ± ${f3(v.loss.sdGap)}`);
  assert.ok(v.loss.clear && v.accuracy.clear);
  says(`the validation accuracy was higher on ${v.accuracy.better} of 5 seeds, by ${f1pts(v.accuracy.meanGap)} ± ${f1pts(v.accuracy.sdGap)} percentage points, also larger than the spread`);
  const at0 = seedsSavings(s, pickRule(ES0), 0);
  const v0 = pairVerdict(at0.runs[0], at0.runs[1], 'early stopping')!;
  assert.equal(v0.loss.clear, false);
  says(`the gap in validation loss, ${f3(v0.loss.meanGap)} ± ${f3(v0.loss.sdGap)}, is within the spread`);
  const early = at0.saved.filter((x) => x.epochsSaved === 198 && x.keptEpoch === 1).map((x) => x.seed);
  assert.deepEqual(early, [9, 10]);
  says('on seeds 9 and 10 the rule stops after epoch 2 and keeps epoch 1');
});

// ---- chapter 3: the penalty's effects ----
test('penalty effects: each seed’s runs are that seed’s single runs (penalty from the start), with their weights near zero', () => {
  assert.equal(PEN0.seeds, 1);
  const s = trainAll<PenaltySeedsSnapshot>(penaltyRunner({ ...PEN0, epochs: 20, seeds: 2, seed: 60 }));
  assert.deepEqual(s.seeds, [60, 61]);
  for (const [i, seed] of [60, 61].entries()) {
    for (const [v, penalty] of (['none', 'l1'] as const).entries()) {
      const single = trainAll<PenaltySnapshot>(penaltyRunner({ ...PEN0, epochs: 20, seed, penalty }));
      assert.equal(s.runs[v][i].valLoss.length, single.valLoss.length);
      s.runs[v][i].valLoss.forEach((x, k) => close(x, single.valLoss[k], 1e-12, `${penalty}, seed ${seed}, epoch ${k}`));
      assert.equal(s.runs[v][i].final!.valAccuracy, single.valAccuracy);
      assert.deepEqual(s.extra[v][i].nearZero, [single.stats.nearZero]);
    }
  }
});

test('chapter 3 quotes the five-seed comparison at the demo’s defaults (L1 0.001) and for L2 0.003', () => {
  const mdx = chapter('03-l1-l2.mdx');
  const says = (x: string) => assert.ok(mdx.includes(x), `chapter 3 says "${x}"`);
  const l1 = trainAll<PenaltySeedsSnapshot>(penaltyRunner({ ...PEN0, seeds: 5 }));
  const l2 = trainAll<PenaltySeedsSnapshot>(penaltyRunner({ ...PEN0, seeds: 5, penalty: 'l2', strength: 0.003 }));
  assert.deepEqual(l1.seeds, [7, 8, 9, 10, 11]);
  says('Set **Seeds** to 5 and the demo trains the network without a penalty and with the chosen one, switched on from the start, on the seeds 7 to 11');
  const v1 = pairVerdict(l1.runs[0], l1.runs[1], 'L1')!;
  assert.ok(v1.loss.clear && v1.accuracy.clear);
  says(`the penalty gave the lower final validation loss on ${v1.loss.better} of 5 seeds, a mean gap of ${f3(v1.loss.meanGap)} ± ${f3(v1.loss.sdGap)}`);
  says(`and the higher validation accuracy on ${v1.accuracy.better} of 5, by ${f1pts(v1.accuracy.meanGap)} ± ${f1pts(v1.accuracy.sdGap)} percentage points: both **larger than the seed-to-seed spread**`);
  const near = (s: PenaltySeedsSnapshot, v: number) => s.extra[v].map((x) => x.nearZero[0]);
  says(`It left between ${Math.min(...near(l1, 1))} and ${Math.max(...near(l1, 1))} of the 304 weights near zero, against ${Math.min(...near(l1, 0))} to ${Math.max(...near(l1, 0))} without a penalty`);
  const v2 = pairVerdict(l2.runs[0], l2.runs[1], 'L2')!;
  assert.ok(v2.loss.clear);
  assert.equal(v2.accuracy.clear, false);
  says(`L2 at $\\lambda = 0.003$ lowered the validation loss on ${v2.loss.better} of 5 seeds too (${f3(v2.loss.meanGap)} ± ${f3(v2.loss.sdGap)})`);
  says(`its accuracy gain, ${f1pts(v2.accuracy.meanGap)} ± ${f1pts(v2.accuracy.sdGap)} points (higher on ${v2.accuracy.better} of 5 seeds), is **within the spread**, and it left only ${Math.min(...near(l2, 1))} to ${Math.max(...near(l2, 1))} weights near zero`);
  const l2Lower = l2.runs[1].filter((c, i) => c.final!.valLoss < l1.runs[1][i].final!.valLoss).length;
  assert.equal(l2Lower, 4);
  says('Its validation loss ended below L1\'s on 4 of the 5 seeds');
});
