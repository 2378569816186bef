// Colours read from the CSS variables: the built site's minified CSS writes #ffffff as #fff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rgb } from '../../src/views/palette.ts';

test('rgb reads #rrggbb, #rgb and rgb() colours', () => {
  assert.deepEqual(rgb('#3050d8'), [0x30, 0x50, 0xd8]);
  assert.deepEqual(rgb(' #fff '), [255, 255, 255]);
  assert.deepEqual(rgb('#1a1D27'), [0x1a, 0x1d, 0x27]);
  assert.deepEqual(rgb('rgb(12, 34, 56)'), [12, 34, 56]);
  assert.deepEqual(rgb('rgba(1 2 3 / 50%)'), [1, 2, 3]);
  assert.deepEqual(rgb('papayawhip'), [128, 128, 128]);
});
