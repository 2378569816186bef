import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { RunBoundary } from '../ui/RunBoundary.tsx';
import { percent as pct } from '../ui/format.ts';
import { LineChart } from '../../views/LineChart.tsx';
import { SpeedSelect } from '../ui/SpeedSelect.tsx';
import { CodeBlock } from '../ui/CodeBlock.tsx';
import { DemoFrame } from '../ui/DemoFrame.tsx';
import { TrainButtons } from '../ui/TrainButtons.tsx';
import { useTrainedDemo } from '../ui/useTrainedDemo.ts';
import type { IslandProps } from '../define.ts';
import { PSlider, RunSettings } from './Controls.tsx';
import { compareCode } from './code.ts';
import type { CompareSnapshot } from './compare-runner.ts';
import type { CompareSeedsSnapshot } from './compare-seeds.ts';
import { compareNames } from './compare-names.ts';
import { SettingControl } from '../ui/SettingControl.tsx';
import { SeedsComparisonView } from '../ui/SeedComparison.tsx';
import { compareVerdict, lastGap, sharedTop } from './compare-summary.ts';
import { dropoutCompareDemo } from './demo.ts';
import { compareFields } from './settings.ts';

const SPEEDS = [10, 25, 50, 100, Infinity] as const;
const f3 = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(3));
const last = (a: number[] | undefined) => (a && a.length ? a[a.length - 1] : undefined);

/**
 * "Does it help?": the same too-large network trained twice, without dropout and with dropout at
 * the learner's p, on the same data from the same seed. Any setting starts both runs over, so the
 * two curves always compare whole runs.
 */
export default function CompareIsland(props: IslandProps<typeof compareFields>): VNode {
  const { id } = props;
  const { settings, set, frame, t, controls, sameRun } = useTrainedDemo<typeof compareFields, CompareSnapshot | CompareSeedsSnapshot>(dropoutCompareDemo, props);
  const [speed, setSpeed] = useState<number>(50);

  // Several seeds: the runner sends one snapshot for all of them, drawn by the shared view.
  const multi = t.snapshot && 'runs' in t.snapshot ? t.snapshot : null;
  if (settings.seeds > 1) return <SeedsMode {...{ id, settings, set, frame, t, controls }} snap={multi && sameRun(multi.settings) ? multi : null} />;
  const s = t.snapshot && !('runs' in t.snapshot) ? t.snapshot : null;
  const stepsPerEpoch = s?.stepsPerEpoch ?? Math.ceil(settings.points / Math.min(settings.batch, settings.points));
  // A unit of work is one network's mini-batch step: an epoch of both is 2 x stepsPerEpoch units.
  const unitsPerEpoch = 2 * stepsPerEpoch;
  const play = (epochsPerSecond: number) => t.play(Number.isFinite(epochsPerSecond) ? epochsPerSecond * unitsPerEpoch : undefined);
  const top = s ? sharedTop([s.plain.train, s.plain.val, s.dropout.train, s.dropout.val]) : undefined;
  const verdict = s ? compareVerdict(s) : null;

  const gap = lastGap;
  const rows = s
    ? [
        { name: 'no dropout', testId: 'plain', c: s.plain },
        { name: `dropout p = ${s.p}`, testId: 'dropout', c: s.dropout },
      ]
    : [];
  const better = (a: number, b: number) => Number.isFinite(a) && Number.isFinite(b) && a < b - 1e-9;

  const panel = (which: 'plain' | 'dropout') => {
    const c = s?.[which];
    const name = which === 'plain' ? 'Without dropout' : `With dropout (p = ${s?.p ?? settings.p})`;
    const summary = c
      ? `${name}, after ${s!.epoch} epochs: training loss ${f3(last(c.train))}, validation loss ${f3(last(c.val))}, gap ${f3(gap(c))}.`
      : `${name}: not trained yet.`;
    return (
      <div class="demo-panel">
        <h4>{name}</h4>
        <LineChart
          testId={`${id}-${which}-chart`}
          height="13rem"
          series={[
            { label: 'training loss', values: c?.train ?? [], color: 0 },
            { label: 'validation loss', values: c?.val ?? [], color: 1 },
          ]}
          xLabel="epoch"
          yLabel="loss (binary cross-entropy)"
          yMin={0}
          yMax={top}
          summary={summary}
        />
        <RunBoundary testId={`${id}-${which}-boundary`} view={c} points={s} epoch={s?.epoch ?? 0} name={name} />
      </div>
    );
  };

  return (
    <DemoFrame
      error={t.error}
      {...frame}
      // One script per network: each trains it as its panel shows (same data, weights and batches).
      reproduce={[
        { demo: 'dropout-compare-without', library: 'pytorch', settings, snapshot: s, label: 'without dropout' },
        { demo: 'dropout-compare-with', library: 'pytorch', settings, snapshot: s, label: `with dropout (p = ${s?.p ?? settings.p})` },
      ]}
    >
      <div class="controls">
        {controls.includes('p') && <PSlider id={id} field={compareFields.p} value={settings.p} onChange={set('p')} />}
        {controls.includes('seeds') && <SettingControl id={`${id}-seeds`} field={compareFields.seeds} value={settings.seeds} onChange={set('seeds')} />}
        <SpeedSelect id={id} stacked options={SPEEDS} value={speed} unit="epochs" onChange={(x) => { setSpeed(x); if (t.running) play(x); }} />
      </div>
      <div class="do-buttons">
        <TrainButtons
          running={t.running}
          finished={t.finished}
          onPlay={() => play(speed)}
          onPause={t.pause}
          onStep={() => t.step(unitsPerEpoch)}
          onReset={() => t.reset(settings)}
          disabled={!!t.error}
        />
        {controls.includes('seed') && (
          <button type="button" class="btn" data-testid="reseed" onClick={() => set('seed')(Math.floor(Math.random() * 1_000_000))}>
            ⚄ New seed
          </button>
        )}
      </div>
      <p class="status" data-testid="compare-status">
        {s ? (
          <>
            Epoch <b data-testid="epoch">{s.epoch}</b> of {s.maxEpochs} · seed {settings.seed} · {stepsPerEpoch} mini-batches of {Math.min(settings.batch, settings.points)} points per epoch
            {t.finished && ' · finished'}
          </>
        ) : (
          'Preparing the two networks…'
        )}
      </p>
      {s && (
        <div class="do-table-wrap" tabIndex={0} role="region" aria-label="Losses, gaps and accuracies of both networks">
          <table class="do-table" data-testid="compare-table">
            <caption class="visually-hidden">The two networks after {s.epoch} epochs</caption>
            <thead>
              <tr>
                <th scope="col">network</th>
                <th scope="col">gap</th>
                <th scope="col">train loss</th>
                <th scope="col">val. loss</th>
                <th scope="col">val. accuracy</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => {
                const other = rows[1 - i].c;
                return (
                  <tr key={r.testId}>
                    <th scope="row">{r.name}</th>
                    <td class={better(gap(r.c), gap(other)) ? 'do-better' : ''} data-testid={`gap-${r.testId}`}>{f3(gap(r.c))}</td>
                    <td>{f3(last(r.c.train))}</td>
                    <td class={better(last(r.c.val) ?? NaN, last(other.val) ?? NaN) ? 'do-better' : ''}>{f3(last(r.c.val))}</td>
                    <td class={better(other.valAccuracy, r.c.valAccuracy) ? 'do-better' : ''}>{pct(r.c.valAccuracy)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p class="do-note">Gap = validation loss − training loss, both on all points in eval mode (nothing dropped). Green: the better of the two.</p>
        </div>
      )}
      {verdict && <p class="demo-message info do-verdict" data-testid="compare-verdict">{verdict}</p>}
      <div class="do-compare">
        {panel('plain')}
        {panel('dropout')}
      </div>
      <CodeBlock label="The two PyTorch models of this demo" code={compareCode(settings)} />
      {/* p has its own slider above; the rest of the run's settings fold away here */}
      <RunSettings id={id} fields={compareFields} keys={controls.filter((k) => k !== 'p' && k !== 'seeds' && compareFields[k].effect === 'restart')} settings={settings} onChange={(k, v) => set(k)(v)} summary="The training run (changing it trains both networks again)" />
    </DemoFrame>
  );
}

type Trained = ReturnType<typeof useTrainedDemo<typeof compareFields, CompareSnapshot | CompareSeedsSnapshot>>;

/**
 * Several seeds: both networks on every seed (each seed the same points, initial weights and
 * batches for both), trained as fast as the worker goes; the bands, the per-seed dots and the
 * paired verdict replace the single run's panels.
 */
function SeedsMode({ id, settings, set, frame, t, controls, snap }: Pick<Trained, 'settings' | 'set' | 'frame' | 't' | 'controls'> & { id: string; snap: CompareSeedsSnapshot | null }) {
  const names = compareNames(snap?.settings ?? settings);
  return (
    <DemoFrame error={t.error} {...frame}
      // One script per network on the first seed (the other seeds: change the seed, Seeds = 1).
      reproduce={[
        { demo: 'dropout-compare-without', library: 'pytorch', settings: { ...settings, seeds: 1 }, snapshot: null, label: `without dropout, seed ${settings.seed}` },
        { demo: 'dropout-compare-with', library: 'pytorch', settings: { ...settings, seeds: 1 }, snapshot: null, label: `with dropout (p = ${settings.p}), seed ${settings.seed}` },
      ]}>
      <div class="controls">
        {controls.includes('p') && <PSlider id={id} field={compareFields.p} value={settings.p} onChange={set('p')} />}
        {controls.includes('seeds') && <SettingControl id={`${id}-seeds`} field={compareFields.seeds} value={settings.seeds} onChange={set('seeds')} />}
      </div>
      <div class="do-buttons">
        <TrainButtons running={t.running} finished={t.finished} onPlay={() => t.play()} onPause={t.pause} onStep={() => t.step(2 * settings.seeds)}
          stepLabel="Step one epoch of every network" onReset={() => t.reset(settings)} disabled={!!t.error} />
      </div>
      {snap ? (
        <SeedsComparisonView id={id} runs={snap.runs} names={names} progress={snap.progress} epochs={snap.epochs} finished={t.finished}
          perSeed="2 networks" note={<>Seeds {snap.seeds[0]} to {snap.seeds[snap.seeds.length - 1]}. Each script of “Reproduce in PyTorch” trains one network on the first seed; set Seeds to 1 and change the seed for another.</>} />
      ) : (
        <p class="status">Press Train: both networks train on {settings.seeds} seeds ({settings.seed} to {settings.seed + settings.seeds - 1}).</p>
      )}
      <RunSettings id={id} fields={compareFields} keys={controls.filter((k) => k !== 'p' && k !== 'seeds' && compareFields[k].effect === 'restart')} settings={settings} onChange={(k, v) => set(k)(v)} summary="The training run (changing it trains every network again)" />
    </DemoFrame>
  );
}
