/**
 * Reading a shared link's settings for one demo (`?<demo id>.<setting>=value`). A link is input
 * from anyone: it is capped before any work is done on it, its keys are looked up as the demo's
 * own fields only (never `toString` or `__proto__`), a key given twice is reported rather than
 * silently resolved, and every refusal becomes one short notice. Pure: no DOM.
 */
import { check, defaults, fieldOf, type Fields, type SettingsOf } from './settings-kit.ts';
import { excerpt } from './number-text.ts';
import { grouped } from '../views/number-format.ts';

/** Longest query string read at all: a real share link is well under 1,000 characters, and 32 KB
 *  still parses in well under a millisecond (a 100 KB one is refused unread). */
export const MAX_QUERY_CHARS = 32_000;
/** Longest value looked at: no setting needs more than a few characters (a text field says its own). */
export const MAX_VALUE_CHARS = 100;
/** How many unknown setting names a notice lists before "and N more". */
const LISTED = 5;

export interface LinkSettings<S> {
  value: S;
  /** Whether the link named this demo at all. */
  fromLink: boolean;
  /** Plain sentences for the demo's notice: a few lines, however bad the link. */
  notices: string[];
}

/** The link's query string without its `?`, or a notice when it is too long to read. */
function readable(search: string): { query: string } | { notice: string } {
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (query.length > MAX_QUERY_CHARS) {
    return { notice: `The link’s settings are too long to read (${grouped(query.length)} characters; at most ${grouped(MAX_QUERY_CHARS)} are read), so they were ignored and the defaults are used.` };
  }
  return { query };
}

function params(query: string): [string, string][] {
  try {
    return [...new URLSearchParams(query)];
  } catch {
    return [];
  }
}

/** Names for a notice: a few short excerpts, then how many more. */
export function listNames(names: string[]): string {
  const shown = names.slice(0, LISTED).map((n) => excerpt(n, 20));
  return names.length > LISTED ? `${shown.join(', ')} and ${grouped(names.length - LISTED)} more` : shown.join(', ');
}

/**
 * This demo's settings from a link: the chapter's settings (`base`) with the link's values on
 * top; any value the demo cannot use keeps the chapter's value and is said in a notice.
 * `combination` names settings that are fine one by one but cannot run together: then the
 * chapter's settings are used, with a notice, as for any other bad link.
 */
export function readDemoLink<F extends Fields>(
  fields: F,
  demoId: string,
  search: string,
  base: SettingsOf<F> = defaults(fields),
  combination?: (s: SettingsOf<F>) => string | null | undefined,
  /** Parameters the island reads itself (a run's live changes): not settings, not unknown either. */
  ownKeys: readonly string[] = [],
): LinkSettings<SettingsOf<F>> {
  const r = readable(search);
  const prefix = `${demoId}.`;
  if ('notice' in r) {
    return { value: base, fromLink: search.includes(prefix), notices: [r.notice] };
  }
  const input = new Map<string, string>();
  const twice = new Map<string, string[]>();
  const unknown: string[] = [];
  const tooLong: string[] = [];
  let named = false;
  for (const [k, v] of params(r.query)) {
    if (!k.startsWith(prefix)) continue;
    const key = k.slice(prefix.length);
    if (ownKeys.includes(key)) continue;
    named = true;
    if (!fieldOf(fields, key)) {
      unknown.push(key);
      continue;
    }
    const seen = twice.get(key) ?? (input.has(key) ? [input.get(key)!] : null);
    if (seen) {
      twice.set(key, [...seen, v]);
      continue;
    }
    const f = fieldOf(fields, key)!;
    if (v.length > (f.kind === 'text' ? f.maxLength : MAX_VALUE_CHARS)) tooLong.push(key);
    input.set(key, v);
  }
  if (!named) return { value: base, fromLink: false, notices: [] };

  const notices: string[] = [];
  for (const [key, values] of twice) {
    input.delete(key);
    notices.push(`The link sets "${key}" ${values.length} times (${values.slice(0, 3).map((v) => excerpt(v, 12)).join(', ')}${values.length > 3 ? ', …' : ''}); it should set it once, so the default is used.`);
  }
  for (const key of tooLong) {
    const v = input.get(key)!;
    input.delete(key);
    notices.push(`The link’s "${key}" is ${grouped(v.length)} characters long, too long for a setting, so the default is used.`);
  }
  const checked = check(fields, Object.fromEntries(input), base);
  notices.push(...checked.problems.map((p) => `The link’s ${p}, so the default is used.`));
  if (unknown.length === 1) notices.push(`The link names a setting ${excerpt(unknown[0]!, 20)} this demo does not have; it was ignored.`);
  else if (unknown.length > 1) notices.push(`${grouped(unknown.length)} settings this demo does not have were ignored: ${listNames(unknown)}.`);

  let value = checked.value;
  const clash = combination?.(value);
  if (clash) {
    value = base;
    notices.push(`The link’s settings cannot be used together (${clash}), so the chapter’s settings are used.`);
  }
  return { value, fromLink: true, notices };
}

/** The demo ids a link's parameters name (`overfitting` in `?overfitting.lr=5`), in order, once each. */
export function linkedDemoIds(search: string): string[] {
  const r = readable(search);
  if ('notice' in r) return [];
  const ids = new Set<string>();
  for (const [k] of params(r.query)) {
    const dot = k.indexOf('.');
    if (dot > 0) ids.add(k.slice(0, dot));
  }
  return [...ids];
}

/**
 * The page's notice for a link naming demos that are not on the page (`?nosuch.lr=5`,
 * `?OVERFITTING.lr=5`), or null. `onPage` is the ids of the page's demos.
 */
export function unknownDemoNotice(search: string, onPage: readonly string[]): string | null {
  const missing = linkedDemoIds(search).filter((id) => !onPage.includes(id));
  if (missing.length === 0) return null;
  const hint = missing.some((id) => onPage.includes(id.toLowerCase())) ? ' Demo ids are lower-case.' : '';
  const here = onPage.length ? ` This page has: ${onPage.join(', ')}.` : ' This page has no demo.';
  return missing.length === 1
    ? `This link names a demo that is not on this page, ${listNames(missing)}; its settings were ignored.${hint}${here}`
    : `This link names ${grouped(missing.length)} demos that are not on this page (${listNames(missing)}); their settings were ignored.${hint}${here}`;
}
