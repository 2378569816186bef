import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { LineChart } from '../../views/LineChart.tsx';
import { DemoFrame } from '../ui/DemoFrame.tsx';
import { TrainToolbar } from '../ui/TrainToolbar.tsx';
import { useTrainedDemo } from '../ui/useTrainedDemo.ts';
import type { IslandProps } from '../define.ts';
import { batchNormLearningRateDemo } from './demo.ts';
import { num } from './format.ts';
import { frameProps } from './frame.ts';
import { SettingsPanel } from './SettingsPanel.tsx';
import type { GridCell, GridRun, GridSnapshot } from './grid-run.ts';
import { gridFields, stalled, TRAINED_LOSS } from './settings.ts';


const SPEEDS = [20, 60, 200, Infinity] as const;

const final = (r: GridRun) => r.losses[r.losses.length - 1];
/** Two decimals, and "<0.01" rather than an exponent in the small cells. */
const short = (v: number) => (Number.isFinite(v) ? (v < 0.005 ? '<0.01' : v.toFixed(2)) : '–');

/** What a cell says, in words (its text alternative and its tooltip). */
function cellWords(r: GridRun, chance: number): string {
  if (r.status === 'waiting') return 'not trained yet';
  if (r.status === 'diverged') return `diverged in epoch ${r.divergedEpoch}`;
  const loss = num(final(r));
  if (r.status === 'training') return `training, epoch ${r.losses.length - 1}, loss ${loss}`;
  return stalled(r, chance) ? `no progress: loss ${loss}, about the ${num(chance)} of a constant guess` : `final loss ${loss}`;
}

/** Background of a finished cell: the lower the loss against the chance loss, the greener. */
function cellStyle(r: GridRun, chance: number): Record<string, string> | undefined {
  if (r.status !== 'done' && r.status !== 'training') return undefined;
  const t = Math.max(0, Math.min(1, 1 - final(r) / chance));
  return { background: `color-mix(in srgb, var(--good) ${Math.round(t * 40)}%, var(--bg-raised))` };
}

/**
 * Demo 2: the grid of learning rates x initial weight scales; every cell holds a pair of runs of
 * the same network with and without batch norm, trained by the engine in the worker. Two
 * heat-map tables of the final training loss, and the loss curves of the chosen cell.
 */
export default function LearningRateIsland(props: IslandProps<typeof gridFields>): VNode {
  const { id, controls } = props;
  // A setting that defines the run starts new runs; the shown layer / feature only change what the snapshots hold.
  const ds = useTrainedDemo<typeof gridFields, GridSnapshot>(batchNormLearningRateDemo, props);
  const { settings, set, t, sameRun } = ds;
  const [picked, setPicked] = useState<number | null>(null);

  const s = t.snapshot && sameRun(t.snapshot.settings) ? t.snapshot : null;
  const total = s?.cells.length ?? 0;
  // Until the learner picks a cell, the chart follows the pair in training.
  const focus = picked ?? (s ? Math.min(s.current, total - 1) : 0);
  const cell: GridCell | undefined = s?.cells[focus];
  const chance = s?.chanceLoss ?? Math.LN2;

  const count = (k: 'bn' | 'plain', f: (r: GridRun) => boolean) => (s ? s.cells.filter((c) => f(c[k])).length : 0);
  const trained = (r: GridRun) => r.status === 'done' && final(r) < TRAINED_LOSS;
  const counts = {
    bn: { trained: count('bn', trained), diverged: count('bn', (r) => r.status === 'diverged'), stalled: count('bn', (r) => stalled(r, chance)) },
    plain: { trained: count('plain', trained), diverged: count('plain', (r) => r.status === 'diverged'), stalled: count('plain', (r) => stalled(r, chance)) },
  };
  const done = s?.done ?? 0;

  const table = (k: 'plain' | 'bn') => (
    <div class="bn-table-scroll">
      <table class="bn-grid" data-testid={`bn-grid-${k}`}>
        <caption>{k === 'bn' ? 'With batch norm' : 'Without batch norm'}: final training loss</caption>
        <thead>
          <tr>
            <th scope="col"><span class="visually-hidden">initial weight scale, by learning rate</span>scale \ lr</th>
            {(s?.lrs ?? []).map((lr) => <th scope="col" key={lr}>{lr}</th>)}
          </tr>
        </thead>
        <tbody>
          {(s?.scales ?? []).map((scale, r) => (
            <tr key={scale}>
              <th scope="row">×{scale}</th>
              {s!.lrs.map((lr, c) => {
                const i = r * s!.lrs.length + c;
                const run = s!.cells[i][k];
                const words = cellWords(run, chance);
                return (
                  <td key={lr}>
                    <button
                      type="button"
                      class={`bn-cell ${run.status}`}
                      style={cellStyle(run, chance)}
                      aria-pressed={i === focus}
                      aria-label={`${k === 'bn' ? 'With' : 'Without'} batch norm, learning rate ${lr}, initial scale ${scale}: ${words}`}
                      title={words}
                      data-testid={`bn-cell-${k}-${i}`}
                      data-status={run.status}
                      onClick={() => setPicked(i)}
                    >
                      {run.status === 'waiting' ? '·' : run.status === 'diverged' ? <b>diverged</b> : short(final(run))}
                      {run.status === 'done' && stalled(run, chance) && <small>stalled</small>}
                      {run.status === 'training' && <small>ep {run.losses.length - 1}</small>}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  const series = cell
    ? [
        { label: 'with batch norm', values: cell.bn.losses, color: 0 },
        { label: 'without batch norm', values: cell.plain.losses, color: 1 },
      ]
    : [];
  const markers = cell
    ? (['bn', 'plain'] as const).filter((k) => cell[k].status === 'diverged').map((k) => ({ x: cell[k].divergedEpoch ?? 0, label: `${k === 'bn' ? 'with' : 'without'} BN diverged`, color: k === 'bn' ? 0 : 1 }))
    : [];
  const cellSummary = cell
    ? `Learning rate ${cell.lr}, initial weight scale ${cell.scale}: with batch norm ${cellWords(cell.bn, chance)}; without batch norm ${cellWords(cell.plain, chance)}.`
    : 'No run yet.';

  return (
    <DemoFrame {...frameProps(t.error, ds, settings, 'batch-norm-learning-rates', async () => (await import('./grid-run.ts')).exportGridRun)} reproduce={{ demo: batchNormLearningRateDemo.id, library: 'pytorch', settings, snapshot: s, contents: 'all 28 pairs of runs' }}>
      <SettingsPanel id={id} fields={gridFields} settings={settings} controls={controls} main={[]} more={controls} onChange={(k, v) => set(k)(v)} moreLabel="The network and its training (each change trains the grid again)" />
      <TrainToolbar id={id} t={t} settings={settings} speeds={SPEEDS} speed={60} unit="epochs" onReset={() => setPicked(null)} />
      <p class="status" aria-live={t.running ? 'off' : 'polite'} data-testid="bn-grid-status">
        {s ? (
          done < total ? (
            <>Pair <b data-testid="bn-grid-done">{done}</b> of {total} done{cell && picked === null ? ` · training learning rate ${cell.lr}, scale ×${cell.scale}` : ''} · {settings.epochs} epochs of plain SGD per run</>
          ) : (
            <>All <b data-testid="bn-grid-done">{done}</b> pairs trained ({2 * total} runs of {settings.epochs} epochs).</>
          )
        ) : t.error ? 'No run.' : 'Preparing the grid…'}
      </p>
      <div class="bn-legend" aria-hidden="true">
        <span><span class="bn-ramp" /> final training loss: 0 (green) to {num(chance, 2)} (no better than a constant guess)</span>
        <span><span class="bn-key diverged" />diverged</span>
        <span><span class="bn-key training" />training now</span>
      </div>
      <div class="bn-grid-wrap">
        {table('plain')}
        {table('bn')}
      </div>
      <p class="bn-note" data-testid="bn-grid-counts">
        Rows: initial weights × scale (×1 = PyTorch’s default). Columns: learning rate. A run counts as trained below a loss of {TRAINED_LOSS}.
        {done > 0 && (
          <>
            {' '}So far, with batch norm <b data-testid="bn-count-bn">{counts.bn.trained}</b> of {done} runs trained ({counts.bn.diverged} diverged, {counts.bn.stalled} stalled);
            {' '}without it <b data-testid="bn-count-plain">{counts.plain.trained}</b> ({counts.plain.diverged} diverged, {counts.plain.stalled} stalled).
          </>
        )}
      </p>
      <div class="demo-panel">
        <h4 data-testid="bn-grid-focus">{cell ? `Learning rate ${cell.lr}, initial scale ×${cell.scale}` : 'Loss curves'}{picked === null && cell ? (done < total ? ' (the pair in training; pick a cell to keep one)' : ' (the last pair trained; pick any cell)') : ''}</h4>
        <LineChart testId={`${id}-curves`} series={series} markers={markers} xLabel="epoch" yLabel="training loss (log scale)" logY height="13rem" summary={cellSummary} />
      </div>
    </DemoFrame>
  );
}
