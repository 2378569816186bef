import { count } from './format.ts';

interface Props {
  /** Unique on the page. */
  id: string;
  /** Units per second to offer; Infinity = as fast as the worker can. */
  options: readonly number[];
  value: number;
  /** What one unit is, plural: "steps", "epochs". */
  unit: string;
  onChange: (v: number) => void;
}

/** A labelled speed select for demos that are worth watching slower than the worker can train. */
export function SpeedSelect({ id, options, value, unit, onChange }: Props) {
  return (
    <span class="speed-select">
      <label for={`${id}-speed`}>Speed</label>
      <select id={`${id}-speed`} value={String(value)} onChange={(e) => onChange(Number((e.currentTarget as HTMLSelectElement).value))} data-testid={`${id}-speed`}>
        {options.map((o) => (
          <option value={String(o)} key={o}>{Number.isFinite(o) ? `${count(o, unit)}/s` : 'as fast as possible'}</option>
        ))}
      </select>
    </span>
  );
}
