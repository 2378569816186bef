// Training-engine benchmark (see bench/README.md).
//
//   npm run --silent bench -- --json   -> {"results": [...]}
//   npm run bench [-- CONFIGS.json] [--runs N] [--in-process]        -> a readable table
//
// Each config is trained with the engine the pages run (createTrainer / createNetwork) and with the
// per-example reference of bench-reference.ts (TensorFlow Playground's nn.ts style): same data,
// same initial weights, same batches. Data generation and the final loss evaluation are outside
// the timed region. After an untimed warm-up run per config, the configs are timed round-robin
// (so a burst of load from other processes hits all of them alike); examplesPerSec =
// epochs * n / wall time of the fastest run, and the median is reported too.
//
// Why a child process: `node scripts/bench.ts` loads TypeScript through Node's type stripper,
// whose WebAssembly memory growth detaches an ArrayBuffer; V8 then adds a "was this buffer
// detached?" check to every typed-array access in the whole process (~20% slower training).
// Browsers run the bundled JavaScript without that penalty. So, by default, this script strips
// the types of the engine files itself (node:module stripTypeScriptTypes: the same code, types
// erased) into a temporary directory and runs the measurement there in a fresh `node` that never
// loads TypeScript. --in-process measures in this process instead.

import './quiet-pipe.ts'; // `| head` ends it quietly
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTrainer, makeClassification, mlpLayers, type Dataset, type LossName, type OptimizerSpec, type Penalty } from '../src/engine/index.ts';
import { ReferenceNetwork, trainReference } from './bench-reference.ts';

interface BenchConfig {
  id: string;
  dataset: { name: 'circle' | 'xor' | 'gauss' | 'spiral'; n: number; noise: number; seed: number };
  layers: number[];
  activation: 'relu' | 'tanh' | 'sigmoid';
  loss: LossName;
  optimizer: OptimizerSpec;
  penalty?: Penalty;
  dropout?: number;
  batchnorm?: boolean;
  batch: number;
  epochs: number;
}

/** Raw timings of one config, as measured (milliseconds of training). */
interface Measured {
  id: string;
  examples: number;
  epochs: number;
  engineMs: number[];
  engineLoss: number;
  referenceMs: number[];
  referenceLoss: number;
}

const SEED = 1; // initial weights and shuffling (the configs only seed the data)

/** A run trains from scratch; it returns the training time (ms) and the final train loss (eval mode). */
type Run = () => { ms: number; loss: number };

function engineRun(c: BenchConfig, train: Dataset): Run {
  return () => {
    const trainer = createTrainer({
      network: {
        layers: mlpLayers({ widths: c.layers, activation: c.activation, dropout: c.dropout, batchnorm: c.batchnorm }),
        loss: c.loss, optimizer: c.optimizer, penalty: c.penalty, seed: SEED,
      },
      train, batchSize: c.batch, seed: SEED,
      evaluateEachEpoch: false, // training throughput only; the loss is evaluated once at the end
    });
    const t0 = performance.now();
    for (let e = 0; e < c.epochs; e++) trainer.runEpoch();
    const ms = performance.now() - t0;
    return { ms, loss: trainer.network.loss(train.x, train.y, train.n, 'eval') };
  };
}

function referenceRun(c: BenchConfig, train: Dataset): Run {
  return () => {
    const net = new ReferenceNetwork({
      widths: c.layers, activation: c.activation, loss: c.loss, optimizer: c.optimizer,
      penalty: c.penalty, dropout: c.dropout, batchnorm: c.batchnorm, seed: SEED,
    }, train.n);
    const t0 = performance.now();
    trainReference(net, train, c.batch, c.epochs, SEED);
    const ms = performance.now() - t0;
    return { ms, loss: net.loss(train) };
  };
}

/** Warm-up, then `rounds` round-robin passes over the configs; short configs repeat within a
 *  round so each round spends at least ~`minMs` on them. */
function timeAll(runs: Run[], rounds: number, minMs: number): { ms: number[][]; loss: number[] } {
  const loss = runs.map(() => NaN);
  const repeat = runs.map((run, i) => {
    run(); // warm-up (JIT)
    const second = run();
    loss[i] = second.loss;
    return Math.max(1, Math.ceil(minMs / Math.max(second.ms, 0.01)));
  });
  const ms = runs.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    runs.forEach((run, i) => {
      for (let k = 0; k < repeat[i]; k++) {
        const t = run();
        ms[i].push(t.ms);
        loss[i] = t.loss;
      }
    });
  }
  return { ms, loss };
}

export function measure(configs: BenchConfig[], rounds: number): Measured[] {
  const data = configs.map((c) => makeClassification({ ...c.dataset }).train);
  const engine = timeAll(configs.map((c, i) => engineRun(c, data[i])), rounds, 100);
  const reference = timeAll(configs.map((c, i) => referenceRun(c, data[i])), Math.max(1, Math.min(rounds, 3)), 0);
  return configs.map((c, i) => ({
    id: c.id, examples: c.epochs * data[i].n, epochs: c.epochs,
    engineMs: engine.ms[i], engineLoss: engine.loss[i], referenceMs: reference.ms[i], referenceLoss: reference.loss[i],
  }));
}

/** Strips the types of the engine and of these scripts into a temporary tree (same layout,
 *  .ts -> .mjs) and runs the measurement there in a fresh node process. */
function measureInChild(configsFile: string, rounds: number): Measured[] {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const tmp = mkdtempSync(join(tmpdir(), 'regularization-bench-'));
  const strip = (from: string, to: string) => {
    const js = stripTypeScriptTypes(readFileSync(from, 'utf8')).replace(/(from\s+['"])(\.{1,2}\/[^'"]+)\.ts(['"])/g, '$1$2.mjs$3');
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, js);
  };
  const warnings = process.listeners('warning');
  process.removeAllListeners('warning'); // stripTypeScriptTypes is flagged experimental in Node 22
  try {
    for (const f of readdirSync(join(root, 'src/engine')).filter((f) => f.endsWith('.ts'))) {
      strip(join(root, 'src/engine', f), join(tmp, 'src/engine', f.replace(/\.ts$/, '.mjs')));
    }
    for (const f of ['bench.ts', 'bench-reference.ts']) strip(join(root, 'scripts', f), join(tmp, 'scripts', f.replace(/\.ts$/, '.mjs')));
    const child = spawnSync(process.execPath, [join(tmp, 'scripts/bench.mjs'), '--child', resolve(configsFile), '--runs', String(rounds)], {
      encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26,
    });
    if (child.status !== 0) throw new Error(`benchmark child process failed (exit ${child.status})`);
    return JSON.parse(child.stdout) as Measured[];
  } finally {
    for (const l of warnings) process.on('warning', l);
    rmSync(tmp, { recursive: true, force: true });
  }
}

function isRegularised(c: BenchConfig): boolean {
  return (c.penalty !== undefined && (c.penalty.l1 > 0 || c.penalty.l2 > 0)) || (c.dropout ?? 0) > 0 || c.batchnorm === true;
}

/** The unregularised config with the same network, data and training (e.g. wide-relu for wide-relu-l2). */
function plainOf(c: BenchConfig, all: BenchConfig[]): BenchConfig | undefined {
  const key = (x: BenchConfig) => JSON.stringify([x.dataset, x.layers, x.activation, x.loss, x.optimizer, x.batch, x.epochs]);
  return all.find((p) => !isRegularised(p) && key(p) === key(c));
}

const sorted = (a: number[]) => [...a].sort((x, y) => x - y);
const best = (a: number[]) => sorted(a)[0];
const median = (a: number[]) => sorted(a)[Math.floor(a.length / 2)];

function report(configs: BenchConfig[], measured: Measured[], json: boolean, rounds: number, where: string): void {
  const rows = measured.map((m) => ({
    id: m.id,
    examplesPerSec: Math.round((m.examples / best(m.engineMs)) * 1000),
    epochs: m.epochs,
    finalTrainLoss: m.engineLoss,
    wallMs: Number(best(m.engineMs).toFixed(2)),
    medianExamplesPerSec: Math.round((m.examples / median(m.engineMs)) * 1000),
    referenceExamplesPerSec: Math.round((m.examples / best(m.referenceMs)) * 1000),
    referenceFinalTrainLoss: m.referenceLoss,
    speedup: Number((best(m.referenceMs) / best(m.engineMs)).toFixed(2)),
    costVsPlain: undefined as number | undefined,
    timedRuns: m.engineMs.length,
  }));
  rows.forEach((r, i) => {
    const plain = isRegularised(configs[i]) ? plainOf(configs[i], configs) : undefined;
    const p = plain && rows.find((x) => x.id === plain.id);
    if (p) r.costVsPlain = Number((p.examplesPerSec / r.examplesPerSec).toFixed(2));
  });
  if (json) {
    process.stdout.write(JSON.stringify({ results: rows }) + '\n');
    return;
  }
  const head = ['config', 'examples/s', 'median', 'reference/s', 'speedup', 'cost vs plain', 'final loss', 'ref. loss', 'best ms', 'runs'];
  const table = rows.map((r) => [
    r.id, r.examplesPerSec.toLocaleString('en'), r.medianExamplesPerSec.toLocaleString('en'), r.referenceExamplesPerSec.toLocaleString('en'),
    `${r.speedup}x`, r.costVsPlain === undefined ? '' : `${r.costVsPlain}x`, r.finalTrainLoss.toFixed(4), r.referenceFinalTrainLoss.toFixed(4),
    r.wallMs.toFixed(1), String(r.timedRuns),
  ]);
  const widths = head.map((h, k) => Math.max(h.length, ...table.map((t) => t[k].length)));
  const line = (cells: string[]) => cells.map((s, k) => (k === 0 ? s.padEnd(widths[k]) : s.padStart(widths[k]))).join('  ');
  console.log(line(head));
  for (const t of table) console.log(line(t));
  console.log(`examples/s: fastest of the timed runs (${rounds} rounds after a warm-up), ${where}; cost vs plain = plain examples/s / this config's.`);
}

function main(argv: string[]): void {
  const flag = (name: string) => argv.includes(name);
  const value = (name: string) => (argv.indexOf(name) >= 0 ? argv[argv.indexOf(name) + 1] : undefined);
  const rounds = Number(value('--runs') ?? 7);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--runs must be an integer >= 1, got ${value('--runs')}`);
  const positional = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--runs');
  const file = positional[0] ?? new URL('../bench/configs.json', import.meta.url).pathname;
  const configs = (JSON.parse(readFileSync(file, 'utf8')) as { configs: BenchConfig[] }).configs;
  if (flag('--child')) {
    process.stdout.write(JSON.stringify(measure(configs, rounds)));
    return;
  }
  const inProcess = flag('--in-process');
  const measured = inProcess ? measure(configs, rounds) : measureInChild(file, rounds);
  report(configs, measured, flag('--json'), rounds, inProcess ? 'measured in this process (TypeScript loader)' : 'measured in a child node on the type-stripped engine');
}

main(process.argv.slice(2));
