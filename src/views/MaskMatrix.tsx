interface Props {
  /** Per hidden layer, the batch's mask: n x features, row-major (1 = kept, 0 = dropped);
   *  null when nothing is dropped (eval mode): every cell is drawn kept. */
  masks: ArrayLike<number>[] | null;
  /** Examples in the batch (rows). */
  n: number;
  /** Neurons per hidden layer (columns of each block). */
  features: number[];
  /** The row drawn in the network diagram (highlighted). */
  selected: number;
  onSelect?: (row: number) => void;
  summary: string;
  testId?: string;
}

const CELL = 11;
const PITCH = 13;
const BLOCK_GAP = 10;
const LEFT = 26;
const RIGHT = 30;
const TOP = 18;

/**
 * A batch's dropout masks as the engine holds them: one row per example, one column per hidden
 * neuron, a block per hidden layer. Filled = kept, hollow = dropped. Clicking a row picks the
 * example the network diagram draws (the demo's select does the same from the keyboard).
 */
export function MaskMatrix({ masks, n, features, selected, onSelect, summary, testId }: Props) {
  const blockX: number[] = [];
  let x = LEFT;
  for (const f of features) {
    blockX.push(x);
    x += f * PITCH + BLOCK_GAP;
  }
  const width = x - BLOCK_GAP + RIGHT;
  const height = TOP + n * PITCH + 4;
  const kept = (b: number, r: number, j: number) => masks === null || masks[b][r * features[b] + j] !== 0;

  return (
    <svg class="mask-matrix" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary} data-testid={testId}>
      {features.map((f, b) => (
        <text key={`h${b}`} class="mm-head" x={blockX[b] + (f * PITCH) / 2} y={12}>{`hidden ${b + 1}`}</text>
      ))}
      <text class="mm-head mm-kept-head" x={width - 4} y={12}>kept</text>
      {Array.from({ length: n }, (_, r) => {
        const y = TOP + r * PITCH;
        let droppedInRow = 0;
        const cells = features.flatMap((f, b) =>
          Array.from({ length: f }, (_, j) => {
            const on = kept(b, r, j);
            if (!on) droppedInRow++;
            return <rect key={`${b}-${j}`} class={on ? 'mm-cell kept' : 'mm-cell dropped'} x={blockX[b] + j * PITCH} y={y} width={CELL} height={CELL} rx={2} />;
          }),
        );
        const total = features.reduce((a, f) => a + f, 0);
        return (
          <g key={r} class={r === selected ? 'mm-row selected' : 'mm-row'} onClick={onSelect ? () => onSelect(r) : undefined}>
            <rect class="mm-row-bg" x={2} y={y - 1} width={width - 4} height={PITCH} rx={3} />
            <text class="mm-label" x={LEFT - 6} y={y + CELL - 1.5}>{r + 1}</text>
            {cells}
            <text class="mm-count" x={width - 4} y={y + CELL - 1.5}>{total - droppedInRow}</text>
          </g>
        );
      })}
    </svg>
  );
}
