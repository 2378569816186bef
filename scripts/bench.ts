// Training-engine benchmark (see ../shared/bench/README.md).
//
//   npm run --silent bench -- --json ../shared/bench/configs.json   -> {"results": [...]}
//   npm run bench [-- CONFIGS.json] [--runs N]                      -> a readable table
//
// Each config is trained with the engine the pages run (createTrainer / createNetwork) and with the
// per-example reference of bench-reference.ts (TensorFlow Playground's nn.ts style), same data,
// same initial weights, same batches. Data generation and the final loss evaluation are outside
// the timed region; each implementation is warmed up with one untimed run, then timed over
// `runs` full trainings (default 5). examplesPerSec = epochs * n / wall time of the fastest run
// (the machine is shared, so the minimum is the least disturbed measurement); the median is
// printed too.

import { readFileSync } from 'node:fs';
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

interface Timing { best: number; median: number; finalTrainLoss: number }

const SEED = 1; // initial weights and shuffling (the configs only seed the data)

/** Returns a function that trains from scratch and returns the final train loss; only the
 *  training itself is inside `timed`. */
function engineRun(c: BenchConfig, train: Dataset, timed: { ms: number }): () => number {
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
    timed.ms = performance.now() - t0;
    return trainer.network.loss(train.x, train.y, train.n, 'eval');
  };
}

function referenceRun(c: BenchConfig, train: Dataset, timed: { ms: number }): () => number {
  return () => {
    const net = new ReferenceNetwork({
      widths: c.layers, activation: c.activation, loss: c.loss, optimizer: c.optimizer,
      penalty: c.penalty, dropout: c.dropout, batchnorm: c.batchnorm, seed: SEED,
    }, train.n);
    const t0 = performance.now();
    trainReference(net, train, c.batch, c.epochs, SEED);
    timed.ms = performance.now() - t0;
    return net.loss(train);
  };
}

/** Times only the training part of each run (construction and final loss excluded). */
function measure(make: (timed: { ms: number }) => () => number, runs: number): Timing {
  const timed = { ms: 0 };
  const run = make(timed);
  run();
  const ms: number[] = [];
  let finalTrainLoss = NaN;
  for (let r = 0; r < runs; r++) {
    finalTrainLoss = run();
    ms.push(timed.ms);
  }
  ms.sort((a, b) => a - b);
  return { best: ms[0], median: ms[Math.floor(ms.length / 2)], finalTrainLoss };
}

function isRegularised(c: BenchConfig): boolean {
  return (c.penalty !== undefined && (c.penalty.l1 > 0 || c.penalty.l2 > 0)) || (c.dropout ?? 0) > 0 || c.batchnorm === true;
}

/** The unregularised config with the same network, data and training (e.g. wide-relu for wide-relu-l2). */
function plainOf(c: BenchConfig, all: BenchConfig[]): BenchConfig | undefined {
  const key = (x: BenchConfig) => JSON.stringify([x.dataset, x.layers, x.activation, x.loss, x.optimizer, x.batch, x.epochs]);
  return all.find((p) => !isRegularised(p) && key(p) === key(c));
}

function main(argv: string[]): void {
  const json = argv.includes('--json');
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 5;
  const files = argv.filter((a, i) => a !== '--json' && a !== '--runs' && !(runsAt >= 0 && i === runsAt + 1));
  const file = files[0] ?? '../shared/bench/configs.json';
  const configs = (JSON.parse(readFileSync(file, 'utf8')) as { configs: BenchConfig[] }).configs;

  const rows = configs.map((c) => {
    const { train } = makeClassification({ ...c.dataset });
    const engine = measure((t) => engineRun(c, train, t), runs);
    const reference = measure((t) => referenceRun(c, train, t), Math.max(1, Math.min(runs, 3)));
    const examples = c.epochs * train.n;
    return {
      id: c.id,
      examplesPerSec: Math.round((examples / engine.best) * 1000),
      epochs: c.epochs,
      finalTrainLoss: engine.finalTrainLoss,
      wallMs: Number(engine.best.toFixed(2)),
      medianExamplesPerSec: Math.round((examples / engine.median) * 1000),
      referenceExamplesPerSec: Math.round((examples / reference.best) * 1000),
      referenceFinalTrainLoss: reference.finalTrainLoss,
      speedup: Number((reference.best / engine.best).toFixed(2)),
      costVsPlain: undefined as number | undefined,
      runs,
    };
  });
  rows.forEach((r, i) => {
    const plain = isRegularised(configs[i]) ? plainOf(configs[i], configs) : undefined;
    const p = plain && rows.find((x) => x.id === plain.id);
    if (p) r.costVsPlain = Number((p.examplesPerSec / r.examplesPerSec).toFixed(2));
  });

  if (json) {
    process.stdout.write(JSON.stringify({ results: rows }) + '\n');
    return;
  }
  const head = ['config', 'examples/s', 'median', 'reference/s', 'speedup', 'cost vs plain', 'final loss', 'ref loss', 'ms'];
  const table = rows.map((r) => [
    r.id, r.examplesPerSec.toLocaleString('en'), r.medianExamplesPerSec.toLocaleString('en'), r.referenceExamplesPerSec.toLocaleString('en'),
    `${r.speedup}x`, r.costVsPlain === undefined ? '' : `${r.costVsPlain}x`, r.finalTrainLoss.toFixed(4), r.referenceFinalTrainLoss.toFixed(4), r.wallMs.toFixed(1),
  ]);
  const widths = head.map((h, k) => Math.max(h.length, ...table.map((t) => t[k].length)));
  const line = (cells: string[]) => cells.map((s, k) => (k === 0 ? s.padEnd(widths[k]) : s.padStart(widths[k]))).join('  ');
  console.log(line(head));
  for (const t of table) console.log(line(t));
  console.log(`(best of ${runs} timed runs after a warm-up; median shown too)`);
}

main(process.argv.slice(2));
