import { useEffect, useState } from 'preact/hooks';
import { checkField, type Field } from '../settings-kit.ts';
import { clip, readNumber } from '../number-text.ts';
import { useHydrated } from './useHydrated.ts';

interface Props {
  /** Unique on the page: demo id + setting name. */
  id: string;
  name: string;
  field: Extract<Field, { kind: 'number' | 'int' }>;
  value: number;
  onChange: (v: number) => void;
  disabled?: boolean;
  /** Extra words under the input (what the value means). */
  hint?: string;
}

/**
 * A typed number (for values a slider cannot hit, like min_delta = 0.0005). While the text is
 * not a valid value, the demo keeps the last good one and says what is wrong, next to the input.
 *
 * The page's HTML carries a stand-in of the same size and look, and the `<input>` is drawn once
 * the island has hydrated, as Select.tsx does for drop-downs and for the same reason: Chromium's
 * autofill reads every text field when the page has loaded (DOMContentLoaded), and a field inside a
 * chapter piece not yet drawn makes it style and lay out the page with that piece, in one task
 * (the early-stopping chapter's three fields: 180-270 ms at 4x; 8-19 without them).
 */
export function NumberInput({ id, name, field, value, onChange, disabled, hint }: Props) {
  const [text, setText] = useState(String(value));
  const [problem, setProblem] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const hydrated = useHydrated();
  useEffect(() => {
    if (!focused && !problem) setText(String(value));
  }, [value]);
  const inputId = `${id}-input`;
  const msgId = `${id}-message`;
  const hintId = hint ? `${id}-hint` : undefined;
  const accept = (raw: string) => {
    setText(raw);
    if (raw.trim() === '') {
      setProblem(`Type a value for ${name} (${describe(field)}).`);
      return;
    }
    // Strict reading (number-text.ts): `0,5` is 0.5, but `1,000`, `0x10` and `1e309` are refused with the reason.
    const r = checkField(name, field, raw, { decimalComma: true });
    if (r.ok) {
      setProblem(null);
      onChange(r.value as number);
      return;
    }
    const n = readNumber(raw, { decimalComma: true });
    setProblem(
      n.ok
        ? `${name} must be ${describe(field)}; ${clip(raw.trim())} is out of range. The demo keeps ${value}.`
        : `${name} must be ${describe(field)}; “${clip(raw.trim())}” ${n.reason}. The demo keeps ${value}.`,
    );
  };
  return (
    <div class="control es-number">
      <label for={inputId}>{field.label}</label>
      {hydrated ? (
        <input
          class="number-field"
          id={inputId}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellcheck={false}
          value={text}
          disabled={disabled}
          aria-invalid={problem ? 'true' : 'false'}
          aria-describedby={[problem ? msgId : '', hintId ?? ''].filter(Boolean).join(' ') || undefined}
          data-testid={`${id}-input`}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
          onInput={(e) => accept((e.currentTarget as HTMLInputElement).value)}
        />
      ) : (
        <span class={`number-field number-stand-in${disabled ? ' is-disabled' : ''}`}>{text}</span>
      )}
      {hint && <span id={hintId} class="es-hint">{hint}</span>}
      {problem && <span id={msgId} class="es-field-error" role="alert" data-testid={`${id}-error`}>{problem}</span>}
    </div>
  );
}

function describe(f: Extract<Field, { kind: 'number' | 'int' }>): string {
  return `${f.kind === 'int' ? 'a whole number' : 'a number'} from ${f.min} to ${f.max}`;
}
