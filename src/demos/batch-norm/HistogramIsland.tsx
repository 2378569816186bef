import type { VNode } from 'preact';
import { useRef } from 'preact/hooks';
import { Histogram } from '../../views/Histogram.tsx';
import { LineChart } from '../../views/LineChart.tsx';
import { CodeBlock } from '../ui/CodeBlock.tsx';
import { DemoFrame } from '../ui/DemoFrame.tsx';
import { SettingControl } from '../ui/SettingControl.tsx';
import { TrainToolbar } from '../ui/TrainToolbar.tsx';
import { useTrainedDemo } from '../ui/useTrainedDemo.ts';
import type { IslandProps } from '../define.ts';
import { batchNormHistogramDemo } from './demo.ts';
import { histogramCode } from './code.ts';
import { frameProps } from './frame.ts';
import { SettingsPanel } from './SettingsPanel.tsx';
import { mean3, num, sig } from './format.ts';
import type { HistogramSnapshot, LayerView } from './histogram-run.ts';
import { histogramRange, tickStepFor } from './range.ts';
import { histogramFields, type HistogramSettings } from './settings.ts';

type Key = keyof HistogramSettings;

const SPEEDS = [10, 25, 50, 100, 250, Infinity] as const;
const RUN_MAIN: Key[] = ['lr', 'initScale', 'activation'];
const RUN_MORE: Key[] = ['dataset', 'points', 'layers', 'hidden', 'batch', 'steps', 'seed'];

/** The three views of the shown layer, as the histograms and the history charts name them. */
const VIEWS = [
  { key: 'plain', label: 'without BN', color: 1 },
  { key: 'bnPre', label: 'before BN', color: 3 },
  { key: 'bnPost', label: 'after BN', color: 0 },
] as const;
const STAT_CHARTS = [
  { stat: 'variance', suffix: 'Var', title: 'Variance', log: true, format: sig },
  { stat: 'mean', suffix: 'Mean', title: 'Mean', log: false, format: mean3 },
] as const;

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
export default function HistogramIsland(props: IslandProps<typeof histogramFields>): VNode {
  const { id, controls } = props;
  // A setting that defines the run starts new runs; the shown layer / feature only change what the snapshots hold.
  const ds = useTrainedDemo<typeof histogramFields, HistogramSnapshot>(batchNormHistogramDemo, props);
  const { settings, set, t, sameRun, runKey } = ds;

  const s = t.snapshot && sameRun(t.snapshot.settings) ? t.snapshot : null;
  const layer = Math.min(settings.layer, settings.layers);
  // The layer the snapshot holds (the worker follows a new choice within a frame).
  const shown = s?.layer ?? layer;

  // The x range only widens during a run; a new run, a reset or another layer starts it again.
  const range = useRef({ key: '', step: 0, r: 0 });
  const rk = `${runKey}|${layer}`;
  if (range.current.key !== rk || (s && s.step < range.current.step)) range.current = { key: rk, step: 0, r: 0 };
  if (s) range.current = { key: rk, step: s.step, r: histogramRange([s.plain.values, s.bnPre.values, s.bnPost.values], range.current.r) };
  const R = range.current.r || 3;

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

  return (
    <DemoFrame {...frameProps(t.error, ds, settings, 'batch-norm-histogram', async () => (await import('./histogram-run.ts')).exportHistogramRun)} reproduce={{ demo: batchNormHistogramDemo.id, library: 'pytorch', settings, snapshot: s, contents: 'both networks' }}>
      <SettingsPanel id={id} fields={histogramFields} settings={settings} controls={controls} main={RUN_MAIN} more={RUN_MORE} onChange={(k, v) => set(k)(v)}>
        <SettingControl id={`${id}-layer`} field={layerField} value={layer} onChange={set('layer')} format={(v) => `${v} of ${settings.layers}`} />
      </SettingsPanel>
      <TrainToolbar id={id} t={t} settings={settings} speeds={SPEEDS} speed={50} unit="steps" stepLabel="Step one batch" />
      <p class="status" aria-live={t.running ? 'off' : 'polite'} data-testid="bn-status">
        {s ? (
          <>
            Step <b data-testid="bn-step">{s.step}</b> of {s.maxSteps} · epoch {s.epoch} · training loss without BN <b data-testid="bn-plain-loss">{num(plainLoss)}</b>, with BN <b data-testid="bn-bn-loss">{num(bnLoss)}</b>
            {t.finished && ' · finished'}
          </>
        ) : t.error ? 'No run.' : 'Preparing the networks…'}
      </p>
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
        {STAT_CHARTS.map((c) => (
          <div class="demo-panel" key={c.stat}>
            <h4>{c.title} of layer {shown} during training</h4>
            <LineChart
              testId={`${id}-${c.stat}-chart`}
              series={VIEWS.map((v) => ({ label: v.label, values: h?.[`${v.key}${c.suffix}`] ?? [], xs: h?.steps, color: v.color, dashed: v.key === 'bnPre' }))}
              xLabel="step"
              yLabel={c.log ? `${c.stat} (log scale)` : c.stat}
              logY={c.log}
              height="13rem"
              summary={s ? `${c.title} of layer ${shown}'s values at step 0 and now: ${VIEWS.map((v) => `${v.label} ${c.format(h![`${v.key}${c.suffix}`][0])} then ${c.format(s[v.key][c.stat])}`).join('; ')}.` : 'No steps yet.'}
            />
          </div>
        ))}
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
