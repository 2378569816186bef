import type { VNode } from 'preact';
import { LineChart, type VerticalMarker } from '../../views/LineChart.tsx';

interface Props {
  testId: string;
  train?: ArrayLike<number>;
  val?: ArrayLike<number>;
  /** The loss's name on the y axis: "binary cross-entropy", "cross-entropy". */
  loss: string;
  /** The chart's text alternative. */
  summary: string;
  markers?: VerticalMarker[];
  /** Fixed top of the y axis (charts compared side by side share one). */
  yMax?: number;
  height?: string;
}

/** Training and validation loss per epoch: the chart nearly every demo shows, drawn one way everywhere. */
export function LossCurves({ testId, train, val, loss, summary, markers, yMax, height }: Props): VNode {
  return (
    <LineChart
      testId={testId}
      height={height}
      series={[
        { label: 'training loss', values: train ?? [], color: 0 },
        { label: 'validation loss', values: val ?? [], color: 1 },
      ]}
      xLabel="epoch"
      yLabel={`loss (${loss})`}
      yMin={0}
      yMax={yMax}
      markers={markers}
      summary={summary}
    />
  );
}
