import type { VNode } from 'preact';
import { LineChart, type Series, type VerticalMarker } from '../../views/LineChart.tsx';
import { CodeBlock } from '../ui/CodeBlock.tsx';
import { DemoFrame } from '../ui/DemoFrame.tsx';
import { formatNumber } from '../ui/format.ts';
import { SettingControl } from '../ui/SettingControl.tsx';
import { useTrainedDemo } from '../ui/useTrainedDemo.ts';
import type { IslandProps } from '../define.ts';
import { regularizationPathDemo } from './demo.ts';
import { useEffect } from 'preact/hooks';
import { sklearnCode } from './code.ts';
import { coefText, pathSummary, smallestText, sparsityText } from './describe.ts';
import type { PathFit, PathSnapshot } from './path-run.ts';
import { LASSO_ALPHAS, RIDGE_ALPHAS } from './path-grid.ts';
import { pathFields } from './settings.ts';



/** A picked alpha, kept inside the slider's range and rounded like the slider rounds (2 significant digits). */
function clampAlpha(k: 'lassoAlpha' | 'ridgeAlpha', x: number): number {
  const f = pathFields[k];
  return Math.min(f.max, Math.max(f.min, Number(x.toPrecision(2))));
}

function coefSeries(path: PathFit[], d: number, informative: number, trueCoef: number[]): Series[] {
  const xs = path.map((f) => f.alpha);
  return Array.from({ length: d }, (_, j) => ({
    label: `x${j + 1}${j < informative ? ` (true ${trueCoef[j].toFixed(2)})` : ' (useless, true 0)'}`,
    values: path.map((f) => f.coef[j]),
    xs,
    color: j < informative ? j : ('muted' as const),
    width: j < informative ? 2.5 : 1.25,
  }));
}

/**
 * Chapter 3's regularization path: Lasso and Ridge coefficients against alpha, computed in the
 * worker by the engine's solvers (one alpha per unit of work). Each path has a marker the
 * learner drags (or moves with its slider); the fit at exactly that alpha comes back from the
 * worker with its count of exact zeros.
 */
export default function PathIsland(props: IslandProps<typeof pathFields>): VNode {
  const { id } = props;
  // The page's paths come computed with the page (at build time); a link's data computes them as
  // soon as the demo is on screen, new data again; a moved marker refits at its alpha only (live).
  const { settings, set, frame, t, runKey, controls } = useTrainedDemo<typeof pathFields, PathSnapshot>(regularizationPathDemo, props, { restarted: (t) => t.play() });
  useEffect(() => t.play(), []);

  const s = t.snapshot?.key === runKey ? t.snapshot : null;
  const dataControls = controls.filter((k) => pathFields[k].effect === 'restart');
  const d = s?.d ?? settings.informative + settings.useless;
  const ml = s?.marker.lasso;
  const mr = s?.marker.ridge;

  const chart = (kind: 'lasso' | 'ridge') => {
    const key = kind === 'lasso' ? 'lassoAlpha' : 'ridgeAlpha';
    const alphas = kind === 'lasso' ? LASSO_ALPHAS : RIDGE_ALPHAS;
    const path = s ? s[kind] : [];
    const marker = s?.marker[kind];
    const name = kind === 'lasso' ? 'Lasso (L1)' : 'Ridge (L2)';
    const markers: VerticalMarker[] = [{ x: settings[key], label: `alpha = ${formatNumber(settings[key])}`, color: 3 }];
    if (kind === 'lasso' && s) markers.push({ x: s.lassoAlphaMax, label: 'all 0 →', color: 1, labelAt: 'bottom' as const });
    return (
      <div class="demo-panel l12-path">
        <h4>{name}: coefficients against alpha</h4>
        <LineChart
          testId={`${id}-${kind}-chart`}
          series={s ? coefSeries(path, d, s.informative, s.trueCoef) : []}
          xLabel="alpha (log scale)"
          yLabel="coefficient"
          logX
          xMin={alphas[alphas.length - 1]}
          xMax={alphas[0]}
          legend={false}
          markers={markers}
          onPickX={(x) => set(key)(clampAlpha(key, x))}
          summary={s && marker ? pathSummary(kind, path, marker, kind === 'lasso' ? s.lassoAlphaMax : undefined) : 'Computing the path…'}
        />
        <SettingControl id={`${id}-${key}`} field={pathFields[key]} value={settings[key]} onChange={set(key)} />
        <p class="l12-sparsity" data-testid={`${id}-${kind}-sparsity`}>
          {marker ? (
            <>
              <b data-testid={`${id}-${kind}-zeros`}>{marker.zeros}</b> of {marker.coef.length} coefficients exactly 0 · {smallestText(marker)} · training R² {marker.r2.toFixed(3)}
            </>
          ) : (
            'Computing…'
          )}
        </p>
      </div>
    );
  };

  return (
    <DemoFrame
      error={t.error}
      {...frame}
      reproduce={{ demo: regularizationPathDemo.id, library: 'scikit-learn', settings, snapshot: s }}
    >
      <p class="legend l12-path-legend" aria-hidden="true">
        {Array.from({ length: settings.informative }, (_, j) => (
          <span key={j}><span class="swatch" style={{ background: `var(--series-${j + 1})` }} />x{j + 1}{s ? ` (true ${s.trueCoef[j].toFixed(2)})` : ''}</span>
        ))}
        <span><span class="swatch" style={{ background: 'var(--text-muted)' }} />x{settings.informative + 1}–x{d}: useless (true 0)</span>
        <span>Drag on a chart, or use its slider, to move the marker.</span>
      </p>
      <p class="status" data-testid="path-status" aria-live="polite">
        {s ? (s.done ? `Both paths computed: ${s.lasso.length} Lasso and ${s.ridge.length} Ridge fits on ${settings.samples} samples, ${d} features.` : `Computing the paths: ${s.lasso.length} of ${s.lassoAlphas.length} Lasso and ${s.ridge.length} of ${s.ridgeAlphas.length} Ridge fits…`) : 'Preparing the data…'}
      </p>
      <div class="demo-grid l12-grid">
        {chart('lasso')}
        {chart('ridge')}
      </div>

      {s && ml && mr && (
        <div class="l12-table-wrap" tabIndex={0} role="region" aria-label="Coefficients at the two markers">
          <table class="l12-table" data-testid={`${id}-table`}>
            <caption>Coefficients at the markers: Lasso at alpha = {formatNumber(ml.alpha)} ({sparsityText(ml)}), Ridge at alpha = {formatNumber(mr.alpha)} ({mr.zeros} exactly 0)</caption>
            <thead>
              <tr><th scope="col">feature</th><th scope="col">true</th><th scope="col">Lasso</th><th scope="col">Ridge</th></tr>
            </thead>
            <tbody>
              {Array.from({ length: d }, (_, j) => (
                <tr key={j} class={j < s.informative ? '' : 'l12-useless'}>
                  <th scope="row">x{j + 1}</th>
                  <td>{coefText(s.trueCoef[j])}</td>
                  <td class={ml.coef[j] === 0 ? 'l12-zero-cell' : ''}>{coefText(ml.coef[j])}</td>
                  <td>{coefText(mr.coef[j])}</td>
                </tr>
              ))}
              <tr class="l12-norms">
                <th scope="row">intercept</th><td>0</td><td>{ml.intercept.toFixed(3)}</td><td>{mr.intercept.toFixed(3)}</td>
              </tr>
            </tbody>
          </table>
        </div>
      )}

      {dataControls.length > 0 && (
        <details class="l12-details">
          <summary>The data set (changing it recomputes both paths)</summary>
          <div class="controls" role="group" aria-label="Data set settings">
            {dataControls.map((k) => <SettingControl key={k} id={`${id}-${k}`} field={pathFields[k]} value={settings[k]} onChange={set(k)} />)}
          </div>
        </details>
      )}
      <CodeBlock label="scikit-learn: Lasso and Ridge at the two markers" code={sklearnCode(settings, ml && mr ? { lassoZeros: ml.zeros, ridgeZeros: mr.zeros, d } : undefined)} />
    </DemoFrame>
  );
}
