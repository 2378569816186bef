import type { VNode } from 'preact';
import { useMemo } from 'preact/hooks';
import { DemoFrame } from '../ui/DemoFrame.tsx';
import { SettingControls } from '../ui/SettingControl.tsx';
import { useDemoSettings } from '../ui/useDemoSettings.ts';
import { geometry, type GeometryState, type Vec } from './geometry.ts';
import { GeometryPlane } from './GeometryPlane.tsx';
import type { IslandProps } from '../define.ts';
import { geometryFields, type GeometrySettings } from './settings.ts';

type Key = keyof GeometrySettings;

const f2 = (v: number) => (v === 0 ? '0' : v.toFixed(2));
const FORMATS: Partial<Record<Key, (v: number) => string>> = { w1: (v) => v.toFixed(2), w2: (v) => v.toFixed(2), strength: (v) => v.toFixed(2), stretch: (v) => v.toFixed(1) };
/** Exact zeros print as 0: they are the point of the picture. */
const f3 = (v: number) => (v === 0 ? '0' : v.toFixed(3));

/** Keeps a dragged or keyed optimum on the sliders' grid and inside their range. */
function snap(k: 'w1' | 'w2', v: number): number {
  const f = geometryFields[k];
  const stepped = Math.round(v / f.step) * f.step;
  return Number(Math.min(f.max, Math.max(f.min, stepped)).toFixed(2));
}

export function planeSummary(g: GeometryState, penalty: 'l1' | 'l2'): string {
  const s = penalty === 'l1' ? g.l1 : g.l2;
  const name = penalty === 'l1' ? 'L1' : 'L2';
  const shape = penalty === 'l1' ? `the diamond |w₁| + |w₂| = ${f3(s.radius)}` : `the circle of radius ${f3(s.radius)}`;
  const zeros = s.zeros === 2 ? 'both weights are exactly 0' : s.zeros === 1 ? `${s.w[0] === 0 ? 'w₁' : 'w₂'} is exactly 0: the optimum sits on a corner of the diamond, on an axis` : 'no weight is 0';
  return `${name} picture: the unpenalized optimum w* = (${f2(g.opt[0])}, ${f2(g.opt[1])}); with λ = ${g.lambda}, the ${name} optimum is (${f3(s.w[0])}, ${f3(s.w[1])}), where a data-loss contour touches ${shape}; ${zeros}.`;
}

/**
 * Why L1 makes zeros, for two weights: the same quadratic data loss with the L1 diamond and the
 * L2 circle side by side. The optima are exact (geometry.ts); nothing trains, so nothing runs in
 * the worker.
 */
export default function GeometryIsland({ id, title, caption, settings: initial, controls: chapterControls }: IslandProps<typeof geometryFields>): VNode {
  const { settings, setSettings, frame, controls } = useDemoSettings({ id, title, caption, controls: chapterControls }, geometryFields, initial);
  const g = useMemo(() => geometry(settings.tilt, settings.stretch, [settings.w1, settings.w2], settings.strength), [settings.tilt, settings.stretch, settings.w1, settings.w2, settings.strength]);
  const set = (k: Key) => (v: number | string | boolean) => setSettings({ ...settings, [k]: v });
  const move = (w: Vec) => setSettings({ ...settings, w1: snap('w1', w[0]), w2: snap('w2', w[1]) });
  const maxStrength = geometryFields.strength.max;
  const verdict = g.l1.zeros === 0
    ? `λ is below ${f2(g.l1FirstZero)}: the diamond is touched on an edge, both L1 weights are nonzero. Raise λ past ${f2(g.l1FirstZero)} and the optimum slides onto an axis.`
    : g.l1.zeros === 1
      ? `L1 sets ${g.l1.w[0] === 0 ? 'w₁' : 'w₂'} to exactly 0 (for λ from ${f2(g.l1FirstZero)}; both are 0 from λ = ${f2(g.l1AllZero)}). L2 only shrinks both weights.`
      : `λ ≥ ${f2(g.l1AllZero)}: L1 sets both weights to exactly 0. L2 still keeps them nonzero, only small.`;

  return (
    <DemoFrame {...frame}>
      <SettingControls id={id} fields={geometryFields} keys={controls} settings={settings} set={set} formats={FORMATS} label="Picture settings" />
      <p class="demo-message info l12-verdict" role="status" data-testid={`${id}-verdict`}>{verdict}</p>
      <div class="demo-grid l12-planes">
        {(['l1', 'l2'] as const).map((p) => (
          <div class="demo-panel" key={p}>
            <h4>{p === 'l1' ? 'L1: λ(|w₁| + |w₂|), a diamond' : 'L2: λ(w₁² + w₂²), a circle'}</h4>
            <GeometryPlane id={id} penalty={p} state={g} maxStrength={maxStrength} onMove={move} step={geometryFields.w1.step} summary={planeSummary(g, p)} />
          </div>
        ))}
      </div>
      <p class="legend l12-plane-legend">
        <span><span class="l12-key l12-key-contour" />data-loss contours around w* (×)</span>
        <span><span class="l12-key l12-key-path" />the optimum as λ grows from 0 to {maxStrength}</span>
        <span><span class="swatch" style={{ background: 'var(--series-2)' }} />L1 optimum</span>
        <span><span class="swatch" style={{ background: 'var(--series-3)' }} />L2 optimum</span>
      </p>
      <p class="l12-table-note" id={`${id}-table-note`}>The optima with λ = {settings.strength.toFixed(2)}, exact: L2 in closed form, L1 by its optimality conditions.</p>
      <div class="l12-table-wrap" tabIndex={0} role="region" aria-labelledby={`${id}-table-note`}>
        <table class="l12-table" data-testid={`${id}-table`}>
          <thead>
            <tr><th scope="col"><span class="visually-hidden">optimum</span></th><th scope="col">w₁</th><th scope="col">w₂</th><th scope="col">zeros</th><th scope="col">data loss</th></tr>
          </thead>
          <tbody>
            <tr><th scope="row">no penalty (w*)</th><td>{f3(g.opt[0])}</td><td>{f3(g.opt[1])}</td><td>{(g.opt[0] === 0 ? 1 : 0) + (g.opt[1] === 0 ? 1 : 0)}</td><td>0</td></tr>
            <tr>
              <th scope="row">L1</th>
              <td class={g.l1.w[0] === 0 ? 'l12-zero-cell' : ''} data-testid={`${id}-l1-w1`}>{f3(g.l1.w[0])}</td>
              <td class={g.l1.w[1] === 0 ? 'l12-zero-cell' : ''} data-testid={`${id}-l1-w2`}>{f3(g.l1.w[1])}</td>
              <td data-testid={`${id}-l1-zeros`}>{g.l1.zeros}</td>
              <td>{f3(g.l1.level)}</td>
            </tr>
            <tr>
              <th scope="row">L2</th>
              <td data-testid={`${id}-l2-w1`}>{f3(g.l2.w[0])}</td>
              <td data-testid={`${id}-l2-w2`}>{f3(g.l2.w[1])}</td>
              <td data-testid={`${id}-l2-zeros`}>{g.l2.zeros}</td>
              <td>{f3(g.l2.level)}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </DemoFrame>
  );
}
