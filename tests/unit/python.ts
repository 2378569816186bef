// Finding a python3 for the reproduce tests, and running a script with it.
import { spawnSync } from 'node:child_process';

// REPRODUCE_PYTHON names the only interpreter to try (e.g. to see the tests skip without torch).
const CANDIDATES = process.env.REPRODUCE_PYTHON ? [process.env.REPRODUCE_PYTHON] : ['python3', '/usr/bin/python3'];
const found = new Map<string, string | null>();

/** The first python3 that can import every module of `modules` (e.g. "torch"), or null. */
export function python(modules: string[] = []): string | null {
  const key = modules.join(',');
  if (!found.has(key)) {
    const code = modules.length ? `import ${modules.join(', ')}` : 'pass';
    found.set(key, CANDIDATES.find((p) => spawnSync(p, ['-c', code], { stdio: 'ignore', timeout: 60_000 }).status === 0) ?? null);
  }
  return found.get(key)!;
}

/** Why a test that needs these modules is skipped (the message node:test prints). */
export function missing(modules: string[]): string {
  return `no python3 with ${modules.join(' and ')} (tried ${CANDIDATES.join(', ')}): on Debian, apt-get install ${modules.map((m) => `python3-${m}`).join(' ')}`;
}

/** Runs Python source (from stdin) with `exe`; throws with stderr when it fails. */
export function runPython(exe: string, source: string, timeout = 300_000): { stdout: string; stderr: string } {
  const r = spawnSync(exe, ['-'], { input: source, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`python exited with ${r.status ?? r.signal}:\n${r.stderr.slice(-3000)}`);
  return { stdout: r.stdout, stderr: r.stderr };
}
