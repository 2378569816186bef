import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { LineChart } from '../../views/LineChart.tsx';
import { MaskMatrix } from '../../views/MaskMatrix.tsx';
import { NetworkDiagram } from '../../views/NetworkDiagram.tsx';
import { ChoiceButtons } from '../ui/ChoiceButtons.tsx';
import { SpeedSelect } from '../ui/SpeedSelect.tsx';
import { CodeBlock } from '../ui/CodeBlock.tsx';
import { DemoFrame } from '../ui/DemoFrame.tsx';
import { TrainButtons } from '../ui/TrainButtons.tsx';
import { useTrainedDemo } from '../ui/useTrainedDemo.ts';
import type { IslandProps } from '../define.ts';
import { PSlider, RunSettings } from './Controls.tsx';
import { maskCode, scaleText } from './code.ts';
import { dropoutMaskDemo } from './demo.ts';
import { maskRow } from './masks.ts';
import type { MaskSnapshot } from './mask-runner.ts';
import { maskFields } from './settings.ts';
import { Select } from '../ui/Select.tsx';

const SPEEDS = [1, 2, 5, 20, 100, Infinity] as const;
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const f3 = (v: number | null) => (v === null || !Number.isFinite(v) ? '–' : v.toFixed(3));

/**
 * The mask viewer: a small network trains one mini-batch per step, and the drawing shows the
 * dropout mask the engine drew for one example of that step's batch (and the whole batch's masks
 * beside it). p and the train/eval mode change live; everything else starts a new run.
 */
export default function MaskIsland(props: IslandProps<typeof maskFields>): VNode {
  const { id } = props;
  const { settings, set, frame, t, controls } = useTrainedDemo<typeof maskFields, MaskSnapshot>(dropoutMaskDemo, props, {
    // Eval mode trains nothing: stop playing, then show the batch with model.eval().
    live: (patch, t) => {
      if (patch.mode === 'eval') t.pause();
      t.update(patch);
    },
  });
  const [speed, setSpeed] = useState<number>(2);
  const [example, setExample] = useState(0);

  const s = t.snapshot;
  const v = s?.view ?? null;
  const n = v?.n ?? 0;
  const row = Math.min(example, Math.max(0, n - 1));
  const hidden = s ? s.widths.slice(1, -1) : [];
  const eval_ = settings.mode === 'eval';
  const keptLabel = v?.kind === 'train' ? `×${scaleText(v.p)}` : '×1';
  const exampleMasks = v?.masks ? v.masks.map((m, k) => maskRow(m, row, hidden[k])) : null;
  const exampleDropped = exampleMasks ? exampleMasks.reduce((a, m) => a + m.filter((b) => b === 0).length, 0) : 0;
  const perExample = hidden.reduce((a, h) => a + h, 0);


  const diagramSummary = !s
    ? 'The network, not trained yet.'
    : !v
      ? `A network with ${s.widths.length - 2} hidden layers of ${hidden[0]} neurons; no training step yet.`
      : v.kind === 'eval'
        ? `Eval mode: example ${row + 1} of the batch; all ${perExample} hidden neurons kept, none scaled. Output probability ${v.probs[row].toFixed(2)}.`
        : `Step ${v.step}, example ${row + 1} of the batch: ${exampleDropped} of ${perExample} hidden neurons dropped (crossed out, their connections greyed); the kept ones are scaled by ${keptLabel}. ` +
          exampleMasks!.map((m, k) => `Hidden layer ${k + 1}: neurons ${m.map((b, j) => (b ? null : j + 1)).filter(Boolean).join(', ') || 'none'} dropped.`).join(' ');
  const matrixSummary = v
    ? v.masks
      ? `The batch's masks at step ${v.step}: ${n} examples × ${perExample} hidden neurons, ${v.dropped} of ${v.units} dropped (${pct(v.dropped / v.units)}).`
      : `Eval mode: no mask, all ${n * perExample} neurons of the ${n} examples kept.`
    : 'No training step yet.';
  const hist = s?.history;
  const chartSummary = hist && hist.steps.length
    ? `Fraction of the batch's hidden neurons dropped at each of the last ${hist.steps.length} steps: latest ${pct(hist.fraction[hist.fraction.length - 1])}, ` +
      `average ${pct(hist.average[hist.average.length - 1])} over the ${s!.sinceP.steps} steps since p became ${s!.sinceP.p}.`
    : 'No training step yet.';

  return (
    <DemoFrame
      error={t.error}
      {...frame}
      reproduce={{ demo: dropoutMaskDemo.id, library: 'pytorch', settings, snapshot: s }}
    >
      <div class="controls">
        {controls.includes('p') && <PSlider id={id} field={maskFields.p} value={settings.p} onChange={set('p')} />}
        {controls.includes('mode') && (
          <ChoiceButtons
            id={`${id}-mode`}
            label="Mode"
            value={settings.mode}
            onChange={set('mode')}
            options={[
              { value: 'train', label: <>train</> },
              { value: 'eval', label: <>eval</> },
            ]}
            hint={eval_ ? 'model.eval(): nothing dropped, nothing scaled, nothing learned.' : 'model.train(): a new random mask at every step.'}
          />
        )}
        <SpeedSelect id={id} stacked options={SPEEDS} value={speed} unit="steps" onChange={(x) => { setSpeed(x); if (t.running) t.play(x); }} />
      </div>
      <TrainButtons
        running={t.running}
        finished={false}
        onPlay={() => t.play(speed)}
        onPause={t.pause}
        onStep={() => t.step(1)}
        onReset={() => t.reset(settings)}
        stepLabel="Step one batch"
        disabled={!!t.error || eval_}
      />
      <div class="do-readout" aria-live="polite" data-testid="mask-status">
        {!s ? (
          'Preparing the network…'
        ) : !v ? (
          <>Step <b data-testid="step-count">0</b>: press <b>Step one batch</b> to run the first training step and draw its masks.</>
        ) : v.kind === 'eval' ? (
          <>
            <span class="do-big">Eval mode: <b data-testid="dropped-count">0</b> of {v.units} neurons dropped, none scaled.</span>{' '}
            The same {n} examples as training step <b data-testid="step-count">{s.step}</b>, with the current weights and no mask. Training is paused: switch to train to continue.
          </>
        ) : (
          <>
            <span class="do-big">
              Step <b data-testid="step-count">{v.step}</b> dropped <b data-testid="dropped-count">{v.dropped}</b> of {v.units} hidden neurons ={' '}
              <b data-testid="dropped-fraction">{pct(v.dropped / v.units)}</b> (p = {v.p}).
            </span>{' '}
            Example {row + 1}: {exampleDropped} of {perExample}. Since p = {s.sinceP.p}: <b data-testid="dropped-average">{pct(s.sinceP.units ? s.sinceP.dropped / s.sinceP.units : 0)}</b> over {s.sinceP.steps} steps.
            {s.p !== v.p && <> The next step draws its masks with p = {s.p}.</>}
          </>
        )}
      </div>
      {s && (
        <p class="status" data-testid="mask-progress">
          Epoch {v ? v.epoch + 1 : 1}, batch {v ? v.batchIndex + 1 : 1} of {s.batchesPerEpoch} ·{' '}
          {s.trainLoss === null
            ? 'the losses on all points are measured after every epoch'
            : <>after epoch {s.epoch}: training loss {f3(s.trainLoss)}, validation loss {f3(s.valLoss)} (eval mode, all points)</>}
        </p>
      )}
      <div class="demo-panel do-network">
          <div class="do-panel-head">
            <h4>{!v ? 'The network' : v.kind === 'eval' ? 'The network in eval mode' : `The network at step ${v.step}`}</h4>
            <label class="do-inline" for={`${id}-example-input`}>
              example
              <Select
                id={`${id}-example-input`}
                value={String(row)}
                disabled={n === 0}
                onChange={(v) => setExample(Number(v))}
                options={Array.from({ length: Math.max(n, 1) }, (_, i) => ({ value: String(i), label: n ? `${i + 1} of ${n}` : '–' }))}
              />
            </label>
          </div>
          <NetworkDiagram
            testId={`${id}-diagram`}
            widths={s?.widths ?? [2, ...Array.from({ length: settings.layers }, () => settings.hidden), 1]}
            weights={s?.weights ?? []}
            masks={exampleMasks}
            keptLabel={keptLabel}
            activations={v?.activations.map((a, k) => maskRow(a, row, hidden[k]))}
            inputs={v ? [v.xy[2 * row], v.xy[2 * row + 1]] : undefined}
            output={v?.probs[row]}
            columnLabels={['input', ...hidden.map((_, k) => `hidden ${k + 1}`), 'output']}
            summary={diagramSummary}
          />
          <p class="legend do-legend">
            <span><span class="do-key kept" />kept: output × {keptLabel.slice(1)}</span>
            <span><span class="do-key dropped" />dropped: output 0</span>
            <span><span class="do-key pos" />positive weight</span>
            <span><span class="do-key neg" />negative weight</span>
          </p>
      </div>
      <div class="do-mask-grid">
        <div class="demo-panel">
          <h4>The batch’s masks{v ? ` (${n} × ${perExample})` : ''}</h4>
          <MaskMatrix testId={`${id}-matrix`} masks={v?.masks ?? null} n={n} features={hidden} selected={row} onSelect={setExample} summary={matrixSummary} />
          <p class="do-note">One row per example, one square per hidden neuron: filled = kept, hollow = dropped. Every example gets its own mask; click a row to draw it.</p>
        </div>
        <div class="demo-panel">
          <h4>Fraction dropped, step by step</h4>
        <LineChart
          testId={`${id}-fraction-chart`}
          height="11rem"
          series={[
            { label: 'dropped this step (batch)', values: hist?.fraction ?? [], xs: hist?.steps, color: 0 },
            { label: 'average since p was set', values: hist?.average ?? [], xs: hist?.steps, color: 2 },
            { label: 'p', values: hist?.p ?? [], xs: hist?.steps, color: 1, dashed: true },
          ]}
          xLabel="training step"
          yLabel="fraction dropped"
          yMin={0}
          yMax={1}
          summary={chartSummary}
        />
        </div>
      </div>
      <CodeBlock label="The PyTorch model of this demo" code={maskCode(settings, settings.p, settings.mode)} />
      <RunSettings id={id} fields={maskFields} keys={controls.filter((k) => maskFields[k].effect === 'restart')} settings={settings} onChange={(k, v) => set(k)(v)} summary="The training run (changing it starts a new network)" />
    </DemoFrame>
  );
}
