import type { ComponentChildren } from 'preact';

interface Props<V extends string> {
  /** Unique per page: demo id + setting name. */
  id: string;
  label: string;
  options: readonly { value: V; label: ComponentChildren }[];
  value: V;
  onChange: (v: V) => void;
  disabled?: boolean;
  /** Text under the buttons (what the current choice means). */
  hint?: string;
}

/**
 * A few mutually exclusive choices shown side by side (train / eval): native radio buttons, so
 * Tab reaches the group and the arrow keys move between its choices, styled as a segmented switch.
 */
export function ChoiceButtons<V extends string>({ id, label, options, value, onChange, disabled, hint }: Props<V>) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <fieldset class="control choice-buttons" aria-describedby={hintId} disabled={disabled}>
      <legend>{label}</legend>
      <div class="choice-row">
        {options.map((o) => (
          <label key={o.value} class={o.value === value ? 'choice on' : 'choice'}>
            <input type="radio" name={id} value={o.value} checked={o.value === value} data-testid={`${id}-${o.value}`} onChange={() => onChange(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {hint && <span id={hintId} class="choice-hint">{hint}</span>}
    </fieldset>
  );
}
