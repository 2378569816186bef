import type { Field, Fields, SettingsOf } from '../settings-kit.ts';
import { formatNumber } from './format.ts';
import { Select } from './Select.tsx';

interface Props {
  /** Unique per page: demo id + setting name. */
  id: string;
  field: Field;
  value: number | string | boolean;
  onChange: (v: number | string | boolean) => void;
  disabled?: boolean;
  /** Values to mark on a slider (e.g. dropout's 0.2 / 0.3 / 0.5). */
  marks?: number[];
  format?: (v: number) => string;
  /**
   * A slider's settled value: with it, dragging only calls onChange (to show the value) and the
   * release (or a key press) calls onCommit once. For live settings, so a drag is one change of
   * the running network, not twenty.
   */
  onCommit?: (v: number) => void;
}

export { formatNumber };

/** One labelled control for one setting: a slider (linear or log), a select or a checkbox. */
export function SettingControl({ id, field, value, onChange, disabled, marks, format = formatNumber, onCommit }: Props) {
  const inputId = `${id}-input`;
  const helpId = field.help ? `${id}-help` : undefined;
  if (field.kind === 'enum') {
    return (
      <div class="control">
        <label for={inputId}>{field.label}</label>
        <Select id={inputId} value={String(value)} disabled={disabled} describedBy={helpId} onChange={onChange} options={field.options.map((o) => ({ value: o, label: o }))} />
        {field.help && <span id={helpId} class="visually-hidden">{field.help}</span>}
      </div>
    );
  }
  if (field.kind === 'bool') {
    return (
      <div class="control" style="flex-direction:row;align-items:center;gap:0.4rem">
        <input id={inputId} type="checkbox" checked={Boolean(value)} disabled={disabled} aria-describedby={helpId} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} />
        <label for={inputId}>{field.label}</label>
        {field.help && <span id={helpId} class="visually-hidden">{field.help}</span>}
      </div>
    );
  }
  if (field.kind === 'text') {
    return (
      <div class="control">
        <label for={inputId}>{field.label}</label>
        <input id={inputId} type="text" value={String(value)} maxLength={field.maxLength} disabled={disabled} aria-describedby={helpId} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).value)} />
        {field.help && <span id={helpId} class="visually-hidden">{field.help}</span>}
      </div>
    );
  }
  const v = Number(value);
  const log = field.kind === 'number' && field.log;
  // Log sliders move over log10(value) in 100 steps per decade range; the value is rounded to 2 significant digits.
  const toSlider = (x: number) => (log ? Math.log10(x) : x);
  const fromSlider = (x: number) => {
    if (!log) return field.kind === 'int' ? Math.round(x) : x;
    const raw = 10 ** x;
    return Math.min(field.max, Math.max(field.min, Number(raw.toPrecision(2))));
  };
  const min = toSlider(field.min);
  const max = toSlider(field.max);
  const step = log ? (max - min) / 100 : (field.step ?? (field.kind === 'int' ? 1 : (max - min) / 100));
  const listId = marks?.length ? `${id}-marks` : undefined;
  return (
    <div class="control">
      <label for={inputId}>
        {field.label}: <output for={inputId} data-testid={`${id}-value`}>{format(v)}</output>
      </label>
      <input
        id={inputId}
        type="range"
        min={min}
        max={max}
        step={step}
        value={toSlider(v)}
        list={listId}
        disabled={disabled}
        aria-describedby={helpId}
        aria-valuetext={format(v)}
        onInput={(e) => onChange(fromSlider(Number((e.currentTarget as HTMLInputElement).value)))}
        onChange={onCommit && ((e) => onCommit(fromSlider(Number((e.currentTarget as HTMLInputElement).value))))}
      />
      {listId && (
        <>
          <datalist id={listId}>
            {marks!.map((m) => <option value={toSlider(m)} label={String(m)} key={m} />)}
          </datalist>
          {/* Browsers draw the datalist's ticks without their labels: these labels sit under the
              ticks (the thumb's centre travels from 8px to 100% - 8px of the track). */}
          <div class="range-marks" aria-hidden="true">
            {marks!.map((m) => (
              <span key={m} style={{ left: `calc(8px + (100% - 16px) * ${(toSlider(m) - min) / (max - min)})` }}>{format(m)}</span>
            ))}
          </div>
        </>
      )}
      {field.help && <span id={helpId} class="visually-hidden">{field.help}</span>}
    </div>
  );
}

interface ControlsProps<F extends Fields> {
  /** The demo instance's id: each control's id is `<id>-<setting>`. */
  id: string;
  fields: F;
  /** The settings shown, in this order. */
  keys: readonly (keyof F & string)[];
  settings: SettingsOf<F>;
  set: (k: keyof F & string) => (v: number | string | boolean) => void;
  /** How a setting's number reads (default formatNumber). */
  formats?: Partial<Record<keyof F & string, (v: number) => string>>;
  /** Names the group (when a demo has more than one). */
  label?: string;
}

/** A demo's row of controls: one SettingControl per shown setting. */
export function SettingControls<F extends Fields>({ id, fields, keys, settings, set, formats, label }: ControlsProps<F>) {
  return (
    <div class="controls" role={label ? 'group' : undefined} aria-label={label}>
      {keys.map((k) => (
        <SettingControl key={k} id={`${id}-${k}`} field={fields[k]} value={settings[k] as number | string | boolean} onChange={set(k)} format={formats?.[k]} />
      ))}
    </div>
  );
}
