import type { VNode } from 'preact';
import { LineChart } from '../../views/LineChart.tsx';
import { RunBoundary } from '../ui/RunBoundary.tsx';
import { percent as pct } from '../ui/format.ts';
import { DemoFrame } from '../ui/DemoFrame.tsx';
import { downloadJson } from '../ui/download.ts';
import { SettingControl } from '../ui/SettingControl.tsx';
import { TrainButtons } from '../ui/TrainButtons.tsx';
import { useTrainedDemo } from '../ui/useTrainedDemo.ts';
import type { IslandProps } from '../define.ts';
import { overfittingDemo } from './demo.ts';
import { overfittingFields } from './settings.ts';
import type { OverfittingSnapshot } from './runner.ts';

const fmt = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(3));

/**
 * Chapter 1: a too-large network on few noisy points. Press Train and watch the training loss
 * fall while the validation loss turns back up, next to the decision boundary wrapping itself
 * around noisy points.
 */
export default function OverfittingIsland(props: IslandProps<typeof overfittingFields>): VNode {
  const { id, controls } = props;
  const { settings, set, frame, t } = useTrainedDemo<typeof overfittingFields, OverfittingSnapshot>(overfittingDemo, props);

  const s = t.snapshot;
  const epoch = s?.epoch ?? 0;
  const last = s ? s.train.length - 1 : 0;
  const gap = s ? s.val[last] - s.train[last] : 0;
  const overfitting = s && s.bestEpoch > 0 && s.epoch > s.bestEpoch + 20 && s.val[last] > s.val[s.bestEpoch] * 1.05 && s.train[last] < s.train[s.bestEpoch];
  const summary = s
    ? `After ${epoch} epochs: training loss ${fmt(s.train[last])}, validation loss ${fmt(s.val[last])}. ` +
      `Lowest validation loss ${fmt(s.val[s.bestEpoch])} at epoch ${s.bestEpoch}.` +
      (overfitting ? ' The validation loss has turned back up: the network is overfitting.' : '')
    : 'Not trained yet.';

  return (
    <DemoFrame
      error={t.error}
      {...frame}
      onExport={async () => {
        const { exportOverfittingRun } = await import('./runner.ts');
        downloadJson(`overfitting-seed${settings.seed}.json`, exportOverfittingRun(settings));
      }}
      reproduce={{ demo: overfittingDemo.id, library: 'pytorch', settings, snapshot: s }}
    >
      <div class="controls">
        {controls.map((k) => (
          <SettingControl key={k} id={`${id}-${k}`} field={overfittingFields[k]} value={settings[k]} onChange={set(k)} />
        ))}
      </div>
      <TrainButtons
        running={t.running}
        finished={t.finished}
        onPlay={() => t.play()}
        onPause={t.pause}
        onStep={() => t.step(1)}
        onReset={() => t.reset(settings)}
        disabled={!!t.error}
      />
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
          <LineChart
            testId={`${id}-loss-chart`}
            series={[
              { label: 'training loss', values: s?.train ?? [], color: 0 },
              { label: 'validation loss', values: s?.val ?? [], color: 1 },
            ]}
            xLabel="epoch"
            yLabel="loss (binary cross-entropy)"
            yMin={0}
            markers={s && s.bestEpoch > 0 ? [{ x: s.bestEpoch, label: `best validation (epoch ${s.bestEpoch})`, color: 2 }] : []}
            summary={summary}
          />
        </div>
        <div class="demo-panel">
          <h4>Decision boundary</h4>
          <RunBoundary testId={`${id}-boundary`} view={s} epoch={epoch} />
        </div>
      </div>
      {overfitting && (
        <p class="demo-message info" data-testid="overfitting-note">
          Since epoch {s!.bestEpoch} the validation loss has risen from {fmt(s!.val[s!.bestEpoch])} to {fmt(s!.val[last])} while the training loss kept falling: the network is learning the noise of its {settings.points} training points.
        </p>
      )}
    </DemoFrame>
  );
}
