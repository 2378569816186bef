import type { VNode } from 'preact';
import { LineChart } from '../../views/LineChart.tsx';
import { CodeBlock } from '../ui/CodeBlock.tsx';
import { DemoFrame } from '../ui/DemoFrame.tsx';
import { SettingControl } from '../ui/SettingControl.tsx';
import { Tex } from '../ui/Tex.tsx';
import { TrainToolbar } from '../ui/TrainToolbar.tsx';
import { useTrainedDemo } from '../ui/useTrainedDemo.ts';
import type { IslandProps } from '../define.ts';
import { batchNormRunningStatsDemo } from './demo.ts';
import { runningCode } from './code.ts';
import { SettingsPanel } from './SettingsPanel.tsx';
import { num, pct } from './format.ts';
import { updateLines, modeLine } from './rule-tex.ts';
import type { RunningSnapshot } from './running-run.ts';
import { runningFields, type RunningSettings } from './settings.ts';

type Key = keyof RunningSettings;

const SPEEDS = [5, 10, 30, 100, Infinity] as const;
const RUN_MAIN: Key[] = ['momentum'];
const RUN_MORE: Key[] = ['dataset', 'points', 'layers', 'hidden', 'lr', 'batch', 'steps', 'seed'];

/**
 * Demo 3: a network with batch norm trains; for one feature of one BatchNorm1d layer, the batch
 * statistics of every step and the running averages that follow them, PyTorch's momentum update
 * with the step's numbers, and what train mode and eval mode normalise with.
 */
export default function RunningStatsIsland(props: IslandProps<typeof runningFields>): VNode {
  const { id } = props;
  // A setting that defines the run starts new runs; the shown layer / feature only change what the snapshots hold.
  const ds = useTrainedDemo<typeof runningFields, RunningSnapshot>(batchNormRunningStatsDemo, props);
  const controls = ds.controls;
  const { settings, set, t, sameRun } = ds;
  const layer = Math.min(settings.layer, settings.layers);
  const neuron = Math.min(settings.neuron, settings.hidden);

  const s = t.snapshot && sameRun(t.snapshot.settings) ? t.snapshot : null;
  const mode = settings.mode;
  const at = (a: number[] | undefined) => (a && a.length ? a[a.length - 1] : undefined);
  const where = s ? `feature ${s.neuron} of batch-norm layer ${s.layer}` : `feature ${neuron} of batch-norm layer ${layer}`;
  const last = s?.last ?? null;
  const lines = updateLines(last);
  const tb = s?.twoBatches[mode];
  const same = tb ? Math.abs(tb[0] - tb[1]) < 1e-12 : false;
  const other = mode === 'train' ? 'eval' : 'train';
  const valLoss = { train: at(s?.valLossTrain), eval: at(s?.valLossEval) };
  // One statistic of the feature: the batch's (dashed, jumping) and the running average following it.
  const stat = (key: 'mean' | 'var', name: string, batchLabel: string, batch: number[] | undefined, running: number[] | undefined, start: number) => (
    <div class="demo-panel">
      <h4>{name[0].toUpperCase() + name.slice(1)} of {where}</h4>
      <LineChart
        testId={`${id}-${key}-chart`}
        series={[
          { label: batchLabel, values: batch ?? [], xs: s?.steps, color: 1, dashed: true },
          { label: `running ${name} (eval uses it)`, values: running ?? [], xs: s?.steps, color: 0 },
        ]}
        xLabel="step"
        yLabel={name}
        yMin={key === 'var' ? 0 : undefined}
        height="12rem"
        summary={s ? `At step ${s.step}: ${key === 'var' ? 'unbiased batch variance' : 'batch mean'} ${num(at(batch), 4)}, running ${name} ${num(at(running), 4)} (it started at ${start}).` : 'Not trained yet.'}
      />
    </div>
  );

  return (
    <DemoFrame error={t.error} {...ds.frame} reproduce={{ demo: batchNormRunningStatsDemo.id, library: 'pytorch', settings, snapshot: s }}>
      <SettingsPanel id={id} fields={runningFields} settings={settings} controls={controls} main={RUN_MAIN} more={RUN_MORE} onChange={(k, v) => set(k)(v)}>
        <SettingControl id={`${id}-layer`} field={{ ...runningFields.layer, max: settings.layers }} value={layer} onChange={set('layer')} format={(v) => `${v} of ${settings.layers}`} />
        <SettingControl id={`${id}-neuron`} field={{ ...runningFields.neuron, max: settings.hidden }} value={neuron} onChange={set('neuron')} format={(v) => `${v} of ${settings.hidden}`} />
      </SettingsPanel>
      <TrainToolbar id={id} t={t} settings={settings} speeds={SPEEDS} speed={10} unit="steps" stepLabel="Step one batch" />
      <p class="status" aria-live={t.running ? 'off' : 'polite'} data-testid="bn-rs-status">
        {s ? (
          <>
            Step <b data-testid="bn-rs-step">{s.step}</b> of {s.maxSteps} · {where} · running mean <b data-testid="bn-rs-rmean">{num(at(s.runningMean), 4)}</b>, running variance <b data-testid="bn-rs-rvar">{num(at(s.runningVar), 4)}</b>
            {t.finished && ' · finished'}
          </>
        ) : t.error ? 'No run.' : 'Preparing the network…'}
      </p>

      <div class="demo-grid">
        {stat('mean', 'mean', 'batch mean μ_B', s?.batchMean, s?.runningMean, 0)}
        {stat('var', 'variance', 'batch variance × n/(n−1)', s?.batchVarUnbiased, s?.runningVar, 1)}
      </div>

      <div class="bn-rule" data-testid="bn-rs-rule" data-step={s?.step ?? 0}>
        <p class="bn-rule-title">{last ? `The update after step ${s!.step} (PyTorch, momentum ${last.momentum}, n = ${last.n})` : 'The update after every training step (PyTorch’s momentum convention)'}</p>
        {/* Keyed by position: each line keeps its element and its equation is patched in place as the numbers change. */}
        {lines.map((l, i) => <div class="bn-rule-line" key={i}><Tex tex={l} /></div>)}
        <p class="visually-hidden" data-testid="bn-rs-rule-text">
          {last
            ? `Running mean: (1 − ${last.momentum}) × ${num(last.runningMeanBefore, 4)} + ${last.momentum} × ${num(last.batchMean, 4)} = ${num(last.runningMean, 4)}. ` +
              `Running variance: (1 − ${last.momentum}) × ${num(last.runningVarBefore, 4)} + ${last.momentum} × ${last.n}/${last.n - 1} × ${num(last.batchVar, 4)} = ${num(last.runningVar, 4)}.`
            : 'No step yet: the running mean starts at 0 and the running variance at 1.'}
        </p>
      </div>

      <fieldset class="bn-modes">
        <legend>Use the network in</legend>
        {(['train', 'eval'] as const).map((m) => (
          <label key={m}>
            <input type="radio" name={`${id}-mode`} value={m} checked={mode === m} onChange={() => set('mode')(m)} data-testid={`bn-mode-${m}`} />
            <code>model.{m}()</code> {m === 'train' ? 'train mode' : 'eval mode'}
          </label>
        ))}
      </fieldset>
      <div class="bn-mode-box" data-testid="bn-mode-box" data-mode={mode}>
        <p>
          {mode === 'train'
            ? <>In train mode every batch is normalised with <b>its own</b> mean and (biased) variance; the running averages are updated after each forward pass.</>
            : <>In eval mode nothing is computed from the batch: every point is normalised with the <b>running averages</b>, and they no longer change.</>}
        </p>
        <div class="bn-rule-line" data-testid="bn-mode-formula"><Tex tex={modeLine(mode, last)} /></div>
        {tb && (
          <p class="bn-two" data-testid="bn-two-batches">
            Validation point 1, put in two different batches of {s!.batchRows} points: probability of class 1 is <b data-testid="bn-two-a">{num(tb[0], 4)}</b> in one and <b data-testid="bn-two-b">{num(tb[1], 4)}</b> in the other
            {same ? ': the same, because each point is normalised on its own.' : ': it depends on which other points share its batch.'}
          </p>
        )}
        {s && (
          <p data-testid="bn-mode-val">
            Validation loss in {mode} mode <b data-testid="bn-val-mode">{num(valLoss[mode], 4)}</b> (accuracy {pct(s.valAccuracy[mode])}); in {other} mode {num(valLoss[other], 4)} (accuracy {pct(s.valAccuracy[other])}).
          </p>
        )}
      </div>
      <div class="demo-panel">
        <h4>Validation loss, measured in each mode</h4>
        <LineChart
          testId={`${id}-val-chart`}
          series={[
            { label: 'model.train(): the validation set’s own statistics', values: s?.valLossTrain ?? [], xs: s?.steps, color: 2 },
            { label: 'model.eval(): running averages', values: s?.valLossEval ?? [], xs: s?.steps, color: 0 },
          ]}
          xLabel="step"
          yLabel="validation loss (BCE)"
          yMin={0}
          height="12rem"
          summary={s ? `Validation loss after step ${s.step}: ${num(valLoss.train, 4)} in train mode, ${num(valLoss.eval, 4)} in eval mode.` : 'Not trained yet.'}
        />
      </div>
      <CodeBlock label="PyTorch: the running statistics of a BatchNorm1d layer, in train and eval mode" code={runningCode(settings)} />
    </DemoFrame>
  );
}
