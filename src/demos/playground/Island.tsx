import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LineChart, type Series, type VerticalMarker } from '../../views/LineChart.tsx';
import { Histogram } from '../../views/Histogram.tsx';
import { RunBoundary } from '../ui/RunBoundary.tsx';
import { DemoFrame } from '../ui/DemoFrame.tsx';
import { SettingControl } from '../ui/SettingControl.tsx';
import { TrainToolbar } from '../ui/TrainToolbar.tsx';
import { useTrainedDemo } from '../ui/useTrainedDemo.ts';
import { useOnChange } from '../ui/useOnChange.ts';
import { changesFromQuery, changesToQuery } from '../../reproduce/changes.ts';
import type { Change } from '../../reproduce/types.ts';
import type { IslandProps } from '../define.ts';
import { playgroundDemo } from './demo.ts';
import { NEAR_ZERO, playgroundFields, type PlaygroundSettings } from './settings.ts';
import type { NetView, PlaygroundSnapshot } from './runner.ts';
import { decodePoints, encodePoints, type Point } from './points-code.ts';
import { DataTools, DrawingBoard, type DrawMode } from './DataTools.tsx';
import { NetworkView } from './NetworkView.tsx';
import { f3, histogramSummary, lossSummary, maskText, networkSummary, OFF_LABEL, pct, stopText } from './describe.ts';

type Key = keyof PlaygroundSettings & string;
const SPEEDS = [10, 30, 100, Infinity] as const;
/** Drawn points a share link carries at most (5 characters each); more travel as a CSV file. */
export const LINK_POINTS = 1000;
const LIVE = ['lr', 'dropout', 'l1', 'l2'] as const;
type LiveKey = (typeof LIVE)[number];

const GROUPS: { title: string; keys: Key[] }[] = [
  { title: 'Data', keys: ['dataset', 'noise', 'points', 'valShare'] },
  { title: 'Network', keys: ['layers', 'hidden', 'activation', 'optimizer', 'lr', 'batch', 'epochs', 'seed'] },
  { title: 'Regularization', keys: ['dropout', 'l1', 'l2', 'batchnorm'] },
  { title: 'Early stopping', keys: ['earlyStopping', 'patience', 'minDelta', 'restoreBest'] },
  { title: 'Compare', keys: ['compare'] },
];

function niceHalf(views: (NetView | null)[]): number {
  let m = 0;
  for (const v of views) if (v) for (let i = 0; i < v.weights.length; i++) m = Math.max(m, Math.abs(v.weights[i]));
  return Math.max(0.5, Math.ceil(m * 2) / 2);
}

function pointsOfView(s: PlaygroundSnapshot): Point[] {
  const out: Point[] = [];
  for (const p of [s.trainPoints, s.valPoints]) {
    for (let i = 0; i < p.labels.length; i++) out.push({ x: p.xy[2 * i], y: p.xy[2 * i + 1], label: p.labels[i] ? 1 : 0 });
  }
  return out;
}

/**
 * The Regularization Playground: one network (and, in compare mode, its twin without one
 * technique) on built-in data or the learner's own points. The island is views and controls; the
 * runner (runner.ts) trains in the worker.
 */
export default function PlaygroundIsland(props: IslandProps<typeof playgroundFields>): VNode {
  const { id } = props;
  // A shared link's live changes (`?playground.changes=STEP:KEY=VALUE;...`): the runner replays each
  // at its step, so the link reopens the very run it was copied from, changes included.
  const [schedule, setSchedule] = useState<Change[]>([]);
  const [linkProblem, setLinkProblem] = useState<string | null>(null);
  const { settings, set, setSettings, frame, shareUrl, t, controls, sameRun } = useTrainedDemo<typeof playgroundFields, PlaygroundSnapshot>(playgroundDemo, props, {
    run: (v) => ({ ...v, schedule }),
    linkKeys: ['changes'],
  });
  useEffect(() => {
    const raw = new URLSearchParams(location.search).get(`${id}.changes`);
    if (raw === null || raw === '') return;
    try {
      const changes = changesFromQuery(raw);
      const odd = changes.flatMap((c) => Object.keys(c.set)).find((k) => !(LIVE as readonly string[]).includes(k));
      if (odd) throw new Error(`"${odd}" is not one of ${LIVE.join(', ')}`);
      setSchedule(changes);
    } catch (e) {
      setLinkProblem(`The link’s changes while training cannot be replayed (${(e as Error).message}); the run starts without them.`);
    }
  }, []);
  useOnChange([changesToQuery(schedule)], () => t.reset({ ...settings, schedule }));
  const [panelOpen, setPanelOpen] = useState(false);
  const [mode, setMode] = useState<DrawMode>('add-1');
  const [note, setNote] = useState<string | null>(null);
  // A live slider shows its value while dragged and changes the running network once, at release.
  const [dragged, setDragged] = useState<Partial<Record<LiveKey, number>>>({});
  const s = t.snapshot && sameRun(t.snapshot.settings) ? t.snapshot : null;
  // A replayed change moved the running network: the live controls follow it.
  useEffect(() => {
    if (!s || !schedule.length || !s.reproduce.changes.length) return;
    if (LIVE.some((k) => s.live[k] !== settings[k])) setSettings({ ...settings, ...s.live });
  }, [s?.reproduce.changes.length]);
  const custom = settings.dataset === 'custom';

  const ownPoints = (): Point[] => {
    if (custom) {
      try {
        return decodePoints(settings.data);
      } catch {
        return [];
      }
    }
    return s ? pointsOfView(s) : [];
  };
  const setPoints = (p: Point[], text: string) => {
    setNote(text);
    setSettings({ ...settings, dataset: 'custom', data: encodePoints(p) });
  };
  /** The link to this run: the settings it started from and its live changes (made, and still to replay). */
  const linkToRun = () => {
    const changes = s ? [...s.reproduce.changes, ...schedule.filter((c) => c.step > s.steps)] : [];
    const start = changes.length ? { ...settings, ...(s!.reproduce.settings as Partial<PlaygroundSettings>) } : settings;
    const tooMany = custom && start.data.length / 5 > LINK_POINTS;
    const shown = tooMany ? { ...start, dataset: props.settings.dataset, data: props.settings.data } : start;
    return shareUrl(shown, changes.length ? { changes: changesToQuery(changes) } : {});
  };

  const control = (k: Key) => {
    const f = playgroundFields[k];
    if (f.kind === 'text') return null;
    if ((LIVE as readonly string[]).includes(k)) {
      const lk = k as LiveKey;
      return (
        <SettingControl key={k} id={`${id}-${k}`} field={f} value={dragged[lk] ?? settings[lk]}
          onChange={(v) => setDragged({ ...dragged, [lk]: Number(v) })}
          onCommit={(v) => { setDragged({}); setSettings({ ...settings, [lk]: v }); }} />
      );
    }
    const off = (k === 'noise' || k === 'points') && custom
      || (['patience', 'minDelta', 'restoreBest'].includes(k) && !settings.earlyStopping);
    return <SettingControl key={k} id={`${id}-${k}`} field={f} value={settings[k]} onChange={set(k)} disabled={off} />;
  };

  // Drawn points not trained on yet (too few to start a run, or a run still starting) show as they are.
  const drawn = (() => {
    if (s || !custom) return null;
    const pts = ownPoints();
    return { trainPoints: { xy: Float64Array.from(pts.flatMap((p) => [p.x, p.y])), labels: Float64Array.from(pts.map((p) => p.label)) }, valPoints: { xy: new Float64Array(0), labels: new Float64Array(0) } };
  })();
  const m = s?.main ?? null;
  const twin = s?.twin ?? null;
  const twinName = OFF_LABEL[s?.settings.compare ?? settings.compare];
  const last = m ? m.train.length - 1 : 0;
  const xs = m ? m.train.map((_, i) => i) : [];
  const series: Series[] = [
    { label: 'training loss', values: m?.train ?? [], xs, color: 0 },
    { label: 'validation loss', values: m?.val ?? [], xs, color: 1 },
  ];
  if (twin) {
    const txs = twin.train.map((_, i) => i);
    series.push({ label: `training loss, ${twinName}`, values: twin.train, xs: txs, color: 0, dashed: true, width: 1.5 });
    series.push({ label: `validation loss, ${twinName}`, values: twin.val, xs: txs, color: 1, dashed: true, width: 1.5 });
  }
  const markers: VerticalMarker[] = [];
  if (m?.stoppedAt != null) markers.push({ x: m.stoppedAt, label: `early stop (epoch ${m.stoppedAt})`, color: 2 });
  if (m?.restoredFrom != null) markers.push({ x: m.restoredFrom, label: `best weights (epoch ${m.restoredFrom})`, color: 3, labelAt: 'bottom' });
  if (twin?.stoppedAt != null) markers.push({ x: twin.stoppedAt, label: `twin stops (epoch ${twin.stoppedAt})`, color: 2, labelAt: 'bottom' });
  const half = niceHalf([m, twin]);
  const stop = m ? stopText(m) : '';
  const visibleGroups = GROUPS.map((g) => ({ ...g, keys: g.keys.filter((k) => controls.includes(k)) })).filter((g) => g.keys.length);

  return (
    <DemoFrame error={t.error} {...frame} shareUrl={linkToRun} reproduce={{ demo: playgroundDemo.id, library: 'pytorch', settings, snapshot: s }}>
      {linkProblem && <p class="demo-message info" data-testid="replay-problem">{linkProblem}</p>}
      {schedule.length > 0 && (
        <div class="demo-message info" data-testid="replay-note">
          <p style="margin:0">
            This link replays {schedule.length === 1 ? 'a change' : `${schedule.length} changes`} made while training, each at its optimizer step:{' '}
            {schedule.map((c) => `at step ${c.step}, ${Object.entries(c.set).map(([k, v]) => `${playgroundFields[k as LiveKey].label} ${v}`).join(', ')}`).join('; ')}. Press Train to watch the same run.
          </p>
          <button type="button" class="btn" style="margin-top:0.4rem" onClick={() => setSchedule([])}>Train without them</button>
        </div>
      )}
      <div class="pg-layout">
        <div class="pg-side">
          <button type="button" class="btn pg-panel-toggle" aria-expanded={panelOpen} aria-controls={`${id}-panel`} onClick={() => setPanelOpen(!panelOpen)}>
            {panelOpen ? 'Hide settings' : 'Show settings'}
          </button>
          <div id={`${id}-panel`} class={`pg-panel${panelOpen ? ' open' : ''}`} data-testid="playground-panel">
            {visibleGroups.map((g) => (
              <fieldset key={g.title} class="pg-group">
                <legend>{g.title}</legend>
                <div class="controls">{g.keys.map(control)}</div>
              </fieldset>
            ))}
            <p class="es-hint">Learning rate, dropout p and the L1 and L2 strengths change the running network at the next epoch (each change is logged for Reproduce in PyTorch); every other setting starts a new run.</p>
          </div>
        </div>
        <div class="pg-main">
          <TrainToolbar id={id} t={t} settings={{ ...settings, schedule }} speeds={SPEEDS} speed={30} unit="epochs" />
          <p class="status" aria-live="polite" data-testid="status">
            {m ? (
              <>
                Epoch <b data-testid="epoch">{m.epoch}</b> of {s!.maxEpochs} · training loss <b>{f3(m.train[last])}</b> · validation loss <b>{f3(m.val[last])}</b> ·
                accuracy {pct(m.trainAccuracy)} train, {pct(m.valAccuracy)} validation
                {m.wait !== null && !m.done && <> · patience used <b data-testid="wait">{m.wait}</b> of {s!.settings.patience}</>}
                {stop && <> · <span data-testid="stopped" data-stopped-at={m.stoppedAt ?? ''}>{stop}</span></>}
                {t.finished && !stop && ' · finished'}
              </>
            ) : t.error ? 'Not training.' : 'Preparing the network…'}
          </p>
          <div class="demo-grid pg-grid">
            <div class="demo-panel">
              <h4>Decision boundary{twin ? ' (with every technique)' : ''}</h4>
              <DrawingBoard mode={mode} points={ownPoints} onPoints={(p) => setPoints(p, '')}>
                <RunBoundary testId={`${id}-boundary`} view={m && { ...m, gridSize: s!.gridSize }} points={s ?? drawn} epoch={m?.epoch ?? 0} />
              </DrawingBoard>
              <DataTools id={id} mode={mode} onMode={setMode} points={ownPoints} onPoints={setPoints} custom={custom} linkLimit={LINK_POINTS} />
              {note && <p class="visually-hidden" role="status">{note}</p>}
            </div>
            {twin && (
              <div class="demo-panel" data-testid="playground-twin">
                <h4>Twin {twinName}</h4>
                <RunBoundary testId={`${id}-twin-boundary`} view={{ ...twin, gridSize: s!.gridSize }} points={s} epoch={twin.epoch} name={`Twin ${twinName}`} />
                <p class="es-hint" data-testid="playground-twin-status">
                  Same data, initial weights, batches and seed. Epoch {twin.epoch} · training loss {f3(twin.train[twin.train.length - 1])} · validation loss {f3(twin.val[twin.val.length - 1])} · lowest {f3(twin.val[twin.bestEpoch])} at epoch {twin.bestEpoch}
                  {twin.stoppedAt !== null && ` · stopped after epoch ${twin.stoppedAt}`}
                </p>
              </div>
            )}
            <div class="demo-panel">
              <h4>Loss per epoch</h4>
              <LineChart testId={`${id}-loss-chart`} series={series} xLabel="epoch" yLabel="loss (binary cross-entropy)" yMin={0} markers={markers}
                summary={s ? lossSummary(s, twinName) : 'Not trained yet.'} />
            </div>
            <div class="demo-panel">
              <h4>Weights</h4>
              <Histogram
                testId={`${id}-histogram`}
                series={[
                  { label: 'weights', values: m?.weights ?? [], color: 0 },
                  ...(twin ? [{ label: `weights, ${twinName}`, values: twin.weights, color: 1 }] : []),
                ]}
                min={-half} max={half} bins={41} zeroBar={{ label: 'exactly 0', color: 3 }}
                xLabel="weight value" summary={m ? histogramSummary(m) : 'No weights yet.'}
              />
              <p class="pg-zeros" data-testid="playground-zeros" data-summary={m ? histogramSummary(m) : ''}>
                <b data-testid="near-zero">{m ? m.nearZero[last] : '–'}</b> of {m?.weights.length ?? '–'} weights near zero (|w| &lt; {NEAR_ZERO}) ·{' '}
                <b data-testid="exact-zero">{m ? m.exactZero[last] : '–'}</b> exactly 0
                {twin && <> · twin: {twin.nearZero[twin.nearZero.length - 1]} near zero, {twin.exactZero[twin.exactZero.length - 1]} exactly 0</>}
              </p>
            </div>
            <div class="demo-panel">
              <h4>The network</h4>
              {s ? (
                <NetworkView testId={`${id}-network`} widths={s.widths} weights={s.main.weights} masks={s.main.masks} summary={networkSummary(s)} />
              ) : <p class="es-hint">The network appears when it is ready.</p>}
              <p class="es-hint" data-testid="playground-mask" data-mask={maskText(m?.masks ?? null)}>
                {m?.masks ? `This epoch’s last step dropped ${m.masks.map((k) => k.filter((v) => v === 0).length).join(' + ')} neurons for its first example; each step draws a new mask.` : 'Dropout p is 0: no neuron is dropped.'}
              </p>
            </div>
          </div>
        </div>
      </div>
    </DemoFrame>
  );
}
