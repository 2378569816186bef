// Run-time inputs (issues 13 and 18): numbers are read strictly and refusals say why; a link's
// keys are looked up as own fields only; a hostile link is capped, summarised and never throws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { excerpt, readNumber } from '../../src/demos/number-text.ts';
import { check, checkField, checkProps, defaults, fromQuery } from '../../src/demos/settings-kit.ts';
import { linkedDemoIds, MAX_QUERY_CHARS, readDemoLink, unknownDemoNotice } from '../../src/demos/link-params.ts';
import { demoChrome } from '../../src/demos/demo-props.ts';
import { overfittingFields } from '../../src/demos/overfitting/settings.ts';
import { combinationProblem, penaltyFields } from '../../src/demos/l1-l2/settings.ts';

const PROTO_KEYS = ['toString', 'constructor', 'hasOwnProperty', 'valueOf', '__proto__', 'isPrototypeOf', '__defineGetter__'];

test('numbers are read strictly: hex, binary, octal and thousands separators are refused with the reason', () => {
  assert.deepEqual(readNumber('0.05'), { ok: true, value: 0.05 });
  assert.deepEqual(readNumber(' -3 '), { ok: true, value: -3 });
  assert.deepEqual(readNumber('1e-4'), { ok: true, value: 1e-4 });
  assert.deepEqual(readNumber('.5'), { ok: true, value: 0.5 });
  assert.match(reason(readNumber('0x10')), /hexadecimal/);
  assert.match(reason(readNumber('0b1')), /binary/);
  assert.match(reason(readNumber('0o7')), /octal/);
  assert.match(reason(readNumber('1,000')), /thousands separator/);
  assert.match(reason(readNumber('1,000', { decimalComma: true })), /thousands separator/, 'ambiguous even where a decimal comma is read');
  assert.deepEqual(readNumber('0,5', { decimalComma: true }), { ok: true, value: 0.5 });
  assert.match(reason(readNumber('0,5')), /comma/, 'a link has no decimal comma');
  assert.match(reason(readNumber('1e309')), /too large/);
  assert.match(reason(readNumber('-1e309')), /too large/);
  assert.match(reason(readNumber('1e-999999')), /too small/);
  assert.deepEqual(readNumber('0e5'), { ok: true, value: 0 });
  assert.match(reason(readNumber('Infinity')), /infinite/);
  assert.match(reason(readNumber('NaN')), /not a number/);
  assert.match(reason(readNumber('')), /empty/);
  assert.match(reason(readNumber('12abc')), /not a number/);
  assert.match(reason(readNumber('9'.repeat(100_000))), /too long for a number/);
});

function reason(r: ReturnType<typeof readNumber>): string {
  assert.equal(r.ok, false, JSON.stringify(r));
  return (r as { reason: string }).reason;
}

test('a setting refuses 0x10, 0b1 and 1,000 instead of guessing, and calls 1e309 too large', () => {
  const lr = overfittingFields.lr;
  for (const [raw, why] of [['0x10', /hexadecimal/], ['0b1', /binary/], ['1,000', /thousands/], ['1e309', /too large/]] as const) {
    const r = checkField('lr', lr, raw);
    assert.equal(r.ok, false, raw);
    assert.match((r as { message: string }).message, why);
  }
  const big = checkField('points', overfittingFields.points, '1e309');
  assert.doesNotMatch((big as { message: string }).message, /not a number/);
});

test('every message quotes at most a short excerpt of the input', () => {
  const huge = '7'.repeat(100_000);
  const r = checkField('lr', overfittingFields.lr, huge);
  assert.equal(r.ok, false);
  assert.ok((r as { message: string }).message.length < 300, (r as { message: string }).message.slice(0, 400));
  const key = 'k'.repeat(20_000);
  const c = check(overfittingFields, { [key]: 1 });
  assert.ok(c.problems.join('').length < 400);
  assert.equal(excerpt('<img src=x onerror=alert(1)>'.repeat(3)).length <= 30, true);
});

test('keys named like Object.prototype members are unknown settings, never a crash (links, props, controls)', () => {
  for (const k of PROTO_KEYS) {
    const c = check(overfittingFields, JSON.parse(`{${JSON.stringify(k)}: "1"}`) as Record<string, unknown>);
    assert.equal(c.problems.length, 1, k);
    assert.match(c.problems[0]!, /unknown setting/);
    assert.deepEqual(c.value, defaults(overfittingFields));
    assert.deepEqual(fromQuery(overfittingFields, `${k}=1`).value, defaults(overfittingFields), k);
    const link = readDemoLink(overfittingFields, 'overfitting', `?overfitting.${k}=1`);
    assert.equal(link.fromLink, true);
    assert.match(link.notices.join(' '), /does not have/, k);
    assert.throws(() => checkProps('OverfittingDemo', overfittingFields, JSON.parse(`{${JSON.stringify(k)}: "x"}`) as Record<string, unknown>), /<OverfittingDemo>: unknown setting/, k);
    assert.throws(
      () => demoChrome('OverfittingDemo', overfittingFields, { controls: k }, { id: 'overfitting', title: 't', controls: ['lr'] }),
      /"controls" must list settings of this demo/,
      `controls="${k}"`,
    );
  }
});

test('a link setting a key twice is reported, not silently resolved', () => {
  const r = readDemoLink(overfittingFields, 'overfitting', '?overfitting.lr=garbage&overfitting.lr=0.1');
  assert.equal(r.value.lr, defaults(overfittingFields).lr);
  assert.match(r.notices.join(' '), /sets "lr" 2 times/);
});

test('a link naming 1,000 unknown settings gets a notice of a few lines, not 1,000', () => {
  const q = '?' + Array.from({ length: 1000 }, (_, i) => `overfitting.junk${i}=x`).join('&');
  const r = readDemoLink(overfittingFields, 'overfitting', q);
  assert.equal(r.notices.length, 1);
  assert.match(r.notices[0]!, /^1,000 settings this demo does not have were ignored: "junk0", "junk1", .* and 995 more\.$/);
  assert.ok(r.notices[0]!.length < 200);
});

test('a query or a value too long to be a setting is refused before it is parsed', () => {
  const long = readDemoLink(overfittingFields, 'overfitting', `?overfitting.lr=${'1'.repeat(MAX_QUERY_CHARS + 1)}`);
  assert.deepEqual(long.value, defaults(overfittingFields));
  assert.match(long.notices.join(' '), /too long to read/);
  const value = readDemoLink(overfittingFields, 'overfitting', `?overfitting.seed=${'1'.repeat(500)}`);
  assert.match(value.notices.join(' '), /"seed" is 500 characters long/);
  assert.equal(linkedDemoIds(`?${'x'.repeat(MAX_QUERY_CHARS + 1)}.lr=1`).length, 0);
});

test('good link values are used; other demos’ parameters are not this demo’s business', () => {
  const r = readDemoLink(overfittingFields, 'overfitting', '?overfitting.lr=0.05&overfitting.dataset=circle&other.lr=9');
  assert.equal(r.value.lr, 0.05);
  assert.equal(r.value.dataset, 'circle');
  assert.deepEqual(r.notices, []);
  assert.deepEqual(readDemoLink(overfittingFields, 'overfitting', '?other.lr=9'), { value: defaults(overfittingFields), fromLink: false, notices: [] });
});

test('parameters an island reads itself (a run’s live changes) are neither settings nor unknown', () => {
  const base = defaults(penaltyFields);
  assert.deepEqual(readDemoLink(penaltyFields, 'penalty-effects', '?penalty-effects.changes=10:lr=0.1', base, undefined, ['changes']), { value: base, fromLink: false, notices: [] });
  assert.match(readDemoLink(penaltyFields, 'penalty-effects', '?penalty-effects.changes=10:lr=0.1', base).notices.join(' '), /"changes" this demo does not have/);
});

test('settings the demo cannot run together fall back to the chapter’s settings with a notice', () => {
  const base = defaults(penaltyFields);
  const r = readDemoLink(penaltyFields, 'penalty-effects', '?penalty-effects.penalty=l1-prox&penalty-effects.optimizer=adam', base, combinationProblem);
  assert.deepEqual(r.value, base);
  assert.match(r.notices.join(' '), /cannot be used together .*plain SGD only.*the chapter’s settings are used/);
});

test('a link naming a demo that is not on the page gets a page notice', () => {
  assert.equal(unknownDemoNotice('?overfitting.lr=0.1', ['overfitting']), null);
  assert.equal(unknownDemoNotice('?q=dropout&theme=dark', ['overfitting']), null, 'keys without a demo id are not demo settings');
  assert.match(unknownDemoNotice('?nosuch.lr=5', ['overfitting'])!, /names a demo that is not on this page, "nosuch"; its settings were ignored\. This page has: overfitting\./);
  assert.match(unknownDemoNotice('?OVERFITTING.lr=5', ['overfitting'])!, /Demo ids are lower-case/);
  const many = unknownDemoNotice('?' + Array.from({ length: 300 }, (_, i) => `d${i}.x=1`).join('&'), ['overfitting'])!;
  assert.match(many, /300 demos that are not on this page .* and 295 more/);
  assert.ok(many.length < 300);
});
