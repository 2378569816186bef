import { useState } from 'preact/hooks';
import { SpeedSelect } from './SpeedSelect.tsx';
import { TrainButtons } from './TrainButtons.tsx';

/** The part of useTrainer's handle the toolbar drives. */
interface TrainerHandle {
  running: boolean;
  finished: boolean;
  error: unknown;
  play: (unitsPerSecond?: number) => void;
  pause: () => void;
  step: (count?: number) => void;
  reset: (settings?: unknown) => void;
}

interface Props {
  /** Unique on the page (the demo id). */
  id: string;
  t: TrainerHandle;
  /** What Reset restarts with. */
  settings: unknown;
  /** Units per second to offer (Infinity = as fast as possible), the first default unless `speed` is given. */
  speeds: readonly number[];
  speed?: number;
  /** One unit, plural ("steps", "epochs"). */
  unit: string;
  stepLabel?: string;
  onReset?: () => void;
}

/**
 * Train/Pause, Step, Reset and a speed select, wired to a demo's trainer: for demos worth
 * watching slower than the worker can train. A new speed applies at once while training.
 */
export function TrainToolbar({ id, t, settings, speeds, speed: initial, unit, stepLabel, onReset }: Props) {
  const [speed, setSpeed] = useState<number>(initial ?? speeds[0]);
  return (
    <div class="train-toolbar">
      <TrainButtons
        running={t.running}
        finished={t.finished}
        onPlay={() => t.play(speed)}
        onPause={t.pause}
        onStep={() => t.step(1)}
        onReset={() => {
          onReset?.();
          t.reset(settings);
        }}
        stepLabel={stepLabel}
        disabled={!!t.error}
      />
      <SpeedSelect id={id} options={speeds} value={speed} unit={unit} onChange={(v) => {
        setSpeed(v);
        if (t.running) t.play(v);
      }} />
    </div>
  );
}
