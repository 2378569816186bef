import type { VNode } from 'preact';
import { LossCurves } from '../ui/LossCurves.tsx';
import { RunBoundary } from '../ui/RunBoundary.tsx';
import { percent as pct } from '../ui/format.ts';
import { DemoFrame } from '../ui/DemoFrame.tsx';
import { SettingControl } from '../ui/SettingControl.tsx';
import { TrainToolbar } from '../ui/TrainToolbar.tsx';
import { useTrainedDemo } from '../ui/useTrainedDemo.ts';
import type { IslandProps } from '../define.ts';
import { overfittingDemo } from './demo.ts';
import { overfittingFields } from './settings.ts';
import type { OverfittingSnapshot } from './runner.ts';
import { overfittingVerdict } from './verdict.ts';

/** Epochs per second. 30 by default: the 600 epochs take 20 s, slow enough to watch the boundary grow islands. */
const SPEEDS = [10, 30, 100, Infinity] as const;

const fmt = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(3));

/**
 * Chapter 1: a too-large network on few noisy points. Press Train and watch the training loss
 * fall while the validation loss turns back up, next to the decision boundary wrapping itself
 * around noisy points.
 */
export default function OverfittingIsland(props: IslandProps<typeof overfittingFields>): VNode {
  const { id } = props;
  const { settings, set, frame, t, controls } = useTrainedDemo<typeof overfittingFields, OverfittingSnapshot>(overfittingDemo, props);

  const s = t.snapshot;
  const epoch = s?.epoch ?? 0;
  const last = s ? s.train.length - 1 : 0;
  const gap = s ? s.val[last] - s.train[last] : 0;
  // What the curves show, honestly (verdict.ts): overfitting only when the validation loss has turned up.
  const verdict = s ? overfittingVerdict(s) : null;
  const summary = s
    ? `After ${epoch} epochs: training loss ${fmt(s.train[last])}, validation loss ${fmt(s.val[last])}. ` +
      `Lowest validation loss ${fmt(s.val[s.bestEpoch])} at epoch ${s.bestEpoch}.` +
      (verdict ? ` ${verdict.text}` : '')
    : 'Not trained yet.';

  return (
    <DemoFrame
      error={t.error}
      {...frame}
      reproduce={{ demo: overfittingDemo.id, library: 'pytorch', settings, snapshot: s }}
    >
      <div class="controls">
        {controls.map((k) => (
          <SettingControl key={k} id={`${id}-${k}`} field={overfittingFields[k]} value={settings[k]} onChange={set(k)} />
        ))}
      </div>
      <TrainToolbar id={id} t={t} settings={settings} speeds={SPEEDS} speed={30} unit="epochs" />
      <p class="status" aria-live="polite" data-testid="status">
        {s ? (
          <>
            Epoch <b data-testid="epoch">{epoch}</b> of {s.maxEpochs} · training loss <b>{fmt(s.train[last])}</b> · validation loss <b>{fmt(s.val[last])}</b> ·
            gap {fmt(gap)} · accuracy train {pct(s.trainAccuracy)}, validation {pct(s.valAccuracy)}
            {t.finished && ' · finished'}
          </>
        ) : (
          'Preparing the network…'
        )}
      </p>
      <div class="demo-grid">
        <div class="demo-panel">
          <h4>Loss per epoch</h4>
          <LossCurves
            testId={`${id}-loss-chart`}
            train={s?.train}
            val={s?.val}
            loss="binary cross-entropy"
            markers={s && s.bestEpoch > 0 ? [{ x: s.bestEpoch, label: `best validation (epoch ${s.bestEpoch})`, color: 2 }] : []}
            summary={summary}
          />
        </div>
        <div class="demo-panel">
          <h4>Decision boundary</h4>
          <RunBoundary testId={`${id}-boundary`} view={s} epoch={epoch} />
        </div>
      </div>
      {verdict && (
        <p class="demo-message info" data-testid="verdict" data-verdict={verdict.kind}>
          {verdict.text}
        </p>
      )}
    </DemoFrame>
  );
}
