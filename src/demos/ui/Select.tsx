import { useHydrated } from './useHydrated.ts';

interface SelectOption {
  value: string;
  label: string;
}

interface Props {
  id: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  disabled?: boolean;
  describedBy?: string;
  testId?: string;
}

/**
 * A demo's drop-down. The page's HTML carries a stand-in of the same size and look, and the
 * `<select>` itself is drawn once the island has hydrated.
 *
 * Why: when the page has loaded (DOMContentLoaded), Chromium's autofill reads every `<select>` on
 * the page. For a select inside a chapter piece that is not yet drawn (`content-visibility: auto`,
 * src/build/rehype-chapter-parts.ts), that read makes the browser style and lay out the whole
 * piece, one piece after another, in one task: 100-250 ms with the CPU slowed 4x on the batch-norm
 * and dropout chapters. Selects added later (as islands hydrate) cost nothing of the kind. Before
 * hydration the demo's controls do nothing anyway, so the stand-in loses nothing.
 */
export function Select({ id, value, options, onChange, disabled, describedBy, testId }: Props) {
  const hydrated = useHydrated();
  return (
    <span class="select">
      {hydrated ? (
        <select
          id={id}
          class="select-field"
          value={value}
          disabled={disabled}
          aria-describedby={describedBy}
          data-testid={testId}
          onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}
        >
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      ) : (
        // Every option's text in one grid cell, only the chosen one visible: as wide as the
        // select (which is as wide as its longest option).
        <span class={`select-field select-stand-in${disabled ? ' is-disabled' : ''}`}>
          {options.map((o) => <span key={o.value} aria-hidden={o.value === value ? undefined : 'true'} class={o.value === value ? undefined : 'select-other'}>{o.label}</span>)}
        </span>
      )}
    </span>
  );
}
