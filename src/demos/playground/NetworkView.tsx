import type { JSX } from 'preact';

interface Props {
  /** Neurons per layer, input first: [2, h, ..., 1]. */
  widths: number[];
  /** Every linear weight, layer after layer (out x in, row-major). */
  weights: ArrayLike<number>;
  /** Per hidden layer, one example's dropout mask (1 kept, 0 dropped); null: nothing dropped. */
  masks: number[][] | null;
  summary: string;
  testId?: string;
}

/** Neurons drawn per layer: a 64-wide layer as 64 circles would be unreadable on a phone. */
export const SHOWN = 10;
const W = 420, H = 300, R = 7, TOP = 14, BOTTOM = 30;

/**
 * The network as a picture: a column per layer, each connection's width following |w| and its
 * colour the sign; a neuron the current dropout mask drops is crossed out and its connections
 * greyed. Layers wider than SHOWN draw their first SHOWN neurons and say how many more there are.
 */
export function NetworkView({ widths, weights, masks, summary, testId }: Props) {
  const cols = widths.length;
  const colX = (k: number) => 24 + (k * (W - 48)) / (cols - 1);
  const shown = widths.map((w) => Math.min(w, SHOWN));
  const gap = (H - TOP - BOTTOM) / Math.max(...shown);
  const rowY = (k: number, j: number) => TOP + gap / 2 + (j + (Math.max(...shown) - shown[k]) / 2) * gap;
  const dropped = (k: number, j: number) => k > 0 && k < cols - 1 && masks !== null && masks[k - 1]?.[j] === 0;
  let maxW = 1e-9;
  for (let i = 0; i < weights.length; i++) maxW = Math.max(maxW, Math.abs(weights[i]));
  const edges: JSX.Element[] = [];
  let offset = 0;
  for (let k = 0; k + 1 < cols; k++) {
    const nIn = widths[k];
    for (let o = 0; o < shown[k + 1]; o++) {
      for (let i = 0; i < shown[k]; i++) {
        const w = weights[offset + o * nIn + i] ?? 0;
        const off = dropped(k, i) || dropped(k + 1, o);
        edges.push(
          <line
            key={`${k}-${o}-${i}`}
            x1={colX(k)} y1={rowY(k, i)} x2={colX(k + 1)} y2={rowY(k + 1, o)}
            class={off ? 'pg-edge off' : w >= 0 ? 'pg-edge pos' : 'pg-edge neg'}
            stroke-width={off ? 1 : 0.3 + 3.2 * (Math.abs(w) / maxW)}
          />,
        );
      }
    }
    offset += widths[k + 1] * nIn;
  }
  const nodes: JSX.Element[] = [];
  for (let k = 0; k < cols; k++) {
    for (let j = 0; j < shown[k]; j++) {
      const x = colX(k), y = rowY(k, j), d = dropped(k, j);
      nodes.push(
        <g key={`n${k}-${j}`} class={`pg-node${k === 0 || k === cols - 1 ? ' io' : d ? ' dropped' : ''}`} data-dropped={d ? '' : undefined}>
          <circle cx={x} cy={y} r={R} />
          {d && <path d={`M${x - R} ${y - R}L${x + R} ${y + R}M${x + R} ${y - R}L${x - R} ${y + R}`} />}
        </g>,
      );
    }
  }
  const labels = widths.map((w, k) => (k === 0 ? 'x₁, x₂' : k === cols - 1 ? 'output' : w > SHOWN ? `${w} (${SHOWN} shown)` : String(w)));
  return (
    <figure style="margin:0">
      <svg viewBox={`0 0 ${W} ${H}`} class="pg-network" role="img" aria-label={summary} data-testid={testId}>
        <g>{edges}</g>
        <g>{nodes}</g>
        {labels.map((l, k) => <text key={k} x={colX(k)} y={H - 10} class="pg-col-label">{l}</text>)}
      </svg>
      <figcaption class="legend">
        <span><span class="swatch" style={{ background: 'var(--series-1)' }} />positive weight</span>
        <span><span class="swatch" style={{ background: 'var(--series-2)' }} />negative weight</span>
        <span>✕ dropped by this step’s mask</span>
      </figcaption>
    </figure>
  );
}
