import { BoundaryCanvas } from '../../views/BoundaryCanvas.tsx';
import type { ClassificationView } from '../classification-run.ts';
import { percent as pct } from './format.ts';

interface Props {
  testId: string;
  /** The snapshot's view of the network (accuracies, grid, points); null before the first frame. */
  view: Partial<ClassificationView> | null | undefined;
  /** The points (when the view of one network of several carries only its grid and accuracies). */
  points?: Partial<ClassificationView> | null;
  epoch: number;
  /** Which network, when a demo shows several ("Without dropout"). */
  name?: string;
  /** Decimals of the accuracies in the text alternative. */
  digits?: number;
}


/** A classification run's decision boundary with its text alternative (the epoch and both accuracies). */
export function RunBoundary({ testId, view, points, epoch, name, digits = 0 }: Props) {
  const p = points ?? view;
  const prefix = name ? `${name}: decision boundary` : 'Decision boundary';
  const trained = view?.trainAccuracy !== undefined;
  return (
    <BoundaryCanvas
      testId={testId}
      grid={view?.grid ?? null}
      size={view?.gridSize ?? p?.gridSize ?? 1}
      train={p?.trainPoints ?? { xy: [], labels: [] }}
      val={p?.valPoints}
      summary={trained
        ? `${prefix} after ${epoch} epochs: ${pct(view!.trainAccuracy, digits)} of training points and ${pct(view!.valAccuracy, digits)} of validation points on the right side.`
        : `${prefix}, not trained yet.`}
    />
  );
}
