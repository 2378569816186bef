import type { VNode } from 'preact';
import { useTrainedDemo } from '../ui/useTrainedDemo.ts';
import type { IslandProps } from '../define.ts';
import { digitsDemo } from './demo.ts';
import { LineChart } from '../../views/LineChart.tsx';
import { LossCurves } from '../ui/LossCurves.tsx';
import { PixelImages } from '../../views/PixelImages.tsx';
import { DemoFrame } from '../ui/DemoFrame.tsx';
import { percent } from '../ui/format.ts';
import { SettingControl } from '../ui/SettingControl.tsx';
import { TrainButtons } from '../ui/TrainButtons.tsx';
import { DigitsCredit } from './credit.tsx';
import { describeMistakes, describeWeights, fmt, methodLabel } from './describe.ts';
import type { DigitsSnapshot } from './runner.ts';
import { digitsFields, NEAR_ZERO, type DigitsSettings, type Method } from './settings.ts';


/** The setting each method's strength lives in. */
const STRENGTH: Partial<Record<Method, keyof DigitsSettings>> = { dropout: 'p', l2: 'l2', l1: 'l1', 'early-stopping': 'patience' };
const STRENGTHS = new Set<keyof DigitsSettings>(['p', 'l2', 'l1', 'patience']);
/** Weights are drawn on one fixed colour scale, so shrinking (L2) shows as fading. */
const WEIGHT_SCALE = 0.3;
/** At most this many neurons' weight images. */
const MAX_NEURONS = 64;

/**
 * Handwritten digits: an MLP 64-h-10 trained on a few hundred of the 1,797 digits overfits them;
 * pick a regularization and see the validation numbers, the digits it still gets wrong, and what
 * the penalty does to the first layer's weights (L1 zeroes pixels, L2 shrinks them all).
 */
export default function DigitsIsland(props: IslandProps<typeof digitsFields>): VNode {
  const { id } = props;
  const { settings, set, frame, t, controls } = useTrainedDemo<typeof digitsFields, DigitsSnapshot>(digitsDemo, props);

  const s = t.snapshot;
  const last = s ? s.train.length - 1 : 0;
  const shown = controls.filter((k) => !STRENGTHS.has(k) || STRENGTH[settings.method] === k);
  const early = s?.early;
  const lossSummary = s
    ? `After ${s.epoch} epochs with ${methodLabel(s.settings)}: training loss ${fmt(s.train[last])}, validation loss ${fmt(s.val[last])}; ` +
      `lowest validation loss ${fmt(s.val[s.bestEpoch])} at epoch ${s.bestEpoch}.` +
      (early?.stoppedAt ? ` Early stopping ended training at epoch ${early.stoppedAt} and kept epoch ${early.keptEpoch}'s weights.` : '')
    : 'Not trained yet.';
  const accSummary = s
    ? `After ${s.epoch} epochs: training accuracy ${percent(s.trainAccuracy[last], 1)}, validation accuracy ${percent(s.valAccuracy[last], 1)}.`
    : 'Not trained yet.';
  const markers = s
    ? [
        ...(s.bestEpoch > 0 ? [{ x: s.bestEpoch, label: `lowest validation loss (epoch ${s.bestEpoch})`, color: 2 }] : []),
        ...(early?.stoppedAt ? [{ x: early.stoppedAt, label: `stopped (epoch ${early.stoppedAt})`, color: 3, labelAt: 'bottom' as const }] : []),
      ]
    : [];

  return (
    <DemoFrame error={t.error} {...frame} reproduce={{ demo: 'digits', library: 'pytorch', settings, snapshot: s }}>
      <div class="controls">
        {shown.map((k) => (
          <SettingControl key={k} id={`${id}-${k}`} field={digitsFields[k]} value={settings[k]} onChange={set(k)} />
        ))}
      </div>
      <TrainButtons running={t.running} finished={t.finished} onPlay={() => t.play()} onPause={t.pause} onStep={() => t.step(s?.unitsPerEpoch ?? 1)} onReset={() => t.reset(settings)} disabled={!!t.error} />
      <p class="status" aria-live="polite" data-testid="status">
        {s ? (
          <>
            Epoch <b data-testid="epoch">{s.epoch}</b> of {s.maxEpochs} · {s.trainCount} training images, {s.valCount} validation ·
            accuracy train <b>{percent(s.trainAccuracy[last], 1)}</b>, validation <b data-testid="val-accuracy">{percent(s.valAccuracy[last], 1)}</b> ·
            loss train {fmt(s.train[last])}, validation {fmt(s.val[last])}
            {early?.stoppedAt ? ` · stopped at epoch ${early.stoppedAt}, kept epoch ${early.keptEpoch}` : t.finished ? ' · finished' : ''}
          </>
        ) : (
          'Loading the digits…'
        )}
      </p>
      <div class="demo-grid">
        <div class="demo-panel">
          <h4>Loss per epoch</h4>
          <LossCurves testId={`${id}-loss-chart`} train={s?.train} val={s?.val} loss="cross-entropy" markers={markers} summary={lossSummary} />
        </div>
        <div class="demo-panel">
          <h4>Accuracy per epoch</h4>
          <LineChart
            testId={`${id}-accuracy-chart`}
            series={[{ label: 'training accuracy', values: s?.trainAccuracy ?? [], color: 0 }, { label: 'validation accuracy', values: s?.valAccuracy ?? [], color: 1 }]}
            xLabel="epoch" yLabel="share classified right" yMin={0} yMax={1} summary={accSummary}
          />
        </div>
      </div>
      <div class="demo-panel">
        <h4>
          Validation digits it gets wrong{s ? `: ${s.wrong} of ${s.valCount}` : ''}
          {early && s && t.finished ? ` (the kept model, epoch ${early.keptEpoch})` : ''}
        </h4>
        {s && (
          <PixelImages
            testId={`${id}-mistakes`}
            side={8}
            scale={{ kind: 'ink', max: 16 }}
            images={s.misclassified.map((m) => ({ key: m.row, values: m.pixels, caption: `${m.label}→${m.predicted}` }))}
            summary={describeMistakes(s.wrong, s.valCount, s.misclassified)}
          />
        )}
        <p class="legend">Under each digit: its label → what the network predicts. The first {s?.misclassified.length ?? 0} shown.</p>
      </div>
      <div class="demo-panel">
        <h4>First-layer weights, one 8 × 8 image per hidden neuron</h4>
        {s && (
          <PixelImages
            testId={`${id}-weights`}
            side={8}
            size="2.25rem"
            scale={{ kind: 'signed', max: WEIGHT_SCALE }}
            images={Array.from({ length: Math.min(s.hidden, MAX_NEURONS) }, (_, o) => ({ key: o, values: s.weights.subarray(o * 64, o * 64 + 64) }))}
            summary={describeWeights(s.hidden, s.nearZero, s.meanAbs, NEAR_ZERO)}
          />
        )}
        <p class="legend" data-testid="weight-stats">
          <span><span class="swatch" style={{ background: 'var(--series-1)' }} />positive</span>
          <span><span class="swatch" style={{ background: 'var(--series-2)' }} />negative</span>
          <span>blank: 0 (full colour at ±{WEIGHT_SCALE})</span>
          {s && <span>near zero (|w| &lt; {NEAR_ZERO}): {s.nearZero} of {s.hidden * 64} · mean |w| {s.meanAbs.toFixed(3)}</span>}
        </p>
      </div>
      <DigitsCredit />
    </DemoFrame>
  );
}
