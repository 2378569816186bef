import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { demoTrains, expect, hydrated, test } from './fixtures';
import { demos } from '../../src/demos/index';
import type { Field } from '../../src/demos/settings-kit';
import { demoSlug } from '../../src/lib/demo-names';

// A few hundred generated hostile share links (issue 13): keys named like Object.prototype
// members, refused numbers, injection markup, duplicate keys, a thousand unknown settings, huge
// keys and values, unknown demo ids. Each must load with no page error, say what it refused (a
// short notice, on the demo or on the page), and leave the demo working: every few links, it trains.

interface Link {
  query: string;
  /** Where the notice appears: the demo's own, or the page's (a demo id not on the page). */
  notice: 'demo' | 'page';
  what: string;
}

const BAD_NUMBERS = ['-5', '1e6', 'NaN', 'Infinity', '-Infinity', '1e309', '0x10', '0b1', '1,000', '', '%20', '%D9%A3', '%EF%BC%91%EF%BC%92', '%3Cscript%3Ealert(1)%3C%2Fscript%3E', '%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', 'javascript:alert(1)', '9'.repeat(100_000), '%E0%A4%A', '1e-999999', '--1'];
const BAD_WORDS = ['banana', '%3Cb%3Ex%3C%2Fb%3E', '__proto__', 'constructor', '%F0%9F%92%A5'];
const PROTO_KEYS = ['toString', 'constructor', 'hasOwnProperty', 'valueOf', '__proto__', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__'];

function linksFor(id: string, fields: Record<string, Field>): Link[] {
  const names = Object.keys(fields);
  const num = names.find((n) => fields[n]!.kind === 'number' || fields[n]!.kind === 'int')!;
  const word = names.find((n) => fields[n]!.kind === 'enum');
  const links: Link[] = [];
  for (const v of BAD_NUMBERS) links.push({ query: `${id}.${num}=${v}`, notice: 'demo', what: `${num}=${v.slice(0, 30)}` });
  if (word) for (const v of BAD_WORDS) links.push({ query: `${id}.${word}=${v}`, notice: 'demo', what: `${word}=${v}` });
  for (const k of PROTO_KEYS) links.push({ query: `${id}.${k}=1`, notice: 'demo', what: `key ${k}` });
  links.push({ query: `${id}.${num}=garbage&${id}.${num}=1e309`, notice: 'demo', what: 'duplicate key' });
  links.push({ query: Array.from({ length: 1000 }, (_, i) => `${id}.junk${i}=x`).join('&'), notice: 'demo', what: '1,000 unknown settings' });
  links.push({ query: `${id}.${'k'.repeat(20_000)}=1`, notice: 'demo', what: '20 KB key' });
  links.push({ query: `${id.toUpperCase()}.${num}=5`, notice: 'page', what: 'upper-case demo id' });
  links.push({ query: `nosuch.${num}=5`, notice: 'page', what: 'unknown demo id' });
  links.push({ query: `__proto__.${num}=5&constructor.x=1`, notice: 'page', what: 'prototype demo ids' });
  return links;
}

/**
 * The preview server refuses request lines over ~16 KB (HTTP 431) before the page could see them,
 * and a static host may not: the page's HTML is served from dist/ for any query, and the page
 * reads the link itself.
 */
async function servePagesForAnyQuery(page: Page) {
  await page.route('**/*', async (route) => {
    const req = route.request();
    if (req.resourceType() !== 'document') return route.continue();
    const file = join(process.cwd(), 'dist', decodeURIComponent(new URL(req.url()).pathname), 'index.html');
    await route.fulfill({ path: file, contentType: 'text/html; charset=utf-8' });
  });
}

async function tryLinks(page: Page, problems: string[], path: string, id: string, links: Link[]) {
  const demo = page.locator(`section[data-demo="${id}"]`);
  let i = 0;
  for (const link of links) {
    const where = `${path}?${link.what}`;
    await page.goto(`${path}?${link.query}`);
    await hydrated(demo);
    const notice = link.notice === 'demo' ? demo.getByTestId('demo-notice') : page.getByTestId('link-notice');
    await expect(notice, where).toBeVisible();
    // A few lines at most, however long the link.
    expect((await notice.innerText()).length, where).toBeLessThan(1200);
    if (i++ % 8 === 0) await demoTrains(demo);
    expect(problems, where).toEqual([]);
  }
}

// Each demo's embed page takes every kind of link (the page is the demo alone: the same link
// reading as in a chapter, at a fraction of the load); each chapter page takes the links that name
// no demo of it, and a sample of its demos' links in the company of the others.
const chapters = ['what-is-regularization', 'dropout', 'l1-l2', 'batch-normalization', 'early-stopping'];

for (const m of demos) {
  test(`hostile links on the ${m.id} embed page: no page error, a notice for what was refused, the demo still trains`, async ({ page, problems }) => {
    test.setTimeout(300_000);
    await servePagesForAnyQuery(page);
    // Half of the links on each chapter's first demo (the other half on the next chapter's, so
    // every kind is tried on three demos); every fourth on the others (the same code reads them all).
    const n = demos.filter((d) => d.chapter.slug === m.chapter.slug).indexOf(m);
    const g = [...new Set(demos.map((d) => d.chapter.slug))].indexOf(m.chapter.slug);
    const links = linksFor(m.id, m.fields).filter((_, i) => (n === 0 ? i % 2 === g % 2 : i % 4 === n % 4));
    await tryLinks(page, problems, `/embed/${demoSlug(m.component)}/`, m.id, links);
    expect(links.length).toBeGreaterThanOrEqual(8);
  });
}

for (const chapter of chapters) {
  test(`hostile links on /chapters/${chapter}/: unknown demo ids get the page's notice; a demo's own, its notice among the others`, async ({ page, problems }) => {
    test.setTimeout(300_000);
    await servePagesForAnyQuery(page);
    const metas = demos.filter((d) => d.chapter.slug === chapter);
    expect(metas.length).toBeGreaterThan(0);
    for (const [n, m] of metas.entries()) {
      const all = linksFor(m.id, m.fields);
      // The page-level links once per chapter; two of each demo's own (its embed page takes them all).
      const own = all.filter((l) => l.notice === 'demo');
      const links = [...(n === 0 ? all.filter((l) => l.notice === 'page') : []), own[n % own.length], own[own.length - 1 - n]];
      await tryLinks(page, problems, `/chapters/${chapter}/`, m.id, links);
    }
  });
}
