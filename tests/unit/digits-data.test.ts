// The project's copy of the digits is scikit-learn's load_digits(), row for row: a SHA-256 and
// sample rows taken once from sklearn/datasets/data/digits.csv.gz (pixels 0-16 as 0-9a-g).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { digits, loadDigits, DIGITS_COUNT } from '../../src/data/digits/digits.ts';

const SHA256 = '87ff0c9e40dc7e2c0e34e7257799c2e3f3aec1a016363bb11cad869ec428a826'; // pixels then labels, as bytes
const ROWS: [number, number, string][] = [
  [0, 0, '005d910000dfaf5003f20b8004c008800580098004b01c7002e5ac00006da000'],
  [1000, 1, '001e2000000g5000000ea000000bg1000003e60000008c0000aedg83002bcfgf'],
  [1796, 8, '00ae810002ge610000ff8f00005gga0000cffc0004g64g6008ga8g80018cec10'],
];
const CLASS_COUNTS = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180];

test('digits() says clearly when the data is not loaded yet', () => {
  assert.throws(() => digits(), /not been loaded yet/);
});

test('the packed digits equal load_digits(): checksum, sample rows, class counts', async () => {
  const d = await loadDigits();
  assert.equal(d.n, DIGITS_COUNT);
  assert.equal(d.pixels.length, DIGITS_COUNT * 64);
  const hash = createHash('sha256').update(d.pixels).update(d.labels).digest('hex');
  assert.equal(hash, SHA256);
  for (const [i, label, hex] of ROWS) {
    assert.equal(d.labels[i], label, `label of row ${i}`);
    assert.equal(Array.from(d.pixels.subarray(i * 64, i * 64 + 64), (v) => '0123456789abcdefg'[v]).join(''), hex, `pixels of row ${i}`);
  }
  const counts = new Array(10).fill(0);
  for (const l of d.labels) counts[l]++;
  assert.deepEqual(counts, CLASS_COUNTS);
  assert.equal(digits(), d, 'digits() returns the loaded set');
  assert.equal(await loadDigits(), d, 'loaded once');
});
