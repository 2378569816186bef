import { useEffect, useRef, useState } from 'preact/hooks';
import { useTrainer } from '../../training/useTrainer.ts';
import { Histogram } from '../../views/Histogram.tsx';
import { LineChart } from '../../views/LineChart.tsx';
import { CodeBlock } from '../ui/CodeBlock.tsx';
import { DemoFrame, download } from '../ui/DemoFrame.tsx';
import { SettingControl } from '../ui/SettingControl.tsx';
import { SpeedSelect } from '../ui/SpeedSelect.tsx';
import { TrainButtons } from '../ui/TrainButtons.tsx';
import { useDemoSettings } from '../ui/useDemoSettings.ts';
import { histogramCode } from './code.ts';
import { mean3, num, sig } from './format.ts';
import type { HistogramSnapshot, LayerView } from './histogram-run.ts';
import { histogramRange, tickStepFor } from './range.ts';
import { HISTOGRAM_VIEW, histogramFields, runPart, type HistogramSettings } from './settings.ts';
import { useRestart } from './useRestart.ts';
import './batch-norm.css';

type Key = keyof HistogramSettings;

interface Props {
  id: string;
  title: string;
  caption?: string;
  settings: HistogramSettings;
  controls: Key[];
}

const SPEEDS = [10, 25, 50, 100, 250, Infinity] as const;
const RUN_MAIN: Key[] = ['lr', 'initScale', 'activation'];
const RUN_MORE: Key[] = ['dataset', 'points', 'layers', 'hidden', 'batch', 'steps', 'seed'];

/** One view's text alternative: where its values lie. */
function describe(name: string, v: LayerView | undefined): string {
  if (!v || v.values.length === 0) return `${name}: no values yet.`;
  let lo = Infinity, hi = -Infinity;
  for (const x of v.values) { if (x < lo) lo = x; if (x > hi) hi = x; }
  return `${name}: mean ${mean3(v.mean)}, variance ${sig(v.variance)}, values from ${sig(lo)} to ${sig(hi)} (${v.values.length} values).`;
}

/**
 * Demo 1: the same deep network with and without batch norm trains live; the histograms show one
 * hidden layer's values on the current mini-batch: without BN (what its activation receives),
 * and with BN before and after the normalisation, with their mean and variance.
 */
export default function HistogramIsland({ id, title, caption, settings: initial, controls }: Props) {
  const { settings, setSettings, notices, dismissNotices, shareUrl } = useDemoSettings(id, histogramFields, initial);
  const t = useTrainer<HistogramSnapshot>('bn-histogram', settings);
  const run = runPart(settings, HISTOGRAM_VIEW);
  const runKey = JSON.stringify(run);
  const [speed, setSpeed] = useState<number>(50);
  useRestart(t.reset, settings, runKey);
  useEffect(() => t.update({ layer: settings.layer }), [settings.layer]);

  const s = t.snapshot && JSON.stringify(t.snapshot.settings) === runKey ? t.snapshot : null;
  const layer = Math.min(settings.layer, settings.layers);
  // The layer the snapshot holds (the worker follows a new choice within a frame).
  const shown = s?.layer ?? layer;

  // The x range only widens during a run; a new run, a reset or another layer starts it again.
  const range = useRef({ key: '', step: 0, r: 0 });
  const rk = `${runKey}|${layer}`;
  if (range.current.key !== rk || (s && s.step < range.current.step)) range.current = { key: rk, step: 0, r: 0 };
  if (s) range.current = { key: rk, step: s.step, r: histogramRange([s.plain.values, s.bnPre.values, s.bnPost.values], range.current.r) };
  const R = range.current.r || 3;

  const set = (k: Key) => (v: number | string | boolean) => setSettings({ ...settings, [k]: v });
  const control = (k: Key) => {
    if (!controls.includes(k)) return null;
    const f = histogramFields[k];
    return <SettingControl key={k} id={`${id}-${k}`} field={f} value={settings[k]} onChange={set(k)} />;
  };
  const layerField = { ...histogramFields.layer, max: settings.layers };
  const lastLoss = (v: number[] | undefined) => (v && v.length ? v[v.length - 1] : undefined);
  const plainLoss = lastLoss(s?.plainNet.loss), bnLoss = lastLoss(s?.bnNet.loss);
  const rows = s ? s.plain.values.length / settings.hidden : 0;
    const panels: { key: 'plain' | 'bnPre' | 'bnPost'; title: string; sub: string; color: number; diverged: string | null }[] = [
    { key: 'plain', title: 'Without batch norm', sub: `input of the ${settings.activation === 'relu' ? 'ReLU' : 'tanh'}`, color: 1, diverged: s?.plainNet.diverged ?? null },
    { key: 'bnPre', title: 'With batch norm: before BN', sub: 'output of the linear layer', color: 3, diverged: s?.bnNet.diverged ?? null },
    { key: 'bnPost', title: 'With batch norm: after BN', sub: `γ x̂ + β, input of the ${settings.activation === 'relu' ? 'ReLU' : 'tanh'}`, color: 0, diverged: s?.bnNet.diverged ?? null },
  ];
  const h = s?.history;
  const statusText = s
    ? `Step ${s.step} of ${s.maxSteps} (epoch ${s.epoch}). Training loss without batch norm ${num(plainLoss)}${s.plainNet.diverged ? ' (diverged)' : ''}, with batch norm ${num(bnLoss)}${s.bnNet.diverged ? ' (diverged)' : ''}.`
    : 'Preparing the networks.';

  return (
    <DemoFrame
      id={id}
      title={title}
      caption={caption}
      error={t.error}
      notices={notices}
      onDismissNotices={dismissNotices}
      shareUrl={() => shareUrl(settings)}
      onExport={async () => {
        const { exportHistogramRun } = await import('./histogram-run.ts');
        download(`batch-norm-histogram-seed${settings.seed}.json`, JSON.stringify(exportHistogramRun(settings), null, 1));
      }}
    >
      <div class="controls">
        <SettingControl id={`${id}-layer`} field={layerField} value={layer} onChange={set('layer')} format={(v) => `${v} of ${settings.layers}`} />
        {RUN_MAIN.map(control)}
      </div>
      {RUN_MORE.some((k) => controls.includes(k)) && (
        <details class="bn-details">
          <summary>More settings (each change starts a new run)</summary>
          <div class="controls">{RUN_MORE.map(control)}</div>
        </details>
      )}
      <div class="bn-toolbar">
        <TrainButtons
          running={t.running}
          finished={t.finished}
          onPlay={() => t.play(speed)}
          onPause={t.pause}
          onStep={() => t.step(1)}
          onReset={() => t.reset(settings)}
          stepLabel="Step one batch"
          disabled={!!t.error}
        />
        <SpeedSelect id={id} options={SPEEDS} value={speed} unit="steps" onChange={(v) => { setSpeed(v); if (t.running) t.play(v); }} />
      </div>
      <p class="status" aria-live="polite" data-testid="bn-status">
        {s ? (
          <>
            Step <b data-testid="bn-step">{s.step}</b> of {s.maxSteps} · epoch {s.epoch} · training loss without BN <b data-testid="bn-plain-loss">{num(plainLoss)}</b>, with BN <b data-testid="bn-bn-loss">{num(bnLoss)}</b>
            {t.finished && ' · finished'}
          </>
        ) : t.error ? 'No run.' : 'Preparing the networks…'}
      </p>
      <span class="visually-hidden" aria-live="off">{statusText}</span>
      {s?.plainNet.diverged && <p class="demo-message error" data-testid="bn-plain-diverged">The network without batch norm diverged: {s.plainNet.diverged}. It stopped there; the one with batch norm goes on.</p>}
      {s?.bnNet.diverged && <p class="demo-message error" data-testid="bn-bn-diverged">The network with batch norm diverged: {s.bnNet.diverged}. It stopped there{s.plainNet.diverged ? '' : '; the one without goes on'}.</p>}

      <p class="bn-note">
        Hidden layer <b data-testid="bn-layer">{shown}</b> of {settings.layers}, on the current mini-batch ({rows || settings.batch} points × {settings.hidden} neurons). Same x axis for all three.
      </p>
      <div class="bn-hist-grid" data-testid="bn-histograms">
        {panels.map((p) => {
          const v = s?.[p.key];
          return (
            <div class="demo-panel bn-hist" key={p.key}>
              <h4>{p.title}</h4>
              <p class="bn-sub">{p.sub}</p>
              <p class="bn-stats" data-testid={`bn-stats-${p.key}`}>
                mean <b data-testid={`bn-mean-${p.key}`}>{mean3(v?.mean)}</b> · variance <b data-testid={`bn-var-${p.key}`}>{sig(v?.variance)}</b>
              </p>
              <Histogram
                testId={`${id}-hist-${p.key}`}
                series={[{ label: p.title, values: v?.values ?? [], color: p.color }]}
                min={-R}
                max={R}
                bins={40}
                tickStep={tickStepFor(R)}
                xLabel={`value in layer ${shown}`}
                height="11rem"
                summary={describe(`${p.title} (${p.sub}), step ${s?.step ?? 0}`, v)}
              />
              {p.diverged && <p class="bn-diverged">diverged: the last values before it stopped</p>}
            </div>
          );
        })}
      </div>

      <div class="demo-grid">
        <div class="demo-panel">
          <h4>Variance of layer {shown} during training</h4>
          <LineChart
            testId={`${id}-variance-chart`}
            series={[
              { label: 'without BN', values: h?.plainVar ?? [], xs: h?.steps, color: 1 },
              { label: 'before BN', values: h?.bnPreVar ?? [], xs: h?.steps, color: 3, dashed: true },
              { label: 'after BN', values: h?.bnPostVar ?? [], xs: h?.steps, color: 0 },
            ]}
            xLabel="step"
            yLabel="variance (log scale)"
            logY
            height="13rem"
            summary={s ? `Variance of layer ${shown}'s values at step 0 and now: without BN ${sig(h!.plainVar[0])} then ${sig(s.plain.variance)}; before BN ${sig(h!.bnPreVar[0])} then ${sig(s.bnPre.variance)}; after BN ${sig(h!.bnPostVar[0])} then ${sig(s.bnPost.variance)}.` : 'No steps yet.'}
          />
        </div>
        <div class="demo-panel">
          <h4>Mean of layer {shown} during training</h4>
          <LineChart
            testId={`${id}-mean-chart`}
            series={[
              { label: 'without BN', values: h?.plainMean ?? [], xs: h?.steps, color: 1 },
              { label: 'before BN', values: h?.bnPreMean ?? [], xs: h?.steps, color: 3, dashed: true },
              { label: 'after BN', values: h?.bnPostMean ?? [], xs: h?.steps, color: 0 },
            ]}
            xLabel="step"
            yLabel="mean"
            height="13rem"
            summary={s ? `Mean of layer ${shown}'s values at step 0 and now: without BN ${mean3(h!.plainMean[0])} then ${mean3(s.plain.mean)}; before BN ${mean3(h!.bnPreMean[0])} then ${mean3(s.bnPre.mean)}; after BN ${mean3(h!.bnPostMean[0])} then ${mean3(s.bnPost.mean)}.` : 'No steps yet.'}
          />
        </div>
        <div class="demo-panel">
          <h4>Training loss per epoch</h4>
          <LineChart
            testId={`${id}-loss-chart`}
            series={[
              { label: 'without BN', values: s?.plainNet.loss ?? [], color: 1 },
              { label: 'with BN', values: s?.bnNet.loss ?? [], color: 0 },
            ]}
            xLabel="epoch"
            yLabel="training loss (BCE)"
            yMin={0}
            height="13rem"
            summary={s ? `Training loss after epoch ${s.epoch}: without batch norm ${num(plainLoss)} (it started at ${num(s.plainNet.loss[0])}), with batch norm ${num(bnLoss)} (started at ${num(s.bnNet.loss[0])}).` : 'Not trained yet.'}
          />
        </div>
      </div>
      <CodeBlock label="PyTorch: the two networks, train/eval mode, and hooks that capture what the histograms show" code={histogramCode(settings)} />
    </DemoFrame>
  );
}
