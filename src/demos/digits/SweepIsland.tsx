import type { VNode } from 'preact';
import { useTrainedDemo } from '../ui/useTrainedDemo.ts';
import type { IslandProps } from '../define.ts';
import { digitsSweepDemo } from './demo.ts';
import { LineChart } from '../../views/LineChart.tsx';
import { DemoFrame } from '../ui/DemoFrame.tsx';
import { SeedProgress } from '../ui/SeedComparison.tsx';
import { SettingControls } from '../ui/SettingControl.tsx';
import { TrainButtons } from '../ui/TrainButtons.tsx';
import { DigitsCredit } from './credit.tsx';
import { sweepFields, SWEEP_VALUES } from './settings.ts';
import type { SweepSnapshot } from './sweep-runner.ts';
import { describeSweep, strengthName, summarizeSweep } from './sweep-summary.ts';


/**
 * Too little, too much: the digits network trained at every strength of L2 (or dropout) on a few
 * seeds; the validation loss each run ends with, mean and min-max over the seeds, against the
 * strength. Too little regularization overfits, too much underfits; the best lies between.
 */
export default function SweepIsland(props: IslandProps<typeof sweepFields>): VNode {
  const { id } = props;
  const { settings, set, frame, t, controls } = useTrainedDemo<typeof sweepFields, SweepSnapshot>(digitsSweepDemo, props);

  const s = t.snapshot;
  const sum = s ? summarizeSweep(s) : null;
  const knob = s?.settings.knob ?? settings.knob;
  const labels = SWEEP_VALUES[knob].map(String);
  // L2 strengths span three decades: plotted at their index, labelled with their value.
  const xs = knob === 'l2' ? labels.map((_, i) => i) : [...SWEEP_VALUES.dropout];
  const series = sum
    ? [
        { label: 'validation loss: lowest seed', values: sum.val.min, xs, color: 1, width: 0.5, legend: false },
        { label: 'validation loss: min to max over seeds', values: sum.val.max, xs, color: 1, width: 0.5, fillTo: 0, legend: false },
        { label: 'validation loss (mean over seeds)', values: sum.val.mean, xs, color: 1, width: 2.5 },
        { label: 'training loss (mean over seeds)', values: sum.train.mean, xs, color: 0, dashed: true },
      ]
    : [];
  const best = sum && sum.best >= 0 ? sum.best : null;

  return (
    <DemoFrame error={t.error} {...frame} reproduce={{ demo: 'digits-sweep', library: 'pytorch', settings, snapshot: s, label: 'the whole sweep' }}>
      <SettingControls id={id} fields={sweepFields} keys={controls} settings={settings} set={set} />
      <TrainButtons running={t.running} finished={t.finished} onPlay={() => t.play()} onPause={t.pause} onStep={() => t.step(s?.unitsPerEpoch ?? 1)} stepLabel="Step one epoch of a run" onReset={() => t.reset(settings)} disabled={!!t.error} />
      {s ? (
        <SeedProgress id={id} done={s.progress.done} total={s.progress.total}
          detail={`(${s.values.length} strengths × ${s.seeds.length} seed${s.seeds.length === 1 ? '' : 's'} × ${s.settings.epochs} epochs${s.current ? `; now seed ${s.current.seed}, ${strengthName(knob)} ${s.values[s.current.value]}` : ''})`} />
      ) : (
        <p class="status">Loading the digits…</p>
      )}
      <div class="demo-panel">
        <h4>Loss at the end of training against the {strengthName(knob)}</h4>
        <LineChart
          testId={`${id}-chart`}
          series={series}
          xLabel={knob === 'l2' ? 'L2 strength (λ)' : 'dropout rate p'}
          yLabel="loss (cross-entropy)"
          yMin={0}
          xTickLabels={knob === 'l2' ? labels : undefined}
          markers={best !== null ? [{ x: xs[best], label: `lowest validation loss (${strengthName(knob)} ${labels[best]})`, color: 2 }] : []}
          summary={s && sum ? describeSweep(s, sum) : 'Not trained yet.'}
        />
        <p class="legend">Solid: the validation loss, the mean over the seeds, shaded from the lowest to the highest seed; dashed: the training loss. Left: too little regularization, the gap between them is overfitting. Right: too much, both are high: the network underfits.</p>
        {s && sum && sum.best >= 0 && <p class="demo-message info" data-testid={`${id}-summary`}>{describeSweep(s, sum)}</p>}
      </div>
      <DigitsCredit />
    </DemoFrame>
  );
}
