interface Props {
  running: boolean;
  finished: boolean;
  onPlay: () => void;
  onPause: () => void;
  onStep: () => void;
  onReset: () => void;
  stepLabel?: string;
  disabled?: boolean;
  testPrefix?: string;
}

/** Train/Pause, Step and Reset: the controls every training demo has. */
export function TrainButtons({ running, finished, onPlay, onPause, onStep, onReset, stepLabel = 'Step one epoch', disabled, testPrefix = '' }: Props) {
  return (
    <div class="buttons train-buttons">
      {running ? (
        <button type="button" class="btn primary" onClick={onPause} data-testid={`${testPrefix}pause`}>❚❚ Pause</button>
      ) : (
        <button type="button" class="btn primary" onClick={onPlay} disabled={disabled || finished} data-testid={`${testPrefix}train`}>▶ Train</button>
      )}
      <button type="button" class="btn" onClick={onStep} disabled={disabled || running || finished} data-testid={`${testPrefix}step`}>{stepLabel}</button>
      <button type="button" class="btn" onClick={onReset} data-testid={`${testPrefix}reset`}>↺ Reset</button>
    </div>
  );
}
