/**
 * Typed, validated demo settings. One definition per demo serves four callers:
 * the MDX wrapper (build time: a bad prop fails the build naming it), the island (slider and
 * number inputs), shareable links (garbage in a URL falls back to the default with a notice)
 * and the worker's runner. Pure: no DOM.
 */
import { EngineError } from '../engine/errors.ts';
import { excerpt, readNumber } from './number-text.ts';
import { chapterError } from '../lib/rendering-chapter.ts';
import { grouped } from '../views/number-format.ts';

/** The field named `name`, if it is one of `fields`' own: a key from a link, a prop or a file
 *  named like an Object.prototype member (`toString`, `__proto__`) is never a field. */
export function fieldOf<F extends Fields>(fields: F, name: string): Field | undefined {
  return Object.hasOwn(fields, name) ? fields[name] : undefined;
}

/**
 * What changing a setting does to a demo that is training (one hook, useFieldEffects, applies it):
 * - 'restart': the run starts again with the new value (data, network, seed, ...);
 * - 'live': the running network takes the new value at its next step (runner.update), and the
 *   change is logged so "Reproduce in PyTorch" replays it at that step;
 * - 'view': only what is drawn changes (which layer a chart shows, a rule replayed on the main thread).
 */
export type Effect = 'restart' | 'live' | 'view';

interface FieldBase {
  label: string;
  help?: string;
  effect: Effect;
}

export type Field =
  | (FieldBase & { kind: 'number'; default: number; min: number; max: number; step?: number; log?: boolean; unit?: string; rangeNote?: string })
  | (FieldBase & { kind: 'int'; default: number; min: number; max: number; step?: number; rangeNote?: string })
  | (FieldBase & { kind: 'enum'; default: string; options: readonly string[] })
  | (FieldBase & { kind: 'bool'; default: boolean })
  /** Text a demo encodes itself (the playground's drawn points): at most maxLength characters,
   *  matching `pattern` (a regular expression's source, anchored); never a control of its own. */
  | (FieldBase & { kind: 'text'; default: string; maxLength: number; pattern: string });

export type Fields = Record<string, Field>;

type ValueOf<F extends Field> = F extends { kind: 'enum'; options: readonly (infer O)[] }
  ? O
  : F extends { kind: 'bool' }
    ? boolean
    : F extends { kind: 'text' }
      ? string
      : number;

export type SettingsOf<F extends Fields> = { [K in keyof F]: ValueOf<F[K]> };

export interface Checked<S> {
  value: S;
  /** One plain-English message per rejected value; the value falls back to its default. */
  problems: string[];
}

/** The names of the fields with this effect, in the fields' order. */
export function keysWithEffect<F extends Fields>(fields: F, effect: Effect): (keyof F & string)[] {
  return Object.keys(fields).filter((k) => fields[k].effect === effect);
}

/** The values of the fields that define a run ('restart'): two runs with the same key are the same run. */
export function runKeyOf<F extends Fields>(fields: F, settings: Record<string, unknown>): string {
  return JSON.stringify(keysWithEffect(fields, 'restart').map((k) => settings[k]));
}

export function defaults<F extends Fields>(fields: F): SettingsOf<F> {
  const out: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(fields)) out[k] = f.default;
  return out as SettingsOf<F>;
}

/** Describes the allowed values of a field, for messages and docs. */
export function describeField(f: Field): string {
  switch (f.kind) {
    case 'number':
    case 'int':
      return `${f.kind === 'int' ? 'a whole number' : 'a number'} from ${f.min} to ${f.max}`;
    case 'enum':
      return `one of ${f.options.map((o) => `"${o}"`).join(', ')}`;
    case 'bool':
      return 'true or false';
    case 'text':
      return `text of at most ${grouped(f.maxLength)} characters in its own code`;
  }
}

/** Checks one value; returns the accepted value or a message. Strings are parsed (URLs, inputs). */
export function checkField(name: string, f: Field, raw: unknown, options: { decimalComma?: boolean } = {}): { ok: true; value: unknown } | { ok: false; message: string } {
  const bad = (why = ''): { ok: false; message: string } => ({
    ok: false,
    message: `"${name}" (${f.label}) must be ${describeField(f)}; got ${formatRaw(raw)}${why}`,
  });
  switch (f.kind) {
    case 'number':
    case 'int': {
      // Text is read strictly (no hex, no thousands separators): refused with the reason, never guessed.
      let v = raw;
      if (typeof raw === 'string') {
        const n = readNumber(raw, options);
        if (!n.ok) return bad(`, which ${n.reason}`);
        v = n.value;
      }
      if (typeof v !== 'number' || !Number.isFinite(v)) return bad();
      if (f.kind === 'int' && !Number.isInteger(v)) return bad();
      if (v < f.min || v > f.max) {
        // A number outside the range can say why the range stops there (dropout's p = 1).
        const r = bad();
        return f.rangeNote ? { ok: false, message: `${r.message} (${f.rangeNote})` } : r;
      }
      return { ok: true, value: v };
    }
    case 'enum':
      return typeof raw === 'string' && f.options.includes(raw) ? { ok: true, value: raw } : bad();
    case 'bool':
      if (raw === true || raw === 'true' || raw === '1') return { ok: true, value: true };
      if (raw === false || raw === 'false' || raw === '0') return { ok: true, value: false };
      return bad();
    case 'text':
      return typeof raw === 'string' && raw.length <= f.maxLength && new RegExp(f.pattern).test(raw) ? { ok: true, value: raw } : bad();
  }
}

function formatRaw(raw: unknown): string {
  if (typeof raw === 'string') return excerpt(raw);
  if (typeof raw === 'number') return String(raw);
  let text: string;
  try {
    text = JSON.stringify(raw) ?? String(raw);
  } catch {
    text = String(raw);
  }
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Validates a partial settings object. Unknown keys are reported (a typo in an MDX prop should
 * not pass silently); rejected values fall back to their defaults.
 */
export function check<F extends Fields>(fields: F, input: Record<string, unknown>, base?: SettingsOf<F>): Checked<SettingsOf<F>> {
  const value = { ...(base ?? defaults(fields)) } as Record<string, unknown>;
  const problems: string[] = [];
  for (const [k, raw] of Object.entries(input)) {
    if (raw === undefined) continue;
    const f = fieldOf(fields, k);
    if (!f) {
      problems.push(`unknown setting ${excerpt(k)} (known: ${Object.keys(fields).join(', ')})`);
      continue;
    }
    const r = checkField(k, f, raw);
    if (r.ok) value[k] = r.value;
    else problems.push(r.message);
  }
  return { value: value as SettingsOf<F>, problems };
}

/** A runner's check of the settings the worker received: any problem throws an EngineError,
 *  which the demo shows as "These settings cannot be used" with the messages. `clash` names
 *  settings that are fine one by one but not together (the demo definition's own). */
export function validated<F extends Fields>(fields: F, raw: unknown, clash?: (s: SettingsOf<F>) => string | null | undefined): SettingsOf<F> {
  const { value, problems } = check(fields, (raw ?? {}) as Record<string, unknown>);
  if (problems.length) throw new EngineError(problems.join('; '));
  const both = clash?.(value);
  if (both) throw new EngineError(both);
  return value;
}

/** Build-time check of an MDX demo's props: throws naming the demo, the prop and the allowed values. */
export function checkProps<F extends Fields>(demo: string, fields: F, props: Record<string, unknown>, ignore: readonly string[] = []): SettingsOf<F> {
  // Astro adds data-astro-* attributes (scoped styles) to components placed in a styled page.
  const input = Object.fromEntries(Object.entries(props).filter(([k]) => !ignore.includes(k) && !k.startsWith('data-astro-')));
  const { value, problems } = check(fields, input);
  if (problems.length) {
    // Point at the first prop the demo cannot use (its line in the chapter, when one is rendering).
    const bad = Object.keys(input).find((k) => input[k] !== undefined && (!fieldOf(fields, k) || !checkField(k, fieldOf(fields, k)!, input[k]).ok));
    throw chapterError(`<${demo}>: ${problems.join('; ')}`, demo, bad);
  }
  return value;
}

/** Settings to a compact query string: only values that differ from the defaults. */
export function toQuery<F extends Fields>(fields: F, s: SettingsOf<F>, base: SettingsOf<F> = defaults(fields)): string {
  const q = new URLSearchParams();
  for (const k of Object.keys(fields)) {
    const v = (s as Record<string, unknown>)[k];
    if (v !== (base as Record<string, unknown>)[k]) q.set(k, String(v));
  }
  return q.toString();
}

/** Settings from a query string; garbage gives the defaults plus messages, never an exception. */
export function fromQuery<F extends Fields>(fields: F, query: string | URLSearchParams, base?: SettingsOf<F>): Checked<SettingsOf<F>> {
  let params: URLSearchParams;
  try {
    params = typeof query === 'string' ? new URLSearchParams(query) : query;
  } catch {
    return { value: { ...(base ?? defaults(fields)) }, problems: ['the link’s settings could not be read'] };
  }
  const input: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [k, v] of params) {
    if (Object.hasOwn(fields, k)) input[k] = v;
  }
  const r = check(fields, input, base);
  return { value: r.value, problems: [...problems, ...r.problems] };
}

/**
 * A live change (runner.update), checked: only the `live` keys may change; the values are checked
 * like the run's, on top of `base`, then together (`clash`). Returns the merged settings; throws
 * one EngineError with every message (the page shows it, the run goes on unchanged).
 */
export function validatedPatch<F extends Fields>(
  fields: F, patch: Record<string, unknown>, live: readonly string[], base: SettingsOf<F>, refusal: string,
  clash?: (s: SettingsOf<F>) => string | null | undefined,
): SettingsOf<F> {
  const input: Record<string, unknown> = {};
  const refused: string[] = [];
  for (const [k, v] of Object.entries(patch)) {
    if (live.includes(k)) input[k] = v;
    else refused.push(`${excerpt(k)} ${refusal} (${live.join(', ')} can)`);
  }
  const r = check(fields, input, base);
  const problems = [...refused, ...r.problems];
  if (problems.length) throw new EngineError(problems.join('; '));
  const both = clash?.(r.value);
  if (both) throw new EngineError(both);
  return r.value;
}
