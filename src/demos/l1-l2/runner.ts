// Chapter 3's training runners (auto-registered by src/demos/runners.ts). The geometry demo has
// none: its optima are exact formulas computed on the page (geometry.ts).
import { penaltyRunner } from './penalty-run.ts';
import { pathRunner } from './path-run.ts';

export { exportPenaltyRun, buildPenaltyRun } from './penalty-run.ts';
export { exportPathRun } from './path-run.ts';

export const runners = { 'l1-l2-penalty': penaltyRunner, 'l1-l2-path': pathRunner };
