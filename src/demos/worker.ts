/// <reference lib="webworker" />
// The training Web Worker's entry: the protocol from src/training, the runners from the demo list.
import { serveWorker } from '../training/worker.ts';
import { runnerTable } from './runners.ts';

serveWorker(runnerTable);
