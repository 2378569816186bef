// The course's tick labels and grouped numbers replace Intl.NumberFormat (slow to build on a
// phone): they must read exactly as chart.js's numeric formatter with Intl would write them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { grouped, logAxisTickLabel, tickLabel } from '../../src/views/number-format.ts';

/** chart.js 4's Ticks.formatters.numeric, with Intl, as in node_modules/chart.js (helpers.core). */
function chartjsNumeric(v: number, ticks: { value: number }[]): string {
  if (v === 0) return '0';
  let notation: 'scientific' | undefined;
  let delta = v;
  if (ticks.length > 1) {
    const max = Math.max(Math.abs(ticks[0].value), Math.abs(ticks[ticks.length - 1].value));
    if (max < 1e-4 || max > 1e15) notation = 'scientific';
    delta = ticks.length > 3 ? ticks[2].value - ticks[1].value : ticks[1].value - ticks[0].value;
    if (Math.abs(delta) >= 1 && v !== Math.floor(v)) delta = v - Math.floor(v);
  }
  const log = Math.log10(Math.abs(delta));
  const d = Number.isNaN(log) ? 1 : Math.max(Math.min(-1 * Math.floor(log), 20), 0);
  return new Intl.NumberFormat(undefined, { notation, minimumFractionDigits: d, maximumFractionDigits: d }).format(v);
}

const axes: number[][] = [
  [0, 0.2, 0.4, 0.6, 0.8, 1],
  [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3],
  [-1.5, -1, -0.5, 0, 0.5, 1, 1.5],
  [0, 500, 1000, 1500, 2000, 2500],
  [0, 20000, 40000, 60000],
  [0.001, 0.002, 0.003],
  [0.00001, 0.00002, 0.00003],
  [2, 2.5, 3, 3.5],
  [0.6931],
  [12345.678],
];

test('tick labels read as chart.js writes them with Intl (en-US)', () => {
  for (const axis of axes) {
    const ticks = axis.map((value) => ({ value }));
    for (const [i, v] of axis.entries()) assert.equal(tickLabel(v, i, ticks), chartjsNumeric(v, ticks), `tick ${v} of [${axis.join(', ')}]`);
  }
});

test('grouped numbers read as Intl en-US', () => {
  for (const n of [0, 7, 999, 1000, 12345, -1000, 1234567, 600000]) assert.equal(grouped(n), n.toLocaleString('en-US'));
  assert.equal(grouped(1234.5, 2), '1,234.50');
  assert.equal(grouped(-0.0001, 2), '0.00');
});

test('a log axis labels 1, 2, 3 and 5 times a power of ten (and its last fifth), as chart.js does', () => {
  const ticks = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 30, 40, 50].map((value) => ({ value }));
  const labels = ticks.map((t, i) => logAxisTickLabel(t.value, i, ticks));
  assert.deepEqual(labels, ['1', '2', '3', '', '5', '', '', '', '', '10', '20', '30', '40', '50']);
});
