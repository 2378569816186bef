import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { download } from '../ui/download.ts';
import { classCounts, MAX_POINTS, quantize, type Point } from './points-code.ts';
import { parsePointsCsv, pointsToCsv } from './points-csv.ts';
import { MIN_PER_CLASS } from './clash.ts';
import { grouped } from '../../views/number-format.ts';

export type DrawMode = 'add-0' | 'add-1' | 'erase';
/** How near a point must be to the pointer to be erased (the plane is [-1, 1]²). */
export const ERASE_RADIUS = 0.08;

/** The plane's coordinates of a pointer event over the board's canvas (y up). */
function planeAt(e: PointerEvent, el: HTMLElement): { x: number; y: number } | null {
  const canvas = el.querySelector('canvas');
  if (!canvas) return null;
  const r = canvas.getBoundingClientRect();
  const x = ((e.clientX - r.left) / r.width) * 2 - 1;
  const y = 1 - ((e.clientY - r.top) / r.height) * 2;
  return x >= -1 && x <= 1 && y >= -1 && y <= 1 ? { x, y } : null;
}

/** Points without those near (x, y). */
export function eraseNear(points: readonly Point[], x: number, y: number): Point[] {
  return points.filter((p) => (p.x - x) ** 2 + (p.y - y) ** 2 > ERASE_RADIUS ** 2);
}

/**
 * The decision boundary as a drawing board: a click or tap adds a point of the chosen class, a
 * drag in erase mode removes the points it passes over. (Keyboard: the form in DataTools.)
 */
export function DrawingBoard({ mode, points, onPoints, children }: { mode: DrawMode; points: () => Point[]; onPoints: (p: Point[]) => void; children: ComponentChildren }) {
  const ref = useRef<HTMLDivElement>(null);
  const erasing = useRef<Point[] | null>(null);
  const down = (e: PointerEvent) => {
    const at = ref.current && planeAt(e, ref.current);
    if (!at) return;
    e.preventDefault();
    if (mode === 'erase') {
      erasing.current = eraseNear(points(), at.x, at.y);
      (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
      onPoints(erasing.current);
    } else {
      const all = points();
      if (all.length >= MAX_POINTS) return;
      onPoints([...all, { x: quantize(at.x), y: quantize(at.y), label: mode === 'add-1' ? 1 : 0 }]);
    }
  };
  const move = (e: PointerEvent) => {
    if (!erasing.current || !ref.current) return;
    const at = planeAt(e, ref.current);
    if (!at) return;
    const left = eraseNear(erasing.current, at.x, at.y);
    if (left.length !== erasing.current.length) {
      erasing.current = left;
      onPoints(left);
    }
  };
  const up = () => {
    erasing.current = null;
  };
  return (
    <div ref={ref} class={`pg-board pg-board-${mode}`} data-testid="playground-board" onPointerDown={down} onPointerMove={move} onPointerUp={up} onPointerCancel={up}>
      {children}
    </div>
  );
}

interface ToolsProps {
  id: string;
  mode: DrawMode;
  onMode: (m: DrawMode) => void;
  points: () => Point[];
  onPoints: (p: Point[], note: string) => void;
  /** Whether the data set is the learner's own now. */
  custom: boolean;
  /** Points a link carries at most (more travel as a CSV file). */
  linkLimit: number;
}

/** Drawing mode, clear, CSV upload and download, and a keyboard way to add a point. */
export function DataTools({ id, mode, onMode, points, onPoints, custom, linkLimit }: ToolsProps) {
  const [message, setMessage] = useState<{ text: string; bad: boolean } | null>(null);
  const [kx, setKx] = useState('0');
  const [ky, setKy] = useState('0');
  const fileRef = useRef<HTMLInputElement>(null);
  const own = custom ? points() : [];
  const [zeros, ones] = classCounts(own);

  const upload = async (file: File) => {
    if (file.size > 2_000_000) {
      setMessage({ text: `${file.name} is ${(file.size / 1e6).toFixed(1)} MB; a CSV of ${grouped(MAX_POINTS)} points is far smaller, so it was not read. Your points are kept as they were.`, bad: true });
      return;
    }
    const r = parsePointsCsv(await file.text());
    if (!r.ok) {
      setMessage({ text: `${file.name}: ${r.message}`, bad: true });
      return;
    }
    const [a, b] = classCounts(r.points);
    const how = [r.header ? 'header line skipped' : '', r.scaled ? 'moved and scaled into the square [-1, 1]²' : '', `class 0 = "${r.labels[0]}", class 1 = "${r.labels[1]}"`].filter(Boolean).join('; ');
    const text = `Read ${grouped(r.points.length)} points from ${file.name} (${a} of class 0, ${b} of class 1; ${how}).`;
    setMessage({ text, bad: false });
    onPoints(r.points, text);
  };

  const addTyped = () => {
    const x = Number(kx), y = Number(ky);
    if (kx.trim() === '' || ky.trim() === '' || !Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > 1 || Math.abs(y) > 1) {
      setMessage({ text: 'x and y must be numbers from -1 to 1.', bad: true });
      return;
    }
    setMessage(null);
    onPoints([...points(), { x: quantize(x), y: quantize(y), label: mode === 'add-1' ? 1 : 0 }], `Added a point at (${x}, ${y}).`);
  };

  return (
    <div class="pg-tools" role="group" aria-label="Your own data">
      <fieldset class="pg-modes">
        <legend>Click or tap the boundary to</legend>
        {([['add-0', 'add class 0'], ['add-1', 'add class 1'], ['erase', 'erase (drag)']] as const).map(([m, label]) => (
          <label key={m} class={`pg-mode pg-mode-${m}`}>
            <input type="radio" name={`${id}-mode`} value={m} checked={mode === m} onChange={() => onMode(m)} /> {label}
          </label>
        ))}
      </fieldset>
      <div class="pg-tool-row">
        <button type="button" class="btn" data-testid="playground-clear" onClick={() => { setMessage(null); onPoints([], 'Cleared: click the boundary to add points.'); }}>Clear points</button>
        <button type="button" class="btn" onClick={() => fileRef.current?.click()}>Upload CSV…</button>
        <input ref={fileRef} id={`${id}-csv`} type="file" accept=".csv,text/csv,text/plain" class="visually-hidden" aria-label="Upload a CSV file of points (x, y, class)" data-testid="playground-csv"
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const f = input.files?.[0];
            if (f) void upload(f);
            input.value = '';
          }} />
        <button type="button" class="btn" data-testid="playground-download" onClick={() => download('playground-points.csv', pointsToCsv(points()), 'text/csv')}>Download CSV</button>
      </div>
      <div class="pg-tool-row pg-typed" role="group" aria-label="Add a point by its coordinates">
        <label>x <input type="text" inputMode="decimal" size={5} value={kx} onInput={(e) => setKx((e.currentTarget as HTMLInputElement).value)} /></label>
        <label>y <input type="text" inputMode="decimal" size={5} value={ky} onInput={(e) => setKy((e.currentTarget as HTMLInputElement).value)} /></label>
        <button type="button" class="btn" onClick={addTyped}>Add point ({mode === 'add-1' ? 'class 1' : 'class 0'})</button>
        <button type="button" class="btn" disabled={!custom || own.length === 0} onClick={() => onPoints(own.slice(0, -1), 'Removed the last point.')}>Remove last point</button>
      </div>
      <p class="es-hint" data-testid="playground-data-count">
        {custom ? `Your data: ${own.length} point${own.length === 1 ? "" : "s"} (${zeros} of class 0, ${ones} of class 1).` : 'Drawing on the board starts from the points shown.'}
        {custom && (zeros < MIN_PER_CLASS || ones < MIN_PER_CLASS) && ` Add at least ${MIN_PER_CLASS} points of each class to train.`}
        {custom && own.length > linkLimit && ` More than ${linkLimit} points do not fit in a link: download them as CSV to share them.`}
      </p>
      {message && <p class={`demo-message ${message.bad ? 'error' : 'info'}`} role={message.bad ? 'alert' : 'status'} data-testid="playground-data-message">{message.text}</p>}
    </div>
  );
}
