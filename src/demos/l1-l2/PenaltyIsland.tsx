import type { VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { RunBoundary } from '../ui/RunBoundary.tsx';
import { Histogram } from '../../views/Histogram.tsx';
import { LineChart } from '../../views/LineChart.tsx';
import { CodeTabs } from '../ui/CodeTabs.tsx';
import { DemoFrame } from '../ui/DemoFrame.tsx';
import { formatNumber } from '../ui/format.ts';
import { NumberInput } from '../ui/NumberInput.tsx';
import { SettingControl } from '../ui/SettingControl.tsx';
import { TrainButtons } from '../ui/TrainButtons.tsx';
import { useTrainedDemo } from '../ui/useTrainedDemo.ts';
import { useOnChange } from '../ui/useOnChange.ts';
import type { IslandProps } from '../define.ts';
import { penaltyEffectsDemo } from './demo.ts';
import { torchPenaltyCode, weightDecayCode } from './code.ts';
import { changeMarkers, changeText, f3, histogramSummary, lossSummary, pct, penaltyFormula, weightAxis, zeroNote } from './describe.ts';
import { penaltyChanges } from './live.ts';
import { changesFromQuery, changesToQuery } from '../../reproduce/changes.ts';
import type { Change } from '../../reproduce/types.ts';
import type { PenaltySnapshot } from './penalty-run.ts';
import type { PenaltySeedsSnapshot } from './penalty-seeds.ts';
import { penaltyNames } from './penalty-names.ts';
import { SeedsComparisonView } from '../ui/SeedComparison.tsx';
import { bandOf } from '../multi-seed.ts';
import { PenaltyPicker } from './PenaltyPicker.tsx';
import { NEAR_ZERO, PENALTY_LABELS, penaltyFields, type PenaltyKind, type PenaltySettings } from './settings.ts';
import { grouped } from '../../views/number-format.ts';
import { SpeedSelect } from '../ui/SpeedSelect.tsx';

type Key = keyof PenaltySettings;

const SPEEDS = [10, 30, 100, Infinity] as const; // epochs per second; Infinity = as fast as the worker can
const HIST_COLOR: Record<PenaltyKind, number> = { none: 0, l1: 1, l2: 2, 'l1-prox': 3 };
const strengthTyped = { ...penaltyFields.strength, label: 'or type λ' };
const LIVE = ['penalty', 'strength', 'lr'] as const;

/**
 * Chapter 3's main demo: a network trains live under a penalty the learner switches and
 * strengthens while it trains (runner.update, no reset). Views: decision boundary, weight
 * histogram with the zero count, the loss split into data loss and penalty, zeros over time.
 */
export default function PenaltyIsland(props: IslandProps<typeof penaltyFields>): VNode {
  const { id } = props;
  // A shared link's live changes (`?<id>.changes=STEP:KEY=VALUE;...`): the runner replays each at
  // its step, so the link reopens the very run it was copied from, changes included.
  const [schedule, setSchedule] = useState<Change[]>([]);
  const [linkProblem, setLinkProblem] = useState<string | null>(null);
  // A run setting starts a new run; the live ones reach the running network (logged by the runner).
  // With several seeds the runs compare whole runs: a live setting trains every seed again.
  const latest = useRef<PenaltySettings | null>(null);
  const { settings, set, setSettings, frame, shareUrl, t, controls, sameRun } = useTrainedDemo<typeof penaltyFields, PenaltySnapshot | PenaltySeedsSnapshot>(penaltyEffectsDemo, props, {
    run: (v) => ({ ...v, schedule }),
    linkKeys: ['changes'],
    live: (patch, tr) => (latest.current && latest.current.seeds > 1 ? tr.reset({ ...latest.current, schedule: [] }) : tr.update(patch)),
  });
  latest.current = settings;
  const [speed, setSpeed] = useState<number>(30);
  const [logCounts, setLogCounts] = useState(false);
  useEffect(() => {
    const raw = new URLSearchParams(location.search).get(`${id}.changes`);
    if (raw === null || raw === '') return;
    try {
      setSchedule(changesFromQuery(raw));
    } catch (e) {
      setLinkProblem(`The link’s changes while training cannot be replayed (${(e as Error).message}); the run starts without them.`);
    }
  }, []);
  const run = { ...settings, schedule };
  useOnChange([changesToQuery(schedule)], () => t.reset(run));

  const s = t.snapshot && !('runs' in t.snapshot) ? t.snapshot : null;
  // A replayed change moved the running network: the live controls follow it.
  useEffect(() => {
    if (!s || !schedule.length || !s.reproduce.changes.length) return;
    if (LIVE.some((k) => s.live[k] !== settings[k])) setSettings({ ...settings, ...s.live });
  }, [s?.reproduce.changes.length]);
  const stepsPerEpoch = s?.stepsPerEpoch ?? Math.ceil(settings.points / Math.min(settings.batch, settings.points));
  /** The link to this run: the settings it started from and its changes (made, and still to replay). */
  const linkToRun = () => {
    if (!s) return shareUrl(settings);
    const changes = [...s.reproduce.changes, ...schedule.filter((c) => c.step > s.step)];
    return changes.length ? shareUrl(s.reproduce.settings as PenaltySettings, { changes: changesToQuery(changes) }) : shareUrl(settings);
  };
  const replaying = schedule.length
    ? penaltyChanges({ settings: s?.reproduce.settings ?? settings, changes: schedule.map((c) => ({ ...c, epoch: Math.floor(c.step / stepsPerEpoch) })) })
    : [];
  // A live slider being dragged shows its value at once, and changes the running network once,
  // at release: one logged change (one marker) per drag, not one per epoch it lasted.
  const [dragged, setDragged] = useState<Partial<Record<'strength' | 'lr', number>>>({});
  const drag = (k: 'strength' | 'lr') => (v: number | string | boolean) => setDragged({ ...dragged, [k]: Number(v) });
  const commit = (k: 'strength' | 'lr') => (v: number) => {
    setDragged({});
    setSettings({ ...settings, [k]: v });
  };
  if (settings.seeds > 1) {
    const multi = t.snapshot && 'runs' in t.snapshot && sameRun(t.snapshot.settings) ? t.snapshot : null;
    return <PenaltySeedsMode id={id} settings={settings} set={set} frame={frame} t={t} controls={controls} snap={multi} />;
  }
  const can = (k: Key) => controls.includes(k);
  const proxBlocked = settings.optimizer !== 'sgd' ? 'The proximal step is shown with plain SGD only: its threshold is lr·λ per SGD step.' : undefined;
  const last = s ? s.dataLoss.length - 1 : 0;
  const stats = s?.stats;
  const kind = s?.live.penalty ?? settings.penalty;

  // Numbered like the change log below (the full text is there and in the charts' text alternatives).
  const changes = s ? penaltyChanges(s.reproduce) : [];
  const markers = changeMarkers(changes, Math.max(s?.maxEpochs ?? 0, s?.epoch ?? 0)).map((m) => ({ ...m, color: 3 }));
  const epochs = s ? s.dataLoss.map((_, i) => i) : [];
  const total = s ? s.dataLoss.map((d, i) => d + s.penalty[i]) : [];
  const restartControls = controls.filter((k) => penaltyFields[k].effect === 'restart' && k !== 'seeds');
  const hb = weightAxis(s?.histRange);

  return (
    <DemoFrame
      error={t.error}
      {...frame}
      shareUrl={linkToRun}
      reproduce={{ demo: penaltyEffectsDemo.id, library: 'pytorch', settings, snapshot: s }}
    >
      <div class="l12-live" role="group" aria-label="Penalty settings (they change while the network trains)">
        {can('penalty') && (
          <PenaltyPicker
            id={id}
            value={settings.penalty}
            onChange={(p) => set('penalty')(p)}
            unavailable={proxBlocked ? { 'l1-prox': proxBlocked } : {}}
          />
        )}
        <div class="controls">
          {can('strength') && (
            <>
              <SettingControl id={`${id}-strength`} field={penaltyFields.strength} value={dragged.strength ?? settings.strength} onChange={drag('strength')} onCommit={commit('strength')} disabled={settings.penalty === 'none'} />
              <NumberInput id={`${id}-strength-typed`} name="λ" field={strengthTyped} value={settings.strength} onChange={set('strength')} disabled={settings.penalty === 'none'} />
            </>
          )}
          {can('lr') && <SettingControl id={`${id}-lr`} field={penaltyFields.lr} value={dragged.lr ?? settings.lr} onChange={drag('lr')} onCommit={commit('lr')} />}
        </div>
        <p class="es-hint l12-live-note">These three change the running network at the next epoch, without a reset; the log below records each change with its step.</p>
      </div>

      <div class="l12-toolbar">
        <TrainButtons
          running={t.running}
          finished={t.finished}
          onPlay={() => t.play(speed)}
          onPause={t.pause}
          onStep={() => t.step(1)}
          onReset={() => t.reset(run)}
          disabled={!!t.error}
        />
        <SpeedSelect id={id} options={SPEEDS} value={speed} unit="epochs" onChange={(v) => {
          setSpeed(v);
          if (t.running) t.play(v);
        }} />
        {can('seeds') && <SettingControl id={`${id}-seeds`} field={penaltyFields.seeds} value={settings.seeds} onChange={set('seeds')} />}
      </div>

      <p class="status" aria-live="polite" data-testid="status">
        {s ? (
          <>
            Epoch <b data-testid="epoch">{s.epoch}</b> of {s.maxEpochs} (step {grouped(s.step)}) · {PENALTY_LABELS[kind]}
            {kind !== 'none' && <> λ = <b data-testid="live-strength">{formatNumber(s.live.strength)}</b></>} · data loss <b>{f3(s.dataLoss[last])}</b> · penalty{' '}
            <b data-testid="penalty-term">{f3(s.penalty[last])}</b> · validation loss {f3(s.valLoss[last])} · accuracy {pct(s.trainAccuracy, 1)} train, {pct(s.valAccuracy, 1)} validation
            {t.finished && ' · finished'}
          </>
        ) : (
          'Preparing the network…'
        )}
      </p>

      <div class="l12-zero" data-testid="zero-panel">
        <div class="l12-zero-count">
          <span class="l12-big" data-testid="near-zero">{stats ? stats.nearZero : '–'}</span>
          <span>
            of {stats?.count ?? '–'} weights near zero (|w| &lt; {NEAR_ZERO})
            <br />
            <b data-testid="exact-zero">{stats ? stats.exactZero : '–'}</b> exactly 0 · Σ|w| <b>{stats ? stats.l1.toFixed(1) : '–'}</b> · Σw² <b>{stats ? stats.l2.toFixed(1) : '–'}</b> · largest |w| <b data-testid="max-weight">{stats ? stats.maxAbs.toFixed(2) : '–'}</b>
          </span>
        </div>
        {s && <p class="l12-zero-note" data-testid="zero-note">{zeroNote(s)}</p>}
      </div>

      <div class="demo-grid l12-grid">
        <div class="demo-panel">
          <h4>Decision boundary</h4>
          <RunBoundary testId={`${id}-boundary`} view={s} epoch={s?.epoch ?? 0} digits={1} />
        </div>
        <div class="demo-panel">
          <h4>Weights of the network</h4>
          <Histogram
            testId={`${id}-histogram`}
            series={[{ label: `weights (${PENALTY_LABELS[kind]})`, values: s?.weights ?? [], color: HIST_COLOR[kind] }]}
            min={-hb.half}
            max={hb.half}
            bins={hb.bins}
            tickStep={hb.tickStep}
            zeroBar={{ label: 'exactly 0', color: (HIST_COLOR[kind] + 2) % 4 }}
            xLabel="weight value"
            yLabel={logCounts ? 'count (log scale)' : 'count'}
            logCounts={logCounts}
            summary={s ? histogramSummary(s) : 'No weights yet.'}
          />
          <div class="l12-under">
            <label class="l12-check">
              <input type="checkbox" checked={logCounts} onChange={(e) => setLogCounts((e.currentTarget as HTMLInputElement).checked)} /> log-scale counts
            </label>
            <span class="es-hint" data-testid="histogram-axis">Every run shares this axis, ±{formatNumber(hb.half)}, so runs compare bar for bar. The middle bar holds |w| &lt; {String(hb.width / 2)}; weights exactly 0 have their own bar.</span>
          </div>
        </div>
        <div class="demo-panel">
          <h4>Loss split: data loss and penalty</h4>
          <LineChart
            testId={`${id}-loss-chart`}
            series={[
              { label: 'total (data + penalty)', values: total, xs: epochs, color: 'muted', width: 1.5 },
              { label: 'data loss (training)', values: s?.dataLoss ?? [], xs: epochs, color: 0 },
              { label: `penalty ${penaltyFormula(kind)}`, values: s?.penalty ?? [], xs: epochs, color: 1 },
              { label: 'data loss (validation)', values: s?.valLoss ?? [], xs: epochs, color: 2, dashed: true },
            ]}
            xLabel="epoch"
            yLabel="loss"
            yMin={0}
            markers={markers}
            summary={s ? lossSummary(s) : 'Not trained yet.'}
          />
        </div>
        <div class="demo-panel">
          <h4>Weights near zero over time</h4>
          <LineChart
            testId={`${id}-zeros-chart`}
            series={[
              { label: `|w| < ${NEAR_ZERO}`, values: s?.nearZero ?? [], xs: epochs, color: 1 },
              { label: 'exactly 0', values: s?.exactZero ?? [], xs: epochs, color: 3, dashed: true },
            ]}
            xLabel="epoch"
            yLabel="weights"
            yMin={0}
            markers={markers}
            summary={s ? `After ${s.epoch} epochs ${s.stats.nearZero} of ${s.stats.count} weights have |w| < ${NEAR_ZERO} and ${s.stats.exactZero} are exactly 0 (at the start: ${s.nearZero[0]} and ${s.exactZero[0]}).` : 'Not trained yet.'}
          />
        </div>
      </div>

      {linkProblem && <p class="demo-message info" data-testid="replay-problem">{linkProblem}</p>}
      {replaying.length > 0 && (
        <div class="demo-message info" data-testid="replay-note">
          <p style="margin:0">
            This link replays {replaying.length === 1 ? 'a change' : `${replaying.length} changes`} made while training, each at its step:{' '}
            {replaying.map((c) => changeText(c)).join('; ')}. Press Train to watch the same run.
          </p>
          <button type="button" class="btn" style="margin-top:0.4rem" onClick={() => setSchedule([])}>Train without them</button>
        </div>
      )}

      <div class="l12-log" data-testid="change-log">
        <h4>Changes while training</h4>
        {changes.length > 0 ? (
          <ol tabIndex={0} aria-label="Changes while training">{changes.map((c) => <li key={c.step}>{changeText(c)}</li>)}</ol>
        ) : (
          <p class="es-hint">None yet. Train for a while, then switch the penalty or move λ: the change is logged here with the step it took effect at, so the run can be replayed exactly (Reproduce in PyTorch and the export include it).</p>
        )}
      </div>

      {restartControls.length > 0 && (
        <details class="l12-details">
          <summary>Data and network (changing one starts a new run)</summary>
          <div class="controls" role="group" aria-label="Data and network settings">
            {restartControls.map((k) => (
              <SettingControl key={k} id={`${id}-${k}`} field={penaltyFields[k]} value={settings[k]} onChange={set(k)} />
            ))}
          </div>
        </details>
      )}

      <CodeTabs
        id={`${id}-code`}
        testId={`${id}-code`}
        label="PyTorch code for these settings"
        tabs={[
          { key: 'run', title: 'PyTorch: this run', label: `PyTorch: the training loop with ${settings.penalty === 'none' ? 'no penalty' : `${PENALTY_LABELS[settings.penalty]}, λ = ${formatNumber(settings.strength)}`}`, code: torchPenaltyCode(settings) },
          { key: 'decay', title: 'L2 as weight decay', label: 'PyTorch: L2 as the optimizer’s weight_decay, coupled (SGD, Adam) and decoupled (AdamW)', code: weightDecayCode(settings) },
        ]}
      />
    </DemoFrame>
  );
}

type Trained = ReturnType<typeof useTrainedDemo<typeof penaltyFields, PenaltySnapshot | PenaltySeedsSnapshot>>;

/**
 * Several seeds: the network without a penalty and with the chosen one, from the start, on every
 * seed (each seed the same data, initial weights and batches for both): bands, per-seed dots, the
 * paired verdict and the weights each ends with near zero.
 */
function PenaltySeedsMode({ id, settings, set, frame, t, controls, snap }: Pick<Trained, 'settings' | 'set' | 'frame' | 't' | 'controls'> & { id: string; snap: PenaltySeedsSnapshot | null }) {
  const names = penaltyNames(snap?.settings ?? settings);
  const can = (k: Key) => controls.includes(k);
  const restart = controls.filter((k) => k === 'lr' || (penaltyFields[k].effect === 'restart' && k !== 'seeds'));
  const near = (v: number) => (snap?.extra[v] ?? []).flatMap((x) => x.nearZero ?? []);
  const zeros = [0, 1].map((v) => bandOf(near(v).map((x) => [x])));
  const extra = near(1).length > 0 && (
    <p style="margin:0.3rem 0 0" data-testid={`${id}-near-zero`}>
      Weights near zero (|w| &lt; {NEAR_ZERO}) at the end: {names[0]} {zeros[0].min[0]} to {zeros[0].max[0]} (mean {zeros[0].mean[0].toFixed(0)}); {names[1]} {zeros[1].min[0]} to {zeros[1].max[0]} (mean {zeros[1].mean[0].toFixed(0)}).
    </p>
  );
  return (
    <DemoFrame error={t.error} {...frame}
      reproduce={{ demo: penaltyEffectsDemo.id, library: 'pytorch', settings: { ...settings, seeds: 1 }, snapshot: null, label: `${names[1]}, seed ${settings.seed}` }}>
      <div class="l12-live" role="group" aria-label="The penalty compared with none">
        {can('penalty') && <PenaltyPicker id={id} value={settings.penalty} onChange={(p) => set('penalty')(p)} unavailable={settings.optimizer !== 'sgd' ? { 'l1-prox': 'The proximal step is shown with plain SGD only: its threshold is lr·λ per SGD step.' } : {}} />}
        <div class="controls">
          {can('strength') && <NumberInput id={`${id}-strength-typed`} name="λ" field={penaltyFields.strength} value={settings.strength} onChange={set('strength')} disabled={settings.penalty === 'none'} />}
          {can('seeds') && <SettingControl id={`${id}-seeds`} field={penaltyFields.seeds} value={settings.seeds} onChange={set('seeds')} />}
        </div>
        <p class="es-hint l12-live-note">With several seeds every change trains all the seeds again, with the penalty on from the start (set Seeds to 1 to change it while the network trains).</p>
      </div>
      <TrainButtons running={t.running} finished={t.finished} onPlay={() => t.play()} onPause={t.pause} onStep={() => t.step(2 * settings.seeds)}
        stepLabel="Step one epoch of every network" onReset={() => t.reset({ ...settings, schedule: [] })} disabled={!!t.error} />
      {settings.penalty === 'none' && <p class="demo-message info">Choose a penalty (L1 or L2) to compare it with none.</p>}
      {snap ? (
        <SeedsComparisonView id={id} runs={snap.runs} names={names} colors={[0, HIST_COLOR[settings.penalty]]} progress={snap.progress} epochs={snap.epochs}
          finished={t.finished} perSeed="2 networks" extra={extra}
          note={<>Seeds {snap.seeds[0]} to {snap.seeds[snap.seeds.length - 1]}. “Reproduce in PyTorch” trains the penalised network on the first seed.</>} />
      ) : (
        <p class="status">Press Train: both networks train on {settings.seeds} seeds ({settings.seed} to {settings.seed + settings.seeds - 1}).</p>
      )}
      {restart.length > 0 && (
        <details class="l12-details">
          <summary>Data and network (changing one trains every seed again)</summary>
          <div class="controls" role="group" aria-label="Data and network settings">
            {restart.map((k) => <SettingControl key={k} id={`${id}-${k}`} field={penaltyFields[k]} value={settings[k]} onChange={set(k)} />)}
          </div>
        </details>
      )}
    </DemoFrame>
  );
}
