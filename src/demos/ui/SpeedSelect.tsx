import { count } from './format.ts';
import { Select } from './Select.tsx';

interface Props {
  /** Unique on the page. */
  id: string;
  /** Units per second to offer; Infinity = as fast as the worker can. */
  options: readonly number[];
  value: number;
  /** What one unit is, plural: "steps", "epochs". */
  unit: string;
  onChange: (v: number) => void;
  /** In a row of setting controls: the label above, as SettingControl's, and the units spelled out. */
  stacked?: boolean;
}

/** A labelled speed select for demos that are worth watching slower than the worker can train. */
export function SpeedSelect({ id, options, value, unit, onChange, stacked }: Props) {
  const label = (o: number) => (!Number.isFinite(o) ? (stacked ? 'as fast as it goes' : 'as fast as possible') : stacked ? `${count(o, unit)} per second` : `${count(o, unit)}/s`);
  return (
    <span class={stacked ? 'control' : 'speed-select'}>
      <label for={`${id}-speed`}>Speed</label>
      <Select
        id={`${id}-speed`}
        testId={`${id}-speed`}
        value={String(value)}
        onChange={(v) => onChange(Number(v))}
        options={options.map((o) => ({ value: String(o), label: label(o) }))}
      />
    </span>
  );
}
