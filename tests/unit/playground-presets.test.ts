// Every chapter ends with "Try it in the playground": its preset sets the chapter's technique up
// next to a twin without it, and the link's words say it helps. Checked here on the engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRESETS, presetQuery } from '../../src/demos/playground/presets.ts';
import { createPlaygroundRun, type NetView } from '../../src/demos/playground/runner.ts';
import { readDemoLink } from '../../src/demos/link-params.ts';
import { playgroundFields } from '../../src/demos/playground/settings.ts';
import { playgroundClash } from '../../src/demos/playground/clash.ts';
import { defaults } from '../../src/demos/settings-kit.ts';

const content = join(import.meta.dirname, '../../content');
const chapters = readdirSync(content).filter((f) => /^\d+-.*\.mdx$/.test(f));

test('every chapter ends with its "Try it in the playground" link, and every preset belongs to a chapter', () => {
  const slugs = chapters.map((f) => f.replace(/^\d+-/, '').replace(/\.mdx$/, ''));
  assert.deepEqual([...slugs].sort(), Object.keys(PRESETS).sort());
  for (const f of chapters) {
    const slug = f.replace(/^\d+-/, '').replace(/\.mdx$/, '');
    assert.match(readFileSync(join(content, f), 'utf8').trimEnd(), new RegExp(`<PlaygroundLink chapter="${slug}" />$`), f);
  }
});

/** What a network's run ends with: the kept model's (restored best epoch's) losses. */
function kept(v: NetView) {
  const at = v.restoredFrom ?? v.val.length - 1;
  return { val: v.val[at], train: v.train[at] };
}

for (const [chapter, preset] of Object.entries(PRESETS)) {
  test(`${chapter}: the preset's link opens those settings, and its technique helps as the link says`, () => {
    const link = readDemoLink(playgroundFields, 'playground', presetQuery(chapter), defaults(playgroundFields), playgroundClash);
    assert.deepEqual(link.notices, []);
    for (const [k, v] of Object.entries(preset.settings)) assert.equal(link.value[k as keyof typeof link.value], v, k);
    assert.notEqual(link.value.compare, 'none', 'the link shows a twin without the technique');

    const run = createPlaygroundRun(link.value);
    while (run.advance());
    const s = run.snapshot();
    const main = kept(s.main), twin = kept(s.twin!);
    const m = preset.helps.measure;
    assert.ok(main[m] < preset.helps.ratio * twin[m], `${m} loss ${main[m].toFixed(3)} with the technique, ${twin[m].toFixed(3)} without (needs < ${preset.helps.ratio}x)`);
    if (chapter === 'l1-l2') assert.ok(s.main.nearZero.at(-1)! > s.twin!.nearZero.at(-1)! + 50, 'weights pile up near zero');
    if (chapter === 'early-stopping') {
      assert.ok(s.main.stoppedAt !== null && s.main.stoppedAt < link.value.epochs / 2, `stops early (${s.main.stoppedAt})`);
      assert.match(preset.text, new RegExp(`patience ${link.value.patience}.*all ${link.value.epochs} epochs`));
    }
    if (chapter === 'batch-normalization') {
      assert.match(preset.text, new RegExp(`${link.value.layers} hidden layers`));
      assert.ok(s.twin!.valAccuracy < 0.6 && s.main.valAccuracy > 0.9, `accuracy ${s.main.valAccuracy} with, ${s.twin!.valAccuracy} without (stuck near chance)`);
    }
    if (chapter === 'dropout') assert.match(preset.text, new RegExp(`p = ${link.value.dropout}`));
  });
}
