import { usePalette } from './palette.ts';

export interface PairedRow { label: string; color: number }

interface Props {
  /** The two rows (e.g. "none" and "dropout"), drawn one above the other. */
  rows: [PairedRow, PairedRow];
  /** Per seed, its value in each row (null: not finished yet); a line joins the seed's two dots. */
  pairs: { seed: number; a: number | null; b: number | null }[];
  /** Axis label, e.g. "final validation loss". */
  axis: string;
  format: (v: number) => string;
  /** Text alternative with the numbers. */
  summary: string;
  testId?: string;
}

const W = 320, ROW = 40, LEFT = 14, RIGHT = 14, TOP = 4;

/**
 * Per-seed final values of two variants as dots on a shared axis, one row per variant, each
 * seed's two dots joined by a line: a paired comparison you can read seed by seed.
 */
export function PairedDots({ rows, pairs, axis, format, summary, testId }: Props) {
  const palette = usePalette();
  const values = pairs.flatMap((p) => [p.a, p.b]).filter((v): v is number => v !== null && Number.isFinite(v));
  let lo = Math.min(...values), hi = Math.max(...values);
  if (!values.length) { lo = 0; hi = 1; }
  if (hi - lo < 1e-9) { lo -= 0.01; hi += 0.01; }
  const pad = (hi - lo) * 0.08;
  lo -= pad; hi += pad;
  const x = (v: number) => LEFT + ((v - lo) / (hi - lo)) * (W - LEFT - RIGHT);
  // Each row: its label on top, its dots below (labels of any length fit at 390 px).
  const y = (row: 0 | 1) => TOP + row * ROW + 26;
  const height = TOP + 2 * ROW + 36;
  const color = (i: number) => palette?.series[i % palette.series.length] ?? 'currentColor';
  const ticks = [lo + pad, (lo + hi) / 2, hi - pad];
  return (
    <svg class="paired-dots" viewBox={`0 0 ${W} ${height}`} role="img" aria-label={summary} data-testid={testId}>
      {pairs.map((p) =>
        p.a !== null && p.b !== null ? <line key={`l${p.seed}`} x1={x(p.a)} y1={y(0)} x2={x(p.b)} y2={y(1)} stroke={palette?.muted ?? 'currentColor'} stroke-width="1" opacity="0.6" /> : null,
      )}
      {pairs.flatMap((p) =>
        ([[p.a, 0], [p.b, 1]] as const).map(([v, row]) =>
          v === null ? null : <circle key={`${p.seed}-${row}`} data-testid={testId ? `${testId}-dot` : undefined} cx={x(v)} cy={y(row)} r="4.5" fill={color(rows[row].color)} opacity="0.85" />,
        ),
      )}
      {/* The row labels last, with a halo of the background: the joining lines pass under them. */}
      {rows.map((r, i) => (
        <text key={r.label} x={4} y={y(i as 0 | 1) - 11} font-size="11" fill={palette?.text ?? 'currentColor'} stroke={palette?.bg ?? 'none'} stroke-width="3" paint-order="stroke">{r.label}</text>
      ))}
      <line x1={LEFT} x2={W - RIGHT} y1={TOP + 2 * ROW + 6} y2={TOP + 2 * ROW + 6} stroke={palette?.border ?? 'currentColor'} />
      {ticks.map((t) => (
        <text key={t} x={x(t)} y={TOP + 2 * ROW + 19} text-anchor="middle" font-size="10" fill={palette?.muted ?? 'currentColor'}>{format(t)}</text>
      ))}
      <text x={(LEFT + W - RIGHT) / 2} y={height - 3} text-anchor="middle" font-size="11" fill={palette?.muted ?? 'currentColor'}>{axis}</text>
    </svg>
  );
}
