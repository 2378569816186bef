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
import { SettingsPanel } from './SettingsPanel.tsx';
import type { DropoutSnapshot, VariantRecord } from './dropout-run.ts';
import type { DropoutSeedsSnapshot } from './dropout-seeds.ts';
import { SeedsComparisonView } from '../ui/SeedComparison.tsx';
import { TrainButtons } from '../ui/TrainButtons.tsx';
import { bandOf, pairVerdict } from '../multi-seed.ts';
import { num } from './format.ts';
import { dropoutFields, VARIANTS, type DropoutSettings, type VariantKey } from './settings.ts';

type Key = keyof DropoutSettings;

const SPEEDS = [10, 30, 100, Infinity] as const;
const COLOR: Record<VariantKey, number> = { neither: 1, bn: 0, dropout: 3, both: 2 };
const RUN_MAIN: Key[] = ['p', 'noise', 'points', 'seeds'];
const RUN_MORE: Key[] = ['dataset', 'layers', 'hidden', 'lr', 'batch', 'epochs', 'seed'];

const at = (a: number[]) => a[a.length - 1];

/**
 * Demo 4: four networks on the same few noisy points, the same seed and initial weights: neither
 * regularizer, batch norm only, dropout only, and both. The overfitting gap (validation minus
 * training loss) of each, live, and where each ends.
 */
export default function DropoutIsland(props: IslandProps<typeof dropoutFields>): VNode {
  const { id } = props;
  // A setting that defines the run starts new runs; the shown layer / feature only change what the snapshots hold.
  const ds = useTrainedDemo<typeof dropoutFields, DropoutSnapshot | DropoutSeedsSnapshot>(batchNormDropoutDemo, props);
  const controls = ds.controls;
  const { settings, set, t, sameRun } = ds;
  const [hidden, setHidden] = useState<VariantKey[]>([]);

  if (settings.seeds > 1) {
    const multi = t.snapshot && 'runs' in t.snapshot && sameRun(t.snapshot.settings) ? t.snapshot : null;
    return <SeedsMode id={id} ds={ds} snap={multi} />;
  }
  const s = t.snapshot && !('runs' in t.snapshot) && sameRun(t.snapshot.settings) ? t.snapshot : null;
  const shownVariants = (s?.variants ?? []).filter((v) => !hidden.includes(v.key));
  const lowestGap = s && s.epoch > 0 ? s.variants.filter((v) => !v.diverged).reduce<VariantRecord | null>((b, v) => (!b || at(v.gap) < at(b.gap) ? v : b), null) : null;
  const line = (v: VariantRecord) => `${v.label}: training ${num(at(v.train))}, validation ${num(at(v.val))}, gap ${num(at(v.gap))}${v.diverged ? ' (diverged)' : ''}`;
  const summary = s ? `After ${s.epoch} epochs. ${s.variants.map(line).join('; ')}.` : 'Not trained yet.';

  return (
    <DemoFrame error={t.error} {...ds.frame} reproduce={{ demo: batchNormDropoutDemo.id, library: 'pytorch', settings, snapshot: s, contents: 'all four networks' }}>
      <SettingsPanel id={id} fields={dropoutFields} settings={settings} controls={controls.filter((k) => k !== 'versus')} main={RUN_MAIN} more={RUN_MORE} onChange={(k, v) => set(k)(v)} moreLabel="More settings (each change starts new runs)" />
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

const f3 = (v: number) => v.toFixed(3);
const pc1 = (v: number) => `${(v * 100).toFixed(1)}%`;
const VERSUS: Record<DropoutSettings['versus'], number> = { bn: 1, dropout: 2, both: 3 };

/**
 * Several seeds: the four networks on every seed (each seed the same points, initial weights and
 * batches for all four). The bands, dots and verdict set the chosen network against the one with
 * neither regularizer; a table sums up all four over the seeds.
 */
function SeedsMode({ id, ds, snap }: { id: string; ds: ReturnType<typeof useTrainedDemo<typeof dropoutFields, DropoutSnapshot | DropoutSeedsSnapshot>>; snap: DropoutSeedsSnapshot | null }) {
  const { settings, set, t, controls } = ds;
  const names = VARIANTS.map((v) => v.label);
  const colors = VARIANTS.map((v) => COLOR[v.key]);
  const versus = VERSUS[settings.versus];
  const finals = (v: number) => (snap?.runs[v] ?? []).filter((c) => c.final).map((c) => c.final!);
  return (
    <DemoFrame error={t.error} {...ds.frame}
      reproduce={{ demo: batchNormDropoutDemo.id, library: 'pytorch', settings: { ...settings, seeds: 1 }, snapshot: null, contents: `all four networks, seed ${settings.seed}` }}>
      <SettingsPanel id={id} fields={dropoutFields} settings={settings} controls={controls} main={[...RUN_MAIN, 'versus']} more={RUN_MORE} onChange={(k, v) => set(k)(v)} moreLabel="More settings (each change starts new runs)" />
      <TrainButtons running={t.running} finished={t.finished} onPlay={() => t.play()} onPause={t.pause} onStep={() => t.step(4 * settings.seeds)}
        stepLabel="Step one epoch of every network" onReset={() => t.reset(settings)} disabled={!!t.error} />
      {snap ? (
        <>
          <SeedsComparisonView id={id} runs={snap.runs} names={names} colors={colors} pair={[0, versus]} progress={snap.progress} epochs={snap.epochs}
            finished={t.finished} perSeed="4 networks"
            note={<>Seeds {snap.seeds[0]} to {snap.seeds[snap.seeds.length - 1]}; “Compare with neither” picks the network set against the one with neither regularizer. The PyTorch script trains the four networks on the first seed.</>} />
          {finals(0).length > 0 && (
            <div class="bn-table-scroll" tabIndex={0} role="region" aria-label="The four networks over the seeds (scrolls sideways on small screens)">
              <table class="bn-table" data-testid="bn-do-seeds-table">
                <caption class="visually-hidden">Final validation loss and accuracy of the four networks over the finished seeds</caption>
                <thead>
                  <tr><th scope="col">network</th><th scope="col">final val. loss, mean (min–max)</th><th scope="col">final val. accuracy, mean</th><th scope="col">lower val. loss than neither</th></tr>
                </thead>
                <tbody>
                  {VARIANTS.map((v, i) => {
                    const f = finals(i);
                    const band = bandOf(f.map((x) => [x.valLoss]));
                    const acc = f.reduce((a, x) => a + x.valAccuracy, 0) / (f.length || 1);
                    const p = i === 0 ? null : pairVerdict(snap.runs[0], snap.runs[i], v.label);
                    return (
                      <tr key={v.key}>
                        <th scope="row">{v.label}</th>
                        <td>{f.length ? `${f3(band.mean[0])} (${f3(band.min[0])}–${f3(band.max[0])})` : '–'}</td>
                        <td>{f.length ? pc1(acc) : '–'}</td>
                        <td>{p ? `${p.loss.better} of ${p.loss.n} seeds${p.loss.n > 1 ? (p.loss.clear ? ', beyond the spread' : ', within the spread') : ''}` : '–'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : (
        <p class="status">Press Train: the four networks train on {settings.seeds} seeds ({settings.seed} to {settings.seed + settings.seeds - 1}).</p>
      )}
    </DemoFrame>
  );
}
