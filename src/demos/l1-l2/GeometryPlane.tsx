import { useRef } from 'preact/hooks';
import { contour, optimumPath, type GeometryState, type Vec } from './geometry.ts';

interface Props {
  id: string;
  penalty: 'l1' | 'l2';
  state: GeometryState;
  /** Largest strength of the slider: the dotted path of optima runs from 0 to it. */
  maxStrength: number;
  /** Moves the unpenalized optimum (pointer or keyboard), in plane coordinates. */
  onMove: (w: Vec) => void;
  /** The keyboard step of the handle. */
  step: number;
  summary: string;
}

const PX = 320;
const R = 2.5; // the plane shows [-R, R]^2
const LEVELS = [0.03, 0.12, 0.27, 0.48, 0.75, 1.08, 1.47]; // data-loss contours drawn around w*
const toX = (w: number) => ((w + R) / (2 * R)) * PX;
const toY = (w: number) => ((R - w) / (2 * R)) * PX;
const pts = (ps: Vec[]) => ps.map((p) => `${toX(p[0]).toFixed(1)},${toY(p[1]).toFixed(1)}`).join(' ');
/** Exact zeros print as 0: they are the point of the picture. */
const f2 = (v: number) => (v === 0 ? '0' : v.toFixed(2));

/**
 * One penalty's picture for two weights: the data loss's contour ellipses around the
 * unpenalized optimum w*, the penalty's level set through the penalized optimum (L1 diamond or
 * L2 circle) and the contour touching it there, and the path the optimum takes as the strength
 * grows. The w* handle can be dragged, or focused and moved with the arrow keys.
 */
export function GeometryPlane({ id, penalty, state, maxStrength, onMove, step, summary }: Props) {
  const svg = useRef<SVGSVGElement>(null);
  const dragging = useRef(false);
  const sol = penalty === 'l1' ? state.l1 : state.l2;
  const color = penalty === 'l1' ? 'var(--series-2)' : 'var(--series-3)';
  const r = sol.radius;
  const shape = penalty === 'l1'
    ? <polygon points={pts([[r, 0], [0, r], [-r, 0], [0, -r]])} />
    : <circle cx={toX(0)} cy={toY(0)} r={(r / (2 * R)) * PX} />;
  const path = optimumPath(state.H, state.opt, penalty, maxStrength);
  const [w1, w2] = sol.w;
  const zeroAxis = penalty === 'l1' && sol.zeros === 1 ? (w1 === 0 ? 'w₁' : 'w₂') : null;

  const fromPointer = (e: PointerEvent) => {
    const rect = svg.current!.getBoundingClientRect();
    const x = ((e.clientX - rect.left) / rect.width) * 2 * R - R;
    const y = R - ((e.clientY - rect.top) / rect.height) * 2 * R;
    onMove([x, y]);
  };
  const labelX = Math.min(PX - 70, Math.max(4, toX(w1) + 8));
  const labelY = Math.min(PX - 6, Math.max(14, toY(w2) + (w2 >= state.opt[1] ? -8 : 16)));

  return (
    <figure class="l12-plane">
      <svg
        ref={svg}
        viewBox={`0 0 ${PX} ${PX}`}
        role="group"
        aria-label={summary}
        data-testid={`${id}-${penalty}-plane`}
        onPointerDown={(e) => {
          dragging.current = true;
          (e.currentTarget as SVGSVGElement).setPointerCapture(e.pointerId);
          fromPointer(e as unknown as PointerEvent);
        }}
        onPointerMove={(e) => dragging.current && fromPointer(e as unknown as PointerEvent)}
        onPointerUp={() => (dragging.current = false)}
        onPointerCancel={() => (dragging.current = false)}
      >
        <g aria-hidden="true">
          <rect x="0" y="0" width={PX} height={PX} class="l12-plane-bg" />
          {[-2, -1, 1, 2].map((v) => (
            <g key={v} class="l12-grid-line">
              <line x1={toX(v)} x2={toX(v)} y1="0" y2={PX} />
              <line y1={toY(v)} y2={toY(v)} x1="0" x2={PX} />
              <text x={toX(v) + 2} y={toY(0) + 12}>{v}</text>
              <text x={toX(0) + 3} y={toY(v) - 3}>{v}</text>
            </g>
          ))}
          <line x1="0" x2={PX} y1={toY(0)} y2={toY(0)} class="l12-axis" />
          <line x1={toX(0)} x2={toX(0)} y1="0" y2={PX} class="l12-axis" />
          <text x={PX - 18} y={toY(0) - 5} class="l12-axis-label">w₁</text>
          <text x={toX(0) + 5} y="14" class="l12-axis-label">w₂</text>
          {LEVELS.map((l) => <polygon key={l} points={pts(contour(state.H, state.opt, l))} class="l12-contour" />)}
          <g style={{ fill: color, stroke: color }} class="l12-shape">{shape}</g>
          {sol.level > 1e-9 && <polygon points={pts(contour(state.H, state.opt, sol.level))} class="l12-touch" style={{ stroke: color }} />}
          <polyline points={pts(path)} class="l12-opt-path" style={{ stroke: color }} />
          <circle cx={toX(w1)} cy={toY(w2)} r="6" style={{ fill: color }} class="l12-opt" />
          <text x={labelX} y={labelY} class="l12-opt-label">({f2(w1)}, {f2(w2)}){zeroAxis ? ` ${zeroAxis} = 0` : ''}</text>
        </g>
        <g
          class="l12-handle"
          tabIndex={0}
          role="button"
          aria-label={`Unpenalized optimum w* at w₁ = ${f2(state.opt[0])}, w₂ = ${f2(state.opt[1])}. Drag it, or use the arrow keys to move it (Shift for larger steps).`}
          data-testid={`${id}-${penalty}-handle`}
          onKeyDown={(e) => {
            const k = e.shiftKey ? 5 * step : step;
            const d: Record<string, Vec> = { ArrowLeft: [-k, 0], ArrowRight: [k, 0], ArrowUp: [0, k], ArrowDown: [0, -k] };
            const m = d[e.key];
            if (!m) return;
            e.preventDefault();
            onMove([state.opt[0] + m[0], state.opt[1] + m[1]]);
          }}
        >
          <circle cx={toX(state.opt[0])} cy={toY(state.opt[1])} r="14" class="l12-handle-hit" />
          <path d={`M${toX(state.opt[0]) - 6},${toY(state.opt[1]) - 6}l12,12m0,-12l-12,12`} class="l12-handle-mark" />
          <text x={toX(state.opt[0]) + 9} y={toY(state.opt[1]) - 9} class="l12-handle-label" aria-hidden="true">w*</text>
        </g>
      </svg>
    </figure>
  );
}
