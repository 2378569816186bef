import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { LineChart } from '../../views/LineChart.tsx';
import { CodeBlock } from '../ui/CodeBlock.tsx';
import { DemoFrame } from '../ui/DemoFrame.tsx';
import { TrainToolbar } from '../ui/TrainToolbar.tsx';
import { useTrainedDemo } from '../ui/useTrainedDemo.ts';
import type { IslandProps } from '../define.ts';
import { batchNormDropoutDemo } from './demo.ts';
import { dropoutCode } from './code.ts';
import { frameProps } from './frame.ts';
import { SettingsPanel } from './SettingsPanel.tsx';
import type { DropoutSnapshot, VariantRecord } from './dropout-run.ts';
import { num } from './format.ts';
import { dropoutFields, VARIANTS, type DropoutSettings, type VariantKey } from './settings.ts';

type Key = keyof DropoutSettings;

const SPEEDS = [10, 30, 100, Infinity] as const;
const COLOR: Record<VariantKey, number> = { neither: 1, bn: 0, dropout: 3, both: 2 };
const RUN_MAIN: Key[] = ['p', 'noise', 'points'];
const RUN_MORE: Key[] = ['dataset', 'layers', 'hidden', 'lr', 'batch', 'epochs', 'seed'];

const at = (a: number[]) => a[a.length - 1];

/**
 * Demo 4: four networks on the same few noisy points, the same seed and initial weights: neither
 * regularizer, batch norm only, dropout only, and both. The overfitting gap (validation minus
 * training loss) of each, live, and where each ends.
 */
export default function DropoutIsland(props: IslandProps<typeof dropoutFields>): VNode {
  const { id, controls } = props;
  // A setting that defines the run starts new runs; the shown layer / feature only change what the snapshots hold.
  const ds = useTrainedDemo<typeof dropoutFields, DropoutSnapshot>(batchNormDropoutDemo, props);
  const { settings, set, t, sameRun } = ds;
  const [hidden, setHidden] = useState<VariantKey[]>([]);

  const s = t.snapshot && sameRun(t.snapshot.settings) ? t.snapshot : null;
  const shownVariants = (s?.variants ?? []).filter((v) => !hidden.includes(v.key));
  const lowestGap = s && s.epoch > 0 ? s.variants.filter((v) => !v.diverged).reduce<VariantRecord | null>((b, v) => (!b || at(v.gap) < at(b.gap) ? v : b), null) : null;
  const line = (v: VariantRecord) => `${v.label}: training ${num(at(v.train))}, validation ${num(at(v.val))}, gap ${num(at(v.gap))}${v.diverged ? ' (diverged)' : ''}`;
  const summary = s ? `After ${s.epoch} epochs. ${s.variants.map(line).join('; ')}.` : 'Not trained yet.';

  return (
    <DemoFrame {...frameProps(t.error, ds, settings, 'batch-norm-dropout', async () => (await import('./dropout-run.ts')).exportDropoutRun)} reproduce={{ demo: batchNormDropoutDemo.id, library: 'pytorch', settings, snapshot: s, contents: 'all four networks' }}>
      <SettingsPanel id={id} fields={dropoutFields} settings={settings} controls={controls} main={RUN_MAIN} more={RUN_MORE} onChange={(k, v) => set(k)(v)} moreLabel="More settings (each change starts new runs)" />
      <TrainToolbar id={id} t={t} settings={settings} speeds={SPEEDS} speed={30} unit="epochs" />
      <p class="status" aria-live={t.running ? 'off' : 'polite'} data-testid="bn-do-status">
        {s ? (
          <>
            Epoch <b data-testid="bn-do-epoch">{s.epoch}</b> of {s.maxEpochs}
            {lowestGap && <> · smallest gap now: <b data-testid="bn-do-lowest">{lowestGap.label}</b></>}
            {t.finished && ' · finished'}
          </>
        ) : t.error ? 'No run.' : 'Preparing the networks…'}
      </p>
      <fieldset class="bn-variants">
        <legend class="visually-hidden">Curves to show</legend>
        {VARIANTS.map((v) => (
          <label key={v.key}>
            <input
              type="checkbox"
              checked={!hidden.includes(v.key)}
              onChange={(e) => setHidden((h) => ((e.currentTarget as HTMLInputElement).checked ? h.filter((k) => k !== v.key) : [...h, v.key]))}
              data-testid={`bn-show-${v.key}`}
            />
            <span class="swatch" style={{ background: `var(--series-${COLOR[v.key] + 1})` }} />
            {v.label}
          </label>
        ))}
      </fieldset>
      <div class="demo-grid">
        <div class="demo-panel">
          <h4>Overfitting gap: validation − training loss</h4>
          <LineChart
            testId={`${id}-gap-chart`}
            series={shownVariants.map((v) => ({ label: v.label, values: v.gap, color: COLOR[v.key] }))}
            xLabel="epoch"
            yLabel="gap (BCE)"
            height="14rem"
            summary={summary}
          />
        </div>
        <div class="demo-panel">
          <h4>Validation loss</h4>
          <LineChart
            testId={`${id}-val-chart`}
            series={shownVariants.map((v) => ({ label: v.label, values: v.val, color: COLOR[v.key] }))}
            xLabel="epoch"
            yLabel="validation loss (BCE)"
            yMin={0}
            height="14rem"
            summary={s ? `Validation loss after ${s.epoch} epochs: ${s.variants.map((v) => `${v.label} ${num(at(v.val))} (lowest ${num(v.bestVal)} at epoch ${v.bestEpoch})`).join('; ')}.` : 'Not trained yet.'}
          />
        </div>
      </div>
      {s && (
        <div class="bn-table-scroll" tabIndex={0} role="region" aria-label="Losses of the four networks (scrolls sideways on small screens)">
          <table class="bn-table" data-testid="bn-do-table">
            <caption class="visually-hidden">Losses of the four networks after epoch {s.epoch}</caption>
            <thead>
              <tr><th scope="col">network</th><th scope="col">training loss</th><th scope="col">validation loss</th><th scope="col">gap</th><th scope="col">lowest val. loss</th></tr>
            </thead>
            <tbody>
              {s.variants.map((v) => (
                <tr key={v.key} data-testid={`bn-do-row-${v.key}`}>
                  <th scope="row">{v.label}</th>
                  <td>{num(at(v.train))}</td>
                  <td>{num(at(v.val))}</td>
                  <td class={lowestGap?.key === v.key ? 'bn-best' : ''} data-testid={`bn-gap-${v.key}`}>{v.diverged ? 'diverged' : num(at(v.gap))}</td>
                  <td>{num(v.bestVal)} <small>(epoch {v.bestEpoch})</small></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CodeBlock label="PyTorch: batch norm and dropout in one network" code={dropoutCode(settings)} />
    </DemoFrame>
  );
}
