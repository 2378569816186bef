/** How a setting's number is shown next to its slider (plain TS, so pure modules and tests can use it). */
export function formatNumber(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1000 || a < 0.001) return v.toExponential(1);
  if (a >= 10) return v.toFixed(0);
  return Number(v.toPrecision(2)).toString();
}

/** A fraction as a percentage ("74%", or "73.7%" with digits = 1); a dash when there is none yet. */
export function percent(v: number | undefined, digits = 0): string {
  return v === undefined ? '–' : `${(v * 100).toFixed(digits)}%`;
}

/** "1 step", "2 steps": a count with its unit, singular for exactly one. `plural` is the unit's plural ("epochs"). */
export function count(n: number, plural: string, singular = plural.replace(/s$/, '')): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/**
 * A demo error as a bold lead and the sentence after it. A divergence reads "Training diverged:
 * at epoch 1 the training loss reached ...", never "Training diverged. at epoch 1" nor the lead
 * twice; other messages start with a capital; every one ends in a full stop.
 */
export function errorText(kind: 'settings' | 'diverged' | 'internal', message: string): { lead: string; text: string } {
  let text = message.trim();
  if (kind === 'diverged') {
    text = text.replace(/^training (has )?diverged,?\s*/i, '');
    if (text) text = text[0].toLowerCase() + text.slice(1);
  } else if (text) {
    text = text[0].toUpperCase() + text.slice(1);
  }
  if (text && !/[.!?]$/.test(text)) text += '.';
  const lead = kind === 'diverged' ? (text ? 'Training diverged:' : 'Training diverged.') : kind === 'settings' ? 'These settings cannot be used.' : 'Something went wrong.';
  return { lead, text };
}
