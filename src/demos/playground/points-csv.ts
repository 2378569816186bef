/**
 * The learner's points as a CSV file, both ways: reading an upload (two feature columns and a
 * label column, header optional, at most MAX_POINTS rows), with a message naming the line and the
 * problem for a file it cannot use, and writing the points back out. Read in the browser only.
 * Features are moved into the playground's square [-1, 1]² (one scale for both, so shapes keep
 * their proportions) and rounded as the link keeps them (points-code.ts). Pure, no DOM.
 */
import { MAX_POINTS, quantize, type Point } from './points-code.ts';
import { grouped } from '../../views/number-format.ts';

export type CsvResult =
  | { ok: true; points: Point[]; header: boolean; scaled: boolean; labels: [string, string] }
  | { ok: false; message: string };

const fail = (message: string): CsvResult => ({ ok: false, message });
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function cells(line: string, sep: string): string[] {
  return line.split(sep).map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim());
}

function short(s: string): string {
  return s.length > 20 ? `${s.slice(0, 20)}…` : s;
}

export function parsePointsCsv(text: string, maxRows = MAX_POINTS): CsvResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const rows: { line: number; cells: string[] }[] = [];
  const first = lines.find((l) => l.trim() !== '') ?? '';
  const sep = first.includes(',') ? ',' : first.includes(';') ? ';' : first.includes('\t') ? '\t' : ',';
  lines.forEach((l, i) => {
    if (l.trim() !== '') rows.push({ line: i + 1, cells: cells(l, sep) });
  });
  if (rows.length === 0) return fail('The file is empty: it needs one point a line, x, y and the class (0 or 1).');
  // A header: a first row whose feature cells are not numbers.
  const header = !rows[0].cells.slice(0, 2).every((c) => NUMBER.test(c));
  const data = header ? rows.slice(1) : rows;
  if (data.length === 0) return fail('The file has a header line but no points under it.');
  if (data.length > maxRows) return fail(`The file has ${grouped(data.length)} points; at most ${grouped(maxRows)} can be read. Your points are kept as they were.`);
  const xs: number[] = [], ys: number[] = [], raw: string[] = [];
  for (const r of data) {
    if (r.cells.length < 3 || r.cells[2] === '') {
      return fail(`Line ${r.line} has ${r.cells.filter((c) => c !== '').length} value${r.cells.length === 1 ? '' : 's'}, but needs three: x, y and the class (a column is missing). Your points are kept as they were.`);
    }
    for (const [k, name] of [[0, 'x (column 1)'], [1, 'y (column 2)']] as const) {
      if (!NUMBER.test(r.cells[k])) return fail(`Line ${r.line}: ${name} is "${short(r.cells[k])}", not a number. Your points are kept as they were.`);
    }
    xs.push(Number(r.cells[0]));
    ys.push(Number(r.cells[1]));
    raw.push(r.cells[2]);
  }
  // Two classes: 0 / 1, or any two labels (the smaller one, or the first in sort order, is class 0).
  const distinct = [...new Set(raw)];
  if (distinct.length === 1) return fail(`Every point is of class "${short(distinct[0])}": a classifier needs points of two classes. Your points are kept as they were.`);
  if (distinct.length > 2) {
    const third = data[raw.findIndex((v) => v !== distinct[0] && v !== distinct[1])];
    return fail(`Line ${third.line} has a third class, "${short(third.cells[2])}" (the file already has "${short(distinct[0])}" and "${short(distinct[1])}"): the playground classifies two. Your points are kept as they were.`);
  }
  const numeric = distinct.every((d) => NUMBER.test(d));
  const labels = distinct.sort((a, b) => (numeric ? Number(a) - Number(b) : a < b ? -1 : 1)) as [string, string];
  // One scale for both features, so the shape keeps its proportions; data inside [-1, 1]² stays as it is.
  const lo = Math.min(...xs, ...ys), hi = Math.max(...xs, ...ys);
  const scaled = lo < -1 || hi > 1;
  const cx = scaled ? (Math.min(...xs) + Math.max(...xs)) / 2 : 0;
  const cy = scaled ? (Math.min(...ys) + Math.max(...ys)) / 2 : 0;
  const half = scaled ? Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)) / 2 || 1 : 1;
  const points = xs.map((x, i): Point => ({ x: quantize((x - cx) / half), y: quantize((ys[i] - cy) / half), label: raw[i] === labels[1] ? 1 : 0 }));
  return { ok: true, points, header, scaled, labels };
}

/** The points as CSV: a header line, then x, y, class (0 or 1), as many digits as the points hold. */
export function pointsToCsv(points: readonly Point[]): string {
  return ['x,y,label', ...points.map((p) => `${+p.x.toFixed(5)},${+p.y.toFixed(5)},${p.label}`)].join('\n') + '\n';
}
