/**
 * Every demo's training runners, by kind: what the worker can host. Each
 * `src/demos/<folder>/runner.ts` exports `runners: Record<kind, RunnerFactory>`.
 */
import type { RunnerFactory } from '../training/runner.ts';

const modules = import.meta.glob<{ runners: Record<string, RunnerFactory> }>('./*/runner.ts', { eager: true });

export const runnerFactories: Record<string, RunnerFactory> = Object.assign({}, ...Object.values(modules).map((m) => m.runners));
