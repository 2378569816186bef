// KaTeX's style sheet as the pages get it: each of its fonts from one WOFF2 file (src/build/katex-woff2-only.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { woff2Only } from '../../src/build/katex-woff2-only.ts';

const katexCss = readFileSync(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'), 'utf8');

test("each of KaTeX's @font-face rules keeps its WOFF2 source and nothing else changes", () => {
  const out = woff2Only(katexCss);
  const faces = out.match(/@font-face\{[^}]*\}/g) ?? [];
  assert.equal(faces.length, 20);
  for (const face of faces) assert.match(face, /src:url\(fonts\/KaTeX_[\w-]+\.woff2\) format\("woff2"\)\}$/);
  assert.equal(out.replace(/@font-face\{[^}]*\}/g, ''), katexCss.replace(/@font-face\{[^}]*\}/g, ''));
});

test('a KaTeX whose font rules read differently stops the build with a message saying where to look', () => {
  assert.throws(() => woff2Only('@font-face{font-family:KaTeX_Main;src:url(fonts/KaTeX_Main-Regular.woff) format("woff")}'), /src\/build\/katex-woff2-only\.ts/);
});
