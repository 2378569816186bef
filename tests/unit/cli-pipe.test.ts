// A command-line tool whose reader goes away (`npm run --silent reproduce -- overfitting --engine
// | head -3`) exits quietly, without an unhandled EPIPE stack trace (issue 13).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const node = join(process.cwd(), 'node_modules/.bin/node');

function closeAfterFirstLine(args: string[]): Promise<{ code: number | null; stderr: string; first: string }> {
  return new Promise((resolve) => {
    const child = spawn(node, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let first = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', (d) => {
      first = String(d).split('\n')[0]!;
      child.stdout.destroy(); // the reader goes away, as `head` does
    });
    child.on('close', (code) => resolve({ code, stderr, first }));
  });
}

for (const args of [['scripts/reproduce.ts', 'overfitting', '--engine'], ['scripts/reproduce.ts', 'penalty-effects']]) {
  test(`${args.join(' ')} | head: exits 0 with nothing on stderr`, async () => {
    const r = await closeAfterFirstLine(args);
    assert.ok(r.first.length > 0, 'it printed something first');
    assert.equal(r.stderr, '', r.stderr.slice(0, 500));
    assert.equal(r.code, 0);
  });
}
