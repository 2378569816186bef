// Builds scratch copies of the site to check what instructors rely on: a chapter re-using every
// demo with non-default props builds and renders; a broken front matter and a bad demo prop fail
// the build with messages naming the file and the field; new-chapter makes a chapter that builds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demos } from '../../src/demos/index.ts';

const root = process.cwd();

function scratchCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reglab-build-'));
  for (const entry of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'content', 'src', 'public', 'scripts']) {
    cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

function astroBuild(dir: string): { ok: boolean; output: string } {
  const r = spawnSync(join(root, 'node_modules/.bin/astro'), ['build', '--silent'], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: 240_000,
  });
  return { ok: r.status === 0, output: `${r.stdout}\n${r.stderr}` };
}

// Every demo of the list (src/demos/index.ts): its component name and remix-guide example.
const demoMetas = async () => demos;

const fixtureFront = (order: number, extra = '') => `---
title: Fixture chapter
description: A chapter that re-uses demos with the instructor's own settings.
order: ${order}
objectives:
  - Check that remixed demos build.
hidden: true
${extra}---
`;

test('a fixture chapter re-using every demo with non-default props builds and renders each one', async () => {
  const metas = await demoMetas();
  assert.ok(metas.length >= 1, 'demos are listed in src/demos/index.ts');
  const dir = scratchCopy();
  try {
    const body = metas.map((m) => `## ${m.component}\n\n${m.example}\n`).join('\n');
    writeFileSync(join(dir, 'content', '99-fixture.mdx'), `${fixtureFront(99)}\n${body}`);
    const { ok, output } = astroBuild(dir);
    assert.ok(ok, output.slice(-3000));
    const html = readFileSync(join(dir, 'dist/chapters/fixture/index.html'), 'utf8');
    for (const m of metas) {
      const id = /\bid="([^"]+)"/.exec(m.example)?.[1];
      assert.ok(id, `${m.component}'s example sets an id`);
      assert.match(html, new RegExp(`id(?:=|&quot;:\\[0,&quot;)"?${id}`), `${m.component} rendered with id ${id}`);
    }
    // Hidden chapters build but stay out of the menu.
    assert.doesNotMatch(readFileSync(join(dir, 'dist/index.html'), 'utf8'), /Fixture chapter/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a malformed front matter fails the build naming the file and the field', () => {
  const dir = scratchCopy();
  try {
    writeFileSync(join(dir, 'content', '98-broken.mdx'), `---\ntitle: Broken chapter\ndescription: Its order is not a number at all.\norder: "second"\nobjectives:\n  - Fail.\n---\n\nText.\n`);
    const { ok, output } = astroBuild(dir);
    assert.equal(ok, false, 'the build must fail');
    assert.match(output, /98-broken/, 'names the file');
    assert.match(output, /order/, 'names the field');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a demo with a bad prop fails the build naming the demo and the prop', () => {
  const dir = scratchCopy();
  try {
    writeFileSync(join(dir, 'content', '97-bad-prop.mdx'), `${fixtureFront(97)}\n<OverfittingDemo noise={7} />\n`);
    const { ok, output } = astroBuild(dir);
    assert.equal(ok, false, 'the build must fail');
    assert.match(output, /OverfittingDemo/);
    assert.match(output, /"noise"/);
    assert.match(output, /from 0 to 0\.5/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('npm run new-chapter writes a valid chapter that builds', () => {
  const dir = scratchCopy();
  try {
    execFileSync(join(root, 'node_modules/.bin/node'), ['scripts/new-chapter.ts', 'Data augmentation'], { cwd: dir, encoding: 'utf8' });
    const file = readdirSync(join(dir, 'content')).find((f) => f.endsWith('-data-augmentation.mdx'));
    assert.ok(file, 'the chapter file exists');
    const again = spawnSync(join(root, 'node_modules/.bin/node'), ['scripts/new-chapter.ts', 'Data augmentation'], { cwd: dir, encoding: 'utf8' });
    assert.notEqual(again.status, 0, 'refuses to overwrite');
    assert.match(again.stderr, /exists already/);
    const { ok, output } = astroBuild(dir);
    assert.ok(ok, output.slice(-3000));
    assert.ok(existsSync(join(dir, 'dist/chapters/data-augmentation/index.html')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
