import type { VNode } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { BoundaryCanvas } from '../../views/BoundaryCanvas.tsx';
import { CodeBlock } from '../ui/CodeBlock.tsx';
import { DemoFrame } from '../ui/DemoFrame.tsx';
import { SettingControl } from '../ui/SettingControl.tsx';
import type { IslandProps } from '../define.ts';
import { earlyStoppingDemo } from './demo.ts';
import { kerasCode, pytorchCode } from './code.ts';
import type { Probe } from './runner.ts';
import { NumberInput } from '../ui/NumberInput.tsx';
import { baselineWarning, decide, generalRule, kerasParams, modeWarning, monitoredValues, resolveMode, ruleLines, stepView } from './rule.ts';
import { earlyStoppingFields, pickRule, pickRun, type EarlyStoppingSettings } from './settings.ts';
import { StepperChart, type RuleMarks } from './StepperChart.tsx';
import { Tex } from '../ui/Tex.tsx';
import { useRun } from './useRun.ts';
import { SpeedSelect } from '../ui/SpeedSelect.tsx';

type Key = keyof EarlyStoppingSettings;

const SPEEDS = [2, 5, 10, 25] as const;
const RULE_MAIN: Key[] = ['patience', 'min_delta', 'restore_best_weights'];
const RULE_ADVANCED: Key[] = ['monitor', 'mode', 'useBaseline', 'baseline', 'start_from_epoch'];

export const f4 = (v: number | undefined | null) => (v === undefined || v === null || !Number.isFinite(v) ? '–' : v.toFixed(4));
const pct = (v: number) => `${Math.round(v * 100)}%`;

/**
 * Chapter 5's patience stepper. The worker trains an overfitting network once (every epoch's
 * losses, accuracies and weights are kept); the learner steps through its epochs and watches
 * the engine's EarlyStopping monitor decide at each one. Changing the rule's settings
 * re-evaluates the same run instantly.
 */
export default function StepperIsland(props: IslandProps<typeof earlyStoppingFields>): VNode {
  const { id } = props;
  const { settings, set, frame, t, runKey, sameRun, controls } = useRun(earlyStoppingDemo, props);
  const run = useMemo(() => pickRun(settings), [runKey]);
  const rule = pickRule(settings);
  const snap = t.snapshot && sameRun(t.snapshot.settings) ? t.snapshot : null;
  const [cursor, setCursor] = useState(0);
  const [playing, setPlaying] = useState(false);
  // "Jump to the stop" while the worker is still training: follow the run until the rule fires.
  const [seeking, setSeeking] = useState(false);
  const [speed, setSpeed] = useState<number>(5);
  const [ghost, setGhost] = useState(false);
  const [tab, setTab] = useState<'keras' | 'pytorch'>('keras');

  const mode = resolveMode(rule);
  const params = kerasParams(rule);
  const values = snap ? monitoredValues(snap, rule.monitor) : [];
  const decision = useMemo(() => decide(values, params), [values, JSON.stringify(params)]);
  const maxEpochs = snap?.maxEpochs ?? run.epochs;
  const trained = snap?.trained ?? 0;
  const view = stepView(decision, cursor, maxEpochs, mode);
  const lines = ruleLines(view, params, rule.monitor);
  const viewRef = useRef({ view, trained });
  viewRef.current = { view, trained };

  // A stricter rule that stops before the epoch shown moves the stepper back to its stop; a looser
  // one, when the stepper stood at the old stop, moves it forward to the new stop (following the
  // worker if it has not trained that far), so a changed rule always shows where it stops.
  useEffect(() => {
    if (cursor > view.shown) setCursor(view.shown);
  }, [cursor, view.shown]);
  const stoppedBefore = useRef(false);
  useEffect(() => {
    if (stoppedBefore.current && view.stoppedEpoch === null && !view.ended) setSeeking(true);
  }, [JSON.stringify(params)]);
  useEffect(() => {
    stoppedBefore.current = view.stoppedEpoch !== null;
  });
  useEffect(() => {
    if (!seeking) return;
    if (view.ended) setSeeking(false);
    else setCursor(decision.events.length);
  }, [seeking, decision.events.length, view.ended]);

  // A new run starts the stepper over.
  useEffect(() => {
    setCursor(0);
    setPlaying(false);
    setSeeking(false);
  }, [JSON.stringify(run)]);

  // Playing reveals one epoch every 1/speed seconds; it waits for the worker if it catches up.
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const { view: v, trained: n } = viewRef.current;
      if (v.ended) {
        setPlaying(false);
        return;
      }
      if (v.shown < n) setCursor(v.shown + 1);
    }, 1000 / speed);
    return () => clearInterval(timer);
  }, [playing, speed]);
  useEffect(() => {
    if (playing && view.ended) setPlaying(false);
  }, [playing, view.ended]);

  // Once training has ended, load the kept and the last epoch's saved weights back to measure them.
  const lastShown = view.shown - 1;
  const anyMonitored = decision.events.some((ev) => ev.monitored);
  const keptEpoch = view.ended ? (rule.restore_best_weights && anyMonitored && decision.restored_epoch !== null ? decision.restored_epoch : lastShown) : null;
  const bestShown = view.bestEpoch;
  useEffect(() => {
    if (view.ended && lastShown >= 0) t.update({ probe: [lastShown, ...(bestShown !== null && bestShown !== lastShown ? [bestShown] : [])] });
  }, [view.ended, lastShown, bestShown, snap !== null]);
  const probe = (e: number | null) => (e === null ? undefined : snap?.probes.find((p) => p.epoch === e));

  const can = (k: Key) => controls.includes(k);
  const control = (k: Key) => {
    const f = earlyStoppingFields[k];
    if (!can(k)) return null;
    if (k === 'min_delta' || k === 'baseline') {
      return (
        <NumberInput
          key={k}
          id={`${id}-${k}`}
          name={k}
          field={f as Extract<typeof f, { kind: 'number' }>}
          value={settings[k] as number}
          onChange={set(k)}
          disabled={k === 'baseline' && !settings.useBaseline}
          hint={k === 'min_delta' ? (rule.monitor === 'val_accuracy' ? 'e.g. 0.01 = 3 of 300 validation points' : 'e.g. 0.001') : rule.monitor === 'val_accuracy' ? 'an accuracy, e.g. 0.9' : 'a loss, e.g. 0.4'}
        />
      );
    }
    return <SettingControl key={k} id={`${id}-${k}`} field={f} value={settings[k]} onChange={set(k)} />;
  };

  const step = () => {
    setPlaying(false);
    setSeeking(false);
    if (!view.ended && view.shown < trained) setCursor(view.shown + 1);
  };
  const toStop = () => {
    setPlaying(false);
    setSeeking(true);
    setCursor(decision.events.length);
  };
  const rewind = () => {
    setPlaying(false);
    setSeeking(false);
    setCursor(0);
  };

  const acc = rule.monitor === 'val_accuracy';
  const name = acc ? 'validation accuracy' : 'validation loss';
  const shown = view.shown;
  const curTrain = snap ? (acc ? snap.trainAccuracy : snap.train).slice(0, shown) : [];
  const curVal = values.slice(0, shown);
  const stopped = view.stoppedEpoch !== null;
  const showGhost = ghost && view.ended && snap !== null;
  const ghostTrain = showGhost ? (acc ? snap!.trainAccuracy : snap!.train).slice(shown) : undefined;
  const ghostVal = showGhost ? values.slice(shown) : undefined;
  const e = view.event;
  const wait = e?.monitored ? e.wait : 0;
  const deadline = e && !view.ended && e.monitored ? e.epoch + 1 + Math.max(1, params.patience - wait) : null;
  const best = e && view.bestEpoch !== null ? { x: view.bestEpoch + 1, y: values[view.bestEpoch] } : null;
  const bestValue = e?.monitored ? (e.best ?? null) : null;
  const threshold = bestValue !== null && Number.isFinite(bestValue) ? (mode === 'min' ? bestValue - params.min_delta : bestValue + params.min_delta) : null;
  const marks: RuleMarks = {
    best,
    threshold,
    current: shown,
    wait,
    deadline: deadline !== null && deadline <= maxEpochs ? deadline : null,
    stop: stopped ? view.stoppedEpoch! + 1 : null,
    warmup: Math.min(params.start_from_epoch, maxEpochs),
    baseline: params.baseline,
  };
  const xMax = showGhost ? maxEpochs : Math.min(maxEpochs, Math.max(20, shown + 3, (marks.deadline ?? 0) + 2, params.start_from_epoch + 3));
  const inRange = [...curTrain, ...curVal, ...(ghostTrain ?? []).slice(0, xMax), ...(ghostVal ?? []).slice(0, xMax)].filter(Number.isFinite);
  const yMax = acc ? 1 : inRange.length ? Math.max(...inRange, snap?.initialVal ?? 0.7) * 1.05 : undefined;

  const summary = !snap
    ? 'Training the network, no epochs yet.'
    : shown === 0
      ? `No epoch shown yet. The run has ${trained} of ${maxEpochs} epochs trained.`
      : `Epoch ${shown}: training ${acc ? 'accuracy' : 'loss'} ${f4(curTrain[shown - 1])}, ${name} ${f4(curVal[shown - 1])}. ` +
        (view.bestEpoch !== null ? `Best ${name} so far ${f4(values[view.bestEpoch])} at epoch ${view.bestEpoch + 1}. wait ${wait} of patience ${params.patience}. ` : '') +
        (stopped ? `Training stopped at epoch ${view.stoppedEpoch! + 1}.` : view.ended ? `Training ran all ${maxEpochs} epochs.` : '') +
        (showGhost && ghostVal?.length ? ` Faded: the ${ghostVal.length} skipped epochs, where the ${name} ends at ${f4(ghostVal[ghostVal.length - 1])}.` : '');

  const kept = probe(keptEpoch);
  const last = probe(view.ended ? lastShown : null);
  const bestP = probe(view.ended ? bestShown : null);
  const outcome = view.ended ? { stoppedEpoch: view.stoppedEpoch, bestEpoch: decision.best_epoch, restoredEpoch: rule.restore_best_weights ? decision.restored_epoch : null } : null;
  const verdictClass = lines ? `es-verdict es-verdict-${lines.verdict}` : 'es-verdict';
  const warnings = [modeWarning(rule), baselineWarning(rule)].filter((w): w is string => !!w);
  const runControls = controls.filter((k) => earlyStoppingFields[k].effect === 'restart');
  const advanced = RULE_ADVANCED.filter(can);

  return (
    <DemoFrame
      error={t.error}
      {...frame}
      reproduce={{ demo: earlyStoppingDemo.id, library: 'pytorch', settings, snapshot: snap }}
    >
      <div class="controls" role="group" aria-label="EarlyStopping settings">
        {RULE_MAIN.map(control)}
      </div>
      {advanced.length > 0 && (
        <details class="es-details">
          <summary>Advanced Keras options: monitor, mode, baseline, start_from_epoch</summary>
          <div class="controls" role="group" aria-label="Advanced EarlyStopping settings">{advanced.map(control)}</div>
        </details>
      )}
      {runControls.length > 0 && (
        <details class="es-details">
          <summary>The training run (changing it trains a new network)</summary>
          <div class="controls" role="group" aria-label="Training run settings">{runControls.map(control)}</div>
        </details>
      )}
      {warnings.map((w) => <p class="demo-message info" role="status" key={w} data-testid="es-warning">{w}</p>)}

      <div class="es-toolbar">
        <div class="buttons">
          {playing ? (
            <button type="button" class="btn primary" onClick={() => setPlaying(false)} data-testid="pause">❚❚ Pause</button>
          ) : (
            <button type="button" class="btn primary" onClick={() => {
                setSeeking(false);
                setPlaying(true);
              }} disabled={!snap || view.ended || !!t.error} data-testid="play">▶ Play</button>
          )}
          <button type="button" class="btn" onClick={step} disabled={!snap || view.ended || shown >= trained || !!t.error} data-testid="step">Step one epoch</button>
          <button type="button" class="btn" onClick={toStop} disabled={!snap || view.ended || !!t.error} data-testid="to-stop">Jump to the stop</button>
          <button type="button" class="btn" onClick={rewind} disabled={shown === 0} data-testid="rewind">↺ Back to epoch 0</button>
        </div>
        <SpeedSelect id={id} options={SPEEDS} value={speed} unit="epochs" onChange={setSpeed} />
      </div>

      <p class="status" data-testid="es-status">
        {snap ? (
          <>
            Epoch <b data-testid="es-epoch">{shown}</b> of {maxEpochs}
            {trained < maxEpochs && <> · the worker has trained <span data-testid="es-trained">{trained}</span> epochs{seeking && ', looking for the stop…'}</>}
            {shown > 0 && <> · {name} <b data-testid="es-value">{f4(curVal[shown - 1])}</b></>}
          </>
        ) : t.error ? 'No run.' : 'Training the network in your browser…'}
      </p>

      <div class="es-state" aria-label="Early stopping state">
        <div class="es-state-item">
          <span class="es-state-label">best so far</span>
          <span class="es-state-value">
            <span data-testid="es-best">{view.bestEpoch !== null ? f4(values[view.bestEpoch]) : '–'}</span>
            {view.bestEpoch !== null && <small> at epoch <span data-testid="es-best-epoch">{view.bestEpoch + 1}</span></small>}
          </span>
        </div>
        <div class="es-state-item">
          <span class="es-state-label">wait / patience</span>
          <span class="es-state-value">
            <span data-testid="es-wait">{wait}</span> / <span data-testid="es-patience">{params.patience}</span>
          </span>
          <WaitMeter wait={wait} patience={params.patience} />
        </div>
        <div class="es-state-item">
          <span class="es-state-label">decision</span>
          <span class={verdictClass} data-testid="es-verdict">
            {!lines ? 'not started' : lines.verdict === 'warm-up' ? 'warm-up, not monitored' : lines.verdict === 'improved' ? 'improvement, continue' : lines.verdict === 'stop' ? 'stop training' : 'no improvement, continue'}
          </span>
        </div>
      </div>

      <div class="es-rule" data-testid="es-rule" data-epoch={shown} data-verdict={lines?.verdict ?? 'none'}>
        <p class="es-rule-title">{lines ? `The rule at epoch ${shown}` : 'The rule, checked after every epoch'}</p>
        {(lines ? lines.lines : generalRule(mode, params.baseline !== null)).map((l, i) => (
          <div class="es-rule-line" key={i}>
            {l.tex && <Tex tex={l.tex} class="es-rule-math" />}
            {l.note && <span class={`es-rule-note ${l.strong ? 'es-rule-strong' : ''}`}>{l.tex ? '⇒ ' : ''}{l.note}</span>}
          </div>
        ))}
        <p class="visually-hidden" aria-live="polite" data-testid="es-rule-text">{lines ? lines.text : ''}</p>
      </div>

      <div class="demo-panel">
        <StepperChart
          testId={`${id}-chart`}
          train={curTrain}
          val={curVal}
          ghostTrain={ghostTrain}
          ghostVal={ghostVal}
          trainLabel={acc ? 'training accuracy' : 'training loss'}
          valLabel={acc ? 'validation accuracy (monitored)' : 'validation loss (monitored)'}
          yLabel={acc ? 'accuracy' : 'loss (binary cross-entropy)'}
          xMax={xMax}
          yMin={acc ? undefined : 0}
          yMax={yMax}
          marks={marks}
          summary={summary}
        />
        {view.ended && (
          <div class="control es-ghost">
            <span class="es-inline">
              <input id={`${id}-ghost`} type="checkbox" checked={ghost} onChange={(ev) => setGhost((ev.currentTarget as HTMLInputElement).checked)} data-testid="es-ghost" />
              <label for={`${id}-ghost`}>Show the epochs early stopping skipped (faded)</label>
            </span>
          </div>
        )}
      </div>

      {view.ended && snap && (
        <div class={`demo-message ${stopped ? 'info' : ''} es-outcome`} data-testid="es-stopped" role="status">
          {stopped ? (
            <>
              <strong>Training stopped after epoch {view.stoppedEpoch! + 1}</strong> (Keras prints “Epoch {view.stoppedEpoch! + 1}: early stopping”;{' '}
              <code>stopped_epoch</code> is {view.stoppedEpoch}, counted from 0). {maxEpochs - shown} of the {maxEpochs} epochs ({pct((maxEpochs - shown) / maxEpochs)}) never ran.
            </>
          ) : (
            <>
              <strong>The rule never fired:</strong> training ran all {maxEpochs} epochs.
            </>
          )}
        </div>
      )}

      {view.ended && snap && keptEpoch !== null && (
        <div class="es-kept" data-testid="es-kept">
          <h4>The model you keep</h4>
          <p data-testid="es-kept-text">
            {rule.restore_best_weights ? (
              <>
                With <code>restore_best_weights=True</code> the weights saved at epoch <b data-testid="es-kept-epoch">{keptEpoch + 1}</b> are loaded back: {measure(kept, 'es-kept-val')}
                {keptEpoch !== lastShown ? <>, instead of {measure(last, 'es-last-val')} with the weights of the last epoch ({lastShown + 1}).</> : '. That is also the last epoch.'}
              </>
            ) : (
              <>
                Without restoring, the model keeps the weights of the last epoch, <b data-testid="es-kept-epoch">{keptEpoch + 1}</b>: {measure(kept, 'es-kept-val')}.
                {bestShown !== null && bestShown !== lastShown && <> The best epoch, {bestShown + 1}, had {measure(bestP, 'es-best-val')}: tick <em>Restore best weights</em> to keep it.</>}
              </>
            )}
            {' '}(Measured again after loading the saved weights into a fresh network.)
          </p>
          <div class="es-boundaries">
            {[last, ...(bestP && bestP.epoch !== last?.epoch ? [bestP] : [])].map((p) =>
              p ? (
                <div class={`es-boundary ${p.epoch === keptEpoch ? 'es-boundary-kept' : ''}`} key={p.epoch}>
                  <p class="es-boundary-title">
                    Epoch {p.epoch + 1} {p.epoch === lastShown ? '(last)' : '(best)'} {p.epoch === keptEpoch && <span class="badge done">kept</span>}
                  </p>
                  <BoundaryCanvas
                    testId={`${id}-boundary-${p.epoch === lastShown ? 'last' : 'best'}`}
                    grid={p.grid}
                    size={snap.gridSize}
                    train={snap.trainPoints}
                    summary={`Decision boundary with the weights of epoch ${p.epoch + 1}: validation loss ${f4(p.valLoss)}, validation accuracy ${pct(p.valAccuracy)}.`}
                  />
                </div>
              ) : null,
            )}
          </div>
        </div>
      )}

      <div class="es-code">
        <div role="tablist" aria-label="Code for these settings" class="es-tabs">
          {(['keras', 'pytorch'] as const).map((k) => (
            <button
              type="button"
              role="tab"
              id={`${id}-tab-${k}`}
              aria-selected={tab === k}
              aria-controls={`${id}-panel-${k}`}
              tabIndex={tab === k ? 0 : -1}
              class={`es-tab ${tab === k ? 'es-tab-on' : ''}`}
              key={k}
              data-testid={`es-tab-${k}`}
              onClick={() => setTab(k)}
              onKeyDown={(ev) => {
                if (ev.key === 'ArrowRight' || ev.key === 'ArrowLeft') {
                  const next = k === 'keras' ? 'pytorch' : 'keras';
                  setTab(next);
                  document.getElementById(`${id}-tab-${next}`)?.focus();
                  ev.preventDefault();
                }
              }}
            >
              {k === 'keras' ? 'Keras (EarlyStopping)' : 'PyTorch (by hand)'}
            </button>
          ))}
        </div>
        <div role="tabpanel" id={`${id}-panel-${tab}`} aria-labelledby={`${id}-tab-${tab}`} data-testid="es-code">
          {tab === 'keras' ? (
            <CodeBlock label="Keras 3: the EarlyStopping callback with these settings" code={kerasCode(run, rule, outcome)} />
          ) : (
            <CodeBlock label="PyTorch: a training loop with the same patience rule (Keras 3.15 semantics)" code={pytorchCode(run, rule, outcome)} />
          )}
        </div>
      </div>
    </DemoFrame>
  );
}

/** A probe's validation loss and accuracy, as the kept-model sentence says them. */
function measure(p: Probe | undefined, testId: string) {
  // The kept weights are measured in the worker a moment after the stop; until then say so.
  if (!p) return <span data-testid={`${testId}-pending`}>measuring…</span>;
  return (
    <>
      validation loss <b data-testid={testId}>{f4(p.valLoss)}</b> (accuracy {(p.valAccuracy * 100).toFixed(1)}%)
    </>
  );
}

/** The wait counter against the patience: one cell per epoch of patience (a bar beyond 30). */
function WaitMeter({ wait, patience }: { wait: number; patience: number }) {
  const label = `wait ${wait} of patience ${patience}`;
  if (patience > 30 || patience === 0) {
    const frac = patience === 0 ? (wait > 0 ? 1 : 0) : Math.min(1, wait / patience);
    return (
      <span class="es-meter-bar" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={Math.max(patience, 1)} aria-valuenow={Math.min(wait, Math.max(patience, 1))}>
        <span style={{ width: `${frac * 100}%` }} />
      </span>
    );
  }
  return (
    <span class="es-meter" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={patience} aria-valuenow={Math.min(wait, patience)}>
      {Array.from({ length: patience }, (_, i) => <span key={i} class={i < wait ? 'on' : ''} />)}
    </span>
  );
}
