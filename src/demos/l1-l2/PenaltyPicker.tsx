import { PENALTIES, PENALTY_LABELS, type PenaltyKind } from './settings.ts';

interface Props {
  id: string;
  value: PenaltyKind;
  onChange: (v: PenaltyKind) => void;
  /** Choices that cannot be picked now, with the reason (shown next to the group). */
  unavailable?: Partial<Record<PenaltyKind, string>>;
}

/**
 * The penalty switch: native radio buttons drawn as a segmented control, so arrow keys move
 * between the choices and screen readers announce a labelled group.
 */
export function PenaltyPicker({ id, value, onChange, unavailable = {} }: Props) {
  const reasons = Object.values(unavailable).filter(Boolean);
  return (
    <fieldset class="l12-picker" aria-describedby={reasons.length ? `${id}-why` : undefined}>
      <legend>Penalty</legend>
      <div class="l12-segments">
        {PENALTIES.map((p) => (
          <label key={p} class={`l12-segment${value === p ? ' on' : ''}${unavailable[p] ? ' off' : ''}`}>
            <input
              type="radio"
              name={`${id}-penalty`}
              value={p}
              checked={value === p}
              disabled={!!unavailable[p]}
              data-testid={`${id}-penalty-${p}`}
              onChange={() => onChange(p)}
            />
            <span>{PENALTY_LABELS[p]}</span>
          </label>
        ))}
      </div>
      {reasons.length > 0 && <span id={`${id}-why`} class="es-hint">{reasons.join(' ')}</span>}
    </fieldset>
  );
}
