// "Reproduce in PyTorch" for chapter 2: the mask viewer's script prints, step by step, the masks
// the demo drew (a live p change included, an eval-mode look leaving no trace), stops where the
// learner stopped, and the comparison's two scripts are its two networks. The generator's step
// lines (figures.perStep, stopAfterSteps) are checked against PyTorch where it is installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTrainer, mlpLayers, createRng } from '../../src/engine/index.ts';
import { defaults } from '../../src/demos/settings-kit.ts';
import { inputOnScreen, makeRecipe, pythonScript, runRecipe, torchBody } from '../../src/reproduce/index.ts';
import type { Line, TorchRecipe } from '../../src/reproduce/types.ts';
import { buildMaskRun, dropoutMaskRunner, type MaskSnapshot } from '../../src/demos/dropout/mask-runner.ts';
import { dropoutCompareRunner, type CompareSnapshot } from '../../src/demos/dropout/compare-runner.ts';
import { maskRow } from '../../src/demos/dropout/masks.ts';
import { compareFields, maskFields } from '../../src/demos/dropout/settings.ts';
import { compareRuns, loadReproductions, main, settingsFromQuery } from '../../scripts/reproduce.ts';
import { missing, python, runPython } from './python.ts';

const reps = await loadReproductions();
const masksRep = reps.get('dropout-masks')!;
const MASK0 = defaults(maskFields);
const CMP0 = defaults(compareFields);
const TORCH = python(['torch']);

const stepLines = (lines: Line[]) => lines.filter((l) => 'batch_loss' in l);
const epochLines = (lines: Line[]) => lines.filter((l) => 'epoch' in l);

test('the mask viewer\'s script lines are the steps the demo drew: masks, dropped units, batch losses, p', () => {
  const r = dropoutMaskRunner(MASK0);
  const drawn: Line[] = [];
  for (let step = 1; step <= 20; step++) {
    if (step === 9) {
      // After 8 steps: a look in eval mode, p moved (twice) while there, back to train mode.
      r.update({ mode: 'eval' });
      r.update({ p: 0.2 });
      r.update({ p: 0.3 });
      r.update({ mode: 'train' });
    }
    r.advance();
    const v = (r.snapshot() as MaskSnapshot).view!;
    const h = MASK0.hidden;
    drawn.push({
      step, batch_loss: v.loss!, p: v.p, dropped: v.dropped, units: v.units,
      masks: Array.from({ length: v.n }, (_, row) => v.masks!.map((m) => maskRow(m, row, h).join('')).join('|')),
    });
  }
  const snap = r.snapshot() as MaskSnapshot;
  assert.deepEqual(snap.reproduce, { settings: { ...MASK0, steps: 20 }, changes: [{ step: 8, epoch: 1, set: { dropout: 0.3 } }] });
  // The button hands over the island's settings (p now 0.3) and the snapshot: the run's start wins.
  const recipe = makeRecipe(masksRep, inputOnScreen({ settings: { ...MASK0, p: 0.3 }, snapshot: snap })) as TorchRecipe;
  assert.equal(recipe.stopAfterSteps, 20);
  assert.equal(recipe.epochs, 4);
  const lines = runRecipe(recipe);
  assert.deepEqual(stepLines(lines), drawn, 'every step line is what the demo drew at that step');
  // Epoch lines after steps 6, 12 and 18 (and before training); step 20 is part-way into epoch 4.
  assert.deepEqual(epochLines(lines).map((l) => [l.epoch, l.step]), [[0, 0], [1, 6], [2, 12], [3, 18]]);
  assert.equal(lines.at(-1)!.step, 20);
  assert.equal(epochLines(lines).at(-1)!.train_loss, snap.trainLoss);
  assert.equal(epochLines(lines).at(-1)!.val_loss, snap.valLoss);
  // What the demo shows (recent steps and the last epoch's losses) is in the recipe, keyed by step.
  assert.equal(recipe.shown!.length, 20);
  assert.deepEqual(recipe.shown![17], { step: 18, p: 0.3, dropped: drawn[17].dropped, units: 200, batch_loss: drawn[17].batch_loss, train_loss: snap.trainLoss, val_loss: snap.valLoss });
});

test('an eval-mode look draws nothing from the network rng: the engine\'s eval forward is the identity', () => {
  const { split, trainer } = buildMaskRun(MASK0);
  const net = trainer.network;
  trainer.step();
  const state = net.rngState();
  net.forward(split.train.x, split.train.n, 'eval');
  net.loss(split.val.x, split.val.y, split.val.n, 'eval');
  assert.equal(net.rngState(), state);
  assert.equal(net.dropoutMask(2), null, 'no mask in eval mode');
  trainer.step();
  assert.notEqual(net.rngState(), state, 'a training step draws its masks');
});

test('before the first step the script trains the default 500 steps; the chapter\'s first steps are in it', () => {
  const fresh = dropoutMaskRunner(MASK0).snapshot() as MaskSnapshot;
  assert.deepEqual(fresh.reproduce, { settings: MASK0, changes: [] });
  // A p set before the first step is where the run starts, not a change.
  const moved = dropoutMaskRunner(MASK0);
  moved.update!({ p: 0.3 });
  moved.advance();
  assert.deepEqual((moved.snapshot() as MaskSnapshot).reproduce, { settings: { ...MASK0, p: 0.3, steps: 1 }, changes: [] });
  const recipe = makeRecipe(masksRep, inputOnScreen({ settings: MASK0, snapshot: fresh })) as TorchRecipe;
  assert.equal(recipe.stopAfterSteps, 500);
  const steps = stepLines(runRecipe(recipe));
  assert.equal(steps.length, 500);
  assert.deepEqual(steps.slice(0, 3).map((l) => l.dropped), [90, 87, 106]);
  const dropped = steps.reduce((a, l) => a + (l.dropped as number), 0), units = steps.reduce((a, l) => a + (l.units as number), 0);
  assert.equal(((dropped / units) * 100).toFixed(2), '49.95');
});

test('links, --settings and ids: the step count is the run\'s, not the demo\'s; the comparison has a script per network', async () => {
  const r = makeRecipe(masksRep, { settings: { p: 0.3, steps: 40 } });
  assert.equal(r.query, 'p=0.3&steps=40');
  assert.equal(r.link, '/chapters/dropout/?dropout-masks.p=0.3#dropout-masks', 'the demo has no "steps" setting');
  assert.throws(() => makeRecipe(masksRep, { settings: { steps: -1 } }), /"steps" \(Training steps\) must be a whole number from 0/);
  let out = '';
  const code = await main(['dropout-masks', '--settings', '?dropout-masks.p=0.3&dropout-masks.steps=40', '--engine'], { out: (s) => { out += s; return true; }, err: () => true, stdin: () => '' });
  assert.equal(code, 0);
  const lines = out.trim().split('\n').map((l) => JSON.parse(l) as Line);
  assert.equal(stepLines(lines).length, 40);
  assert.equal(lines[1].p, 0.3);

  const without = reps.get('dropout-compare-without')!, withDropout = reps.get('dropout-compare-with')!;
  for (const rep of [without, withDropout]) {
    assert.equal(makeRecipe(rep, { settings: { p: 0.3 } }).link, '/chapters/dropout/?dropout-compare.p=0.3#dropout-compare');
    assert.deepEqual(settingsFromQuery(rep, '?dropout-compare.p=0.3&dropout-masks.p=0.2#dropout-compare'), { settings: { p: '0.3' }, skipped: ['dropout-masks.p'] });
  }
  const a = makeRecipe(without, { settings: { p: 0.3 } }) as TorchRecipe, b = makeRecipe(withDropout, { settings: { p: 0.3 } }) as TorchRecipe;
  assert.deepEqual(a.network.layers.filter((l) => l.type === 'dropout'), []);
  assert.deepEqual(b.network.layers.filter((l) => l.type === 'dropout'), [{ type: 'dropout', p: 0.3 }, { type: 'dropout', p: 0.3 }]);
  assert.deepEqual(Object.values(a.network.initial), Object.values(b.network.initial), 'the same initial weights');
  assert.deepEqual(a.data, b.data);
  assert.equal(a.shuffleSeed, b.shuffleSeed);
});

test('the comparison shows each network\'s epochs; accuracies only where a network is between epochs', () => {
  const r = dropoutCompareRunner({ ...CMP0, epochs: 10 });
  for (let i = 0; i < 15; i++) r.advance(); // the plain network 8 steps in, the other 7: both part-way into epoch 2
  const mid = r.snapshot() as CompareSnapshot;
  for (const [id, which] of [['dropout-compare-without', 'plain'], ['dropout-compare-with', 'dropout']] as const) {
    const shown = reps.get(id)!.shown!(mid, CMP0);
    assert.equal(shown.length, 2);
    assert.ok(shown.every((l) => !('val_accuracy' in l)), id);
    assert.equal(mid[which].steps, which === 'plain' ? 8 : 7);
  }
  for (let i = 0; i < 9; i++) r.advance(); // both at step 12: the end of epoch 2
  const end = r.snapshot() as CompareSnapshot;
  for (const id of ['dropout-compare-without', 'dropout-compare-with']) {
    const rep = reps.get(id)!;
    const shown = rep.shown!(end, { ...CMP0, epochs: 10 });
    const engine = runRecipe(makeRecipe(rep, { settings: { epochs: 10 } }));
    assert.deepEqual(shown.map((l) => l.epoch), [0, 1, 2]);
    assert.deepEqual(Object.keys(shown[2]), ['epoch', 'train_loss', 'val_loss', 'train_accuracy', 'val_accuracy']);
    shown.forEach((l, i) => {
      for (const [k, v] of Object.entries(l)) assert.equal(engine[i][k], v, `${id}: epoch ${i} ${k} is the engine's`);
    });
  }
});

/** A run with what the step lines must cope with: dropout set to 0 and back live, a penalty, a stop part-way into an epoch. */
function stepwiseRecipe(dropout: boolean): TorchRecipe {
  const rng = createRng(3);
  const data = (n: number) => {
    const x = Float64Array.from({ length: 2 * n }, () => rng.next() * 2 - 1);
    return { x, y: Float64Array.from({ length: n }, (_, i) => +(x[2 * i] > x[2 * i + 1])), n, inputs: 2, outputs: 1 };
  };
  const split = { train: data(23), val: data(17) };
  const trainer = createTrainer({
    network: { layers: mlpLayers({ widths: [2, 7, 5, 1], activation: 'tanh', dropout: dropout ? 0.4 : undefined }), loss: 'bce_with_logits', optimizer: { type: 'adam', lr: 0.03 }, penalty: { l1: 0, l2: 1e-3 }, seed: 11 },
    train: split.train, val: split.val, batchSize: 5, seed: 4,
  });
  const changes = dropout
    ? [{ step: 3, epoch: 0, set: { dropout: 0 } }, { step: 9, epoch: 1, set: { dropout: 0.6, lr: 0.01 } }]
    : [{ step: 9, epoch: 1, set: { lr: 0.01 } }];
  const body = torchBody({ trainer, data: split, batchSize: 5, shuffleSeed: 4, epochs: 4, stopAfterSteps: 17, changes, figures: { perStep: { masks: true }, penalty: true } });
  return { format: 'regularization-lab-recipe/1', demo: 'stepwise', title: 'A test run', chapter: { slug: 'none', title: 'none' }, link: '/', settings: {}, query: '', ...body } as TorchRecipe;
}

test('step lines: the engine\'s, with p = 0 (nothing dropped, no draws), a penalty, and a stop part-way into an epoch', () => {
  const lines = runRecipe(stepwiseRecipe(true));
  const steps = stepLines(lines);
  assert.equal(steps.length, 17);
  assert.deepEqual(steps.map((l) => l.p), [0.4, 0.4, 0.4, 0, 0, 0, 0, 0, 0, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6]);
  assert.ok(steps.slice(3, 9).every((l) => l.dropped === 0 && (l.masks as string[]).every((m) => m === '1111111|11111')));
  assert.ok(steps.slice(0, 3).every((l) => (l.dropped as number) > 0));
  assert.deepEqual(steps.map((l) => l.units), [60, 60, 60, 60, 36, 60, 60, 60, 60, 36, 60, 60, 60, 60, 36, 60, 60], 'the last batch of an epoch has 3 rows');
  assert.deepEqual(epochLines(lines).map((l) => l.step), [0, 5, 10, 15]);
  assert.equal(lines.at(-1)!.step, 17);
  const plain = stepLines(runRecipe(stepwiseRecipe(false)));
  assert.deepEqual(Object.keys(plain[0]), ['step', 'batch_loss'], 'without dropout a step line is its batch loss');
});

test('the script\'s text: the stop, the step measure and the data loss apart from the penalty', () => {
  const text = pythonScript(stepwiseRecipe(true));
  assert.match(text, /# 6\. Training: the 17 steps you trained \(3 epochs and 2 steps\),/);
  assert.match(text, /if step == 17:\n\s+return/);
  assert.match(text, /data_loss = loss_fn\(model\(x_train\[batch\]\), y_train\[batch\]\)\n\s+loss = data_loss \+ penalty\(\)/);
  assert.match(text, /emit\(measure_step\(step, data_loss\.item\(\)\)\)/);
  assert.match(text, /It prints one JSON line\s+per training step \(its mini-batch's loss and the masks dropout drew\) and one per epoch/);
  assert.doesNotMatch(pythonScript(stepwiseRecipe(false)), /drops = /);
});

for (const dropout of [true, false]) {
  test(`with torch: the step lines of a run ${dropout ? 'with dropout (p to 0 and back)' : 'without dropout'} are the engine's (relative 1e-6)`, { skip: TORCH ? false : missing(['torch']) }, () => {
    const recipe = stepwiseRecipe(dropout);
    const { stdout } = runPython(TORCH!, pythonScript(recipe));
    const c = compareRuns(stdout.trim().split('\n').map((l) => JSON.parse(l) as Line), runRecipe(recipe));
    assert.ok(c.ok, c.problems.slice(0, 8).join('\n'));
  });
}
