// The "Reproduce in PyTorch" generator: exact embedding, the change log, recipes built from the
// demos' own runs, valid Python, and the Python port of the engine's random numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createNetwork, createRng, EngineError, mlpLayers, runEarlyStopping, type EarlyStoppingParams } from '../../src/engine/index.ts';
import { base64FromBytes, embeddedFloats, float64FromBase64, float64ToBase64, pyFloat, pyNumber } from '../../src/reproduce/encode.ts';
import { createChangeLog, validChanges } from '../../src/reproduce/changes.ts';
import { inputOnScreen, makeRecipe, pythonScript, runRecipe, scriptFor } from '../../src/reproduce/index.ts';
import { PY_MULBERRY32, PY_MULBERRY32_SCALAR, PY_SHOWN_CHECK, pyIoHelpers, pyShown } from '../../src/reproduce/python-common.ts';
import type { ShownKey } from '../../src/reproduce/python-common.ts';

const PATH_KEY: ShownKey = { names: ['model', 'fit', 'alpha'], noun: 'fits' };
const EPOCH_KEY: ShownKey = { names: ['epoch'], noun: 'epochs' };
import { PY_DROPOUT, PY_EARLY_STOPPING } from '../../src/reproduce/torch-script.ts';
import type { Change, Line, Reproduction, TorchRecipe } from '../../src/reproduce/types.ts';
import { exportOverfittingRun } from '../../src/demos/overfitting/runner.ts';
import { loadReproductions, main, settingsFromQuery } from '../../scripts/reproduce.ts';
import { runnerTable } from '../../src/demos/runners.ts';
import { missing, python, runPython } from './python.ts';
import { syntheticSklearnRecipe, syntheticTorchRecipe } from './reproduce-fixtures.ts';

const reps = await loadReproductions();
const overfitting = reps.get('overfitting')!;

function blob(script: string, name: string): Float64Array {
  const values = embeddedFloats(script, name);
  assert.ok(values, `the script embeds ${name}`);
  return values;
}

const bits = (a: ArrayLike<number>) => Array.from(new Uint32Array(Float64Array.from(a).buffer));

test('float64 data round-trips through base64 bit for bit, as Node encodes it', () => {
  const values = [0, -0, 1 / 3, -2.5e-310, Number.MIN_VALUE, Number.MAX_VALUE, Math.PI, NaN, Infinity, -Infinity, 0.1 + 0.2];
  const rng = createRng(3);
  for (let i = 0; i < 500; i++) values.push((rng.next() - 0.5) * 10 ** Math.floor(rng.next() * 40 - 20));
  const text = float64ToBase64(values);
  assert.equal(text, Buffer.from(Float64Array.from(values).buffer).toString('base64'));
  assert.deepEqual(bits(float64FromBase64(text)), bits(values));
  for (const n of [0, 1, 2, 3, 4, 5]) {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 13) & 255);
    assert.equal(base64FromBytes(bytes), Buffer.from(bytes).toString('base64'));
  }
});

test('Python number literals read back as the same float', () => {
  assert.equal(pyFloat(1), '1.0');
  assert.equal(pyFloat(1e-5), '1e-5');
  assert.equal(pyFloat(0.0025), '0.0025');
  assert.equal(Number(pyNumber(-2.5e-7)), -2.5e-7);
  assert.equal(pyNumber(1e-7), '1e-7');
  assert.equal(pyNumber(NaN), 'math.nan');
  assert.equal(Number(pyNumber(0.1 + 0.2)), 0.1 + 0.2);
});

test('the change log keeps real changes with their step, merges moves before the next step, drops no-ops', () => {
  const log = createChangeLog({ lr: 0.01, seed: 7 }, { lr: 0.01 });
  log.record(0, 0, { lr: 0.01 }); // the island's first update() repeats the start value
  log.record(6, 2, { lr: 0.05 });
  log.record(6, 2, { lr: 0.03 });
  log.record(9, 3, { lr: 0.03 });
  log.record(12, 4, { l1: 0.001 });
  log.record(15, 5, { lr: 0.2, l1: 0.002 }); // dragged there and back before the next step: no change
  log.record(15, 5, { lr: 0.03, l1: 0.001 });
  assert.deepEqual(log.run(), {
    settings: { lr: 0.01, seed: 7 },
    changes: [{ step: 6, epoch: 2, set: { lr: 0.03 } }, { step: 12, epoch: 4, set: { l1: 0.001 } }],
  });
  const copy = log.run();
  copy.changes[0].set.lr = 99;
  assert.equal(log.changes[0].set.lr, 0.03, 'run() hands out a copy');
});

test('a change log from outside is checked: clear messages', () => {
  assert.deepEqual(validChanges([{ step: 3, set: { lr: 0.1 } }]), [{ step: 3, epoch: 0, set: { lr: 0.1 } }]);
  assert.throws(() => validChanges({}), /changes must be a list/);
  assert.throws(() => validChanges([{ step: -1, set: {} }]), /step must be an integer >= 0, got -1/);
  assert.throws(() => validChanges([{ step: 5, set: { lr: 1 } }, { step: 2, set: { lr: 1 } }]), /must not decrease/);
  assert.throws(() => validChanges([{ step: 1, set: { momentum: 0.9 } }]), /unknown live setting 'momentum'/);
  assert.deepEqual(validChanges([{ step: 10, epoch: 1, set: { l1: 0, proxL1: 0.003 } }]), [{ step: 10, epoch: 1, set: { l1: 0, proxL1: 0.003 } }]);
  assert.throws(() => validChanges([{ step: 1, set: { lr: 'fast' } }]), /lr must be a finite number, got "fast"/);
});

test('every training demo has a reproduction (from the demo list), with quick settings that validate', async () => {
  for (const id of ['overfitting', 'early-stopping', 'early-stopping-savings', 'penalty-effects', 'regularization-path']) assert.ok(reps.has(id), id);
  // Every runner kind the worker can host is reproduced by some demo.
  for (const kind of Object.keys(runnerTable)) {
    assert.ok([...reps.values()].some((r) => r.runner?.kind === kind), `runner "${kind}" has no reproduction: give its demo a reproduce loader (docs/writing-a-demo.md)`);
  }
  for (const r of reps.values()) {
    assert.ok(r.title && r.chapter.slug && r.chapter.title, r.id);
    assert.doesNotThrow(() => makeRecipe(r, { settings: r.quick }), r.id);
  }
});

test('the recipe holds exactly the data and initial weights the demo exports', () => {
  const settings = { noise: 0.3, seed: 11, hidden: 8, epochs: 30 };
  const recipe = makeRecipe(overfitting, { settings }) as TorchRecipe;
  const exported = exportOverfittingRun(settings);
  assert.deepEqual(Array.from(recipe.data.train.x), exported.data.train.x);
  assert.deepEqual(Array.from(recipe.data.val!.y), exported.data.val.y);
  assert.deepEqual(recipe.network.initial, exported.initialParams);
  assert.equal(recipe.shuffleSeed, 11);
  assert.equal(recipe.query, 'noise=0.3&hidden=8&epochs=30&seed=11');
  assert.equal(recipe.link, '/chapters/what-is-regularization/?overfitting.noise=0.3&overfitting.hidden=8&overfitting.epochs=30&overfitting.seed=11#overfitting');
});

test('bad settings or changes stop the recipe with the demo\'s own messages', () => {
  assert.throws(() => makeRecipe(overfitting, { settings: { noise: 2 } }), (e) => e instanceof EngineError && /"noise" \(Label noise\) must be a number from 0 to 0.5; got 2/.test(e.message));
  assert.throws(() => makeRecipe(overfitting, { settings: { nosie: 0.1 } }), /unknown setting "nosie"/);
  assert.throws(() => makeRecipe(overfitting, { settings: {}, changes: [{ step: 1, epoch: 0, set: { lr: NaN } }] }), /lr must be a finite number/);
});

test('the script embeds the data and initial weights exactly, and names the settings and changes', () => {
  const changes = [{ step: 6, epoch: 2, set: { lr: 0.05 } }];
  const { filename, text, recipe } = scriptFor(overfitting, { settings: { noise: 0.3, epochs: 30 }, changes });
  const r = recipe as TorchRecipe;
  assert.equal(filename, 'overfitting.py');
  assert.deepEqual(bits(blob(text, 'x_train')), bits(r.data.train.x));
  assert.deepEqual(bits(blob(text, 'y_val')), bits(r.data.val!.y));
  assert.deepEqual(bits(blob(text, '0.weight')), bits(r.network.initial[0] && 'weight' in r.network.initial[0] ? r.network.initial[0].weight.flat() : []));
  assert.deepEqual(bits(blob(text, '4.bias')), bits(r.network.initial[4] && 'bias' in r.network.initial[4] ? r.network.initial[4].bias : []));
  assert.match(text, /noise = 0\.3/);
  assert.match(text, /after 6 optimizer steps \(epoch 2\): learning rate 0\.01 -> 0\.05/);
  assert.match(text, /--settings 'noise=0\.3&epochs=30' --changes '\[\{"step":6,"epoch":2,"set":\{"lr":0\.05\}\}\]' --engine/);
  assert.match(text, /torch\.set_default_dtype\(torch\.float64\)/);
  assert.match(text, /torch\.optim\.Adam\(model\.parameters\(\), lr=0\.01\)/);
  assert.match(text, /nn\.BCEWithLogitsLoss\(\)/);
  assert.doesNotMatch(text, /\bimport (numpy|sklearn)/);
});

test('what the button hands over: the snapshot\'s run settings and changes win over the island\'s', () => {
  const input = inputOnScreen({
    settings: { lr: 0.5, patience: 3 },
    snapshot: { reproduce: { settings: { lr: 0.01 }, changes: [{ step: 3, epoch: 1, set: { lr: 0.5 } }] } },
    pageUrl: 'https://example.org/c/', instanceId: 'mine',
  });
  assert.deepEqual(input.settings, { lr: 0.01, patience: 3 });
  assert.equal(input.changes!.length, 1);
  assert.deepEqual(inputOnScreen({ settings: { lr: 0.5 }, snapshot: null }), { settings: { lr: 0.5 }, changes: [], snapshot: undefined, pageUrl: undefined, instanceId: undefined });
  const recipe = makeRecipe(overfitting, { settings: {}, pageUrl: 'https://example.org/c/', instanceId: 'mine' });
  assert.equal(recipe.link, 'https://example.org/c/#mine');
});

/** Live changes a demo's runner can log, for the scripts that apply them. */
const LIVE_CHANGES: Record<string, Change[]> = {
  overfitting: [{ step: 3, epoch: 1, set: { lr: 0.1 } }],
  'penalty-effects': [{ step: 10, epoch: 1, set: { l1: 0, proxL1: 0.01, lr: 0.2 } }, { step: 30, epoch: 3, set: { proxL1: 0, l2: 0.003 } }],
};

test('every script is valid Python (ast.parse)', { skip: python() ? false : missing([]) }, () => {
  const scripts: [string, string][] = [];
  for (const r of reps.values()) {
    scripts.push([r.id, scriptFor(r, { settings: r.quick }).text]);
    scripts.push([`${r.id} (changes)`, scriptFor(r, { settings: r.quick, changes: LIVE_CHANGES[r.id] ?? [] }).text]);
  }
  for (const k of ['regularized', 'mse', 'diverging', 'proximal'] as const) scripts.push([k, pythonScript(syntheticTorchRecipe(k))]);
  for (const p of ['l1', 'l2'] as const) scripts.push([p, pythonScript(syntheticSklearnRecipe(p))]);
  const checker = 'import ast, json, sys\nfor name, src in json.load(sys.stdin).items():\n    ast.parse(src, name)\nprint("ok")';
  const r = runPython(python()!, `import sys, io\nsys.stdin = io.StringIO(${JSON.stringify(JSON.stringify(Object.fromEntries(scripts)))})\n${checker}`);
  assert.equal(r.stdout.trim(), 'ok');
});

test('the script\'s check against the demo\'s numbers matches rows by model, fit and alpha, and compares list elements', { skip: python() ? false : missing([]) }, () => {
  const shown: Line[] = [
    { model: 'lasso', fit: 'path', alpha: 1, coef: [0, 0.5], intercept: 0.25, zeros: 1 },
    { model: 'lasso', fit: 'marker', alpha: 1, coef: [0.1, 0.7], intercept: 0.2, zeros: 0 },
    { model: 'ridge', fit: 'path', alpha: 1, coef: [0.3, 0.4], intercept: 0.1, zeros: 0 },
  ];
  const check = (lines: Line[]) => runPython(python()!, ['import base64, json, math, struct, sys', ...pyIoHelpers(false), ...PY_SHOWN_CHECK,
    pyShown(shown, PATH_KEY), 'SHOWN_CHECK = ShownCheck(SHOWN)',
    `for line in json.loads(${JSON.stringify(JSON.stringify(lines))}):`, '    emit(line)', 'SHOWN_CHECK.report()'].join('\n')).stderr;
  // The same alpha on both paths and at a marker: three rows, each compared with its own numbers.
  assert.match(check(shown), /Matches what the demo showed: 12 numbers at 3 fits, worst relative difference 0\.0e\+00\./);
  const off = structuredClone(shown);
  (off[1].coef as number[])[1] = 0.7001;
  assert.match(check(off), /DIFFERS from the demo: 1 of 12 numbers off by more than 1e-6, first: model lasso fit marker alpha 1 coef\[1\]: the demo showed 0\.7, this run 0\.7001/);
  // Lines without the key (an outcome line) are not compared; epochs are ints in the lines, floats embedded.
  const epochs = runPython(python()!, ['import base64, json, math, struct, sys', ...pyIoHelpers(false), ...PY_SHOWN_CHECK,
    pyShown([{ epoch: 0, val_loss: 0.5 }, { epoch: 1, val_loss: 0.25 }], EPOCH_KEY), 'SHOWN_CHECK = ShownCheck(SHOWN)',
    'for line in [{"epoch": 0, "val_loss": 0.5}, {"epoch": 1, "val_loss": 0.25}, {"stopped_epoch": 1}]:', '    emit(line)', 'SHOWN_CHECK.report()'].join('\n')).stderr;
  assert.match(epochs, /Matches what the demo showed: 2 numbers at 2 epochs/);
});

test('the Python mulberry32 gives the engine\'s sequence and shuffles, from any state', { skip: python() ? false : missing([]) }, () => {
  const states = [0, 7, 42, 2 ** 31 + 12345, 4294967295];
  const engine = states.map((s) => {
    const r = createRng(s);
    const values = Array.from({ length: 50 }, () => r.next());
    const order = Array.from({ length: 37 }, (_, i) => i);
    r.shuffle(order);
    return { values, order, state: r.state() };
  });
  const src = ['import json, math', ...PY_MULBERRY32_SCALAR, '',
    'out = []',
    `for s in ${JSON.stringify(states)}:`,
    '    r = Mulberry32(s)',
    '    values = [r.next() for _ in range(50)]',
    '    order = shuffled(37, r)',
    '    out.append({"values": [repr(v) for v in values], "order": order, "state": r.s})',
    'print(json.dumps(out))'].join('\n');
  const got = JSON.parse(runPython(python()!, src).stdout) as { values: string[]; order: number[]; state: number }[];
  got.forEach((g, i) => {
    assert.deepEqual(g.values.map(Number), engine[i].values, `state ${states[i]}`);
    assert.deepEqual(g.order, engine[i].order);
    assert.equal(g.state, engine[i].state);
  });
});

test('with torch: the vectorised draws equal the engine\'s, and the dropout layer keeps exactly the engine\'s mask', { skip: python(['torch']) ? false : missing(['torch']) }, () => {
  const net = createNetwork({ layers: mlpLayers({ widths: [3, 9, 1], activation: 'relu', dropout: 0.35 }), loss: 'mse', optimizer: { type: 'sgd', lr: 0.1 }, seed: 5 });
  const state = net.rngState();
  const reference = createRng(state);
  const draws = Array.from({ length: 40 }, () => reference.next());
  const x = Float64Array.from({ length: 7 * 3 }, (_, i) => Math.sin(i));
  net.trainStep(x, new Float64Array(7), 7);
  const mask = Array.from(net.dropoutMask(2)!);
  const run = ['import json, math', 'import torch', 'from torch import nn', ...PY_MULBERRY32, '', ...PY_DROPOUT, '',
    `r = Mulberry32(${state})`,
    'draws = r.uniform(40).tolist()',
    `d = EngineDropout(0.35, Mulberry32(${state}))`,
    'd.train()',
    'y = d(torch.ones(7, 9, dtype=torch.float64))',
    'print(json.dumps({"draws": [repr(v) for v in draws], "mask": (y != 0).int().flatten().tolist(), "scale": repr(float(y.max()))}))'].join('\n');
  const got = JSON.parse(runPython(python(['torch'])!, run).stdout) as { draws: string[]; mask: number[]; scale: string };
  assert.deepEqual(got.draws.map(Number), draws);
  assert.deepEqual(got.mask, mask);
  assert.equal(Number(got.scale), 1 / (1 - 0.35));
});

test('the Python EarlyStopping stops, waits and restores where the engine\'s rule does', { skip: python() ? false : missing([]) }, () => {
  const rng = createRng(8);
  const cases: { params: Required<EarlyStoppingParams>; values: (number | null)[] }[] = [];
  for (let k = 0; k < 60; k++) {
    const values: (number | null)[] = Array.from({ length: 25 }, (_, i) => (rng.next() < 0.05 ? null : Math.round((1 / (1 + i) + 0.3 * rng.next()) * 100) / 100));
    cases.push({
      values,
      params: {
        mode: rng.next() < 0.3 ? 'max' : 'min', min_delta: rng.next() < 0.5 ? 0 : 0.02, patience: Math.floor(rng.next() * 5),
        baseline: rng.next() < 0.3 ? 0.5 : null, restore_best_weights: rng.next() < 0.6, start_from_epoch: rng.next() < 0.3 ? 3 : 0,
      },
    });
  }
  const expected = cases.map(({ params, values }) => {
    const r = runEarlyStopping(params, values);
    return { stopped: r.stopped_epoch, run: r.epochs_run, best_epoch: r.best_epoch, restored: r.restored_epoch, wait: r.wait };
  });
  const src = ['import copy, json, math', ...PY_EARLY_STOPPING, '',
    `cases = json.loads(${JSON.stringify(JSON.stringify(cases))})`,
    'out = []',
    'for c in cases:',
    '    p = c["params"]',
    '    rule = EarlyStopping(p["patience"], p["min_delta"], p["mode"], p["baseline"], p["restore_best_weights"], p["start_from_epoch"])',
    '    waits, run = [], 0',
    '    for epoch, v in enumerate(c["values"]):',
    '        run = epoch + 1',
    '        stop = rule.update(epoch, math.nan if v is None else v)',
    '        waits.append(rule.wait)',
    '        if stop:',
    '            break',
    '    out.append({"stopped": rule.stopped_epoch, "run": run, "best_epoch": rule.best_epoch, "restored": rule.restored_epoch(), "wait": waits})',
    'print(json.dumps(out))'].join('\n');
  assert.deepEqual(JSON.parse(runPython(python()!, src).stdout), expected);
});

test('the CLI: --list, a script, --engine lines, --check, and clear errors', async () => {
  const run = async (argv: string[], stdin = '') => {
    let out = '', err = '';
    const code = await main(argv, { out: (s) => { out += s; return true; }, err: (s) => { err += s; return true; }, stdin: () => stdin });
    return { code, out, err };
  };
  const list = await run(['--list']);
  assert.equal(list.code, 0);
  assert.deepEqual(list.out.trim().split('\n').map((l) => l.split('\t')[0]), [...reps.keys()]);
  const script = await run(['overfitting', '--settings', '?overfitting.noise=0.3&overfitting.epochs=10&early-stopping.patience=2#overfitting']);
  assert.equal(script.code, 0);
  assert.match(script.out, /noise = 0\.3/);
  assert.match(script.err, /skipped parameters of other demos: early-stopping\.patience/);
  const engine = await run(['overfitting', '--settings', 'noise=0.3&epochs=10', '--engine']);
  const lines = engine.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 11);
  assert.deepEqual(lines, runRecipe(makeRecipe(overfitting, { settings: { noise: 0.3, epochs: 10 } })));
  assert.deepEqual(Object.keys(lines[3]), ['epoch', 'train_loss', 'val_loss', 'train_accuracy', 'val_accuracy']);
  // --check compares a script's output with the engine's: a copy passes, a changed number fails
  assert.equal((await run(['overfitting', '--settings', 'noise=0.3&epochs=10', '--check'], engine.out)).code, 0);
  const off = engine.out.replace(/"val_loss":(0\.\d{4})/, '"val_loss":$19');
  const bad = await run(['overfitting', '--settings', 'noise=0.3&epochs=10', '--check'], off);
  assert.equal(bad.code, 1);
  assert.match(bad.out, /DIFFERENT: .*\n.*val_loss/);
  for (const [argv, message] of [
    [['nope'], new RegExp(`unknown demo "nope"; the demos are: ${[...reps.keys()].join(', ')}`)],
    [['overfitting', '--settings', 'noise=2'], /overfitting: "noise" \(Label noise\) must be a number from 0 to 0\.5; got "2"/],
    [['overfitting', '--settings', 'speed=3'], /unknown setting "speed"/],
    [['overfitting', '--changes', '[{"step": 1'], /--changes must be JSON/],
    [['overfitting', '--frobnicate'], /unknown option --frobnicate/],
    [[], /which demo\?/],
  ] as [string[], RegExp][]) {
    const r = await run(argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.match(r.err, message);
  }
});

test('a shared link\'s query reads as the demo\'s settings', () => {
  const rep = reps.get('early-stopping') as Reproduction;
  assert.deepEqual(settingsFromQuery(rep, 'https://x.org/chapters/early-stopping/?early-stopping.patience=3&early-stopping-savings.noise=0.2&seed=4#early-stopping'), {
    settings: { patience: '3', seed: '4' }, skipped: ['early-stopping-savings.noise'],
  });
});
