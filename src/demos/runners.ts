/** Every demo's training runner, by kind: what the worker can host. */
import type { RunnerFactory } from '../training/runner.ts';
import { overfittingRunner } from './overfitting/runner.ts';

export const runnerFactories: Record<string, RunnerFactory> = {
  overfitting: overfittingRunner,
};
