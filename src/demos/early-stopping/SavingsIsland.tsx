import type { VNode } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import { LineChart } from '../../views/LineChart.tsx';
import { DemoFrame } from '../ui/DemoFrame.tsx';
import { SettingControl } from '../ui/SettingControl.tsx';
import type { IslandProps } from '../define.ts';
import { keysWithEffect } from '../settings-kit.ts';
import { earlyStoppingSavingsDemo } from './demo.ts';
import { NumberInput } from '../ui/NumberInput.tsx';
import { modeWarning, runSummary, savingsRow, type SavingsRow } from './rule.ts';
import { CHART_MAX_PATIENCE, earlyStoppingFields, pickRule, pickRun, savingsFields, TABLE_PATIENCES, type SavingsSettings } from './settings.ts';
import { useTrainedDemo } from '../ui/useTrainedDemo.ts';
import { grouped } from '../../views/number-format.ts';
import type { EarlyStoppingRunSnapshot } from './runner.ts';
import type { SavingsSeedsSnapshot } from './seeds.ts';
import { seedsSavings } from './seeds-savings.ts';
import { SeedsComparisonView } from '../ui/SeedComparison.tsx';
import { bandOf } from '../multi-seed.ts';

type Key = keyof SavingsSettings;

/** The training run's settings, in the fields' order (each change trains a new run). */
const RUN = keysWithEffect(earlyStoppingFields, 'restart');
const f4 = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(4));
const pct = (v: number) => `${Math.round(v * 100)}%`;
const RULE: Key[] = ['min_delta', 'restore_best_weights', 'monitor', 'mode', 'start_from_epoch'];

/**
 * "What it saves": the same run as the stepper (same settings, same seed), and the rule with
 * several patience values. For each: where training stops, the epochs and gradient steps it
 * skips, and the validation loss of the model it ends with.
 */
export default function SavingsIsland(props: IslandProps<typeof savingsFields>): VNode {
  const { id } = props;
  // The page's run comes finished with the page (trained at build time); another (a link's, or
  // Seeds > 1) trains in the worker at once. The rule's settings ('view') never retrain: the
  // island replays the rule over the recorded run(s).
  const { settings, set, frame, t, runKey, sameRun, controls } = useTrainedDemo<typeof savingsFields, EarlyStoppingRunSnapshot | SavingsSeedsSnapshot>(
    earlyStoppingSavingsDemo, props, { restarted: (tr) => tr.play() });
  useEffect(() => t.play(), []);
  const run = useMemo(() => pickRun(settings), [runKey]);
  const rule = pickRule(settings);
  const multi = settings.seeds > 1;
  const seedsSnap = t.snapshot && 'runs' in t.snapshot && sameRun(t.snapshot.settings) ? t.snapshot : null;
  // A single run's snapshot names its run settings only (Seeds is 1 for it).
  const snap = t.snapshot && !('runs' in t.snapshot) && sameRun({ ...t.snapshot.settings, seeds: 1 }) ? t.snapshot : null;
  const done = !multi && !!snap && snap.trained >= snap.maxEpochs;
  const acc = rule.monitor === 'val_accuracy';

  const ruleKey = JSON.stringify(rule);
  // 8 + 2 x 61 evaluations of the rule over the run: only when the run or the rule changes.
  const { rows, curve, curveOther } = useMemo(() => {
    if (!done) return { rows: [] as SavingsRow[], curve: [] as SavingsRow[], curveOther: [] as SavingsRow[] };
    const other = { ...rule, restore_best_weights: !rule.restore_best_weights };
    return {
      rows: TABLE_PATIENCES.map((p) => savingsRow(snap!, rule, p)),
      curve: Array.from({ length: CHART_MAX_PATIENCE + 1 }, (_, p) => savingsRow(snap!, rule, p)),
      curveOther: Array.from({ length: CHART_MAX_PATIENCE + 1 }, (_, p) => savingsRow(snap!, other, p)),
    };
  }, [done, snap, ruleKey]);
  const sum = done ? runSummary(snap!) : null;
  const E = snap?.maxEpochs ?? run.epochs;
  const xs = curve.map((r) => r.patience);

  const control = (k: Key) => {
    if (!controls.includes(k)) return null;
    if (k === 'patience' && !multi) return null; // one seed: every row of the table has its own patience
    const f = savingsFields[k];
    if (k === 'min_delta') {
      return <NumberInput key={k} id={`${id}-${k}`} name={k} field={f as Extract<typeof f, { kind: 'number' }>} value={settings.min_delta} onChange={set(k)} />;
    }
    return <SettingControl key={k} id={`${id}-${k}`} field={f} value={settings[k]} onChange={set(k)} />;
  };
  const warning = modeWarning(rule);
  const restoreLabel = rule.restore_best_weights ? 'restore best weights (on)' : 'restore best weights (off)';
  const otherLabel = rule.restore_best_weights ? 'without restoring: last epoch' : 'with restore best weights';
  const keptRow = (r: SavingsRow) => (r.keptEpoch === r.epochsRun - 1 ? 'last epoch' : `restored epoch ${r.keptEpoch + 1}`);

  const epochsSummary = done
    ? `Epochs trained against patience: ${rows.map((r) => `patience ${r.patience}: ${r.epochsRun}`).join('; ')} (of ${E}).`
    : 'Training the run.';
  const lossSummary = done
    ? `Validation loss of the model kept against patience (${restoreLabel}): ${rows.map((r) => `patience ${r.patience}: ${f4(r.valLossKept)}`).join('; ')}. ` +
      `Training all ${E} epochs ends at ${f4(sum!.valLossLast)}; the lowest validation loss of the run is ${f4(sum!.valLossBest)} at epoch ${sum!.bestEpoch + 1}.`
    : 'Training the run.';

  // The settings: the rule's (with several seeds, one patience for all of them), then the run's, folded away.
  const settingsBlock = (label: string, keys: Key[], retrains: string) => (
    <>
      <div class="controls" role="group" aria-label={label}>{keys.map(control)}</div>
      {RUN.some((k) => controls.includes(k)) && (
        <details class="es-details">
          <summary>The training run (changing it {retrains})</summary>
          <div class="controls" role="group" aria-label="Training run settings">{RUN.map(control)}</div>
        </details>
      )}
      {warning && <p class="demo-message info" role="status">{warning}</p>}
    </>
  );

  if (multi) {
    return (
      <DemoFrame error={t.error} {...frame}
        reproduce={{ demo: earlyStoppingSavingsDemo.id, library: 'pytorch', settings: { ...settings, seeds: 1 }, snapshot: null, label: `seed ${settings.seed}` }}>
        {settingsBlock('Seeds and the EarlyStopping settings', ['seeds', 'patience', ...RULE], 'trains every seed again')}
        <SeedsSavingsView id={id} snap={seedsSnap} settings={settings} finished={t.finished} />
      </DemoFrame>
    );
  }

  return (
    <DemoFrame error={t.error} {...frame}
      reproduce={{ demo: earlyStoppingSavingsDemo.id, library: 'pytorch', settings, snapshot: snap }}>
      {settingsBlock('Seeds, and the EarlyStopping settings shared by every row', ['seeds', ...RULE], 'trains a new network')}
      <p class="status" data-testid="es-savings-status">
        {!snap ? 'Training the network in your browser…' : done ? (
          <>The run: <b>{E}</b> epochs of <b>{snap.steps[0]}</b> gradient steps each, a network of {grouped(snap.parameters)} weights and biases. Monitor: <code>{rule.monitor}</code>.</>
        ) : (
          <>Training all {E} epochs to compare (epoch <span data-testid="es-savings-trained">{snap.trained}</span>)…</>
        )}
      </p>
      {done && (
        <>
          <div class="es-table-wrap" tabIndex={0} role="region" aria-label="What each patience saves (scrolls sideways on small screens)">
            <table class="es-table" data-testid="es-savings-table">
              <caption class="visually-hidden">Epochs, gradient steps and validation loss for several patience values on the same run</caption>
              <thead>
                <tr>
                  <th scope="col">patience</th>
                  <th scope="col">epochs trained</th>
                  <th scope="col">epochs saved</th>
                  <th scope="col">steps saved</th>
                  <th scope="col">weights kept</th>
                  <th scope="col">val. loss kept</th>
                  <th scope="col">val. acc. kept</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.patience} data-testid={`es-row-${r.patience}`}>
                    <th scope="row">{r.patience}</th>
                    <td>{r.epochsRun}{r.stoppedEpoch === null && ' (all)'}</td>
                    <td>{r.epochsSaved} ({pct(r.savedFraction)})</td>
                    <td>{grouped(r.stepsSaved)}</td>
                    <td>{keptRow(r)}</td>
                    <td class={r.valLossKept < sum!.valLossLast ? 'es-better' : ''}>{f4(r.valLossKept)}</td>
                    <td>{pct(r.valAccuracyKept)}</td>
                  </tr>
                ))}
                <tr class="es-ref" data-testid="es-row-none">
                  <th scope="row">off</th>
                  <td>{E}</td>
                  <td>0</td>
                  <td>0</td>
                  <td>last epoch</td>
                  <td>{f4(sum!.valLossLast)}</td>
                  <td>{pct(sum!.valAccuracyLast)}</td>
                </tr>
              </tbody>
            </table>
          </div>
          <p class="es-note">
            Green: a validation loss lower than training all {E} epochs gives ({f4(sum!.valLossLast)}). The lowest validation loss anywhere in the run is {f4(sum!.valLossBest)} at epoch {sum!.bestEpoch + 1}: only hindsight can pick it exactly.
            {acc && ' The rule watches validation accuracy here; the table still reports the loss, which is what the other chapters compare.'}
          </p>
          <div class="demo-grid">
            <div class="demo-panel">
              <h4>Epochs trained, by patience</h4>
              <LineChart
                testId={`${id}-epochs-chart`}
                series={[
                  { label: 'epochs trained', values: curve.map((r) => r.epochsRun), xs, color: 0 },
                  { label: `all ${E} epochs (no early stopping)`, values: curve.map(() => E), xs, color: 3, dashed: true },
                ]}
                xLabel="patience"
                yLabel="epochs"
                yMin={0}
                summary={epochsSummary}
              />
            </div>
            <div class="demo-panel">
              <h4>Validation loss of the model kept, by patience</h4>
              <LineChart
                testId={`${id}-loss-chart`}
                series={[
                  { label: restoreLabel, values: curve.map((r) => r.valLossKept), xs, color: 1 },
                  { label: otherLabel, values: curveOther.map((r) => r.valLossKept), xs, color: 0, dashed: true },
                  { label: `all ${E} epochs`, values: curve.map(() => sum!.valLossLast), xs, color: 3, dashed: true },
                ]}
                xLabel="patience"
                yLabel="validation loss"
                summary={lossSummary}
              />
            </div>
          </div>
        </>
      )}
    </DemoFrame>
  );
}

/**
 * Several seeds: on each seed the model early stopping keeps (at the chosen patience) against the
 * one training all the epochs gives, from the same run: bands, per-seed dots, the paired verdict
 * and the epochs the rule saved.
 */
function SeedsSavingsView({ id, snap, settings, finished }: { id: string; snap: SavingsSeedsSnapshot | null; settings: SavingsSettings; finished: boolean }) {
  const rule = pickRule(settings);
  const result = useMemo(() => (snap ? seedsSavings(snap, rule, settings.patience) : null), [snap, JSON.stringify(rule)]);
  if (!snap || !result) return <p class="status">Training the run on {settings.seeds} seeds in your browser…</p>;
  const E = snap.epochs;
  const names = [`all ${E} epochs`, `early stopping (patience ${settings.patience})`];
  const saved = bandOf(result.saved.map((x) => [x.epochsSaved]));
  const extra = result.saved.length > 0 && (
    <p style="margin:0.3rem 0 0" data-testid={`${id}-saved`}>
      Epochs saved: {saved.mean[0].toFixed(1)} of {E} on average (from {saved.min[0]} to {saved.max[0]}; {result.saved.map((x) => `seed ${x.seed}: ${x.epochsSaved}`).join(', ')}).
    </p>
  );
  return (
    <SeedsComparisonView id={id} runs={result.runs} names={names} colors={[3, 1]} progress={snap.progress} epochs={E} finished={finished}
      perSeed="1 network" extra={extra} joined="both models of a seed come from its one run (the same data, initial weights and batches)"
      note={<>Seeds {snap.seeds[0]} to {snap.seeds[snap.seeds.length - 1]}. The early-stopped curve ends where the rule stops, and its final model is the kept epoch's ({rule.restore_best_weights ? 'best weights restored' : 'the last epoch trained'}).</>} />
  );
}
