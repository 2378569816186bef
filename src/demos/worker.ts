/// <reference lib="webworker" />
// The training Web Worker's entry: the protocol from src/training, the runners from the demo list
// (loaded lazily: the worker loads only the definition and runner of the demo it runs).
import { serveWorker } from '../training/worker.ts';
import { lazyRunnerTable } from './lazy-list.ts';

serveWorker(lazyRunnerTable);
