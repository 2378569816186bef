import type { JSX } from 'preact';

interface Props {
  /** Neurons per layer, input first, output last: [2, h, h, 1]. */
  widths: number[];
  /** One weight matrix per linear layer: widths[k + 1] x widths[k], row-major (out x in). */
  weights: ArrayLike<number>[];
  /** Per hidden layer, the drawn example's mask (1 = kept, 0 = dropped); null: nothing is dropped. */
  masks: ArrayLike<number>[] | null;
  /** The label of every kept hidden neuron: "×2" in train mode (p = 0.5), "×1" in eval mode. */
  keptLabel: string;
  /** Per hidden layer, the example's activations before dropout (shown on hover). */
  activations?: ArrayLike<number>[];
  /** The example's inputs x1, x2 and the network's probability of class 1. */
  inputs?: ArrayLike<number>;
  output?: number;
  /** Captions under the columns, one per layer. */
  columnLabels: string[];
  /** Text alternative: what the drawing shows, with the numbers. */
  summary: string;
  testId?: string;
}

const W = 360;  // narrow: on a phone the drawing keeps readable labels
const SUB = ['₁', '₂', '₃', '₄'];
const R = 15;          // neuron radius: room for a label like "×1.43"
const TOP = 16;
const CAPTION = 34;    // room for the column captions

/**
 * The network as a diagram, one column per layer. Each connection's width follows |weight| and
 * its colour the sign; a dropped neuron is drawn crossed out with its incoming and outgoing
 * connections greyed and dashed (for this example nothing flows through them, and they get no
 * gradient from it). Kept hidden neurons carry the scale applied to them. Colours come from the
 * theme (CSS classes in dropout.css), so dark mode works.
 */
export function NetworkDiagram({ widths, weights, masks, keptLabel, activations, inputs, output, columnLabels, summary, testId }: Props) {
  const most = Math.max(...widths);
  const gap = most > 8 ? 36 : 40;
  const H = TOP + most * gap + CAPTION;
  const colX = (k: number) => 30 + (k * (W - 60)) / (widths.length - 1);
  const rowY = (k: number, j: number) => TOP + gap / 2 + (j + (most - widths[k]) / 2) * gap;
  const dropped = (k: number, j: number) => k > 0 && k < widths.length - 1 && masks !== null && masks[k - 1]?.[j] === 0;

  let maxW = 1e-9;
  for (const m of weights) for (let i = 0; i < m.length; i++) maxW = Math.max(maxW, Math.abs(m[i]));

  const off: JSX.Element[] = [];
  const live: JSX.Element[] = [];
  for (let k = 0; k + 1 < widths.length; k++) {
    const m = weights[k];
    if (!m) continue;
    for (let o = 0; o < widths[k + 1]; o++) {
      for (let i = 0; i < widths[k]; i++) {
        const w = m[o * widths[k] + i];
        const key = `${k}-${o}-${i}`;
        const line = { x1: colX(k) + R, y1: rowY(k, i), x2: colX(k + 1) - R, y2: rowY(k + 1, o) };
        if (dropped(k, i) || dropped(k + 1, o)) off.push(<line key={key} {...line} class="nd-edge off" />);
        else live.push(<line key={key} {...line} class={w >= 0 ? 'nd-edge pos' : 'nd-edge neg'} stroke-width={0.5 + 3.5 * (Math.abs(w) / maxW)} />);
      }
    }
  }

  // "×1.43" needs a smaller font than "×2" to stay inside its circle.
  const labelStyle = keptLabel.length > 4 ? { fontSize: '9px' } : undefined;
  const nodes: JSX.Element[] = [];
  widths.forEach((n, k) => {
    const x = colX(k);
    const hidden = k > 0 && k < widths.length - 1;
    for (let j = 0; j < n; j++) {
      const y = rowY(k, j);
      const key = `n${k}-${j}`;
      if (!hidden) {
        const text = k === 0 ? `x${SUB[j] ?? j + 1}` : output === undefined ? 'out' : output.toFixed(2);
        const title = k === 0 ? `input x${j + 1}${inputs ? ` = ${inputs[j].toFixed(2)}` : ''}` : `output: probability of class 1${output === undefined ? '' : ` = ${output.toFixed(3)}`}`;
        nodes.push(
          <g key={key} class="nd-node io">
            <title>{title}</title>
            <circle cx={x} cy={y} r={R} />
            <text x={x} y={y}>{text}</text>
          </g>,
        );
        continue;
      }
      const a = activations?.[k - 1]?.[j];
      if (dropped(k, j)) {
        nodes.push(
          <g key={key} class="nd-node dropped" data-dropped="true">
            <title>{`hidden layer ${k}, neuron ${j + 1}: dropped (output set to 0)${a === undefined ? '' : `; its activation was ${a.toFixed(3)}`}`}</title>
            <circle cx={x} cy={y} r={R} />
            <path d={`M${x - 7} ${y - 7}L${x + 7} ${y + 7}M${x + 7} ${y - 7}L${x - 7} ${y + 7}`} />
          </g>,
        );
      } else {
        nodes.push(
          <g key={key} class="nd-node kept" data-dropped="false">
            <title>{`hidden layer ${k}, neuron ${j + 1}: kept, scaled ${keptLabel}${a === undefined ? '' : `; activation ${a.toFixed(3)}`}`}</title>
            <circle cx={x} cy={y} r={R} />
            <text x={x} y={y} style={labelStyle}>{keptLabel}</text>
          </g>,
        );
      }
    }
  });

  const maskKey = masks ? masks.map((m) => Array.from(m).join('')).join('|') : 'none';
  return (
    <svg class="network-diagram" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} data-testid={testId} data-mask={maskKey}>
      <g>{off}</g>
      <g>{live}</g>
      <g>{nodes}</g>
      {columnLabels.map((label, k) => (
        <text key={label} class="nd-caption" x={colX(k)} y={H - CAPTION / 2 + 4}>{label}</text>
      ))}
    </svg>
  );
}
