import type { VNode } from 'preact';
import { useTrainedDemo } from '../ui/useTrainedDemo.ts';
import type { IslandProps } from '../define.ts';
import { digitsSeedsDemo } from './demo.ts';
import { PairedDots } from '../../views/PairedDots.tsx';
import { DemoFrame } from '../ui/DemoFrame.tsx';
import { SeedBandChart, SeedProgress } from '../ui/SeedComparison.tsx';
import { SettingControls } from '../ui/SettingControl.tsx';
import { TrainButtons } from '../ui/TrainButtons.tsx';
import { DigitsCredit } from './credit.tsx';
import type { SeedsSnapshot } from './seeds-runner.ts';
import { seedsVerdict, variantNames } from './seeds-summary.ts';
import { seedsFields, type SeedsSettings } from './settings.ts';


const STRENGTH: Record<string, keyof SeedsSettings> = { dropout: 'p', l2: 'l2', l1: 'l1', 'early-stopping': 'patience' };
const STRENGTHS = new Set<keyof SeedsSettings>(['p', 'l2', 'l1', 'patience']);
const f3 = (v: number) => v.toFixed(3);
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/**
 * Does it help, or was it luck? The digits network trained without regularization and with the
 * chosen one on several seeds (each seed: the same split, initial weights and batches for both):
 * the mean curves with their min-max bands, each seed's final numbers as paired dots, and a
 * verdict that says whether the difference is larger than the seed-to-seed spread.
 */
export default function SeedsIsland(props: IslandProps<typeof seedsFields>): VNode {
  const { id } = props;
  const { settings, set, frame, t, controls } = useTrainedDemo<typeof seedsFields, SeedsSnapshot>(digitsSeedsDemo, props);

  const s = t.snapshot;
  const names = variantNames(s?.settings ?? settings);
  const verdict = s ? seedsVerdict(s) : null;
  const shown = controls.filter((k) => !STRENGTHS.has(k) || STRENGTH[settings.method] === k);
  const finished = verdict?.seeds.length ?? 0;
  const pairs = (which: 'valLoss' | 'valAccuracy') =>
    s ? s.runs[0].map((b, i) => ({ seed: b.seed, a: b.final?.[which] ?? null, b: s.runs[1][i].final?.[which] ?? null })) : [];
  const dotsSummary = (what: string, fmt: (v: number) => string, which: 'valLoss' | 'valAccuracy') => {
    const ps = pairs(which).filter((p) => p.a !== null && p.b !== null);
    return ps.length ? `Final ${what} per seed, ${names[0]} → ${names[1]}: ${ps.map((p) => `seed ${p.seed} ${fmt(p.a!)} → ${fmt(p.b!)}`).join('; ')}.` : 'No seed has finished yet.';
  };

  return (
    <DemoFrame error={t.error} {...frame} reproduce={{ demo: 'digits-seeds', library: 'pytorch', settings, snapshot: s, label: 'all seeds' }}>
      <SettingControls id={id} fields={seedsFields} keys={shown} settings={settings} set={set} />
      <TrainButtons running={t.running} finished={t.finished} onPlay={() => t.play()} onPause={t.pause} onStep={() => t.step(2 * (s?.unitsPerEpoch ?? 1))} stepLabel="Step one epoch of a seed" onReset={() => t.reset(settings)} disabled={!!t.error} />
      {s ? (
        <SeedProgress id={id} done={s.progress.done} total={s.progress.total}
          detail={`(${s.seeds.length} seed${s.seeds.length === 1 ? '' : 's'} × 2 networks × ${s.settings.epochs} epochs; ${finished} seed${finished === 1 ? '' : 's'} finished${t.finished ? '' : ', one at a time'})`} />
      ) : (
        <p class="status">Loading the digits…</p>
      )}
      {verdict && (
        <div class={`demo-message info`} data-testid={`${id}-verdict`} aria-live="polite">
          {!t.finished && <p style="margin:0 0 0.3rem"><b>So far ({finished} of {s!.seeds.length} seeds):</b></p>}
          <p style="margin:0 0 0.3rem">{verdict.words.loss}</p>
          <p style="margin:0">{verdict.words.accuracy}</p>
        </div>
      )}
      <div class="demo-grid">
        <div class="demo-panel">
          <h4>Validation loss over the seeds</h4>
          <SeedBandChart testId={`${id}-loss-band`} names={names} curves={[s?.runs[0].map((c) => c.valLoss) ?? [], s?.runs[1].map((c) => c.valLoss) ?? []]}
            yLabel="validation loss" what="validation loss" format={f3} yMin={0} />
        </div>
        <div class="demo-panel">
          <h4>Validation accuracy over the seeds</h4>
          <SeedBandChart testId={`${id}-accuracy-band`} names={names} curves={[s?.runs[0].map((c) => c.valAccuracy) ?? [], s?.runs[1].map((c) => c.valAccuracy) ?? []]}
            yLabel="share classified right" what="validation accuracy" format={pct} />
        </div>
      </div>
      <div class="demo-grid">
        <div class="demo-panel">
          <h4>Final validation loss, seed by seed</h4>
          <PairedDots testId={`${id}-loss-dots`} rows={[{ label: names[0], color: 0 }, { label: names[1], color: 1 }]} pairs={pairs('valLoss')}
            axis="final validation loss" format={f3} summary={dotsSummary('validation loss', f3, 'valLoss')} />
        </div>
        <div class="demo-panel">
          <h4>Final validation accuracy, seed by seed</h4>
          <PairedDots testId={`${id}-accuracy-dots`} rows={[{ label: names[0], color: 0 }, { label: names[1], color: 1 }]} pairs={pairs('valAccuracy')}
            axis="final validation accuracy" format={pct} summary={dotsSummary('validation accuracy', pct, 'valAccuracy')} />
        </div>
      </div>
      <p class="legend">A line joins each seed's two dots: the same split, initial weights and batches, with and without the regularization. After early stopping, the final model is the kept epoch's.</p>
      <DigitsCredit />
    </DemoFrame>
  );
}
