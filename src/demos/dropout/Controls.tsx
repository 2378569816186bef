import type { Fields, SettingsOf } from '../settings-kit.ts';
import { SettingControl } from '../ui/SettingControl.tsx';
import { P_MARKS } from './settings.ts';

type Value = number | string | boolean;

/** The dropout-rate slider both demos put first, with the common 0.2, 0.3 and 0.5 marked. */
export function PSlider({ id, field, value, onChange }: { id: string; field: Fields[string]; value: number; onChange: (v: Value) => void }) {
  return (
    <div class="do-p">
      <SettingControl id={`${id}-p`} field={field} value={value} onChange={onChange} marks={P_MARKS} />
    </div>
  );
}

interface RunProps<F extends Fields> {
  id: string;
  fields: F;
  /** The run's settings the learner may change, in order. */
  keys: (keyof F & string)[];
  settings: SettingsOf<F>;
  onChange: (key: keyof F & string, v: Value) => void;
  summary: string;
}

/** The training run's settings, folded away under a summary: changing one starts a new run. */
export function RunSettings<F extends Fields>({ id, fields, keys, settings, onChange, summary }: RunProps<F>) {
  if (keys.length === 0) return null;
  return (
    <details class="do-details">
      <summary>{summary}</summary>
      <div class="controls">
        {keys.map((k) => (
          <SettingControl key={k} id={`${id}-${k}`} field={fields[k]} value={(settings as Record<string, Value>)[k]} onChange={(v) => onChange(k, v)} />
        ))}
      </div>
    </details>
  );
}
